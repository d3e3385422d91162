// The space picture on a Leaflet map, for the console and the presenter view alike: places (sites clustered where
// they would overlap), satellites labelled and coloured by allegiance, past and future tracks with ticks, sensor
// footprints, the night side of the Earth, and a legend. Needs Leaflet (a global L).
import { el } from "./dom.js";

export const SpaceMap = (() => {

  /** Colours of the picture: allies (the nations with a delegation), everyone else, the places. */
  const COLOURS = { allied: "#0b5cad", other: "#b3261e", place: "#1f7a3a", debris: "#6b3fa0", effect: "#c25e00", sensor: "#00695c" };

  /** The arcs of a TopoJSON topology as [lon, lat] lines (quantized arcs are delta-encoded). */
  function topologyLines(topology) {
    const [sx, sy] = topology.transform ? topology.transform.scale : [1, 1];
    const [tx, ty] = topology.transform ? topology.transform.translate : [0, 0];
    return topology.arcs.map((arc) => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => {
        if (topology.transform) { x += dx; y += dy; } else { x = dx; y = dy; }
        return [x * sx + tx, y * sy + ty];
      });
    });
  }

  /**
   * [lon, lat] points as one continuous ring: one that crosses the antimeridian keeps going (Chukotka at 190°E, a
   * radar's coverage at 181°E, not a line back across the world), one that goes round a pole is closed over it.
   */
  function continuous(points) {
    const out = [];
    for (const [lon, lat] of points) {
      let x = lon;
      if (out.length) {
        const last = out[out.length - 1][0];
        while (x - last > 180) x -= 360;
        while (x - last < -180) x += 360;
      }
      out.push([x, lat]);
    }
    const first = out[0], last = out[out.length - 1];
    if (out.length && Math.abs(last[0] - first[0]) > 180) { // round a pole: closed over it
      const pole = out.reduce((sum, p) => sum + p[1], 0) < 0 ? -90 : 90;
      out.push([last[0], pole], [first[0], pole]);
    }
    return out;
  }

  /**
   * A polygon's [lon, lat] rings (the outer first) as Leaflet polygons ([lat, lon] rings): made continuous, and drawn
   * again a world away where it reaches past ±180° (the map shows to ±200°); rings wholly beyond Mercator's ±85° are
   * left out.
   */
  function worldPolygons(rings) {
    const kept = rings.map(continuous).filter((r) => r.some(([, lat]) => Math.abs(lat) < 85));
    if (!kept.length) return [];
    const lons = kept[0].map(([lon]) => lon);
    const west = Math.min(...lons), east = Math.max(...lons);
    return [-360, 0, 360].filter((shift) => west + shift < 200 && east + shift > -200)
      .map((shift) => kept.map((r) => r.map(([lon, lat]) => [lat, lon + shift])));
  }

  /** The polygons of a TopoJSON object as Leaflet polygons (see worldPolygons). */
  function topologyPolygons(topology, object) {
    const arcs = topologyLines(topology);
    const ring = (indexes) => {
      const out = [];
      for (const i of indexes) {
        const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
        out.push(...(out.length ? arc.slice(1) : arc));
      }
      return out;
    };
    const geometries = object.type === "GeometryCollection" ? object.geometries : [object];
    return geometries.flatMap((g) => (g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [])
      .flatMap((part) => worldPolygons(part.map(ring))));
  }

  /** A [lon, lat] track as Leaflet lines, split where it crosses the antimeridian. */
  function splitTrack(points) {
    const lines = [[]];
    let last = null;
    for (const [lon, lat] of points) {
      if (last != null && Math.abs(lon - last) > 180) lines.push([]);
      lines[lines.length - 1].push([lat, lon]);
      last = lon;
    }
    return lines;
  }

  /** The night side of the Earth at a time, as a polygon (the Sun by the usual low-precision formulas, to ~0.1°). */
  function nightSide(ms) {
    const rad = Math.PI / 180;
    const d = ms / 86400e3 - 10957.5; // days since J2000.0
    const g = (357.529 + 0.98560028 * d) * rad;
    const q = 280.459 + 0.98564736 * d;
    const lambda = (q + 1.915 * Math.sin(g) + 0.020 * Math.sin(2 * g)) * rad;
    const epsilon = (23.439 - 0.00000036 * d) * rad;
    const declination = Math.asin(Math.sin(epsilon) * Math.sin(lambda));
    const rightAscension = Math.atan2(Math.cos(epsilon) * Math.sin(lambda), Math.cos(lambda)) / rad;
    const gmst = (280.46061837 + 360.98564736629 * d) % 360;
    const sunLon = ((rightAscension - gmst + 540) % 360) - 180; // where the Sun is overhead
    const ring = [];
    for (let lon = -180; lon <= 180; lon += 2) {
      const lat = Math.atan(-Math.cos((lon - sunLon) * rad) / Math.tan(declination)) / rad;
      ring.push([lat, lon]);
    }
    const pole = declination > 0 ? -90 : 90; // the night side holds the pole away from the Sun
    return [...ring, [pole, 180], [pole, -180]];
  }

  /** An element's box in the pixels of a map's container: {l, t, r, b}. */
  function boxIn(container, node) {
    const c = container.getBoundingClientRect();
    const r = node.getBoundingClientRect();
    return { l: r.left - c.left, t: r.top - c.top, r: r.right - c.left, b: r.bottom - c.top };
  }

  /** Leaflet puts string content into the page as HTML: scenario text goes in as a text node instead. */
  const asText = (s) => el("span", {}, s);

  /**
   * A map in the element of id {@code containerId}. {@code ui} gives the host's texts: t(key), text(value),
   * windowText(window). Options: legend, controls (false: no zoom buttons nor links, for a screen nobody operates), fitButton (false: none in the legend), popups (false: no details on click), zoomSnap (a fraction of a zoom step, for finer fits), onRedraw (called when
   * the zoom changes, since clusters depend on it).
   */
  function create(containerId, ui, options) {
    const map = L.map(containerId, { worldCopyJump: false, minZoom: 1, zoomSnap: options.zoomSnap || 1, maxBounds: [[-90, -200], [90, 200]],
      zoomControl: options.controls !== false }).setView([35, 127], 3);
    // a screen nobody operates gets the credits as plain text, not as links
    if (options.controls === false) map.attributionControl.setPrefix("Leaflet · Natural Earth · GeoNames");
    else map.attributionControl.addAttribution("Natural Earth · GeoNames");
    // the land and the cities under every layer of the picture
    map.createPane("land").style.zIndex = 250;
    const layers = L.layerGroup().addTo(map);
    const cityLayer = L.layerGroup().addTo(map);
    let cities = null;
    map.on("moveend", () => drawCities());
    let current = null;
    let withSensors = false;
    let legendBox = null;
    let legendOpen = window.matchMedia("(min-width: 1000px)").matches;
    if (options.onRedraw) map.on("zoomend", options.onRedraw);

    /** A popup's content: a title, lines, and the next overflight windows involving it, soonest first. */
    function details(title, lines, windows) {
      const upcoming = windows.slice().sort((a, b) => a.start.localeCompare(b.start)).slice(0, 8);
      return el("div", { class: "details" }, el("strong", {}, title), lines.filter(Boolean).map((l) => el("div", {}, l)),
        upcoming.length ? el("ul", {}, upcoming.map((w) => el("li", {}, ui.windowText(w)))) : null);
    }

    // a popup taller than the map would be cut off (the map cannot pan past the world's edge): its list scrolls instead
    const popup = (layer, content) => options.popups === false ? layer : layer.bindPopup(content, { maxHeight: 240, maxWidth: 420 });

    /** Groups sites that would be drawn closer than 28 pixels at the present zoom, so that their labels do not pile up. */
    function clusterSites(sites) {
      const groups = [];
      for (const p of sites) {
        const here = map.latLngToContainerPoint([p.point[1], p.point[0]]);
        const near = groups.find((g) => g.at.distanceTo(here) < 28);
        if (near) near.members.push(p);
        else groups.push({ at: here, members: [p] });
      }
      return groups.map((g) => g.members);
    }

    /** Draws a picture: the allied nations colour their satellites; {@code follow}, an object id, is kept in view. */
    function draw(picture, allied, follow) {
      current = picture;
      layers.clearLayers();
      const text = ui.text;
      L.polygon(nightSide(Date.parse(picture.time)), { stroke: false, fillColor: "#0b1a33", fillOpacity: 0.14, interactive: false,
        className: "night" }).addTo(layers);
      const sites = [];
      for (const p of picture.places || []) {
        if (p.kind === "site") {
          sites.push(p);
        } else {
          popup(L.polygon(worldPolygons(p.rings), { color: COLOURS.place, weight: 1, fillOpacity: 0.08 })
            .bindTooltip(asText(text(p.name)), { className: "place-label" }),
          () => details(text(p.name), [], picture.next.filter((w) => w.place === p.id))).addTo(layers);
        }
      }
      // the viewer's own ground sensors: where each sees an object at a low orbit's altitude
      for (const sensor of picture.sensors || []) {
        if (sensor.ring.length) {
          L.polygon(worldPolygons([sensor.ring]), { color: COLOURS.sensor, weight: 1, dashArray: "5 3", fillOpacity: 0.06,
            interactive: false, className: `coverage coverage-${sensor.id}` }).addTo(layers);
        }
        L.circleMarker([sensor.point[1], sensor.point[0]], { radius: 4, color: COLOURS.sensor, fillOpacity: 0.9, className: `sensor sensor-${sensor.id}` })
          .bindTooltip(asText(`${text(sensor.name)} · ${ui.t("legend.sensors")}`), { className: "place-label" }).addTo(layers);
      }
      if (Boolean((picture.sensors || []).length) !== withSensors) {
        withSensors = !withSensors;
        legend();
      }
      const siteMarkers = [];
      for (const group of clusterSites(sites)) {
        const p = group[0];
        const names = group.map((g) => text(g.name));
        siteMarkers.push(popup(L.circleMarker([p.point[1], p.point[0]], { radius: group.length > 1 ? 7 : 4, color: COLOURS.place, fillOpacity: 0.6,
          className: `place ${group.map((g) => "place-" + g.id).join(" ")}` })
          .bindTooltip(asText(group.length > 1 ? `${names[0]} +${group.length - 1}` : names[0]), { permanent: true, direction: "right",
            className: "place-label" }),
        () => el("div", {}, ...group.map((g) => details(text(g.name), [`${g.point[1].toFixed(3)}°, ${g.point[0].toFixed(3)}°`],
          picture.next.filter((w) => w.place === g.id))))).addTo(layers));
      }
      const now = Date.parse(picture.time);
      const satellites = [];
      for (const o of picture.objects) {
        if (!o.inOrbit || !o.position) continue;
        const side = allied.has(o.nation) ? "allied" : "other";
        const colour = COLOURS[side];
        const from = Date.parse(o.trackFrom);
        const past = o.track.filter((_, k) => from + k * 60e3 <= now);
        const future = o.track.filter((_, k) => from + k * 60e3 >= now);
        L.polyline(splitTrack(past), { color: colour, weight: 2, opacity: 0.7, interactive: false, className: `track-past track-${o.id}` }).addTo(layers);
        L.polyline(splitTrack(future), { color: colour, weight: 1.5, dashArray: "6 4", interactive: false, className: `track-future track-${o.id}` })
          .addTo(layers);
        o.track.forEach(([lon, lat], k) => {
          const minutes = Math.round((from + k * 60e3 - now) / 60e3);
          if (minutes !== 0 && minutes % 10 === 0) {
            L.circleMarker([lat, lon], { radius: 2, color: colour, weight: 1, fillOpacity: 1, className: "track-tick" })
              .bindTooltip(`${minutes > 0 ? "+" : ""}${minutes} ${ui.t("unit.min")}`).addTo(layers);
          }
        });
        if (o.footprint) {
          L.polygon(worldPolygons([o.footprint]), { color: colour, weight: 1, dashArray: "4 3",
            fillOpacity: 0.12, interactive: false, className: `footprint footprint-${o.id}` }).addTo(layers);
        }
        const e = o.estimate; // a delegation's picture: where its latest fix puts the object, and how sure it is
        if (e) {
          L.circle([o.position.lat, o.position.lon], { radius: 3000 * e.sigmaKm, color: colour, weight: 1, dashArray: "2 3",
            fillOpacity: 0.05, interactive: false, className: `uncertainty uncertainty-${o.id}` }).addTo(layers);
        }
        const label = e && e.custody !== "tracked" ? `${text(o.name)} (${ui.t("custody." + e.custody)})` : text(o.name);
        satellites.push(popup(L.circleMarker([o.position.lat, o.position.lon], { radius: 6, color: colour, fillOpacity: 0.9,
          className: `sat sat-${side} sat-${o.id}${e ? " custody-" + e.custody : ""}` })
          .bindTooltip(asText(label), { permanent: true, direction: "right", className: `sat-label sat-label-${side}` }),
        () => details(text(o.name), [`${o.nation} · NORAD ${o.norad}`,
          `${o.position.lat.toFixed(2)}°, ${o.position.lon.toFixed(2)}° · ${o.position.altKm} km`,
          e ? `${ui.t("tracks.observed")}: ${e.observed.slice(0, 19).replace("T", " ")} · ± ${e.sigmaKm} km · ${ui.t("custody." + e.custody)}` : null,
          o.sensor ? `sensor: ${o.sensor}` : null],
        picture.next.filter((w) => w.norad === o.norad))).addTo(layers));
      }
      // a breakup's fragments: a dot each, one tooltip for the cloud (on its first fragment)
      for (const cloud of picture.debris || []) {
        cloud.points.forEach(([lon, lat], k) => {
          const dot = L.circleMarker([lat, lon], { radius: 1.5, stroke: false, color: COLOURS.debris, fillOpacity: 0.75,
            interactive: k === 0, className: `debris debris-${cloud.breakup}` });
          if (k === 0) {
            dot.bindTooltip(asText(`${text(cloud.name)}: ${cloud.points.length} ${ui.t("map.fragments")}`), { className: "sat-label" });
          }
          dot.addTo(layers);
        });
      }
      // control's and the evaluators' view of the effects active now: a jammer's denied area, an effect's site
      for (const e of picture.effects || []) {
        if (e.ring) {
          L.polygon(worldPolygons([e.ring]), { color: COLOURS.effect, weight: 1.5, dashArray: "3 3", fillOpacity: 0.1,
            interactive: false, className: `effect-area effect-${e.id}` }).addTo(layers);
        }
        const target = e.object ? picture.objects.find((o) => o.id === e.object) : null;
        L.circleMarker([e.point[1], e.point[0]], { radius: 5, color: COLOURS.effect, fillOpacity: 0.9, className: `effect effect-site-${e.id}` })
          .bindTooltip(asText(`${text(e.name)} · ${ui.t("effect." + e.kind)}${target ? " → " + text(target.name) : ""}${e.radiusKm ? ` · ${e.radiusKm} km` : ""}`),
            { direction: "left", className: "effect-label" }).addTo(layers); // on hover: two sites a few degrees apart would overlap
      }
      const followed = picture.objects.find((o) => o.id === follow && o.position);
      if (followed) map.panTo([followed.position.lat, followed.position.lon], { animate: false });
      // the legend and the buttons first: a label under them cannot be read
      const controls = [...map.getContainer().querySelectorAll(".leaflet-control")].map((n) => boxIn(map.getContainer(), n));
      declutter(satellites, declutter(siteMarkers, controls));
      drawCities();
    }

    /** Where a satellite's label may go, in order: beside it, then above or below, then further off with a leader. */
    const PLACES = [["right", 0, 0], ["left", 0, 0], ["top", 0, 0], ["bottom", 0, 0], ["right", 0, 20], ["right", 0, -20],
      ["left", 0, 20], ["left", 0, -20], ["right", 24, 40], ["right", 24, -40], ["left", -24, 40], ["left", -24, -40]];

    /**
     * Sets each marker's label where it overlaps none of the labels already set ({@code taken}, boxes in the map's
     * pixels: the sites' are set first, then the satellites' in the order drawn), trying the places in order; a label
     * set away from its dot gets a leader line to it. Where every place overlaps, the one overlapping least. Returns
     * the boxes taken.
     */
    function declutter(markers, taken) {
      const box = map.getContainer().getBoundingClientRect();
      const rect = (n) => boxIn(map.getContainer(), n);
      const overlap = (a, c) => Math.max(0, Math.min(a.r, c.r) - Math.max(a.l, c.l) + 2) * Math.max(0, Math.min(a.b, c.b) - Math.max(a.t, c.t) + 2);
      const outside = (a) => Math.max(0, -a.l) + Math.max(0, a.r - box.width) + Math.max(0, -a.t) + Math.max(0, a.b - box.height);
      for (const marker of markers) {
        const tip = marker.getTooltip();
        if (!tip || !tip.getElement()) continue;
        let best = null;
        for (const [direction, dx, dy] of PLACES) {
          tip.options.direction = direction;
          tip.options.offset = L.point(dx, dy);
          tip.update();
          const here = rect(tip.getElement());
          const cost = taken.reduce((sum, other) => sum + overlap(here, other), 0) + 50 * outside(here);
          if (!best || cost < best.cost) best = { direction, dx, dy, cost, here };
          if (cost === 0) break;
        }
        tip.options.direction = best.direction;
        tip.options.offset = L.point(best.dx, best.dy);
        tip.update();
        tip.getElement().classList.toggle("label-moved", best.dy !== 0 || best.dx !== 0);
        taken.push(best.here);
        if (best.dy !== 0 || best.dx !== 0) {
          // a leader from the dot to the nearer end of the label's side that faces it
          const end = L.point(best.direction === "left" ? best.here.r : best.here.l, (best.here.t + best.here.b) / 2);
          L.polyline([marker.getLatLng(), map.containerPointToLatLng(end)], { color: "#44505c", weight: 1, interactive: false,
            className: "leader" }).addTo(layers);
        }
      }
      return taken;
    }

    /** Fits the map to the picture's places and the satellites now in orbit. */
    function fit(picture) {
      const points = [];
      for (const p of picture.places || []) {
        if (p.kind === "site") points.push([p.point[1], p.point[0]]);
        else p.rings.forEach((ring) => ring.forEach(([lon, lat]) => points.push([lat, lon])));
      }
      picture.objects.filter((o) => o.inOrbit && o.position).forEach((o) => points.push([o.position.lat, o.position.lon]));
      if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 6, animate: false });
    }

    /** The legend's entries, in the host's language (called again when the language changes). */
    function legend() {
      if (!legendBox) return;
      // colours by class (the content policy allows no inline style); the stylesheet holds the same colours
      const swatch = (cls) => el("span", { class: "swatch " + cls });
      // folded to one line on a small screen (it covered a quarter of a tablet's map), open on a large one; the reader's
      // choice stays through redraws and languages
      const box = el("details", { class: "legend-box" }, el("summary", {}, ui.t("legend.title")));
      box.open = legendOpen;
      box.addEventListener("toggle", () => { legendOpen = box.open; });
      legendBox.replaceChildren(box);
      box.append(
        el("div", {}, swatch("dot c-allied"), ui.t("legend.allied")),
        el("div", {}, swatch("dot c-other"), ui.t("legend.other")),
        el("div", {}, swatch("dot small c-place"), ui.t("legend.place")),
        el("div", {}, swatch("line c-other"), ui.t("legend.past")),
        el("div", {}, swatch("line dashed c-other"), ui.t("legend.future")),
        el("div", {}, swatch("area c-other"), ui.t("legend.footprint")),
        ...(withSensors ? [el("div", {}, swatch("area c-sensor"), ui.t("legend.sensors"))] : []),
        el("div", {}, swatch("area c-night"), ui.t("legend.night")),
        el("div", {}, swatch("dot small c-debris"), ui.t("legend.debris")),
        ...(options.fitButton === false ? [] : [el("div", { class: "row" }, el("button", { type: "button", class: "secondary", id: "map-fit",
          onclick: () => current && fit(current) }, ui.t("map.fit")))]));
    }

    if (options.legend) {
      const control = L.control({ position: "bottomleft" });
      control.onAdd = () => {
        legendBox = el("div", { class: "legend", id: "map-legend" });
        legend();
        return legendBox;
      };
      control.addTo(map);
    }

    /** The world under the picture: land on the sea, borders and coastlines (Natural Earth), and cities (shipped). */
    async function basemap() {
      const [topology, places] = await Promise.all(["/maps/countries-50m.json", "/maps/cities.json"]
        .map((url) => fetch(url).then((r) => { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); })));
      L.polygon(topologyPolygons(topology, topology.objects.land), { pane: "land", stroke: false, fillColor: "#f3f0e7",
        fillOpacity: 1, interactive: false, className: "land" }).addTo(map);
      // a border that runs along the antimeridian would otherwise be drawn as a line across the whole world
      const lines = topologyLines(topology).flatMap(splitTrack);
      L.polyline(lines, { pane: "land", color: "#6b7a89", weight: 0.7, interactive: false }).addTo(map);
      cities = places.cities;
      drawCities();
    }

    /**
     * The cities that matter at the present zoom (the largest capitals from afar, every capital and city of five
     * million closer, every city of a million at a theatre's zoom), each named where its name covers no label of
     * the picture nor another city's: the picture's labels come first.
     */
    function drawCities() {
      cityLayer.clearLayers();
      if (!cities) return;
      const zoom = map.getZoom();
      const view = map.getBounds().pad(0.05);
      const korean = document.documentElement.lang === "ko";
      const box = map.getContainer().getBoundingClientRect();
      const rect = (n) => boxIn(map.getContainer(), n);
      // the picture's labels, the legend and the buttons
      const taken = [...map.getContainer().querySelectorAll(".leaflet-tooltip:not(.city-label), .leaflet-control")].map(rect);
      const overlaps = (a) => taken.some((c) => Math.min(a.r, c.r) + 2 > Math.max(a.l, c.l) && Math.min(a.b, c.b) + 2 > Math.max(a.t, c.t));
      const inside = (a) => a.l >= 0 && a.t >= 0 && a.r <= box.width && a.b <= box.height;
      for (const [lon, lat, name, country, population, capital, ko] of cities) {
        const from = capital ? (population >= 5e6 ? 2 : 4) : (population >= 5e6 ? 4 : 5);
        if (zoom < from || !view.contains([lat, lon])) continue;
        const dot = L.circleMarker([lat, lon], { pane: "land", radius: capital ? 3 : 2, weight: 1, color: "#39434d", fillColor: "#ffffff",
          fillOpacity: 1, interactive: false, className: `city city-${`${country}-${name}`.toLowerCase().replace(/[^a-z0-9]+/g, "-")}` }).addTo(cityLayer);
        dot.bindTooltip(asText(korean && ko ? ko : name), { permanent: true, direction: "right", offset: L.point(2, 0), className: "city-label" });
        const tip = dot.getTooltip();
        let placed = false;
        for (const direction of ["right", "left"]) {
          tip.options.direction = direction;
          tip.options.offset = L.point(direction === "right" ? 2 : -2, 0);
          tip.update();
          const here = rect(tip.getElement());
          if (!overlaps(here) && inside(here)) { taken.push(here); placed = true; break; }
        }
        if (!placed) dot.unbindTooltip();
      }
    }

    return { draw, fit, legend, basemap, leaflet: map };
  }

  return { create };
})();
