// The workspace's Timeline section: the scenario's moves and injects at the times the server computed (orbital
// triggers included); hover for an inject, click to edit it. Injects without a time (released by hand, or waiting
// for an answer) are listed below it.
import { el } from "../dom.js";
import { timelineChart } from "../timeline-chart.js";
import { plan, t, text } from "./state.js";

/** Draws the timeline in {@code box}. */
export function drawTimeline(box) {
  const d = plan.doc;
  if (!(Date.parse(d.end) > Date.parse(d.start))) {
    box.replaceChildren(el("p", { class: "meta" }, t("plan.timelineNeedsSpan")));
    return;
  }
  const marks = plan.schedule.map((s) => ({ number: s.number, at: s.release, subject: s.subject, basis: s.trigger,
    orbital: s.orbital, released: false }));
  const untimed = plan.schedule.filter((s) => !s.release);
  box.replaceChildren(timelineChart({ start: d.start, end: d.end, moves: Array.isArray(d.moves) ? d.moves : [], marks, now: null,
    pick: openInject, text, label: { chart: t("plan.timeline"), inject: t("plan.inject") } }),
  el("p", { class: "meta" }, t("plan.timelineHelp")),
  el("div", { hidden: !untimed.length }, el("h3", {}, t("plan.untimed")), el("ul", {}, untimed.map((s) => el("li", {},
    el("button", { type: "button", class: "link", onclick: () => openInject(s.number) }, `${s.number} · ${text(s.subject)}`),
    ` — ${text(s.trigger)}`)))));
}

/** Opens the MSEL section at an inject's form. */
function openInject(number) {
  document.dispatchEvent(new CustomEvent("plan:open", { detail: { section: "msel", path: `msel[${(plan.doc.msel || []).findIndex((i) => i.number === number)}]` } }));
}
