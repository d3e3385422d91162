// What a delegation holds of the space objects (its tracks, and sharing one with an ally), the tracks shared, and
// control's view of every delegation's picture beside the truth.
import { el, when } from "../dom.js";
import { SpaceMap } from "../space-map.js";
import { api, command, status } from "./api.js";
import { $, alliedNations, fillSelect, latestWins, state, t, text, windowText } from "./state.js";
import { onShow } from "./views.js";

const cellName = (f, id) => {
  const c = f.cells.find((x) => x.id === id);
  return c ? text(c.name) : id;
};

/** An estimate's uncertainty (1σ); a track whose custody is lost has none to speak of: its position is not known. */
const sigma = (e) => (e.custody === "lost" ? t("pictures.unknown") : `± ${e.sigmaKm} km`);

/** Where a track came from: the public catalog, one of the cell's sensors, or an ally. */
export function sourceText(f, source) {
  if (source === "catalog") return t("tracks.catalog");
  if (source.startsWith("sensor:")) return `${t("tracks.sensor")} ${source.slice("sensor:".length)}`;
  return `${t("tracks.sharedBy")} ${cellName(f, source.slice("shared:".length))}`;
}

/** The delegation's tracks (the objects its picture holds, with their fix), the share form, and the tracks shared. */
export function renderTracks(picture) {
  const f = state.feed;
  const player = f.viewer.role === "player";
  const held = picture.objects.filter((o) => o.estimate);
  $("tracks-panel").hidden = !player || !held.length;
  if (player && held.length) {
    $("tracks").tBodies[0].replaceChildren(...held.map((o) => el("tr", { "data-track": o.id, class: "custody-" + o.estimate.custody },
      el("td", {}, text(o.name)), el("td", {}, when(o.estimate.observed)), el("td", {}, sourceText(f, o.estimate.source)),
      el("td", {}, t("custody." + o.estimate.custody)), el("td", {}, sigma(o.estimate)))));
    const own = held.filter((o) => o.estimate.source.startsWith("sensor:"));
    fillSelect($("share-object"), own.map((o) => [o.id, text(o.name)]));
    fillSelect($("share-to"), f.cells.filter((c) => c.kind === "BLUE" && c.id !== f.viewer.cell).map((c) => [c.id, text(c.name)]));
    fillSelect($("share-marking"), f.markings.map((m) => [m, m]));
    $("share-send").disabled = !own.length;
  }
  const shared = f.tracks || [];
  $("shared-panel").hidden = !shared.length;
  const name = (id) => {
    const o = picture.objects.find((x) => x.id === id);
    return o ? text(o.name) : id;
  };
  $("shared-tracks").replaceChildren(...shared.map((s) => el("li", { "data-shared": s.id }, el("span", { class: "marking" }, s.marking),
    ` ${when(s.scenarioTime)} · ${cellName(f, s.fromCell)} ${t("tracks.sharedLine")} ${name(s.object)} → ${cellName(f, s.toCell)}`
    + ` (${t("tracks.observedAt")} ${when(s.observedAt)}, ${s.sensor})`)));
  if (f.viewer.seesPictures) refreshPictures(picture, state.pictureAt);
}

/** The distance (km) between two positions of a picture ({lat, lon, altKm}), on a spherical Earth. */
function distanceKm(a, b) {
  const xyz = (p) => {
    const r = 6371.0 + p.altKm, lat = p.lat * Math.PI / 180, lon = p.lon * Math.PI / 180;
    return [r * Math.cos(lat) * Math.cos(lon), r * Math.cos(lat) * Math.sin(lon), r * Math.sin(lat)];
  };
  const [p, q] = [xyz(a), xyz(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

const minis = {};

/** The figure of a small map (made once: every figure exists before a map is made in one, as the grid sizes them). */
function figureFor(id, caption) {
  let figure = $("picture-" + id);
  if (!figure) {
    figure = el("figure", { id: "picture-" + id }, el("figcaption", {}, caption), el("div", { class: "mini-map", id: "mini-" + id }));
    $("pictures").append(figure);
  }
  figure.querySelector("figcaption").textContent = caption;
  return figure;
}

/** A small map per picture (the truth, then each delegation's), made once its figure is on screen; kept in step. */
function miniMap(id) {
  const figure = $("picture-" + id);
  if (!minis[id] && window.L && figure.offsetWidth > 0) {
    minis[id] = SpaceMap.create("mini-" + id, { t, text, windowText }, { legend: false, fitButton: false });
    minis[id].basemap().catch(() => {});
    minis[id].leaflet.on("moveend", () => inStep(id));
    readerView = false; // a new map: centre them all again
  }
  if (minis[id]) programmatic(() => minis[id].leaflet.invalidateSize()); // the grid may have resized it since
}

/** The maps are being set by the console (their moves then are not a reader's pan to follow). */
let stepping = false;

/** Whether the reader has panned or zoomed a small map since they were last centred: their view is kept then. */
let readerView = false;

function programmatic(move) {
  stepping = true;
  try {
    move();
  } finally {
    stepping = false;
  }
}

/** One view for every small map: the one the reader has just panned or zoomed. */
function inStep(from) {
  if (stepping) return;
  readerView = true;
  stepping = true;
  try {
    const source = minis[from].leaflet;
    Object.entries(minis).filter(([id]) => id !== from)
      .forEach(([, m]) => m.leaflet.setView(source.getCenter(), source.getZoom(), { animate: false }));
  } finally {
    stepping = false;
  }
}

/** Whether a delegation holds an object somewhere else than the truth: further off than three times its uncertainty. */
function differs(truth, held) {
  const e = held.estimate;
  return distanceKm(truth.position, held.position) > (e ? 3 * e.sigmaKm : 1);
}

/** The objects the small maps were last centred on (a key): when that changes, they are centred again. */
let centredOn = null;

/**
 * Centres every small map on what differs: the objects some delegation holds away from the truth, where the truth
 * and each such delegation put them (the whole picture when nothing differs), at every refresh (the objects move), until
 * the reader pans or zooms one; a new difference, or the "centre" button, centres them again.
 */
function centreOnDifferences(truth, pictures) {
  const points = [];
  const ids = [];
  for (const o of truth.objects.filter((x) => x.inOrbit && x.position)) {
    const off = pictures.map((p) => p.objects.find((x) => x.id === o.id && x.position)).filter((h) => h && differs(o, h));
    if (off.length) {
      ids.push(o.id);
      points.push([o.position.lat, o.position.lon], ...off.map((h) => [h.position.lat, h.position.lon]));
    }
  }
  // the points on one side of the antimeridian (an object at 179°E held at 179°W is 2° off, not 358°)
  points.forEach((p) => {
    while (p[1] - points[0][1] > 180) p[1] -= 360;
    while (p[1] - points[0][1] < -180) p[1] += 360;
  });
  const key = ids.join(" ");
  if (key !== centredOn) readerView = false;
  const maps = Object.values(minis);
  if (readerView || !maps.length) return;
  centredOn = key;
  programmatic(() => maps.forEach((m) => (points.length
    ? m.leaflet.fitBounds(L.latLngBounds(points), { padding: [40, 40], maxZoom: 6, animate: false }) : m.fit(truth))));
  $("pictures").dataset.centredOn = key;
}

/**
 * Control's comparison: the truth and each delegation's picture at the same time, side by side, and a table of every
 * object in orbit: for each delegation, how far its estimate is from the truth, its uncertainty and custody, or that it
 * does not know the object.
 */
const pictureAnswers = latestWins();

async function refreshPictures(truth, at) {
  const f = state.feed;
  const cells = f.cells.filter((c) => c.kind === "BLUE");
  $("pictures-panel").hidden = !cells.length;
  if (!cells.length || !$("pictures-details").open) return; // asked for only while control looks at them
  let pictures;
  const asked = pictureAnswers.ask();
  try {
    // at the truth's own time: compared at two times (the clock runs between two requests), a satellite at 7.5 km/s
    // would seem thousands of km off
    const base = `/api/exercises/${encodeURIComponent(state.exercise)}/space?at=${encodeURIComponent(at)}`;
    pictures = await Promise.all(cells.map((c) => api("GET", `${base}&cell=${encodeURIComponent(c.id)}`)));
  } catch (e) {
    status(e.message, true);
    return;
  }
  if (!pictureAnswers.fresh(asked)) return; // a newer comparison came back first: this older one must not replace it
  figureFor("truth", t("pictures.truth"));
  cells.forEach((c) => figureFor(c.id, text(c.name)));
  miniMap("truth");
  cells.forEach((c) => miniMap(c.id));
  centreOnDifferences(truth, pictures);
  [truth, ...pictures].forEach((p, k) => {
    const id = k === 0 ? "truth" : cells[k - 1].id;
    if (minis[id]) minis[id].draw(p, alliedNations(), "");
  });
  $("pictures-table").dataset.time = at;
  $("pictures-table").tHead.replaceChildren(el("tr", {}, el("th", {}, t("tracks.object")),
    ...cells.map((c) => el("th", {}, text(c.name)))));
  const inOrbit = truth.objects.filter((o) => o.inOrbit && o.position);
  $("pictures-table").tBodies[0].replaceChildren(...inOrbit.map((o) => el("tr", { "data-object": o.id }, el("td", {}, text(o.name)),
    ...cells.map((c, k) => {
      const held = pictures[k].objects.find((x) => x.id === o.id && x.position);
      if (!held) return el("td", { "data-cell": c.id, class: "unknown" }, t("pictures.unknown"));
      const off = distanceKm(o.position, held.position);
      const e = held.estimate;
      return el("td", { "data-cell": c.id, "data-offset": off.toFixed(1), class: e && off > 3 * e.sigmaKm ? "off" : "" },
        `${off.toFixed(1)} km ${t("pictures.offset")}` + (e ? ` · ${sigma(e)} · ${t("custody." + e.custody)}` : ""));
    }))));
}

// the small maps are made when their view is first shown (a map made hidden takes its size wrongly)
onShow((view) => view === "space" && state.picture && state.feed && state.feed.viewer.role === "controller"
  && refreshPictures(state.picture, state.pictureAt));

/** Wires the share form, and control's comparison (drawn when opened). */
export function wireTracks() {
  $("pictures-centre").addEventListener("click", () => {
    readerView = false;
    if (state.picture) refreshPictures(state.picture, state.pictureAt);
  });
  $("pictures-details").addEventListener("toggle", () => $("pictures-details").open && state.picture && refreshPictures(state.picture, state.pictureAt));
  $("share-form").addEventListener("submit", (e) => {
    e.preventDefault();
    command({ type: "ShareTrack", object: $("share-object").value, toCell: $("share-to").value, marking: $("share-marking").value });
  });
}
