// The console's views: one per activity, as tabs with counts of what is new or pending, a deep link each
// (?exercise=ID#feed), arrow keys within the tabs and the keys 1–8 anywhere outside a field.
import { el } from "../dom.js";
import { $, state, t, text } from "./state.js";

/** Every view, the roles that have it, and the section that holds it. */
const VIEWS = [
  { id: "overview", roles: ["controller", "player", "observer"], section: "view-overview" },
  { id: "control", roles: ["controller"], section: "control-panel" },
  { id: "evaluation", roles: ["observer"], section: "observer-panel" },
  { id: "feed", roles: ["controller", "player", "observer"], section: "view-feed" },
  { id: "space", roles: ["controller", "player", "observer"], section: "view-space" },
  { id: "assessments", roles: ["controller", "player", "observer"], section: "view-assessments" },
  { id: "coordination", roles: ["controller", "player", "observer"], section: "view-coordination" },
  { id: "register", roles: ["controller", "player", "observer"], section: "view-register" },
  { id: "people", roles: ["controller", "player", "observer"], section: "view-people", admin: true },
];

const listeners = [];

/** Calls {@code fn(viewId)} whenever a view is shown (the map must learn its size once its view is visible). */
export function onShow(fn) {
  listeners.push(fn);
}

function role() {
  return state.feed ? state.feed.viewer.role : null;
}

/** The views the user's role has, in order (People for administrators only, whatever their role). */
export function viewsOf(r) {
  return VIEWS.filter((v) => v.roles.includes(r) && (!v.admin || (state.me && state.me.admin)));
}

/** The view a link names (#feed), if the role has it; else the role's first view (control's: the MSEL). */
function wanted(hash) {
  const id = (hash || "").replace(/^#/, "");
  if (viewsOf(role()).some((v) => v.id === id)) return id;
  return role() === "controller" ? "control" : "overview";
}

/** The guide of the role, in the reader's language, at the view's section (People: the administrator's guide). */
function guideFor(r, view) {
  const guide = view === "people" ? "administrator" : { controller: "controller", player: "delegate", observer: "evaluator" }[r] || "delegate";
  return `/guides/${guide}${state.lang === "ko" ? ".ko" : ""}#${view}`;
}

/** Shows one view and hides the others (a view the role lacks is never shown). */
export function showView(id, focus) {
  const r = role();
  const views = viewsOf(r);
  if (!views.some((v) => v.id === id)) id = "overview";
  state.view = id;
  for (const v of VIEWS) $(v.section).hidden = v.id !== id || !views.includes(v);
  for (const tab of $("view-tabs").querySelectorAll("[role=tab]")) {
    const selected = tab.dataset.view === id;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected && focus) tab.focus();
  }
  $("help-link").href = guideFor(r, id);
  if (location.hash !== "#" + id) {
    // a view the user goes to is a step in the browser's history: Back returns to the view before, not out of the exercise
    const url = `${location.pathname}${location.search}#${id}`;
    if (location.hash) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  }
  for (const fn of listeners) fn(id);
}

/**
 * What is new or pending in each view for this user: injects not yet acknowledged (a delegation) or not yet opened
 * (control, observers); questions to answer in their open round (a delegation) or answered and ready to reveal
 * (control); open requests for information; injects of the current move control releases by hand; open items of the
 * register.
 */
export function counts(f) {
  const r = f.viewer.role;
  const me = f.viewer.cell;
  const c = {};
  c.feed = r === "player" ? f.injects.filter((i) => !i.acknowledgedBy.includes(me)).length
    : f.injects.filter((i) => !state.seen.has(i.number)).length;
  if (r === "player") {
    c.assessments = f.questions.filter((q) => q.cells.includes(me)
      && !f.answers.some((a) => a.question === q.id && a.cell === me && a.round === q.round)).length;
  } else if (r === "controller") {
    c.assessments = f.questions.filter((q) => !q.revealedRounds.some((x) => x.round === q.round)
      && f.answers.some((a) => a.question === q.id && a.round === q.round)).length;
  }
  c.coordination = f.rfis.filter((x) => !x.answer).length;
  if (r === "controller") {
    c.control = state.timeline.filter((row) => row.status === "pending" && row.move === f.clock.move && !row.release).length;
  }
  if (state.registerOpen != null) c.register = state.registerOpen;
  return c;
}

/** The tabs for the user's role, with their counts; built once per role, then only their counts change. */
export function renderViews(f) {
  const r = f.viewer.role;
  const tabs = $("view-tabs");
  const key = `${r}|${state.me && state.me.admin}`;
  if (tabs.dataset.role !== key) {
    tabs.dataset.role = key;
    tabs.replaceChildren(...viewsOf(r).map((v, k) => el("button", { type: "button", role: "tab", id: `tab-${v.id}`,
      "data-view": v.id, "aria-controls": VIEWS.find((x) => x.id === v.id).section, "aria-keyshortcuts": String(k + 1),
      onclick: () => showView(v.id, false) },
    el("span", { class: "tab-name", "data-i18n": `view.${v.id}` }, t(`view.${v.id}`)), el("span", { class: "count" }))));
    showView(wanted(location.hash), false);
  }
  $("help-link").href = guideFor(r, state.view); // in the language now chosen
  const c = counts(f);
  // the window's title counts what is new in the feed, read from the taskbar or another tab
  document.title = `${c.feed ? `(${c.feed}) ` : ""}SpaceTTX — ${text(f.exercise.title)}`;
  for (const tab of tabs.querySelectorAll("[role=tab]")) {
    const n = c[tab.dataset.view];
    const badge = tab.querySelector(".count");
    badge.textContent = n ? String(n) : "";
    badge.hidden = !n;
    tab.setAttribute("aria-label", n ? `${t(`view.${tab.dataset.view}`)}: ${n} ${t(`count.${tab.dataset.view}.${r}`)}` : t(`view.${tab.dataset.view}`));
  }
  renderOverview(f, c);
}

/** The overview: the current move, its narrative, and a card per view with something new or pending. */
function renderOverview(f, c) {
  const move = f.move;
  $("overview-move").textContent = move ? `${move.id} · ${text(move.title)}` : t("present.waiting");
  $("overview-narrative").textContent = move ? text(move.narrative) : "";
  const r = f.viewer.role;
  const cards = viewsOf(r).filter((v) => c[v.id]).map((v) => el("li", {},
    el("button", { type: "button", class: "card", "data-card": v.id, onclick: () => showView(v.id, true) },
      el("strong", {}, String(c[v.id])), ` ${t(`count.${v.id}.${r}`)}`, el("span", { class: "meta" }, ` — ${t(`view.${v.id}`)}`))));
  $("overview-cards").replaceChildren(...(cards.length ? cards : [el("li", { class: "meta" }, t("overview.nothing"))]));
}

/** Arrow keys, Home and End move between the tabs; the keys 1–8 choose a view from anywhere outside a field. */
export function wireViews() {
  $("view-tabs").addEventListener("keydown", (e) => {
    const tabs = [...$("view-tabs").querySelectorAll("[role=tab]")];
    const k = tabs.findIndex((x) => x.dataset.view === state.view);
    const next = { ArrowRight: k + 1, ArrowLeft: k - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    showView(tabs[(next + tabs.length) % tabs.length].dataset.view, true);
  });
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-8]$/.test(e.key) || $("exercise-view").hidden) return;
    if (e.target.closest && e.target.closest("input, textarea, select, [contenteditable]")) return;
    const tabs = [...$("view-tabs").querySelectorAll("[role=tab]")];
    const tab = tabs[Number(e.key) - 1];
    if (tab) {
      e.preventDefault();
      showView(tab.dataset.view, true);
    }
  });
  window.addEventListener("hashchange", () => state.feed && showView(wanted(location.hash), false));
  window.addEventListener("popstate", () => state.feed && showView(wanted(location.hash), false));
}
