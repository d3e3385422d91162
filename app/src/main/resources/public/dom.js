// Small helpers shared by the console and the presenter view: building elements (no framework), charts, and how
// values read.
/** A UTC time to the second, as staff read it: 2023-11-14 01:52:31Z. */
export const when = (iso) => iso ? iso.replace("T", " ").replace(/(\d\d:\d\d:\d\d)(\.\d+)?Z$/, "$1Z") : "—";

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c != null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** An SVG element (charts are drawn with attributes only: the CSP allows no inline style). */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children.flat()) if (c != null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Scenario time now, from a clock as the server read it at {@code readAt} (ms) and its speed: the server stays the authority. */
export function scenarioNow(clock, readAt) {
  const base = Date.parse(clock.scenarioTime);
  const t = clock.running ? base + (Date.now() - readAt) * clock.speed : base;
  // a clock set to pause stops there (the server records the pause at its next beat)
  return new Date(clock.pauseAt ? Math.min(t, Date.parse(clock.pauseAt)) : t);
}

/** The clock's state in words: not started, running ×speed, paused, ended. */
export const clockState = (clock, t) => clock.ended ? t("clock.ended") : !clock.started ? t("clock.notStarted")
  : clock.running ? `${t("clock.running")} ×${clock.speed}` : t("clock.paused");

/** A measure of texts' widths in pixels, in the page's font at a size (the charts' 11 px by default). */
export function measurer(px = 11) {
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = `${px}px ${getComputedStyle(document.body).fontFamily}`;
  return (text) => measure.measureText(text).width;
}

/** The width in pixels of the widest of these texts in the page's font at the charts' 11 px. */
export function widest(texts) {
  const width = measurer();
  return Math.ceil(Math.max(0, ...texts.map(width)));
}

/** The text, or its longest beginning that fits {@code room} pixels with an ellipsis ("" when not even that does). */
export function fitted(text, room, width) {
  if (width(text) <= room) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) { // the longest prefix whose ellipsised form fits
    const mid = Math.ceil((lo + hi) / 2);
    if (width(text.slice(0, mid).trimEnd() + "…") <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "" : text.slice(0, lo).trimEnd() + "…";
}

/** Horizontal bars, one per row {label, value (or null), text}, the value scaled to max; {@code empty} when no row has one. */
export function barChart(rows, max, summary, empty) {
  if (!rows.some((r) => r.value != null)) return el("p", { class: "meta" }, empty);
  // the label column as wide as the longest label (Korean move titles were cut off at a fixed width)
  const left = Math.max(60, widest(rows.map((r) => r.label)) + 12);
  const rowHeight = 22, barMax = 390, width = left + barMax + 60;
  return svg("svg", { viewBox: `0 0 ${width} ${rows.length * rowHeight + 4}`, role: "img", "aria-label": summary, class: "bars" },
    svg("title", {}, summary),
    rows.map((r, k) => svg("g", { transform: `translate(0 ${k * rowHeight + 2})` },
      svg("text", { x: left - 6, y: 15, "text-anchor": "end", class: "label" }, r.label),
      r.value == null ? svg("text", { x: left, y: 15, class: "label" }, "—")
        : [svg("rect", { x: left, y: 3, height: 14, width: Math.max(1, barMax * r.value / max), class: "bar" }),
          svg("text", { x: left + Math.max(1, barMax * r.value / max) + 4, y: 15, class: "label" }, r.text)])));
}

/** An answer's value as people read it: a number, the option(s) chosen with their text, or free text. */
export function describeValue(v, q, text) {
  const option = (id) => {
    const o = q.options.find((x) => x.id === id);
    return o ? `${id}: ${text(o.text)}` : id;
  };
  switch (v.type) {
    case "Number": return String(v.value);
    case "Choice": return option(v.option);
    case "Choices": return v.options.map(option).join("; ");
    default: return v.text;
  }
}

// ---- long texts ----
const unfolded = new Set();

/**
 * A text people wrote (a message, an inject's body): a long one is folded to a few lines with a button that shows
 * the rest (and stays open across live updates, by its key); a short one is a paragraph as it is.
 */
export function foldable(key, body, more, less) {
  const p = el("p", { class: "user-text" }, body || "");
  if (!body || (body.length <= 600 && body.split("\n").length <= 8)) return p;
  const open = () => unfolded.has(key);
  const box = el("div", { class: "foldable" + (open() ? "" : " folded") }, p);
  const button = el("button", { type: "button", class: "fold-toggle", "aria-expanded": String(open()) }, open() ? less : more);
  button.addEventListener("click", (e) => {
    e.stopPropagation();
    if (open()) unfolded.delete(key); else unfolded.add(key);
    box.classList.toggle("folded", !open());
    button.textContent = open() ? less : more;
    button.setAttribute("aria-expanded", String(open()));
  });
  box.append(button);
  return box;
}

// ---- errors in the reader's language ----
// The server answers an error with {error: its English wording, code, params}; the other languages' wordings are
// data, /texts/errors.LANG.json ({messages: code -> template, values: placeholder -> value -> wording}), fetched once.
const errorTexts = new Map();

function errorTextsFor(lang) {
  if (!lang || lang === "en") return Promise.resolve(null);
  if (!errorTexts.has(lang)) {
    errorTexts.set(lang, fetch(`/texts/errors.${encodeURIComponent(lang)}.json`, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return errorTexts.get(lang);
}

/** A text with its {name} placeholders filled from values (a placeholder without a value stays as it is). */
export const fillTemplate = (template, values) =>
  template.replace(/\{([a-zA-Z]+)\}/g, (whole, name) => (values[name] == null ? whole : String(values[name])));

/** An error answer worded with a language's texts (null: English), or the server's English where a code is unknown. */
export function wordError(texts, data) {
  const template = texts && data.code && texts.messages && texts.messages[data.code];
  if (!template) return data.error;
  const params = data.params || {};
  const worded = Object.fromEntries(Object.entries(params).map(([name, value]) =>
    [name, (texts.values && texts.values[name] && texts.values[name][value]) || value]));
  const filled = fillTemplate(template, worded);
  return texts.language === "ko" ? koreanParticles(filled) : filled;
}

/**
 * Korean particles after a filled-in word: a template writes 이(가), 은(는), 을(를), 과(와) or (으)로 where it cannot know
 * the word; after a Hangul syllable the right one is chosen by its final consonant (로 after ㄹ), elsewhere both stay.
 */
export function koreanParticles(text) {
  const pairs = { "이(가)": ["이", "가"], "은(는)": ["은", "는"], "을(를)": ["을", "를"], "과(와)": ["과", "와"] };
  return text.replace(/([\uAC00-\uD7A3])(이\(가\)|은\(는\)|을\(를\)|과\(와\)|\(으\)로)/g, (whole, syllable, particle) => {
    const final = (syllable.charCodeAt(0) - 0xac00) % 28; // 0: no final consonant; 8: ㄹ
    if (particle === "(으)로") return syllable + (final === 0 || final === 8 ? "로" : "으로");
    return syllable + pairs[particle][final === 0 ? 1 : 0];
  });
}

/**
 * A JSON request to this server (its session cookie goes along): the answer's JSON, null for 204; an error carries the
 * HTTP status, the server's code and parameters, and its message in the page's language (the html element's lang).
 */
export async function request(method, path, body, headers = {}) {
  const all = { "Accept": "application/json", ...headers };
  const raw = body instanceof Blob; // a file is sent as it is, under its own type
  if (body !== undefined) all["Content-Type"] = raw ? (body.type || "application/octet-stream") : "application/json";
  const response = await fetch(path, { method, headers: all, credentials: "same-origin",
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    const texts = await errorTextsFor(document.documentElement.lang);
    const error = new Error(wordError(texts, data) || ("HTTP " + response.status));
    error.status = response.status;
    error.code = data.code;
    error.params = data.params;
    throw error;
  }
  return data;
}
