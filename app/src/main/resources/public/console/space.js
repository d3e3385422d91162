// The space picture: the map (space-map.js), the next overflights, the overflight chart, and the 3D globe's frame.
import { el, svg, when, widest } from "../dom.js";
import { SpaceMap } from "../space-map.js";
import { api, status } from "./api.js";
import { $, alliedNations, fillSelect, latestWins, scenarioNow, state, t, text, windowText } from "./state.js";
import { renderQuestions } from "./assessments.js";
import { renderTracks } from "./tracks.js";
import { onShow } from "./views.js";

/** Overflight windows per satellite and place on a 48-hour axis centred on the scenario time. */
export function windowChart(picture) {
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

const mapUi = { t, text, windowText };

export async function ensureMap() {
  // a map made in a hidden view takes its size and position wrongly: it is made when its view is first shown
  if (state.map || !window.L || $("map").offsetWidth === 0) return;
  state.map = SpaceMap.create("map", mapUi, { legend: true, onRedraw: () => state.picture && drawPicture(state.picture) });
  try {
    await state.map.basemap();
  } catch (e) {
    status("world map unavailable: " + e.message, true);
  }
}

/** The picture on the map; the first one fitted to places and satellites, or the followed satellite kept in view. */
export function drawPicture(picture) {
  const follow = $("map-follow").value;
  state.map.draw(picture, alliedNations(), follow);
  if (!follow && !state.fitted) {
    state.fitted = true; // first: fitting changes the zoom, which draws the picture again
    state.map.fit(picture);
  }
  fillSelect($("map-follow"), [["", t("map.followNone")], ...picture.objects.filter((o) => o.inOrbit).map((o) => [o.id, text(o.name)])]);
}

const mapAnswers = latestWins();

export async function refreshMap() {
  await ensureMap();
  let picture;
  const asked = mapAnswers.ask();
  const at = scenarioNow().toISOString();
  try {
    picture = await api("GET", `/api/exercises/${encodeURIComponent(state.exercise)}/space?at=${encodeURIComponent(at)}`);
  } catch (e) {
    $("windows").replaceChildren(el("li", {}, e.message));
    return;
  }
  if (!mapAnswers.fresh(asked)) return; // a newer picture came back first: this older one must not replace it
  state.picture = picture;
  state.pictureAt = at; // the picture's positions are at its minute, what each cell knows at this very time
  if (state.map) drawPicture(picture);
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
  renderTracks(picture);
  renderQuestions(state.feed); // a question shows its objects as this picture holds them
}

// ---- globe ----
/**
 * Switches the space picture between the map and the 3D globe. The globe is a page of its own in a frame
 * (globe.html): CesiumJS needs a content policy this page does not grant (inline styles, workers from blob: URLs).
 */
export function toggleGlobe() {
  state.globeOn = !state.globeOn;
  $("map").hidden = state.globeOn;
  $("globe").hidden = !state.globeOn;
  $("view-globe").setAttribute("aria-pressed", String(state.globeOn));
  $("view-globe").dataset.i18n = state.globeOn ? "globe.hide" : "globe.show";
  $("view-globe").textContent = t($("view-globe").dataset.i18n);
  if (state.globeOn) showGlobe();
  else mapShown();
}

/** The globe's frame, for this exercise in the console's language (opened again when the language changes). */
export function showGlobe() {
  const src = `/globe.html?exercise=${encodeURIComponent(state.exercise)}&lang=${state.lang}`;
  const frame = $("globe").querySelector("iframe");
  if (frame && frame.getAttribute("src") === src) return;
  $("globe").replaceChildren(el("iframe", { src, title: t("globe.show"), id: "globe-frame" }));
}

/** The map now on screen: made if it was not yet, told its size, and the picture drawn (fitted the first time). */
async function mapShown() {
  await ensureMap();
  if (!state.map) return;
  state.map.leaflet.invalidateSize();
  if (state.picture) drawPicture(state.picture);
}

onShow((view) => view === "space" && !state.globeOn && mapShown());

/** Wires the switch between the map and the globe. */
export function wireSpace() {
  $("view-globe").addEventListener("click", toggleGlobe);
}
