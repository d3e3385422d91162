// Places of the scenario: sites (a click on the map), circular areas (a click for the centre) and polygons (clicks for
// the vertices), or a GeoJSON file of points and polygons; their forms below the map.
import { el } from "../dom.js";
import { SpaceMap } from "../space-map.js";
import { field, get, rows, text2 } from "./fields.js";
import { plan, status, t, text } from "./state.js";

let map = null;
let layer = null;
let vertices = [];
let redrawForms = () => {};

const places = () => {
  if (!plan.doc.places || typeof plan.doc.places !== "object") plan.doc.places = {};
  return plan.doc.places;
};
const round = (x) => Math.round(x * 1000) / 1000;

/** A new id for a place, unused by sites and areas (they share one namespace). */
function freshId(prefix) {
  const taken = new Set([...(places().sites || []), ...(places().areas || [])].map((p) => p.id));
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

function add(kind, item) {
  const p = places();
  if (!Array.isArray(p[kind])) p[kind] = [];
  p[kind].push(item);
  plan.changed();
  redrawForms();
  status(`${t("plan.added")}: ${item.id}`);
}

/** What a click on the map does, by the mode chosen. */
function clicked(e) {
  const mode = document.getElementById("map-mode").value;
  const lat = round(e.latlng.lat);
  const lon = round(((e.latlng.lng + 540) % 360) - 180);
  if (mode === "site") add("sites", { id: freshId("site"), name: { en: "", ko: "" }, lat, lon });
  else if (mode === "circle") add("areas", { id: freshId("area"), name: { en: "", ko: "" }, circle: { lat, lon, radius_km: 25 } });
  else {
    vertices.push([lon, lat]);
    drawLayers();
  }
}

/** Creates the map the first time the section is shown (Leaflet needs a visible container to learn its size). */
export function wirePlacesMap() {
  if (map) {
    map.invalidateSize();
    return;
  }
  // the console's map, for its basemap (the shipped Natural Earth borders); places are drawn here, on its Leaflet map
  const base = SpaceMap.create("places-map", { t, text, windowText: () => "" }, { popups: false });
  base.basemap();
  map = base.leaflet;
  // the section's layout may have settled after the map read its size: read it again, then centre on Korea
  map.invalidateSize();
  map.setView([36, 127], 4);
  layer = L.layerGroup().addTo(map);
  map.on("click", clicked);
  drawLayers();
}

/** A place's label on the map: its name in the reader's language, else its id (both as typed, at once). */
const label = (place) => text(place.name) || String(place.id ?? "");

/** The scenario's places on the map, and the polygon being drawn. */
function drawLayers() {
  if (!layer) return;
  layer.clearLayers();
  for (const s of places().sites || []) {
    if (typeof s.lat === "number" && typeof s.lon === "number") {
      L.circleMarker([s.lat, s.lon], { radius: 6, color: "#1f7a3a" }).bindTooltip(label(s), { permanent: true, direction: "right", className: "place-label" }).addTo(layer);
    }
  }
  for (const a of places().areas || []) {
    if (a.circle && typeof a.circle.lat === "number") {
      L.circle([a.circle.lat, a.circle.lon], { radius: (a.circle.radius_km || 0) * 1000, color: "#1f7a3a", weight: 1 }).bindTooltip(label(a)).addTo(layer);
    } else if (Array.isArray(a.polygon)) {
      L.polygon(a.polygon.map(([lon, lat]) => [lat, lon]), { color: "#1f7a3a", weight: 1 }).bindTooltip(label(a)).addTo(layer);
    }
  }
  if (vertices.length) L.polyline(vertices.map(([lon, lat]) => [lat, lon]), { color: "#b3261e", dashArray: "4 4" }).addTo(layer);
  const finish = document.getElementById("polygon-finish");
  if (finish) finish.disabled = vertices.length < 3;
}

/** Points become sites and polygons areas (GeoJSON coordinates are [lon, lat], as the scenario's polygons). */
async function uploadGeoJson(file) {
  try {
    const json = JSON.parse(await file.text());
    const features = json.type === "FeatureCollection" ? json.features : [json];
    let added = 0;
    for (const f of features) {
      const g = f.geometry || {};
      const props = f.properties || {};
      const name = props.name || props.NAME || "";
      const id = String(props.id || name || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
        || freshId(g.type === "Point" ? "site" : "area");
      // as the command line reads GeoJSON places: a point is a site, or a circular area when it has radius_km
      const place = { id, name: { en: name, ko: name }, ...(props.nation ? { nation: props.nation } : {}), ...(props.kind ? { kind: props.kind } : {}) };
      if (g.type === "Point" && props.radius_km) {
        (places().areas = places().areas || []).push({ ...place, circle: { lat: round(g.coordinates[1]), lon: round(g.coordinates[0]), radius_km: props.radius_km } });
        added++;
      } else if (g.type === "Point") {
        (places().sites = places().sites || []).push({ ...place, lat: round(g.coordinates[1]), lon: round(g.coordinates[0]) });
        added++;
      } else if (g.type === "Polygon") {
        (places().areas = places().areas || []).push({ ...place, polygon: g.coordinates[0].slice(0, -1).map(([x, y]) => [round(x), round(y)]) });
        added++;
      }
    }
    plan.changed();
    redrawForms();
    status(`${t("plan.added")}: ${added}`);
  } catch (e) {
    status(`${file.name}: ${e.message}`, true);
  }
}

/** The places section: the map's tools, then the sites' and the areas' forms. */
export function drawPlaces(box, redraw) {
  redrawForms = redraw;
  let forms = box.querySelector("#places-forms");
  if (!forms) {
    forms = el("div", { id: "places-forms" });
    // a renamed or moved place is redrawn as it is typed (its label was the id it had when the map was drawn)
    forms.addEventListener("input", () => drawLayers());
  }
  if (!box.querySelector("#places-map")) {
    // built once (the map lives in it): its texts carry data-i18n, which a change of language rewrites
    const mode = el("select", { id: "map-mode" },
      ["site", "circle", "polygon"].map((m) => el("option", { value: m, "data-i18n": `plan.mode.${m}` }, t(`plan.mode.${m}`))));
    mode.addEventListener("change", () => { vertices = []; drawLayers(); });
    const geo = el("input", { type: "file", id: "geojson-file", accept: ".geojson,.json", "aria-label": t("plan.geojson") });
    geo.addEventListener("change", () => { if (geo.files[0]) uploadGeoJson(geo.files[0]); geo.value = ""; });
    box.replaceChildren(el("div", { class: "inline map-tools" }, el("label", { for: "map-mode", "data-i18n": "plan.mapMode" }, t("plan.mapMode")), mode,
      el("button", { type: "button", id: "polygon-finish", class: "secondary", disabled: "", "data-i18n": "plan.finishPolygon", onclick: () => {
        add("areas", { id: freshId("area"), name: { en: "", ko: "" }, polygon: vertices });
        vertices = [];
        drawLayers();
      } }, t("plan.finishPolygon")),
      el("label", { class: "meta upload", for: "geojson-file" }, el("span", { "data-i18n": "plan.geojson" }, t("plan.geojson"))), geo),
    el("div", { id: "places-map", class: "plan-map", role: "application", "aria-describedby": "map-help" }),
    el("p", { class: "meta", id: "map-help", "data-i18n": "plan.mapHelp" }, t("plan.mapHelp")), forms);
  }
  const ps = ["places"];
  forms.replaceChildren(el("h3", {}, t("plan.sites")), rows([...ps, "sites"], t("plan.site"), (p) => [
    el("div", { class: "grid4" }, field([...p, "id"], t("plan.id")), field([...p, "lat"], t("plan.lat"), "number"),
      field([...p, "lon"], t("plan.lon"), "number"), field([...p, "nation"], t("plan.nation"))),
    text2([...p, "name"], t("plan.name"))], () => ({ id: freshId("site"), name: { en: "", ko: "" }, lat: 37.5, lon: 127 }), redraw),
  el("h3", {}, t("plan.areas")), rows([...ps, "areas"], t("plan.area"), (p, a) => [
    el("div", { class: "grid4" }, field([...p, "id"], t("plan.id")), field([...p, "nation"], t("plan.nation")),
      a.circle ? [field([...p, "circle", "lat"], t("plan.lat"), "number"), field([...p, "circle", "lon"], t("plan.lon"), "number"),
        field([...p, "circle", "radius_km"], t("plan.radius"), "number")] : el("p", { class: "meta" }, `${t("plan.polygon")}: ${(get([...p, "polygon"]) || []).length}`)),
    text2([...p, "name"], t("plan.name"))], () => ({ id: freshId("area"), name: { en: "", ko: "" }, circle: { lat: 37.5, lon: 127, radius_km: 25 } }), redraw));
  drawLayers();
}
