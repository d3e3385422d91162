// SpaceTTX web console: one page for control, national cells and observers.
// Everything shown comes from the API, which has already filtered it for this user; scenario and user text is
// only ever put into the page as text (textContent), never as markup.
"use strict";

(() => {
  const state = { csrf: null, me: null, exercise: null, feed: null, timeline: [], stream: null, map: null,
    eventTypes: [], lang: localStorage.getItem("spacettx.lang") || "en", refresh: null, clockTimer: null, seen: new Set() };

  const $ = (id) => document.getElementById(id);
  const t = (key) => (window.I18N[state.lang] || window.I18N.en)[key] || window.I18N.en[key] || key;
  const text = (value) => value == null ? "" : typeof value === "string" ? value : (value[state.lang] || value.en || "");

  const { el, svg, when, widest, barChart } = window.SpaceTTXDom;

  function renderCharts(f) {
    const rows = f.questions.map((q) => {
      const last = q.revealedRounds[q.revealedRounds.length - 1];
      const d = last ? last.divergence : null;
      return { label: q.id, value: d, text: d == null ? "" : `${Math.round(d * 100)} %` };
    });
    $("divergence-chart").replaceChildren(barChart(rows, 1, t("chart.divergence"), t("chart.none")));
    const moves = f.moves.map((m) => ({ label: `${m.id} ${text(m.title)}`.slice(0, 24), value: m.unifiedUnderstanding,
      text: m.unifiedUnderstanding == null ? "" : Math.round(m.unifiedUnderstanding).toString() }));
    $("unified-chart").replaceChildren(barChart(moves, 100, t("chart.unified"), t("chart.none")));
  }

  /** Overflight windows per satellite and place on a 48-hour axis centred on the scenario time. */
  function windowChart(picture) {
    const now = Date.parse(picture.time), span = 24 * 3600e3;
    const label = (w) => `${text(w.object)} → ${text(w.target)}`;
    const rows = [...new Set(picture.windows.map(label))].sort();
    if (!rows.length) return el("p", { class: "meta" }, "—");
    const left = widest(rows) + 12; // the label column as wide as the longest label (they were cut off at the left)
    const rowHeight = 18, top = 18, plot = 380, width = left + plot + 10;
    const x = (ms) => left + plot * (ms - (now - span)) / (2 * span);
    const ticks = [];
    for (let h = -24; h <= 24; h += 6) {
      ticks.push(svg("line", { x1: x(now + h * 3600e3), x2: x(now + h * 3600e3), y1: top - 4, y2: top + rows.length * rowHeight, class: "tick" }),
        svg("text", { x: x(now + h * 3600e3), y: top - 6, "text-anchor": "middle", class: "label" }, h === 0 ? t("map.now") : `${h > 0 ? "+" : ""}${h} ${t("unit.h")}`));
    }
    return svg("svg", { viewBox: `0 0 ${width} ${top + rows.length * rowHeight + 4}`, role: "img", class: "timeline",
      "aria-label": `${t("map.windows")}: ${picture.windows.length}` },
    ticks,
    rows.map((r, k) => svg("text", { x: left - 6, y: top + k * rowHeight + 13, "text-anchor": "end", class: "label" }, r)),
    picture.windows.map((w) => {
      const k = rows.indexOf(label(w));
      const a = Math.max(x(Date.parse(w.start)), left), b = Math.min(x(Date.parse(w.end)), left + plot);
      return svg("rect", { x: a, y: top + k * rowHeight + 3, width: Math.max(2, b - a), height: rowHeight - 6, class: "window" },
        svg("title", {}, windowText(w)));
    }),
    svg("line", { x1: x(now), x2: x(now), y1: top - 2, y2: top + rows.length * rowHeight, class: "now" }));
  }

  /** One overflight window as a line of text, in the current language. */
  const windowText = (w) => `${text(w.object)} → ${text(w.target)}: ${when(w.start)} – ${when(w.end)}`;

  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET" && state.csrf) headers["X-CSRF-Token"] = state.csrf;
    const response = await fetch(path, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 204) return null;
    const data = await response.json().catch(() => ({ error: response.statusText }));
    if (!response.ok) {
      const error = new Error(data.error || ("HTTP " + response.status));
      error.status = response.status;
      throw error;
    }
    return data;
  }

  function status(message, isError) {
    const s = $("status");
    s.textContent = message || "";
    s.classList.toggle("error", !!isError);
  }

  async function command(body) {
    try {
      await api("POST", `/api/exercises/${encodeURIComponent(state.exercise)}/commands`, body);
      status(t("done")); // its events come back over the live stream, which redraws the page once
    } catch (e) {
      status(e.message, true);
    }
  }

  // ---- language ----
  function applyLanguage() {
    document.documentElement.lang = state.lang;
    $("language").value = state.lang;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
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
  }

  async function start() {
    $("language").addEventListener("change", () => {
      state.lang = $("language").value;
      localStorage.setItem("spacettx.lang", state.lang);
      applyLanguage();
    });
    $("login-form").addEventListener("submit", login);
    $("logout").addEventListener("click", logout);
    wireControls();
    applyLanguage();
    try {
      const me = await api("GET", "/api/me");
      signedIn(me);
    } catch (e) {
      show("login-view");
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

  async function logout() {
    closeStream();
    try { await api("DELETE", "/api/session"); } catch (e) { /* the session may already be gone */ }
    state.csrf = null; state.me = null; state.exercise = null; state.feed = null;
    $("who").textContent = "";
    history.replaceState(null, "", "/");
    show("login-view");
  }

  async function signedIn(me) {
    state.csrf = me.csrfToken;
    state.me = me;
    $("who").textContent = me.displayName ? `${me.displayName} (${me.username})` : me.username;
    state.eventTypes = await api("GET", "/api/event-types");
    const exercises = await api("GET", "/api/exercises");
    const wanted = new URLSearchParams(location.search).get("exercise");
    if (wanted && exercises.some((x) => x.id === wanted)) return openExercise(wanted);
    if (exercises.length === 1) return openExercise(exercises[0].id);
    const list = $("exercise-list");
    list.replaceChildren(...exercises.map((x) => el("li", {},
      el("a", { href: `?exercise=${encodeURIComponent(x.id)}`, onclick: (e) => { e.preventDefault(); openExercise(x.id); } },
        text(x.title)), ` — ${x.role}, ${x.cell}`)));
    show("list-view");
  }

  // ---- exercise ----
  async function openExercise(id) {
    state.exercise = id;
    state.registerStale = true;
    state.seen = new Set(JSON.parse(localStorage.getItem(`spacettx.seen.${id}`) || "[]"));
    history.replaceState(null, "", `?exercise=${encodeURIComponent(id)}`);
    show("exercise-view");
    await refresh();
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
      if (e.status === 401) return logout();
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
    document.title = `SpaceTTX — ${text(f.exercise.title)}`;
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
    $("control-panel").hidden = !control;
    $("observer-panel").hidden = f.viewer.role !== "observer";
    renderClock();
    renderInjects(f);
    renderQuestions(f);
    if (control) {
      renderTimeline(f);
      renderActivity(f);
      renderRoomControls(f);
    }
    renderCoordination(f);
    renderCharts(f);
    if (f.viewer.role === "observer") {
      fillSelect($("obs-objective"), f.objectives.map((o) => [o.id, `${o.id}: ${text(o.title)}`]));
      fillSelect($("obs-inject"), [["", "—"], ...f.injects.map((i) => [String(i.number), `#${i.number} ${text(i.subject)}`])]);
      $("observations").replaceChildren(...f.observations.map((o) =>
        el("li", {}, `${o.objective}${o.inject ? " · #" + o.inject : ""} · ${o.rating}/5 · ${o.text} (${o.observer})`)));
    }
  }

  const scenarioNow = () => window.SpaceTTXDom.scenarioNow(state.feed.clock, state.feedAt);

  function renderClock() {
    if (!state.feed) return;
    const c = state.feed.clock;
    $("clock-time").textContent = when(scenarioNow().toISOString());
    $("clock-move").textContent = c.move || "—";
    $("clock-state").textContent = window.SpaceTTXDom.clockState(c, t);
  }

  /**
   * The feed: injects and messages in one stream, newest first by scenario time, filtered as the user chose; a
   * delegation can acknowledge every injection not yet acknowledged at once.
   */
  function renderInjects(f) {
    const list = $("feed");
    const me = f.viewer.cell;
    const filter = $("feed-filter").value;
    const unacked = f.injects.filter((i) => !i.acknowledgedBy.includes(me));
    $("ack-all").hidden = f.viewer.role !== "player" || unacked.length === 0 || !!f.replay;
    const entries = [
      ...(filter === "messages" ? [] : (filter === "unacknowledged" ? unacked : f.injects)
        .map((i) => ({ time: i.releasedAt, order: i.number, node: () => injectItem(f, i, me) }))),
      ...(filter === "all" || filter === "messages" ? f.messages.map((m, k) => ({ time: m.scenarioTime, order: -k - 1, node: () => messageItem(m) })) : [])];
    if (!entries.length) {
      list.replaceChildren(el("li", { class: "empty" }, t(filter === "all" ? "feed.empty" : "feed.none")));
      return;
    }
    entries.sort((a, b) => b.time.localeCompare(a.time) || b.order - a.order);
    list.replaceChildren(...entries.map((e) => e.node()));
  }

  function messageItem(m) {
    return el("li", { class: "inject message", "data-time": m.scenarioTime },
      el("div", { class: "meta" }, el("span", { class: "marking" }, m.marking), ` ${m.fromCell} → ${m.toCell} · ${when(m.scenarioTime)}`),
      el("p", {}, m.body));
  }

  function injectItem(f, i, me) {
    const acked = i.acknowledgedBy.includes(me);
    const unread = !state.seen.has(i.number);
    const markRead = () => {
      if (state.seen.has(i.number)) return;
      state.seen.add(i.number);
      localStorage.setItem(`spacettx.seen.${state.exercise}`, JSON.stringify([...state.seen]));
      li.classList.remove("unread");
    };
    const li = el("li", { class: "inject" + (unread ? " unread" : ""), "data-inject": i.number, "data-time": i.releasedAt, tabindex: 0,
      onclick: markRead, onfocus: markRead },
      el("div", { class: "meta" }, el("span", { class: "marking" }, i.marking),
        ` #${i.number} · ${i.move} · ${t("channel." + i.channel)} · ${i.from} → ${i.to.join(", ")} · ${when(i.releasedAt)}`),
      el("strong", {}, text(i.subject)),
      el("p", {}, text(i.body)),
      i.attachments.length ? el("p", { class: "meta" }, i.attachments.map((a) => `${t("attachment." + a.kind)}: ${a.object} (${a.hours} ${t("unit.h")})`).join("; ")) : null,
      i.expectedAction ? el("p", { class: "meta" }, "→ " + text(i.expectedAction)) : null,
      el("div", { class: "meta" }, i.acknowledgedBy.length ? `${t("feed.acked")}: ${i.acknowledgedBy.join(", ")}` : ""),
      f.viewer.role === "player" && !acked
        ? el("button", { type: "button", class: "secondary", onclick: () => command({ type: "AcknowledgeInject", number: i.number }) }, t("feed.ack"))
        : null);
    return li;
  }

  /** Acknowledges, one after the other, every inject of the feed the user's cell has not acknowledged. */
  async function acknowledgeAll() {
    const me = state.feed.viewer.cell;
    const numbers = state.feed.injects.filter((i) => !i.acknowledgedBy.includes(me)).map((i) => i.number);
    try {
      for (const number of numbers) {
        await api("POST", `/api/exercises/${encodeURIComponent(state.exercise)}/commands`, { type: "AcknowledgeInject", number });
      }
      status(t("done"));
    } catch (e) {
      status(e.message, true);
    }
  }

  function renderTimeline(f) {
    $("msel").tBodies[0].replaceChildren(...state.timeline.map((row) => el("tr", { "data-msel": row.number },
      el("td", {}, row.number), el("td", {}, row.move, el("br"), text(row.subject)), el("td", {}, when(row.release)),
      el("td", {}, text(row.trigger)), el("td", {}, row.marking),
      el("td", {}, t("msel." + row.status), row.releasedAt ? ` ${when(row.releasedAt)}` : "",
        row.acknowledgedBy.length ? el("div", { class: "meta" }, `${t("feed.acked")}: ${row.acknowledgedBy.join(", ")}`) : null),
      el("td", { class: "actions" }, row.status === "released"
        ? el("button", { type: "button", class: "secondary", "aria-label": `${t("msel.withdraw")} #${row.number}`,
          onclick: () => {
            const reason = window.prompt(`${t("msel.reason")} #${row.number}`);
            if (reason) command({ type: "WithdrawInject", number: row.number, reason });
          } }, t("msel.withdraw"))
        : el("button", { type: "button", class: "secondary", "aria-label": `${t("msel.release.button")} #${row.number}`,
          onclick: () => command({ type: "ReleaseInject", number: row.number }) }, t("msel.release.button")),
      // only what every delegation may see can go on the room's screen (the server says which)
      row.room ? el("button", { type: "button", class: "secondary", "aria-label": `${t("present.showInRoom")} #${row.number}`,
        onclick: () => present("inject", String(row.number)) }, t("present.showInRoom")) : null))));
    const moves = [...new Set(state.timeline.map((r) => r.move))];
    const jump = $("jump-move");
    if (jump.options.length !== moves.length) jump.replaceChildren(...moves.map((m) => el("option", { value: m }, m)));
  }

  function renderCoordination(f) {
    const role = f.viewer.role;
    const to = $("msg-to");
    const others = f.cells.filter((c) => c.id !== f.viewer.cell && c.kind !== "OBSERVER");
    if (to.options.length !== others.length || to.dataset.lang !== state.lang) {
      const chosen = to.value;
      to.replaceChildren(...others.map((c) => el("option", { value: c.id }, `${text(c.name)} (${c.id})`)));
      to.dataset.lang = state.lang;
      if (chosen) to.value = chosen;
    }
    $("message-form").hidden = role === "observer";
    $("rfi-form").hidden = role !== "player";
    for (const id of ["msg-marking", "rfi-marking"]) {
      const select = $(id);
      if (select.options.length !== f.markings.length) {
        const chosen = select.value;
        select.replaceChildren(...f.markings.map((m) => el("option", { value: m }, m)));
        if (f.markings.includes(chosen)) select.value = chosen;
      }
    }
    const typed = keepTyped($("rfis"));
    $("rfis").replaceChildren(...f.rfis.map((r) => {
      const li = el("li", { "data-rfi": r.id }, el("span", { class: "marking" }, r.marking), ` ${r.id} · ${r.cell}: ${r.question} — `,
        r.answer ? el("strong", {}, r.answer) : el("em", {}, t("rfi.open")));
      if (role === "controller" && !r.answer) {
        const input = el("input", { id: `rfi-answer-${r.id}`, "aria-label": `${t("rfi.answer")} ${r.id}` });
        li.append(" ", input, " ", el("button", { type: "button", class: "secondary",
          onclick: () => input.value && command({ type: "AnswerRfi", rfi: r.id, answer: input.value }) }, t("rfi.answer")));
      }
      return li;
    }));
    typed();
    const st = f.statement;
    $("statement-text").textContent = st.text || t("statement.none");
    $("statement-status").textContent = [
      st.agreedBy.length ? `${t("statement.agreedBy")}: ${st.agreedBy.join(", ")}` : "",
      st.dissents.length ? `${t("statement.dissents")}: ${st.dissents.join(" | ")}` : ""].filter(Boolean).join(" · ");
    $("statement-draft-form").hidden = role !== "controller";
    $("statement-player").hidden = role !== "player" || !st.text;
    $("action-form").hidden = role === "observer";
    const nations = [...new Set(f.cells.map((c) => c.nation).filter((n) => /^[A-Z]{3}$/.test(n || "")))];
    const owner = $("action-owner");
    if (owner.options.length !== nations.length) {
      owner.replaceChildren(...nations.map((n) => el("option", { value: n }, n)));
      if (nations.includes(f.viewer.nation)) owner.value = f.viewer.nation;
    }
    $("action-items").tBodies[0].replaceChildren(...f.actionItems.map((a) => el("tr", {},
      el("td", {}, a.id), el("td", {}, a.title), el("td", {}, a.ownerNation), el("td", {}, a.due || "—"), el("td", {}, t("status." + a.status)))));
  }

  /** The replay slider: events 0..N; in replay, forms and control's buttons are set aside (they act on the live exercise). */
  function renderReplay(f) {
    const slider = $("replay-seq");
    const total = f.replay ? f.replay.events : f.lastSequence;
    slider.max = String(total);
    if (state.replay == null) slider.value = String(total);
    const replaying = state.replay != null;
    document.body.classList.toggle("replaying", replaying);
    $("replay-live").hidden = !replaying;
    $("replay-at").textContent = replaying
      ? `${f.replay.seq} / ${total} — ${when(f.replay.scenarioTime)}` : `${total} / ${total} (${t("replay.now")})`;
  }

  const STATUSES = ["open", "in-progress", "done", "dropped"];
  const origin = (e) => `${e.originMove || "—"}${e.originInject ? ` · #${e.originInject}` : ""}`;

  /** The working group's register (entries of the user's exercises) and the read-ahead of this exercise. */
  async function refreshRegister() {
    const filter = $("register-status").value;
    const query = filter ? `?status=${encodeURIComponent(filter)}` : "";
    const [entries, readAhead] = await Promise.all([api("GET", `/api/register${query}`),
      api("GET", `/api/exercises/${encodeURIComponent(state.exercise)}/read-ahead`)]);
    $("register-csv").href = `/api/register?format=csv${filter ? `&status=${encodeURIComponent(filter)}` : ""}`;
    $("read-ahead").hidden = readAhead.length === 0;
    $("read-ahead-list").replaceChildren(...readAhead.map((e) => el("li", {},
      el("strong", {}, e.title), ` — ${e.ownerNation}, ${t("actions.due")} ${e.due || "—"}, ${t("status." + e.status)} `,
      `(${text(e.exerciseTitle)}, ${origin(e)})`)));
    $("register-items").tBodies[0].replaceChildren(...entries.map((e) => {
      let status = t("status." + e.status);
      if (e.canUpdate) {
        status = el("select", { "aria-label": `${t("actions.status")} ${e.item}`, "data-register": e.id,
          onchange: (event) => updateRegister(e.id, event.target.value) },
          STATUSES.map((s) => el("option", { value: s, selected: s === e.status }, t("status." + s))));
      }
      return el("tr", {}, el("td", {}, text(e.exerciseTitle)), el("td", {}, e.item), el("td", {}, origin(e)), el("td", {}, e.title),
        el("td", {}, e.ownerNation), el("td", {}, e.due || "—"), el("td", {}, status));
    }));
  }

  async function updateRegister(id, value) {
    try {
      await api("POST", `/api/register/${id}`, { status: value });
      status(t("done"));
    } catch (e) {
      status(e.message, true);
    }
    await refreshRegister();
  }

  /**
   * Notes what the user has typed or chosen in a part of the page about to be redrawn, and where the focus is;
   * the returned function puts both back into the redrawn elements of the same ids.
   */
  function keepTyped(container) {
    const values = new Map([...container.querySelectorAll("input, select, textarea")].map((n) =>
      [n.id, n.multiple ? [...n.selectedOptions].map((o) => o.value) : n.value]));
    const focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : null;
    return () => {
      for (const [id, value] of values) {
        const n = document.getElementById(id);
        if (!n) continue;
        if (n.multiple) for (const o of n.options) o.selected = value.includes(o.value);
        else n.value = value;
      }
      if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
    };
  }

  /** Replaces a select's options by [value, label] pairs when they changed, keeping the choice. */
  function fillSelect(select, options) {
    const key = JSON.stringify(options);
    if (select.dataset.options === key) return;
    const chosen = select.value;
    select.replaceChildren(...options.map(([value, label]) => el("option", { value }, label)));
    select.dataset.options = key;
    if (options.some(([value]) => value === chosen)) select.value = chosen;
  }

  /** For control: what each delegation has done so far, from the feed control sees. */
  /** Puts something on the room's screen (the presenter view). */
  const present = (kind, ref) => command({ type: "PresentItem", kind, ref });

  /** What the room's screen shows now, and the link that opens it (in the console's language). */
  function renderRoomControls(f) {
    const p = f.presentation;
    const what = p.kind === "inject" ? `${t("present.kind.inject")} #${p.ref}`
      : p.kind === "question" ? `${t("present.kind.question")} ${p.ref}` : t("present.kind." + p.kind);
    $("present-shows").textContent = `${t("present.shows")}: ${what}`;
    $("present-open").href = `/present.html?exercise=${encodeURIComponent(state.exercise)}&lang=${state.lang}`;
  }

  function renderActivity(f) {
    const rounds = new Map(f.questions.map((q) => [q.id, q.round]));
    $("activity").tBodies[0].replaceChildren(...f.cells.filter((c) => c.kind === "BLUE" || c.kind === "RED").map((c) => {
      const reached = f.injects.filter((i) => i.to.includes(c.id) || i.to.includes("all"));
      const acked = reached.filter((i) => i.acknowledgedBy.includes(c.id));
      const answered = new Set(f.answers.filter((a) => a.cell === c.id && rounds.get(a.question) === a.round).map((a) => a.question));
      const asked = f.questions.filter((q) => q.cells.includes(c.id));
      const rfis = f.rfis.filter((r) => r.cell === c.id);
      return el("tr", { "data-cell": c.id }, el("td", {}, `${text(c.name)} (${c.id})`),
        el("td", {}, `${acked.length} / ${reached.length}`), el("td", {}, `${answered.size} / ${asked.length}`),
        el("td", {}, f.messages.filter((m) => m.fromCell === c.id).length),
        el("td", {}, `${rfis.length} (${rfis.filter((r) => !r.answer).length})`));
    }));
  }

  /** An answer as people read it: a number, or the chosen options' texts in the current language. */
  const describeValue = (v, q) => window.SpaceTTXDom.describeValue(v, q, text);


  function renderQuestions(f) {
    const box = $("questions");
    // Redraw only when something shown changed, and keep what a user is typing in an answer form meanwhile.
    const signature = JSON.stringify([state.lang, f.questions, f.answers]);
    if (box.dataset.signature === signature) return;
    box.dataset.signature = signature;
    const typed = keepTyped(box);
    const player = f.viewer.role === "player";
    const control = f.viewer.role === "controller";
    box.replaceChildren(el("p", { class: "meta" }, t("questions.blind")), ...f.questions.map((q) => {
      const mine = f.answers.filter((a) => a.question === q.id && a.cell === f.viewer.cell && a.round === q.round);
      const revealed = f.answers.filter((a) => a.question === q.id && a.revealed);
      const node = el("div", { class: "question", "data-question": q.id },
        el("strong", {}, `${q.id} (${q.move}) `), text(q.text),
        q.options.length ? el("ul", {}, q.options.map((o) => el("li", {}, `${o.id}: ${text(o.text)}`))) : null,
        el("div", { class: "meta" }, `${t("questions.roundLabel")} ${q.round}`));
      if (mine.length) node.append(el("p", {}, `${t("questions.yours")}: ${describeValue(mine[mine.length - 1].value, q)}`));
      if (player) node.append(answerForm(q));
      if (control) {
        const answeredBy = [...new Set(f.answers.filter((a) => a.question === q.id && a.round === q.round).map((a) => a.cell))];
        node.append(el("p", { class: "meta" }, `${t("questions.answeredBy")}: ${answeredBy.join(", ") || "—"}`));
        node.append(el("div", { class: "row" },
          el("button", { type: "button", onclick: () => command({ type: "RevealQuestion", question: q.id }) }, t("questions.reveal")),
          el("button", { type: "button", class: "secondary", onclick: () => command({ type: "OpenRound", question: q.id }) }, t("questions.round")),
          q.revealedRounds.length ? el("button", { type: "button", class: "secondary", "aria-label": `${t("present.showInRoom")} ${q.id}`,
            onclick: () => present("question", q.id) }, t("present.showInRoom")) : null));
      }
      for (const r of q.revealedRounds) {
        const answers = revealed.filter((a) => a.round === r.round);
        node.append(el("h4", {}, `${t("questions.revealed")} — ${t("questions.roundLabel")} ${r.round}`),
          el("div", { class: "answers" }, answers.map((a) => el("div", { class: "answer" },
            el("strong", {}, a.cell), ` ${describeValue(a.value, q)}${q.unit ? " " + q.unit : ""} · ${t("confidence." + a.confidence)}`,
            a.rationale ? el("p", {}, a.rationale) : null))),
          el("p", { class: "divergence" }, `${t("questions.divergence")}: ${r.divergence == null ? "—" : Math.round(r.divergence * 100) + " %"}`));
      }
      return node;
    }));
    typed();
  }

  function answerForm(q) {
    const id = `answer-${q.id}`;
    let input;
    if (q.type === "SINGLE") {
      input = el("select", { id }, q.options.map((o) => el("option", { value: o.id }, `${o.id}: ${text(o.text)}`)));
    } else if (q.type === "MULTIPLE") {
      input = el("select", { id, multiple: true }, q.options.map((o) => el("option", { value: o.id }, `${o.id}: ${text(o.text)}`)));
    } else if (q.type === "TEXT") {
      input = el("textarea", { id });
    } else {
      const range = q.type === "PROBABILITY" ? { min: 0, max: 100 } : q.type === "SCALE" ? { min: 1, max: 5 } : {};
      input = el("input", { id, type: "number", step: "any", required: true, ...range });
    }
    const confidence = el("select", { id: `${id}-confidence` },
      ["LOW", "MODERATE", "HIGH"].map((c) => el("option", { value: c }, t("confidence." + c))));
    const rationale = el("input", { id: `${id}-rationale` });
    return el("form", { class: "answer-form", onsubmit: (e) => {
      e.preventDefault();
      let value;
      if (q.type === "SINGLE") value = { type: "Choice", option: input.value };
      else if (q.type === "MULTIPLE") value = { type: "Choices", options: [...input.selectedOptions].map((o) => o.value) };
      else if (q.type === "TEXT") value = { type: "Free", text: input.value };
      else value = { type: "Number", value: Number(input.value) };
      command({ type: "SubmitAnswer", question: q.id, value, confidence: confidence.value, rationale: rationale.value });
    } }, el("label", { for: id }, q.id), input,
      el("label", { for: `${id}-confidence` }, t("questions.confidence")), confidence,
      el("label", { for: `${id}-rationale` }, t("questions.rationale")), rationale,
      el("button", { type: "submit" }, t("questions.submit")));
  }

  // ---- map ----
  /** The colours of the space picture's allies: the nations with a delegation. */
  function alliedNations() {
    return new Set((state.feed ? state.feed.cells : []).filter((c) => c.kind === "BLUE").map((c) => c.nation));
  }

  const mapUi = { t: (key) => t(key), text: (value) => text(value), windowText: (w) => windowText(w) };

  async function ensureMap() {
    if (state.map || !window.L) return;
    state.map = window.SpaceMap.create("map", mapUi, { legend: true, onRedraw: () => state.picture && drawPicture(state.picture) });
    try {
      await state.map.basemap();
    } catch (e) {
      status("world map unavailable: " + e.message, true);
    }
  }

  /** The picture on the map; the first one fitted to places and satellites, or the followed satellite kept in view. */
  function drawPicture(picture) {
    const follow = $("map-follow").value;
    state.map.draw(picture, alliedNations(), follow);
    if (!follow && !state.fitted) {
      state.map.fit(picture);
      state.fitted = true;
    }
    fillSelect($("map-follow"), [["", t("map.followNone")], ...picture.objects.filter((o) => o.inOrbit).map((o) => [o.id, text(o.name)])]);
  }

  async function refreshMap() {
    await ensureMap();
    let picture;
    try {
      picture = await api("GET", `/api/exercises/${encodeURIComponent(state.exercise)}/space?at=${encodeURIComponent(scenarioNow().toISOString())}`);
    } catch (e) {
      $("windows").replaceChildren(el("li", {}, e.message));
      return;
    }
    if (state.map) {
      state.picture = picture;
      drawPicture(picture);
    }
    $("window-chart").replaceChildren(windowChart(picture));
    const now = Date.parse(picture.time);
    const rows = picture.next.slice().sort((a, b) => text(a.target).localeCompare(text(b.target)) || a.start.localeCompare(b.start));
    $("next-windows").tBodies[0].replaceChildren(...rows.map((w) => {
      const minutes = Math.round((Date.parse(w.start) - now) / 60e3);
      return el("tr", { "data-next": `${w.norad}|${w.place}` }, el("td", {}, text(w.target)), el("td", {}, text(w.object)),
        el("td", {}, when(w.start)),
        el("td", {}, minutes <= 0 ? t("next.now") : `${Math.floor(minutes / 60)} ${t("unit.h")} ${String(minutes % 60).padStart(2, "0")} ${t("unit.min")}`));
    }));
    $("windows").replaceChildren(...picture.windows.map((w) => el("li", {}, windowText(w))));
  }

  // ---- globe ----
  /**
   * Switches the space picture between the map and the 3D globe. The globe is a page of its own in a frame
   * (globe.html): CesiumJS needs a content policy this page does not grant (inline styles, workers from blob: URLs).
   */
  function toggleGlobe() {
    state.globeOn = !state.globeOn;
    $("map").hidden = state.globeOn;
    $("globe").hidden = !state.globeOn;
    $("view-globe").setAttribute("aria-pressed", String(state.globeOn));
    $("view-globe").dataset.i18n = state.globeOn ? "globe.hide" : "globe.show";
    $("view-globe").textContent = t($("view-globe").dataset.i18n);
    if (state.globeOn) showGlobe();
    else if (state.map) state.map.leaflet.invalidateSize();
  }

  /** The globe's frame, for this exercise in the console's language (opened again when the language changes). */
  function showGlobe() {
    const src = `/globe.html?exercise=${encodeURIComponent(state.exercise)}&lang=${state.lang}`;
    const frame = $("globe").querySelector("iframe");
    if (frame && frame.getAttribute("src") === src) return;
    $("globe").replaceChildren(el("iframe", { src, title: t("globe.show"), id: "globe-frame" }));
  }

  // ---- control ----
  function wireControls() {
    $("start-exercise").addEventListener("click", () => command({ type: "StartExercise" }));
    $("start-clock").addEventListener("click", () => command({ type: "StartClock" }));
    $("pause-clock").addEventListener("click", () => command({ type: "PauseClock" }));
    $("set-speed").addEventListener("click", () => command({ type: "SetSpeed", speed: Number($("speed").value) }));
    $("jump").addEventListener("click", () => command({ type: "JumpToMove", move: $("jump-move").value }));
    $("present-map").addEventListener("click", () => present("map", ""));
    $("present-globe").addEventListener("click", () => present("globe", ""));
    $("view-globe").addEventListener("click", toggleGlobe);
    $("present-clear").addEventListener("click", () => present("clear", ""));
    $("feed-filter").addEventListener("change", () => state.feed && renderInjects(state.feed));
    $("ack-all").addEventListener("click", acknowledgeAll);
    $("message-form").addEventListener("submit", (e) => {
      e.preventDefault();
      command({ type: "PostMessage", toCell: $("msg-to").value, body: $("msg-body").value, marking: $("msg-marking").value });
      $("msg-body").value = "";
    });
    $("rfi-form").addEventListener("submit", (e) => {
      e.preventDefault();
      command({ type: "RequestInformation", question: $("rfi-question").value, marking: $("rfi-marking").value });
      $("rfi-question").value = "";
    });
    $("statement-draft-form").addEventListener("submit", (e) => {
      e.preventDefault();
      command({ type: "DraftStatement", text: $("statement-draft").value });
    });
    $("statement-agree").addEventListener("click", () => command({ type: "AgreeStatement" }));
    $("statement-dissent-send").addEventListener("click", () => {
      if ($("statement-dissent").value) command({ type: "NoteDissent", text: $("statement-dissent").value });
    });
    $("action-form").addEventListener("submit", (e) => {
      e.preventDefault();
      command({ type: "SaveActionItem", id: null, title: $("action-title").value, ownerNation: $("action-owner").value,
        due: $("action-due").value, status: "open" });
      $("action-title").value = "";
    });
    $("replay-seq").addEventListener("change", () => {
      const v = Number($("replay-seq").value);
      state.replay = v >= Number($("replay-seq").max) ? null : v;
      refresh();
    });
    $("replay-live").addEventListener("click", () => { state.replay = null; refresh(); });
    $("register-status").addEventListener("change", () => refreshRegister().catch((e) => status(e.message, true)));
    $("observation-form").addEventListener("submit", (e) => {
      e.preventDefault();
      command({ type: "RecordObservation", objective: $("obs-objective").value,
        inject: $("obs-inject").value ? Number($("obs-inject").value) : null,
        rating: Number($("obs-rating").value), text: $("obs-text").value });
      $("obs-text").value = "";
    });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
