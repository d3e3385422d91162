// The workspace's sections, one per part of a scenario: each draws its forms from the tree being edited and writes
// every change back into it. The choices offered (cells, moves, objects, places, markings) come from the tree itself,
// so an inject can only be addressed with what the scenario has.
import { el, when } from "../dom.js";
import { CHANNELS } from "../i18n.js";
import { checks, field, get, pathText, rows, set, text2 } from "./fields.js";
import { api, plan, status, t, text } from "./state.js";
import { drawPlaces, wirePlacesMap } from "./places.js";
import { drawTimeline } from "./timeline.js";

export const SECTIONS = ["general", "cells", "objectives", "places", "objects", "counterspace", "moves", "msel", "questions", "actions", "timeline", "history"];

const doc = () => plan.doc;
const list = (key) => (Array.isArray(doc()[key]) ? doc()[key] : []);
const ids = (items) => items.map((x) => [String(x.id ?? ""), x.name || x.title ? `${x.id} · ${text(x.name || x.title)}` : String(x.id ?? "")]);

/** The choices the tree offers for a reference. */
export const choices = {
  cells: () => ids(list("cells")),
  delegations: () => ids(list("cells").filter((c) => c.kind === "blue")),
  moves: () => ids(list("moves")),
  objects: () => ids(list("objects")),
  maneuvers: () => ids(list("maneuvers")),
  breakups: () => ids(list("breakups")),
  effects: () => ids(list("effects")),
  /** The cells that have sensors of their own (those a detection trigger may name). */
  sensorCells: () => ids(list("cells").filter((c) => list("sensors").some((s) => s.cell === c.id))),
  sites: () => ids((doc().places && doc().places.sites) || []),
  places: () => [...choices.sites(), ...ids((doc().places && doc().places.areas) || [])],
  questions: () => ids(list("questions")),
  injects: () => list("msel").map((i) => [String(i.number), `${i.number} · ${text(i.subject)}`]),
  objectives: () => ids(list("objectives")),
  nations: () => [...new Set(list("cells").filter((c) => c.kind === "blue" && c.nation).map((c) => c.nation))].sort(),
  /** The markings a scenario of these delegations may use: every delegation, each alone, control only. */
  markings: () => {
    const n = choices.nations();
    return [...(n.length > 1 ? [`REL TO ${n.join(", ")}`] : []), ...n.map((x) => `${x} ONLY`), "CONTROL ONLY"].map((m) => [m, m]);
  },
};

const pairs = (values, prefix) => values.map((v) => [v, t(`${prefix}.${v}`)]);

/** Draws the section shown. */
export function drawSection(name) {
  const box = document.getElementById(`section-${name}`);
  const redraw = () => drawSection(name);
  const d = doc();
  switch (name) {
    case "general":
      box.replaceChildren(
        // the identifier is the draft's own (set by the server): shown, not typed
        el("div", { class: "grid2" }, field(["id"], t("plan.identifier"), "text", { readonly: true }), field(["banner"], t("plan.banner"))),
        el("p", { class: "meta" }, t("plan.identifierNote")),
        text2(["title"], t("plan.title")),
        text2(["description"], t("plan.description"), { long: true }),
        el("div", { class: "grid2" }, field(["start"], t("plan.start"), "datetime", { unbounded: true }), field(["end"], t("plan.end"), "datetime", { unbounded: true })));
      break;
    case "cells":
      box.replaceChildren(rows(["cells"], t("plan.cell"), (p) => [
        el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")),
          field([...p, "kind"], t("plan.kind"), "select", { choices: pairs(["control", "blue", "red", "observer"], "plan.kind"), onChange: redraw }),
          field([...p, "nation"], t("plan.nation"), "text", { placeholder: "KOR" })),
        text2([...p, "name"], t("plan.name"))], () => ({ id: `cell${list("cells").length + 1}`, kind: "blue", nation: "", name: { en: "", ko: "" } }), redraw));
      break;
    case "objectives":
      box.replaceChildren(rows(["objectives"], t("plan.objective"), (p) => [field([...p, "id"], t("plan.id")), text2([...p, "title"], t("plan.title")),
        rows([...p, "criteria"], t("plan.criterion"), (c) => text2(c, t("plan.criterion")), () => ({ en: "", ko: "" }), redraw)],
      () => ({ id: `O${list("objectives").length + 1}`, title: { en: "", ko: "" }, criteria: [] }), redraw));
      break;
    case "places":
      drawPlaces(box, redraw);
      break;
    case "objects":
      drawObjects(box, redraw);
      break;
    case "counterspace":
      drawCounterspace(box, redraw);
      break;
    case "moves":
      box.replaceChildren(rows(["moves"], t("plan.move"), (p) => [
        el("div", { class: "grid2" }, field([...p, "id"], t("plan.id")), field([...p, "start"], t("plan.start"), "datetime")),
        text2([...p, "title"], t("plan.title")), text2([...p, "narrative"], t("plan.narrative"), { long: true })],
      () => ({ id: `M${list("moves").length + 1}`, start: d.end || d.start, title: { en: "", ko: "" }, narrative: { en: "", ko: "" } }), redraw));
      break;
    case "msel":
      drawMsel(box, redraw);
      break;
    case "questions":
      box.replaceChildren(rows(["questions"], t("plan.question"), (p, q) => [
        el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")), field([...p, "move"], t("plan.move"), "select", { choices: choices.moves() }),
          field([...p, "type"], t("plan.type"), "select", { choices: pairs(["probability", "scale", "single", "multiple", "number", "text"], "plan.qtype"), onChange: redraw })),
        text2([...p, "text"], t("plan.questionText")),
        q.type === "single" || q.type === "multiple" ? rows([...p, "options"], t("plan.option"), (o) => el("div", { class: "grid-option" },
          field([...o, "id"], t("plan.id")), text2([...o, "text"], t("plan.optionText"))), () => ({ id: String.fromCharCode(97 + ((q.options || []).length)), text: { en: "", ko: "" } }), redraw) : null,
        q.type === "number" ? field([...p, "unit"], t("plan.unit")) : null,
        checks([...p, "cells"], t("plan.askedOf"), choices.delegations()),
        checks([...p, "picture"], t("plan.questionPicture"), choices.objects())],
      () => ({ id: `Q${list("questions").length + 1}`, move: (list("moves")[0] || {}).id, type: "probability", text: { en: "", ko: "" } }), redraw,
      { summary: (q) => [el("span", { class: "num" }, q.id || ""), el("span", {}, q.move || ""), el("span", { class: "subject" }, text(q.text) || "…"),
        el("span", {}, q.type ? t(`plan.qtype.${q.type}`) : "")] }));
      break;
    case "actions":
      box.replaceChildren(rows(["action_items"], t("plan.actionItem"), (p) => [
        el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")), field([...p, "owner"], t("plan.owner"), "select", { choices: choices.nations().map((n) => [n, n]) }),
          field([...p, "due"], t("plan.due"), "date")),
        text2([...p, "title"], t("plan.title"))], () => ({ id: `AI${list("action_items").length + 1}`, title: { en: "", ko: "" } }), redraw));
      break;
    case "timeline":
      drawTimeline(box);
      break;
    case "history":
      drawHistory(box);
      break;
    default:
  }
}

// ---- objects ----
const DEFINITIONS = ["tle", "elements", "launch", "catalog"];

function drawObjects(box, redraw) {
  const results = el("div", { id: "catalog-results" });
  const search = el("input", { id: "catalog-query", type: "search", placeholder: "ISS, 25544, 1998-067A", "aria-label": t("plan.catalogSearch") });
  const runSearch = async () => {
    try {
      const found = await api("GET", `/api/catalogs/search?q=${encodeURIComponent(search.value.trim())}`);
      results.replaceChildren(found.length ? el("table", { class: "compact" }, el("tbody", {}, found.map((e) => el("tr", { "data-norad": e.norad },
        el("td", {}, String(e.norad)), el("td", {}, e.name), el("td", {}, e.cospar), el("td", {}, when(e.epoch)),
        el("td", {}, `${e.inclination.toFixed(1)}° · ${e.periodMinutes.toFixed(1)} min`),
        el("td", {}, el("button", { type: "button", class: "small", "data-add-norad": e.norad, onclick: () => {
          if (!Array.isArray(doc().objects)) doc().objects = [];
          const base = e.name.toLowerCase().replace(/\(.*?\)/g, "").trim().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || `obj-${e.norad}`;
          let id = base;
          for (let n = 2; doc().objects.some((o) => o.id === id); n++) id = `${base}-${n}`;
          doc().objects.push({ id, name: { en: e.name.trim(), ko: e.name.trim() }, nation: "", tle: e.tle });
          plan.changed();
          redraw();
          status(`${t("plan.added")}: ${e.name.trim()} (${e.norad})`);
        } }, t("plan.addObject"))))))) : el("p", { class: "meta" }, t("plan.nothingFound")));
    } catch (err) {
      status(err.message, true);
    }
  };
  search.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); runSearch(); } });
  const upload = el("input", { id: "catalog-file", type: "file", accept: ".tle,.txt,.3le,.csv,.json,.xml,.kvn", "aria-label": t("plan.catalogUpload") });
  upload.addEventListener("change", async () => {
    const file = upload.files[0];
    if (!file) return;
    try {
      const r = await api("POST", "/api/catalogs", { name: file.name, content: await file.text() });
      status(`${t("plan.catalogLoaded")}: ${file.name} (${r.elementSets})`);
    } catch (err) {
      status(err.message, true);
    }
    upload.value = "";
  });
  box.replaceChildren(
    el("div", { class: "catalog" }, el("h3", {}, t("plan.catalog")),
      el("div", { class: "inline" }, search, el("button", { type: "button", id: "catalog-search", onclick: runSearch }, t("plan.search"))),
      el("label", { class: "meta upload" }, `${t("plan.catalogUpload")} `, upload), results),
    rows(["objects"], t("plan.object"), (p, o) => {
      const kind = DEFINITIONS.find((k) => o[k] != null) || "";
      const definition = el("select", { "aria-label": t("plan.definition"), "data-path": pathText([...p, "definition"]) },
        el("option", { value: "" }, "—"), DEFINITIONS.map((k) => el("option", { value: k }, t(`plan.def.${k}`))));
      definition.value = kind;
      definition.addEventListener("change", () => {
        for (const k of DEFINITIONS) delete o[k];
        const start = doc().start || "";
        o[definition.value] = { tle: ["", ""], elements: { epoch: start, inclination: 97.4, raan: 0, eccentricity: 0.001, arg_perigee: 0, mean_anomaly: 0, altitude_km: 500 },
          launch: { site: "", time: start, inclination: 97.4, altitude_km: 500 }, catalog: "" }[definition.value];
        plan.changed();
        redraw();
      });
      return [el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")), field([...p, "nation"], t("plan.nation"), "text", { placeholder: "PRK" }),
        field([...p, "sensor"], t("plan.sensor"), "text", { placeholder: "optical:off-nadir=30,sun=10" })),
      field([...p, "size_m"], t("plan.sizeM"), "number", { placeholder: "1" }),
      text2([...p, "name"], t("plan.name")),
      el("div", { class: "field" }, el("span", { class: "field-label" }, t("plan.definition")), definition),
      kind === "tle" ? el("div", { class: "tle" }, field([...p, "tle", 0], t("plan.tle1")), field([...p, "tle", 1], t("plan.tle2"))) : null,
      kind === "elements" ? el("div", { class: "grid4" }, ["norad", "epoch", "inclination", "raan", "eccentricity", "arg_perigee", "mean_anomaly", "altitude_km", "bstar"]
        .map((k) => field([...p, "elements", k], t(`plan.el.${k}`), k === "epoch" ? "datetime" : "number", { unbounded: true }))) : null,
      kind === "launch" ? el("div", { class: "grid4" }, field([...p, "launch", "site"], t("plan.launchSite"), "select", { choices: plan.launchSites }),
        ["time", "inclination", "altitude_km", "downrange_km", "ascent_minutes", "norad"]
          .map((k) => field([...p, "launch", k], t(`plan.el.${k}`), k === "time" ? "datetime" : "number"))) : null,
      kind === "catalog" ? field([...p, "catalog"], t("plan.el.norad"), "number") : null];
    }, () => ({ id: `obj${list("objects").length + 1}`, name: { en: "", ko: "" }, nation: "" }), redraw),
    el("h3", {}, t("plan.sensors")),
    el("p", { class: "meta" }, t("plan.sensorsHelp")),
    rows(["sensors"], t("plan.sensorItem"), (p, x) => [
      el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")), field([...p, "cell"], t("plan.cell"), "select", { choices: choices.delegations() }),
        field([...p, "kind"], t("plan.kind"), "select", { choices: pairs(["radar", "optical"], "plan.sk"), onChange: redraw })),
      text2([...p, "name"], t("plan.name")),
      el("div", { class: "grid4" }, field([...p, "lat"], t("plan.lat"), "number"), field([...p, "lon"], t("plan.lon"), "number"),
        field([...p, "alt_m"], t("plan.sensorAlt"), "number", { placeholder: "0" }), field([...p, "min_elevation"], t("plan.minElevation"), "number", { placeholder: "10" }),
        field([...p, "max_range_km"], t("plan.maxRangeKm"), "number"), field([...p, "min_size_m"], t("plan.minSizeM"), "number"),
        x.kind === "optical" ? field([...p, "max_sun_elevation"], t("plan.maxSunElevation"), "number", { placeholder: "-12" }) : null,
        field([...p, "azimuth_from"], t("plan.azimuthFrom"), "number", { placeholder: "0" }),
        field([...p, "azimuth_to"], t("plan.azimuthTo"), "number", { placeholder: "360" }))],
    () => ({ id: `sensor${list("sensors").length + 1}`, name: { en: "", ko: "" }, cell: (choices.delegations()[0] || [""])[0], kind: "radar",
      lat: 0, lon: 0, max_range_km: 2000, min_size_m: 0.1 }), redraw));
}

// ---- counterspace: manoeuvres, breakups, effects ----
const EFFECT_KINDS = ["ground_jammer", "uplink_jammer", "laser"];

/**
 * The threats that move, in forms: a manoeuvre is a burn (Δv along the orbit's radial, along-track and cross-track
 * directions) or an approach the planner computes (target, arrival, range); a breakup by the NASA Standard Breakup
 * Model (collision: the impactor's mass and speed; explosion: the scale); an effect from a site over a span (a
 * jammer's link budget, the satellite an uplink jammer or a laser works against). Defaults the reader applies are
 * the placeholders.
 */
function drawCounterspace(box, redraw) {
  const start = doc().start || "";
  const firstObject = (list("objects")[0] || {}).id;
  box.replaceChildren(
    el("h3", {}, t("plan.maneuvers")),
    rows(["maneuvers"], t("plan.maneuver"), (p, m) => {
      const kind = m.approach != null ? "approach" : "burn";
      const choose = el("select", { "aria-label": t("plan.maneuverKind"), "data-path": pathText([...p, "kind"]) },
        ["burn", "approach"].map((k) => el("option", { value: k }, t(`plan.mk.${k}`))));
      choose.value = kind;
      choose.addEventListener("change", () => {
        delete m.burn;
        delete m.approach;
        if (choose.value === "burn") m.burn = { time: start, along_track_m_s: 1 };
        else m.approach = { target: "", arrive: start, range_km: 5 };
        plan.changed();
        redraw();
      });
      return [el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")),
        field([...p, "object"], t("plan.object"), "select", { choices: choices.objects() }),
        el("div", { class: "field" }, el("span", { class: "field-label" }, t("plan.maneuverKind")), choose)),
      kind === "burn" ? el("div", { class: "grid4" }, field([...p, "burn", "time"], t("plan.cs.time"), "datetime"),
        ["radial_m_s", "along_track_m_s", "cross_track_m_s"].map((k) => field([...p, "burn", k], t(`plan.cs.${k}`), "number", { placeholder: "0" }))) : null,
      kind === "approach" ? el("div", { class: "grid4" }, field([...p, "approach", "target"], t("plan.cs.target"), "select", { choices: choices.objects() }),
        field([...p, "approach", "arrive"], t("plan.cs.arrive"), "datetime"), field([...p, "approach", "range_km"], t("plan.cs.range_km"), "number"),
        field([...p, "approach", "max_dv_m_s"], t("plan.cs.max_dv_m_s"), "number"),
        field([...p, "approach", "depart_after"], t("plan.cs.depart_after"), "datetime")) : null];
    }, () => ({ id: `maneuver${list("maneuvers").length + 1}`, object: firstObject, burn: { time: start, along_track_m_s: 1 } }), redraw),
    el("h3", {}, t("plan.breakups")),
    rows(["breakups"], t("plan.breakup"), (p, b) => [
      el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")),
        field([...p, "object"], t("plan.object"), "select", { choices: choices.objects() }), field([...p, "time"], t("plan.cs.time"), "datetime")),
      text2([...p, "name"], t("plan.name")),
      el("div", { class: "grid4" }, field([...p, "kind"], t("plan.kind"), "select", { choices: pairs(["collision", "explosion"], "plan.bk"), onChange: redraw }),
        field([...p, "parent_mass_kg"], t("plan.cs.parent_mass_kg"), "number"), field([...p, "min_size_m"], t("plan.cs.min_size_m"), "number"),
        field([...p, "seed"], t("plan.cs.seed"), "number", { placeholder: "1" }),
        field([...p, "count_factor"], t("plan.cs.count_factor"), "number", { placeholder: "1" }),
        ...(b.kind === "explosion" ? [field([...p, "scale"], t("plan.cs.scale"), "number", { placeholder: "1" })]
          : [field([...p, "impactor_mass_kg"], t("plan.cs.impactor_mass_kg"), "number"), field([...p, "impact_speed_km_s"], t("plan.cs.impact_speed_km_s"), "number")]))],
    () => ({ id: `breakup${list("breakups").length + 1}`, name: { en: "", ko: "" }, object: firstObject, time: start, kind: "collision",
      parent_mass_kg: 1000, impactor_mass_kg: 20, impact_speed_km_s: 9, min_size_m: 0.1, seed: 1 }), redraw),
    el("h3", {}, t("plan.effects")),
    rows(["effects"], t("plan.effect"), (p, e) => [
      el("div", { class: "grid3" }, field([...p, "id"], t("plan.id")),
        field([...p, "kind"], t("plan.kind"), "select", { choices: EFFECT_KINDS.map((k) => [k, t(`effect.${k}`)]), onChange: redraw }),
        field([...p, "nation"], t("plan.nation"), "text", { placeholder: "PRK" })),
      text2([...p, "name"], t("plan.name")),
      el("div", { class: "grid4" }, field([...p, "lat"], t("plan.lat"), "number"), field([...p, "lon"], t("plan.lon"), "number"),
        field([...p, "from"], t("plan.cs.from"), "datetime"), field([...p, "to"], t("plan.cs.to"), "datetime")),
      e.kind === "ground_jammer" ? el("div", { class: "grid4" }, field([...p, "eirp_dbw"], t("plan.cs.eirp_dbw"), "number"),
        field([...p, "frequency_mhz"], t("plan.cs.frequency_mhz"), "number"), field([...p, "mast_m"], t("plan.cs.mast_m"), "number", { placeholder: "10" }),
        field([...p, "signal_dbw"], t("plan.cs.signal_dbw"), "number", { placeholder: "-160" }),
        field([...p, "tolerance_db"], t("plan.cs.tolerance_db"), "number", { placeholder: "30" })) : null,
      e.kind === "uplink_jammer" || e.kind === "laser" ? field([...p, "object"], t("plan.cs.against"), "select", { choices: choices.objects() }) : null,
      e.kind === "uplink_jammer" ? el("div", { class: "grid4" }, field([...p, "eirp_dbw"], t("plan.cs.eirp_dbw"), "number"),
        field([...p, "frequency_mhz"], t("plan.cs.frequency_mhz"), "number"), field([...p, "beam_deg"], t("plan.cs.beam_deg"), "number", { placeholder: "20" }),
        field([...p, "min_elevation"], t("plan.cs.min_elevation"), "number", { placeholder: "10" })) : null],
    () => ({ id: `effect${list("effects").length + 1}`, name: { en: "", ko: "" }, kind: "ground_jammer", nation: "", lat: 0, lon: 0,
      from: start, to: start, eirp_dbw: 20, frequency_mhz: 1575.42 }), redraw));
}

// ---- MSEL ----
const TRIGGERS = ["at", "manual", "launch", "first_overflight", "pass", "close_approach", "conjunction", "maneuver", "breakup",
  "debris_approach", "debris_risk", "effect", "detected", "custody_lost", "after_inject", "on_answer"];

/** A new trigger of a kind, with what the scenario makes likely (its first object, place, move start). */
function blankTrigger(kind, inject) {
  const first = (key) => (choices[key]()[0] || [""])[0];
  const move = list("moves").find((m) => m.id === inject.move);
  switch (kind) {
    case "at": return { at: (move && move.start) || doc().start || "" };
    case "manual": return { manual: true };
    case "launch": return { launch: { object: first("objects") } };
    case "first_overflight": return { first_overflight: { object: first("objects"), place: first("places") } };
    case "pass": return { pass: { object: first("objects"), site: first("sites") } };
    case "close_approach": return { close_approach: { object: first("objects"), other: "", below_km: 20 } };
    case "conjunction": return { conjunction: { object: first("objects"), below_km: 10, lead_hours: 0 } };
    case "maneuver": return { maneuver: { id: first("maneuvers") } };
    case "breakup": return { breakup: { id: first("breakups") } };
    case "debris_approach": return { debris_approach: { breakup: first("breakups"), object: first("objects"), below_km: 5 } };
    case "debris_risk": return { debris_risk: { breakup: first("breakups"), object: first("objects"), above: 1e-4 } };
    case "effect": return { effect: { id: first("effects") } };
    case "detected": return { detected: { cell: first("sensorCells"), object: first("objects") } };
    case "custody_lost": return { custody_lost: { cell: first("sensorCells"), object: first("objects") } };
    case "after_inject": return { after_inject: { inject: Number(first("injects")) || 1, delay_minutes: 30 } };
    case "on_answer": return { on_answer: { question: first("questions"), cell: first("delegations"), condition: "answered" } };
    default: return undefined;
  }
}

function triggerFields(p, kind) {
  const tp = [...p, "trigger", kind];
  const ref = (key, label, source) => field([...tp, key], t(label), "select", { choices: choices[source]() });
  const num = (key, label) => field([...tp, key], t(label), "number");
  const after = field([...tp, "after"], t("plan.after"), "datetime");
  switch (kind) {
    case "at": return field([...p, "trigger", "at"], t("plan.at"), "datetime");
    case "launch": return ref("object", "plan.object", "objects");
    case "first_overflight": return [ref("object", "plan.object", "objects"), ref("place", "plan.place", "places"), after];
    case "pass": return [ref("object", "plan.object", "objects"), ref("site", "plan.site", "sites"), num("min_elevation", "plan.minElevation"), after];
    case "close_approach": return [ref("object", "plan.object", "objects"), ref("other", "plan.other", "objects"), num("below_km", "plan.belowKm"), after];
    case "conjunction": return [ref("object", "plan.object", "objects"), ref("with", "plan.with", "objects"), num("below_km", "plan.belowKm"), num("lead_hours", "plan.leadHours"), after];
    case "maneuver": return ref("id", "plan.maneuver", "maneuvers");
    case "breakup": return ref("id", "plan.breakup", "breakups");
    case "effect": return [ref("id", "plan.effect", "effects"), after];
    case "detected":
    case "custody_lost": return [ref("cell", "plan.cell", "sensorCells"), ref("object", "plan.object", "objects"), after];
    case "debris_approach": return [ref("breakup", "plan.breakup", "breakups"), ref("object", "plan.object", "objects"), num("below_km", "plan.belowKm"), after];
    case "debris_risk": return [ref("breakup", "plan.breakup", "breakups"), ref("object", "plan.object", "objects"), num("above", "plan.above"),
      num("hard_body_m", "plan.hardBodyM"), num("sigma_km", "plan.sigmaKm"), after];
    case "after_inject": return [field([...tp, "inject"], t("plan.inject"), "select", { choices: choices.injects() }), num("delay_minutes", "plan.delay")];
    case "on_answer": return [ref("question", "plan.question", "questions"), ref("cell", "plan.cell", "delegations"), field([...tp, "condition"], t("plan.condition"), "text", { placeholder: ">= 60" })];
    default: return null;
  }
}

/** What the server computed for an inject: its release time and why, or that control releases it. */
export function computed(number) {
  const row = plan.schedule.find((s) => s.number === number);
  if (!row) return t("plan.notComputed");
  return row.release ? `${when(row.release)} — ${text(row.trigger)}` : text(row.trigger);
}

function drawMsel(box, redraw) {
  box.replaceChildren(rows(["msel"], t("plan.inject"), (p, inject) => {
    const kind = inject.trigger ? Object.keys(inject.trigger)[0] : "manual";
    const trigger = el("select", { "aria-label": t("plan.trigger"), "data-path": pathText([...p, "trigger"]) },
      TRIGGERS.map((k) => el("option", { value: k }, t(`plan.trig.${k}`))));
    trigger.value = kind;
    trigger.addEventListener("change", () => {
      inject.trigger = blankTrigger(trigger.value, inject);
      plan.changed();
      redraw();
    });
    return [el("div", { class: "grid4" }, field([...p, "number"], t("plan.number"), "number"),
      field([...p, "move"], t("plan.move"), "select", { choices: choices.moves() }),
      field([...p, "from"], t("plan.from"), "select", { choices: choices.cells() }),
      field([...p, "channel"], t("plan.channel"), "select", { choices: CHANNELS.map((c) => [c, t(`channel.${c}`)]) })),
    Array.isArray(inject.to) || inject.to == null
      ? checks([...p, "to"], t("plan.to"), choices.delegations()) : field([...p, "to"], t("plan.to")),
    field([...p, "marking"], t("plan.marking"), "select", { choices: choices.markings() }),
    text2([...p, "subject"], t("plan.subject")), text2([...p, "body"], t("plan.body"), { long: true }),
    text2([...p, "expected_action"], t("plan.expectedAction")),
    checks([...p, "objectives"], t("plan.objectives"), choices.objectives()),
    el("div", { class: "trigger" }, el("div", { class: "field" }, el("span", { class: "field-label" }, t("plan.trigger")), trigger),
      triggerFields(p, kind),
      el("p", { class: "computed", "data-computed": inject.number }, `${t("plan.release")}: ${computed(inject.number)}`))];
  }, () => {
    const numbers = list("msel").map((i) => Number(i.number) || 0);
    const move = (list("moves")[0] || {}).id;
    return { number: (numbers.length ? Math.max(...numbers) : 0) + 1, move, from: (list("cells").find((c) => c.kind === "control") || {}).id,
      to: choices.delegations().map(([id]) => id), channel: "intel-report", marking: (choices.markings()[0] || [""])[0],
      subject: { en: "", ko: "" }, body: { en: "", ko: "" }, trigger: { manual: true } };
  }, redraw, { legend: (i) => `${t("plan.inject")} ${i.number ?? ""} · ${text(i.subject) || "…"}`,
    summary: (i) => [el("span", { class: "num" }, String(i.number ?? "")), el("span", {}, i.move || ""),
      el("span", { class: "subject" }, text(i.subject) || "…"), el("span", {}, t(`plan.trig.${i.trigger ? Object.keys(i.trigger)[0] : "manual"}`)),
      el("span", { class: "when", "data-computed": i.number, "data-short": "1" }, computedTime(i.number))] }));
}

/** An inject's computed release time alone (for its line in the MSEL), or a dash. */
export function computedTime(number) {
  const row = plan.schedule.find((s) => s.number === number);
  return row && row.release ? when(row.release) : "—";
}

// ---- history ----
async function drawHistory(box) {
  if (!plan.draft) return;
  const versions = await api("GET", `/api/drafts/${encodeURIComponent(plan.draft)}/versions`);
  const diffBox = el("div", { id: "diff" });
  const showDiff = async (from, to) => {
    const d = await api("GET", `/api/drafts/${encodeURIComponent(plan.draft)}/diff?from=${from}&to=${to}`);
    diffBox.replaceChildren(el("h3", {}, `v${d.from} → v${d.to}`), ...(d.changes.length ? d.changes.map((c) => el("pre", { class: "diff" },
      c.removed.map((l) => el("span", { class: "del" }, `- ${l}\n`)), c.added.map((l) => el("span", { class: "ins" }, `+ ${l}\n`))))
      : [el("p", { class: "meta" }, t("plan.noChange"))]));
  };
  box.replaceChildren(el("table", { class: "compact", id: "versions" }, el("thead", {}, el("tr", {},
    ["plan.version", "plan.savedBy", "plan.savedAt", "plan.note", ""].map((k) => el("th", {}, k ? t(k) : "")))),
  el("tbody", {}, versions.map((v) => el("tr", { "data-version": v.version }, el("td", {}, `v${v.version}`), el("td", {}, v.savedBy),
    el("td", {}, when(v.savedAt)), el("td", {}, v.note),
    el("td", {}, v.version > 1 ? el("button", { type: "button", class: "small secondary", onclick: () => showDiff(v.version - 1, v.version) },
      t("plan.compare")) : null))))), diffBox);
}

export { wirePlacesMap };
