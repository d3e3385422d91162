// The scenario's timeline: its moves as bands over scenario time and each inject at its release time as the server
// computed it (orbital triggers included); hover for the inject, click to edit it. Injects without a time (released
// by hand, or waiting for an answer) are listed beside it.
import { el, svg, when } from "../dom.js";
import { plan, t, text } from "./state.js";

const WIDTH = 1000;
const HEIGHT = 150;

/** Draws the timeline in {@code box}; {@code edit(number)} opens an inject's form. */
export function drawTimeline(box, edit = openInject) {
  const d = plan.doc;
  const start = Date.parse(d.start);
  const end = Date.parse(d.end);
  if (!(end > start)) {
    box.replaceChildren(el("p", { class: "meta" }, t("plan.timelineNeedsSpan")));
    return;
  }
  const x = (iso) => 20 + ((Date.parse(iso) - start) / (end - start)) * (WIDTH - 40);
  const moves = (Array.isArray(d.moves) ? d.moves : []).filter((m) => !Number.isNaN(Date.parse(m.start)));
  const timed = plan.schedule.filter((s) => s.release);
  const untimed = plan.schedule.filter((s) => !s.release);
  const days = [];
  for (let day = Math.ceil(start / 86400000) * 86400000; day <= end; day += 86400000) days.push(new Date(day).toISOString());
  const chart = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline", role: "img", "aria-label": t("plan.timeline") },
    moves.map((m, i) => {
      const next = moves[i + 1] ? moves[i + 1].start : d.end;
      return svg("g", {}, svg("rect", { x: x(m.start), y: 10, width: Math.max(1, x(next) - x(m.start)), height: 26,
        class: `band band-${i % 2}` }), svg("text", { x: x(m.start) + 4, y: 28, class: "band-label" }, `${m.id} ${text(m.title)}`));
    }),
    days.map((day) => svg("g", {}, svg("line", { x1: x(day), x2: x(day), y1: 40, y2: 120, class: "day" }),
      svg("text", { x: x(day) + (Date.parse(day) >= end ? -2 : 2), y: 140, class: "day-label",
        "text-anchor": Date.parse(day) >= end ? "end" : "start" }, day.slice(5, 10)))),
    timed.map((s, k) => {
      const mark = svg("g", { class: `inject-mark ${/^(at|manual)/.test(kindOf(s.number)) ? "timed" : "computed"}`, tabindex: 0,
        "data-inject": s.number, role: "button", "aria-label": `${t("plan.inject")} ${s.number}: ${when(s.release)}` },
      svg("title", {}, `${s.number} · ${text(s.subject)}\n${when(s.release)} — ${text(s.trigger)}`),
      svg("circle", { cx: x(s.release), cy: 52 + (k % 6) * 11, r: 5 }),
      svg("text", { x: x(s.release) + 7, y: 56 + (k % 6) * 11, class: "mark-label" }, String(s.number)));
      // svg() sets attributes only: handlers are added as listeners (the CSP allows no inline script)
      mark.addEventListener("click", () => edit(s.number));
      mark.addEventListener("keydown", (e) => { if (e.key === "Enter") edit(s.number); });
      return mark;
    }));
  box.replaceChildren(chart, el("p", { class: "meta" }, t("plan.timelineHelp")),
    el("div", { hidden: !untimed.length }, el("h3", {}, t("plan.untimed")), el("ul", {}, untimed.map((s) => el("li", {},
      el("button", { type: "button", class: "link", onclick: () => edit(s.number) }, `${s.number} · ${text(s.subject)}`),
      ` — ${text(s.trigger)}`)))));
}

function kindOf(number) {
  const inject = (plan.doc.msel || []).find((i) => i.number === number);
  return inject && inject.trigger ? Object.keys(inject.trigger)[0] : "manual";
}

/** Opens the MSEL section at an inject's form. */
function openInject(number) {
  document.dispatchEvent(new CustomEvent("plan:open", { detail: { section: "msel", path: `msel[${(plan.doc.msel || []).findIndex((i) => i.number === number)}]` } }));
}
