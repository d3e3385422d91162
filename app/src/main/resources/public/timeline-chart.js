// A scenario's timeline as an SVG chart, for the planning workspace and control's view alike: the moves as bands over
// scenario time, a tick per day, each inject at its release time (blue: a set time; red: a computed orbital event;
// a ring once released), and, in a running exercise, the scenario clock. Hover for an inject, click (or Enter) to
// open it. A move's title is shortened to its band (whole in its tooltip); the injects' numbers are set in six lanes,
// each mark in the first lane where its number overlaps none already set (TimelineChartBrowserTest measures both).
import { fitted, measurer, svg, when } from "./dom.js";

const WIDTH = 1000;
const HEIGHT = 150;
const LANES = 6;

/**
 * {@code start}, {@code end}: the scenario's span; {@code moves}: [{id, title, start}]; {@code marks}: [{number, at,
 * subject, basis, orbital, released}] (those without {@code at} are left to the caller); {@code now}: the clock, or
 * null; {@code pick(number)}: what a click does; {@code text}, {@code label}: the language's texts.
 */
export function timelineChart({ start, end, moves, marks, now, pick, text, label }) {
  const t0 = Date.parse(start);
  const t1 = Date.parse(end);
  const x = (iso) => 20 + ((Date.parse(iso) - t0) / (t1 - t0)) * (WIDTH - 40);
  const bands = moves.filter((m) => !Number.isNaN(Date.parse(m.start)));
  const days = [];
  for (let day = Math.ceil(t0 / 86400000) * 86400000; day <= t1; day += 86400000) days.push(new Date(day).toISOString());
  const timed = marks.filter((m) => m.at).sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.number - b.number);
  const bandWidth = measurer(12);
  const numberWidth = measurer(10);
  const laneEnds = new Array(LANES).fill(-Infinity);
  const lanes = timed.map((m) => {
    const left = x(m.at) - 5;
    const right = x(m.at) + 7 + numberWidth(String(m.number)) + 2;
    let lane = laneEnds.findIndex((end) => end <= left);
    if (lane < 0) lane = laneEnds.indexOf(Math.min(...laneEnds)); // all six taken here: the one freed soonest
    laneEnds[lane] = right;
    return lane;
  });
  return svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "timeline", role: "group", "aria-label": label.chart },
    bands.map((m, i) => {
      const next = bands[i + 1] ? bands[i + 1].start : end;
      return svg("g", {}, svg("rect", { x: x(m.start), y: 10, width: Math.max(1, x(next) - x(m.start)), height: 26,
        class: `band band-${i % 2}` }), svg("title", {}, `${m.id} ${text(m.title)}`),
      svg("text", { x: x(m.start) + 4, y: 28, class: "band-label" }, fitted(`${m.id} ${text(m.title)}`, x(next) - x(m.start) - 8, bandWidth)));
    }),
    days.map((day) => svg("g", {}, svg("line", { x1: x(day), x2: x(day), y1: 40, y2: 120, class: "day" }),
      svg("text", { x: x(day) + (Date.parse(day) >= t1 ? -2 : 2), y: 140, class: "day-label",
        "text-anchor": Date.parse(day) >= t1 ? "end" : "start" }, day.slice(5, 10)))),
    now ? svg("line", { x1: x(now), x2: x(now), y1: 6, y2: 124, class: "now" }) : null,
    timed.map((m, k) => {
      const mark = svg("g", { class: `inject-mark ${m.orbital ? "computed" : "timed"}${m.released ? " released" : ""}`, tabindex: 0,
        "data-inject": m.number, role: "button", "aria-label": `${label.inject} ${m.number}: ${when(m.at)}` },
      svg("title", {}, `${m.number} · ${text(m.subject)}\n${when(m.at)} — ${text(m.basis)}`),
      svg("circle", { cx: x(m.at), cy: 52 + lanes[k] * 11, r: 5 }),
      svg("text", { x: x(m.at) + 7, y: 56 + lanes[k] * 11, class: "mark-label" }, String(m.number)));
      // svg() sets attributes only: handlers are added as listeners (the CSP allows no inline script)
      mark.addEventListener("click", () => pick(m.number));
      mark.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(m.number); });
      return mark;
    }));
}
