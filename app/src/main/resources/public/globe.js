// The globe's page (globe.html?exercise=ID&lang=en|ko[&audience=room]): the space picture on a 3D globe with
// CesiumJS, shipped by this server under /cesium/. What it shows comes through the same policy as every read path:
// the server's CZML for this viewer (or for the room), the objects the viewer knows of now, and the scenario clock
// driving Cesium's clock; a breakup's fragments once the viewer knows of it, and for control the counterspace effects
// while they are active. Fully offline: Natural Earth II imagery from Cesium's own assets, no Cesium ion, no request
// outside this server. Satellites are coloured as allied or other, as on the map.
import { el, request, scenarioNow } from "./dom.js";
import { texts } from "./i18n.js";

(() => {
  const C = window.Cesium;
  const params = new URLSearchParams(location.search);
  const exercise = params.get("exercise");
  const lang = params.get("lang") === "ko" ? "ko" : "en";
  const room = params.get("audience") === "room";
  const { t } = texts(lang);
  const $ = (id) => document.getElementById(id);
  const path = (rest) => `/api/exercises/${encodeURIComponent(exercise)}/${rest}`;
  const audience = room ? "&audience=room" : "";

  /** Colours as on the map (space-map.js): allies, everyone else. */
  const COLOURS = { allied: "#0b5cad", other: "#b3261e" };
  const POLL_MS = 5000, HOUR = 3600e3;

  function status(message) {
    $("globe-status").textContent = message || "";
    $("globe-status").hidden = !message;
  }

  document.documentElement.lang = lang;
  if (room) document.body.classList.add("room-globe");
  if (!exercise) {
    status(t("present.noExercise"));
    return;
  }
  /** The legend: allies, others, places, and the debris and effects when the document has them. */
  function legend(debris, effects) {
    $("globe-legend").replaceChildren(el("div", {}, el("span", { class: "allied" }), t("legend.allied")),
      el("div", {}, el("span", { class: "other" }), t("legend.other")), el("div", {}, el("span", { class: "place" }), t("globe.place")),
      ...(debris ? [el("div", {}, el("span", { class: "debris" }), t("legend.debris"))] : []),
      ...(effects ? [el("div", {}, el("span", { class: "effect" }), t("globe.effect"))] : []));
  }
  legend(false, false);

  const widget = new C.CesiumWidget("globe", {
    baseLayer: C.ImageryLayer.fromProviderAsync(C.TileMapServiceImageryProvider.fromUrl(C.buildModuleUrl("Assets/Textures/NaturalEarthII"))),
    terrainProvider: new C.EllipsoidTerrainProvider(),
    // the exercise's clock drives Cesium's, not the CZML document's
    automaticallyTrackDataSourceClocks: false,
    // draw when something changes and every 20 s of scenario time while the clock runs: a laptop without a
    // graphics card, or a projector's computer, keeps up
    requestRenderMode: true,
    maximumRenderTimeChange: 20,
    targetFrameRate: 20,
  });
  // over the scenario's region, far enough for the satellites on either side of the Earth to be in view: the wider
  // the frame, the narrower its vertical field of view, the further back the camera
  const aspect = Math.max(1, window.innerWidth / Math.max(1, window.innerHeight));
  widget.camera.setView({ destination: C.Cartesian3.fromDegrees(127, 30, 2.6e7 * Math.max(1, aspect / 1.5)) });
  widget.scene.globe.depthTestAgainstTerrain = true; // places and satellites behind the Earth are hidden by it
  const state = { feed: null, feedAt: 0, loaded: null, source: null };
  // for tests and the curious: what the globe holds
  window.spaceGlobe = { widget, state };

  /** Follows the exercise's clock: its time now, whether it runs, its speed. */
  function syncClock() {
    const c = state.feed.clock;
    const clock = widget.clock;
    const now = C.JulianDate.fromDate(scenarioNow(c, state.feedAt));
    if (Math.abs(C.JulianDate.secondsDifference(clock.currentTime, now)) > 2 * Math.max(1, c.speed)) clock.currentTime = now;
    clock.multiplier = c.speed;
    clock.clockStep = C.ClockStep.SYSTEM_CLOCK_MULTIPLIER;
    clock.shouldAnimate = c.running;
    widget.scene.requestRender();
  }

  /** Where a satellite's label may go, in order (as on the map): beside it, above or below, then further off. */
  const PLACES = [[10, 0, "LEFT"], [-10, 0, "RIGHT"], [0, -16, "CENTER"], [0, 16, "CENTER"], [10, 20, "LEFT"], [10, -20, "LEFT"],
    [-10, 20, "RIGHT"], [-10, -20, "RIGHT"], [24, 36, "LEFT"], [24, -36, "LEFT"], [-24, 36, "RIGHT"], [-24, -36, "RIGHT"]];
  const measure = document.createElement("canvas").getContext("2d");
  /** The satellites' labels and dots on screen as last placed: boxes in the canvas's pixels (for tests and the curious). */
  let placed = { labels: [], dots: [] };

  /**
   * Sets each satellite's label where it covers no other label nor another satellite's dot on screen (the first place
   * free, else the one covering least), as the map does; labels of satellites behind the Earth are not counted. Measured with the label's own font.
   */
  function declutter() {
    const scene = widget.scene;
    const time = widget.clock.currentTime;
    const occluder = new C.EllipsoidalOccluder(C.Ellipsoid.WGS84, scene.camera.positionWC);
    const overlap = (a, c) => Math.max(0, Math.min(a.r, c.r) - Math.max(a.l, c.l) + 2) * Math.max(0, Math.min(a.b, c.b) - Math.max(a.t, c.t) + 2);
    const boxes = [];
    let changed = false;
    const entities = state.source ? state.source.entities.values.filter((e) => e.id.startsWith("object/") && e.label && e.position) : [];
    const shown = [];
    for (const e of entities) {
      const at = e.position.getValue(time);
      const on = at && occluder.isPointVisible(at) ? C.SceneTransforms.worldToWindowCoordinates(scene, at) : null;
      if (on && (!e.isAvailable || e.isAvailable(time))) shown.push([e, on]);
    }
    // no label over another satellite's dot either
    const dots = shown.map(([, on]) => ({ l: on.x - 5, r: on.x + 5, t: on.y - 5, b: on.y + 5 }));
    shown.forEach(([e, on], k) => {
      const others = dots.filter((_, j) => j !== k);
      const text = e.label.text.getValue(time);
      const scale = e.label.scale ? e.label.scale.getValue(time) : 1;
      measure.font = e.label.font ? e.label.font.getValue(time) : "12px sans-serif";
      const width = (measure.measureText(text).width + 4) * scale, height = 15 * scale;
      let best = null;
      for (const [dx, dy, origin] of PLACES) {
        const l = on.x + (origin === "LEFT" ? dx : origin === "RIGHT" ? dx - width : dx - width / 2);
        const here = { l, r: l + width, t: on.y + dy - height / 2, b: on.y + dy + height / 2 };
        const cost = [...boxes, ...others].reduce((sum, other) => sum + overlap(here, other), 0);
        if (!best || cost < best.cost) best = { dx, dy, origin, cost, here };
        if (cost === 0) break;
      }
      boxes.push({ ...best.here, text });
      const key = `${best.dx},${best.dy},${best.origin}`;
      if (e.placedAt !== key) { // a label's properties set only when its place changes: each change draws again (and places again)
        e.placedAt = key;
        changed = true;
        e.label.pixelOffset = new C.ConstantProperty(new C.Cartesian2(best.dx, best.dy));
        e.label.horizontalOrigin = new C.ConstantProperty(C.HorizontalOrigin[best.origin]);
        e.label.verticalOrigin = new C.ConstantProperty(C.VerticalOrigin.CENTER);
      }
    });
    placed = { labels: boxes, dots: shown.map(([e], k) => ({ ...dots[k], text: e.id })) };
    if (changed) scene.requestRender();
  }
  // placed again a quarter of a second after a frame (the last frame of a turn of the globe included)
  let pending = null;
  widget.scene.postRender.addEventListener(() => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      declutter();
    }, 250);
  });
  window.spaceGlobe.labels = () => placed;

  /** Shows a CZML document, replacing the previous one once the new one is read; satellites coloured by side. */
  async function show(url, sides) {
    const source = await C.CzmlDataSource.load(url);
    let debris = 0, effects = 0;
    for (const entity of source.entities.values) {
      // a fragment's point comes with the document's grey; counted for the legend (the cloud's own packet has no point)
      if (entity.id.startsWith("debris/") && entity.point) debris++;
      if (entity.id.startsWith("effect/")) effects++;
      if ((entity.id.startsWith("place/") || entity.id.startsWith("effect/")) && entity.label) {
        // the places' names only when the view comes close: seen from afar, those around Seoul pile up
        entity.label.distanceDisplayCondition = new C.ConstantProperty(new C.DistanceDisplayCondition(0, 9e6));
      }
      const id = entity.id.startsWith("object/") ? entity.id.slice("object/".length) : null;
      if (!id) continue;
      const colour = C.Color.fromCssColorString(COLOURS[sides[id] || "other"]);
      if (entity.point) entity.point.color = new C.ConstantProperty(colour);
      if (room && entity.label) entity.label.scale = new C.ConstantProperty(1.6); // read from the back of the room
      if (room && entity.point) entity.point.pixelSize = new C.ConstantProperty(12);
      if (entity.label) entity.label.fillColor = new C.ConstantProperty(colour);
      if (entity.path) entity.path.material = new C.ColorMaterialProperty(colour);
    }
    await widget.dataSources.add(source);
    if (state.source) widget.dataSources.remove(state.source, true);
    state.source = source;
    state.debris = debris;
    state.effects = effects;
    legend(debris > 0, effects > 0);
    widget.scene.requestRender();
  }

  /**
   * Reads the clock and the objects the viewer knows of now; the CZML (two hours back, six ahead) is read again when
   * that set changes (a launch becomes known) or the time nears the end of the span read.
   */
  async function poll() {
    try {
      state.feed = await request("GET", path(room ? "room" : "feed"));
      state.feedAt = Date.now();
      syncClock();
      const now = scenarioNow(state.feed.clock, state.feedAt).getTime();
      const picture = await request("GET", path(`space?at=${new Date(now).toISOString()}${audience}`));
      const known = picture.objects.filter((o) => o.inOrbit).map((o) => o.id).join(",");
      const loaded = state.loaded;
      if (!loaded || loaded.known !== known || now < loaded.from || now > loaded.to - HOUR) {
        const start = Date.parse(state.feed.exercise.start), end = Date.parse(state.feed.exercise.end);
        const from = Math.max(start, Math.min(now, end) - 2 * HOUR), to = Math.min(end, Math.max(now, from) + 6 * HOUR);
        const allied = new Set(state.feed.cells.filter((c) => c.kind === "BLUE").map((c) => c.nation));
        const sides = Object.fromEntries(picture.objects.map((o) => [o.id, allied.has(o.nation) ? "allied" : "other"]));
        const iso = (ms) => new Date(ms).toISOString();
        await show(path(`space.czml?from=${iso(from)}&to=${iso(to)}&step=60&lang=${lang}${audience}`), sides);
        state.loaded = { known, from, to };
      }
      status("");
    } catch (e) {
      status(`${t("globe.failed")}: ${e.message}`);
    }
  }

  poll();
  setInterval(poll, POLL_MS);
})();
