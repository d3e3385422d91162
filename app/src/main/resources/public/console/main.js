// SpaceTTX web console for control, national cells and observers: start, login, the exercise, the live stream.
// Everything shown comes from the API, which has already filtered it for this user; scenario and user text is
// only ever put into the page as text (textContent), never as markup.
import { el, when } from "../dom.js";
import * as dom from "../dom.js";
import { api, status } from "./api.js";
import { renderCharts, renderQuestions, wireAssessments } from "./assessments.js";
import { renderActivity, renderRoomControls, renderTimeline, wireControl, wireMembers } from "./control.js";
import { renderCoordination, wireCoordination } from "./coordination.js";
import { renderEvaluation, wireEvaluation } from "./evaluation.js";
import { renderInjects, wireFeed } from "./feed.js";
import { wirePeople } from "./people.js";
import { renderWriteForm, wireWriteForm } from "./write.js";
import { renderFeedback, wireFeedback } from "./feedback.js";
import { refreshRegister, wireRegister } from "./register.js";
import { renderReplay, wireReplay } from "./replay.js";
import { refreshMap, showGlobe, wireSpace } from "./space.js";
import { wireTracks } from "./tracks.js";
import { $, restoreDrafts, scenarioNow, state, t, text } from "./state.js";
import { renderViews, wireViews } from "./views.js";
import { announceInjects, wireNotices } from "./notices.js";

// ---- language ----
function applyLanguage() {
  document.documentElement.lang = state.lang;
  $("language").value = state.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  if (state.feed) {
    renderFeed();
    refreshMap(); // place names and window labels in the new language
    if (state.map) state.map.legend();
    if (state.globeOn) showGlobe();
    refreshRegister().catch((e) => status(e.message, true)); // exercise titles and statuses too
  }
}

// ---- views ----
function show(view) {
  for (const id of ["login-view", "list-view", "exercise-view"]) $(id).hidden = id !== view;
  $("logout").hidden = view === "login-view";
  $("notice-controls").hidden = view !== "exercise-view";
  if (view === "login-view") $("plan-link").hidden = true;
}

async function start() {
  $("language").addEventListener("change", () => {
    state.lang = $("language").value;
    localStorage.setItem("spacettx.lang", state.lang);
    applyLanguage();
  });
  $("login-form").addEventListener("submit", login);
  $("session-sign-in").addEventListener("click", () => {
    $("session-ended").hidden = true;
    logout();
  });
  $("notice").addEventListener("click", () => { $("notice").hidden = true; });
  $("cert-login").addEventListener("click", certificateLogin);
  $("logout").addEventListener("click", logout);
  wireControls();
  wireViews();
  applyLanguage();
  try {
    const me = await api("GET", "/api/me");
    signedIn(me);
  } catch (e) {
    show("login-view");
    offerProviders();
  }
}

/** The organisation's identity provider, when the server has one, beside the local form; and why a sign-in failed. */
async function offerProviders() {
  const refused = new URLSearchParams(location.search).get("signin_error");
  if (refused) $("login-error").textContent = refused;
  try {
    const providers = await api("GET", "/api/auth/providers");
    if (providers.oidc) {
      $("oidc-login").textContent = `${t("login.with")} ${providers.oidc.label}`;
      $("oidc-box").hidden = false;
    }
    // a smart card (client certificate) this browser presented to the server: sign in with it, on a click
    if (providers.certificate && providers.certificate.presented) {
      $("cert-login").textContent = `${t("login.certificate")} (${providers.certificate.subject})`;
      $("cert-box").hidden = false;
    }
  } catch (e) {
    /* local sign-in remains */
  }
}

async function login(event) {
  event.preventDefault();
  $("login-error").textContent = "";
  try {
    const me = await api("POST", "/api/session", { username: $("username").value, password: $("password").value });
    $("password").value = "";
    signedIn(me);
  } catch (e) {
    $("login-error").textContent = e.status === 401 ? t("login.failed") : e.message;
  }
}

async function certificateLogin() {
  $("login-error").textContent = "";
  try {
    signedIn(await api("POST", "/api/session/certificate", {}));
  } catch (e) {
    $("login-error").textContent = e.message;
  }
}

async function logout() {
  closeStream();
  state.me = null; // signing out: a session found gone is no news now
  $("session-ended").hidden = true;
  try { await api("DELETE", "/api/session"); } catch (e) { /* the session may already be gone */ }
  state.csrf = null; state.exercise = null; state.feed = null;
  $("who").textContent = "";
  history.replaceState(null, "", "/");
  show("login-view");
}

async function signedIn(me) {
  $("session-ended").hidden = true;
  state.csrf = me.csrfToken;
  state.me = me;
  $("who").textContent = me.displayName ? `${me.displayName} (${me.username})` : me.username;
  $("plan-link").hidden = !(me.admin || me.planner);
  state.eventTypes = await api("GET", "/api/event-types");
  const exercises = await api("GET", "/api/exercises");
  const wanted = new URLSearchParams(location.search).get("exercise");
  const serving = exercises.filter((x) => !x.failed);
  if (wanted && serving.some((x) => x.id === wanted)) return openExercise(wanted);
  if (exercises.length === 1 && serving.length === 1) return openExercise(serving[0].id);
  const list = $("exercise-list");
  // an exercise this server could not load is listed, not opened, with why
  list.replaceChildren(...exercises.map((x) => x.failed
    ? el("li", { class: "failed" }, text(x.title), ` — ${t("exercise.failed")}: ${x.failed}`)
    : el("li", {},
      el("a", { href: `?exercise=${encodeURIComponent(x.id)}`, onclick: (e) => { e.preventDefault(); openExercise(x.id); } },
        text(x.title)), ` — ${x.role}, ${x.cell}`)));
  show("list-view");
}

// ---- exercise ----
async function openExercise(id) {
  state.exercise = id;
  state.registerStale = true;
  state.seen = new Set(JSON.parse(localStorage.getItem(`spacettx.seen.${id}`) || "[]"));
  history.replaceState(null, "", `?exercise=${encodeURIComponent(id)}${location.hash}`); // a view named in the link stays
  show("exercise-view");
  await refresh();
  restoreDrafts();
  openStream();
  if (!state.clockTimer) {
    let seconds = 0;
    state.clockTimer = setInterval(() => {
      renderClock();
      // while the clock runs, satellites move: redraw the picture every 5 s (the server caches it per minute)
      if (state.feed && state.feed.clock.running && ++seconds % 5 === 0) refreshMap();
    }, 1000);
  }
}

async function refresh() {
  try {
    const base = `/api/exercises/${encodeURIComponent(state.exercise)}`;
    // in replay, the page shows the exercise just after the chosen event, with its clock stopped there
    state.feed = await api("GET", state.replay == null ? `${base}/feed` : `${base}/replay?seq=${state.replay}`);
    state.feedAt = Date.now();
    if (state.feed.viewer.role === "controller") {
      state.timeline = await api("GET", `/api/exercises/${encodeURIComponent(state.exercise)}/timeline`);
    }
    renderFeed();
    await refreshMap();
    // the register changes with action items only: it is not fetched again on every other event
    if (state.registerStale) {
      state.registerStale = false;
      await refreshRegister();
    }
  } catch (e) {
    if (e.status === 401) {
      closeStream(); // the session has ended: said over the page (api), nothing more to fetch
      return;
    }
    status(e.message, true);
  }
}

function scheduleRefresh(delay) {
  clearTimeout(state.refresh);
  state.refresh = setTimeout(refresh, delay);
}

function openStream() {
  closeStream();
  // EventSource resends the last event id itself when it reconnects, so nothing is missed across a drop.
  const source = new EventSource(`/api/exercises/${encodeURIComponent(state.exercise)}/stream`);
  const onEvent = (event) => {
    if (event.type === "ActionItemSaved") state.registerStale = true;
    scheduleRefresh(150); // the status of the user's last action stays until their next one
  };
  // the server names the kinds of event it records: a new kind needs no change here
  for (const type of state.eventTypes) source.addEventListener(type, onEvent);
  source.onerror = () => {
    state.liveLost = true;
    status(t("live.lost"), true);
  };
  source.onopen = () => {
    if (state.liveLost) status("");
    state.liveLost = false;
  };
  state.stream = source;
}

function closeStream() {
  if (state.stream) state.stream.close();
  state.stream = null;
}

// ---- rendering ----
function renderFeed() {
  const f = state.feed;
  $("exercise-title").textContent = text(f.exercise.title);
  // the report as this user may see it, in the interface's language, opened beside the console
  const base = `/api/exercises/${encodeURIComponent(state.exercise)}`;
  $("report-link").href = `${base}/report?lang=${state.lang}`;
  $("report-pdf-link").href = `${base}/report?format=pdf&lang=${state.lang}`;
  $("kml-link").href = `${base}/space.kml?lang=${state.lang}`;
  $("ics-link").href = `${base}/warning.ics?lang=${state.lang}`;
  $("czml-link").href = `${base}/space.czml?lang=${state.lang}`;
  $("archive-link").href = `${base}/archive`;
  $("archive-link-item").hidden = f.viewer.role !== "controller";
  renderReplay(f);
  for (const id of ["banner-top", "banner-bottom"]) $(id).textContent = f.exercise.banner;
  const control = f.viewer.role === "controller";
  renderClock();
  renderInjects(f);
  renderQuestions(f);
  if (control) {
    renderTimeline(f);
    renderActivity(f);
    renderRoomControls(f);
    renderWriteForm(f);
  }
  renderCoordination(f);
  renderCharts(f);
  renderFeedback(f);
  if (f.viewer.role === "observer") renderEvaluation(f);
  renderViews(f); // tabs and their counts, the overview, the window's title
  announceInjects(f);
}

function renderClock() {
  if (!state.feed) return;
  const c = state.feed.clock;
  $("clock-time").textContent = when(scenarioNow().toISOString());
  $("clock-move").textContent = c.move || "—";
  $("clock-state").textContent = dom.clockState(c, t);
}

// ---- control ----
/** Each view wires its own controls. */
function wireControls() {
  wireControl();
  wireFeed();
  wireSpace();
  wireTracks();
  wireAssessments();
  wireCoordination();
  wireRegister();
  wireEvaluation();
  wireReplay(refresh);
  wirePeople();
  wireMembers();
  wireWriteForm();
  wireFeedback();
  wireNotices();
}

document.addEventListener("DOMContentLoaded", start);
