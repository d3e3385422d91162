// The room's screen (presenter view): the current move, the scenario clock, what was released to every delegation,
// and what control puts on the screen (an inject, a question's revealed answers, the map, or the overview). It only
// reads /api/exercises/{id}/room and the room's space picture: the server decides what the room may see.
import { el, when, barChart, describeValue, scenarioNow as clockNow, clockState, request } from "./dom.js";
import { texts } from "./i18n.js";
import { SpaceMap } from "./space-map.js";

(() => {
  const params = new URLSearchParams(location.search);
  const exercise = params.get("exercise");
  const lang = params.get("lang") || localStorage.getItem("spacettx.lang") || "en";
  const { t, text } = texts(lang);
  const $ = (id) => document.getElementById(id);
  const path = (rest) => `/api/exercises/${encodeURIComponent(exercise)}/${rest}`;

  const POLL_MS = 2000, PICTURE_MS = 10000, SIDE_INJECTS = 5;
  const state = { room: null, roomAt: 0, drawn: "", map: null, pictureAt: 0, fitted: false };

  function message(node) {
    $("room-message").replaceChildren(...(node ? [node] : []));
    $("room-message").hidden = !node;
  }

  const scenarioNow = () => clockNow(state.room.clock, state.roomAt);

  function renderClock() {
    if (!state.room) return;
    $("room-time").textContent = when(scenarioNow().toISOString());
    $("room-clock-state").textContent = clockState(state.room.clock, t);
  }

  const newestFirst = (injects) => injects.slice().sort((a, b) => b.releasedAt.localeCompare(a.releasedAt) || b.number - a.number);

  const injectMeta = (i) => el("div", { class: "room-meta" }, el("span", { class: "marking" }, i.marking),
    ` #${i.number} · ${i.move} · ${t("channel." + i.channel)} · ${t("present.released")} ${when(i.releasedAt)}`);

  function overview(room) {
    const move = room.move;
    const moves = room.moves.map((m) => ({ label: `${m.id} ${text(m.title)}`.slice(0, 24), value: m.unifiedUnderstanding,
      text: m.unifiedUnderstanding == null ? "" : Math.round(m.unifiedUnderstanding).toString() }));
    return [
      move ? el("h2", { class: "focus-title" }, text(move.title)) : el("h2", { class: "focus-title" }, t("present.waiting")),
      move ? el("p", { class: "focus-body narrative" }, text(move.narrative)) : null,
      el("h3", { class: "focus-sub" }, t("chart.unified")),
      el("div", { class: "chart", id: "room-unified" }, barChart(moves, 100, t("chart.unified"), t("chart.none")))];
  }

  function inject(i) {
    return [injectMeta(i), el("h2", { class: "focus-title" }, text(i.subject)), el("p", { class: "focus-body" }, text(i.body))];
  }

  /** A question with its latest revealed round: each delegation's answer side by side, and their divergence. */
  function question(room, q) {
    const last = q.revealedRounds[q.revealedRounds.length - 1];
    const answers = last ? room.answers.filter((a) => a.question === q.id && a.round === last.round && a.revealed) : [];
    const cellName = (id) => {
      const cell = room.cells.find((c) => c.id === id);
      return cell ? text(cell.name) : id;
    };
    return [
      el("div", { class: "room-meta" }, `${t("present.question")} ${q.id} · ${q.move}${last ? ` · ${t("questions.roundLabel")} ${last.round}` : ""}`),
      el("h2", { class: "focus-title" }, text(q.text)),
      answers.length ? el("div", { class: "room-answers" }, answers.map((a) => el("div", { class: "room-answer", "data-cell": a.cell },
        el("div", { class: "cell-name" }, cellName(a.cell)),
        el("div", { class: "value" }, `${describeValue(a.value, q, text)}${q.unit ? " " + q.unit : ""}`),
        el("div", { class: "confidence" }, `${t("questions.confidence")}: ${t("confidence." + a.confidence)}`),
        a.rationale ? el("p", { class: "rationale" }, a.rationale) : null)))
        : el("p", { class: "focus-body" }, t("present.noAnswers")),
      last ? el("p", { class: "room-divergence" },
        `${t("questions.divergence")}: ${last.divergence == null ? "—" : Math.round(last.divergence * 100) + " %"}`) : null];
  }

  function side(room) {
    $("room-injects-heading").textContent = t("present.injects");
    const latest = newestFirst(room.injects).slice(0, SIDE_INJECTS);
    $("room-injects").replaceChildren(...(latest.length ? latest.map((i) => el("li", { "data-inject": i.number }, injectMeta(i),
      el("div", { class: "room-subject" }, text(i.subject)))) : [el("li", { class: "room-meta" }, t("present.none"))]));
  }

  async function showMap(room) {
    if (!state.map) {
      const ui = { t, text, windowText: () => "" };
      state.map = SpaceMap.create("room-map", ui, { legend: true, controls: false, popups: false, fitButton: false, zoomSnap: 0.25 });
      state.map.basemap().catch(() => { /* borders are decoration: the picture still shows */ });
    }
    state.map.leaflet.invalidateSize();
    const due = Date.now() - state.pictureAt > PICTURE_MS;
    if (!due) return;
    state.pictureAt = Date.now();
    const picture = await request("GET", path(`space?audience=room&at=${encodeURIComponent(scenarioNow().toISOString())}`));
    const allied = new Set(room.cells.filter((c) => c.kind === "BLUE").map((c) => c.nation));
    state.map.draw(picture, allied, "");
    if (!state.fitted) {
      state.map.fit(picture);
      state.fitted = true;
    }
  }

  /** The globe (its own page, framed) as the room sees it. */
  function showGlobe() {
    if ($("room-globe-view").querySelector("iframe")) return;
    $("room-globe-view").replaceChildren(el("iframe", { id: "room-globe", title: t("present.kind.globe"),
      src: `/globe.html?exercise=${encodeURIComponent(exercise)}&lang=${lang}&audience=room` }));
  }

  function render() {
    const room = state.room;
    for (const id of ["banner-top", "banner-bottom"]) $(id).textContent = room.exercise.banner;
    $("room-exercise").textContent = text(room.exercise.title);
    $("room-move").textContent = room.move ? `${room.move.id} · ${text(room.move.title)}` : t("present.waiting");
    renderClock();
    const p = room.presentation;
    const mapShown = p.kind === "map", globeShown = p.kind === "globe";
    document.body.classList.toggle("showing-map", mapShown || globeShown);
    $("room-map-view").hidden = !mapShown;
    $("room-globe-view").hidden = !globeShown;
    $("room-focus").hidden = mapShown || globeShown;
    $("room-side").hidden = mapShown || globeShown;
    if (mapShown) {
      showMap(room).catch(() => message(el("span", {}, t("present.lost"))));
      return;
    }
    if (globeShown) {
      showGlobe();
      return;
    }
    state.pictureAt = 0; // the next time the map is shown, it is drawn anew
    // the rest changes only with the room's contents: redrawn when they change, not at every reading
    const { clock, ...contents } = room;
    const signature = JSON.stringify(contents);
    if (signature === state.drawn) return;
    state.drawn = signature;
    const focused = p.kind === "inject" ? room.injects.find((i) => String(i.number) === p.ref)
      : p.kind === "question" ? room.questions.find((q) => q.id === p.ref) : null;
    $("room-focus").dataset.kind = focused ? p.kind : "clear";
    $("room-focus").replaceChildren(...(p.kind === "inject" && focused ? inject(focused)
      : p.kind === "question" && focused ? question(room, focused) : overview(room)));
    side(room);
  }

  async function poll() {
    try {
      state.room = await request("GET", path("room"));
      state.roomAt = Date.now();
      message(null);
      render();
    } catch (e) {
      if (e.status === 401) {
        // the room's computer logs in through the console; this screen picks the session up at its next reading
        message(el("span", {}, t("present.login"), " ", el("a", { href: `/?exercise=${encodeURIComponent(exercise)}` }, t("present.loginLink"))));
      } else {
        message(el("span", {}, t("present.lost")));
      }
    }
  }

  document.documentElement.lang = lang;
  document.title = `SpaceTTX — ${t("present.title")}`;
  if (!exercise) {
    message(el("span", {}, t("present.noExercise")));
    return;
  }
  // charts measure their labels in the page's font: once a font (a Korean subset, say) arrives, they are drawn again
  document.fonts.addEventListener("loadingdone", () => {
    state.drawn = "";
    if (state.room) render();
  });
  poll();
  setInterval(poll, POLL_MS);
  setInterval(renderClock, 1000);
})();
