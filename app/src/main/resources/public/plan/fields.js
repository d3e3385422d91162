// Form fields bound to a place in the scenario being edited (the draft's tree, the scenario file's own keys). Each
// field carries the path the server names in its problems (msel[3].trigger.pass.site), so that a problem is shown
// beside the field it is about.
import { el } from "../dom.js";
import { plan, t } from "./state.js";

/** The path of parts as the server writes it: ["msel", 3, "trigger"] is msel[3].trigger. */
export const pathText = (parts) => parts.reduce((acc, p) => typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p, "");

export function get(parts, from = plan.doc) {
  let node = from;
  for (const p of parts) {
    if (node == null) return undefined;
    node = node[p];
  }
  return node;
}

/** Sets a value, making the maps on the way; an empty value removes the key (the file then omits it). */
export function set(parts, value) {
  let node = plan.doc;
  for (let i = 0; i < parts.length - 1; i++) {
    if (node[parts[i]] == null || typeof node[parts[i]] !== "object") node[parts[i]] = typeof parts[i + 1] === "number" ? [] : {};
    node = node[parts[i]];
  }
  const last = parts[parts.length - 1];
  if (value === "" || value == null || (Array.isArray(value) && !value.length && typeof last === "string" && last !== "msel")) {
    if (Array.isArray(node)) node[last] = value; else delete node[last];
  } else {
    node[last] = value;
  }
  plan.changed();
}

/** A time the picker shows: whole seconds, UTC. */
const WHOLE_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?Z$/;

/** A picker's value ("2026-01-05T10:30" or with seconds) as the scenario writes times ("2026-01-05T10:30:00Z"). */
const fromPicker = (v) => (!v ? "" : `${v.length === 16 ? v + ":00" : v}Z`);

/** The scenario's span as a picker's bounds, unless the field is the span itself ({@code options.unbounded}). */
function span(options) {
  const start = plan.doc && plan.doc.start, end = plan.doc && plan.doc.end;
  if (options.unbounded || !WHOLE_UTC.test(String(start)) || !WHOLE_UTC.test(String(end))) return {};
  return { min: String(start).replace(/Z$/, ""), max: String(end).replace(/Z$/, "") };
}

let counter = 0;
const fresh = () => `f${++counter}`;

/** A labelled input: kind text | number | datetime | date | select | textarea; options: [[value, label]] for a select. */
export function field(parts, label, kind = "text", options = {}) {
  const id = fresh();
  const value = get(parts);
  const attrs = { id, "data-path": pathText(parts), "aria-label": options.aria || label, readonly: options.readonly || undefined };
  let input;
  if (kind === "select") {
    const choices = options.choices || [];
    const known = choices.some(([v]) => v === String(value ?? ""));
    input = el("select", attrs, options.optional !== false ? el("option", { value: "" }, "—") : null,
      choices.map(([v, l]) => el("option", { value: v }, l)),
      value != null && value !== "" && !known ? el("option", { value: String(value) }, String(value)) : null);
    input.value = value == null ? "" : String(value);
  } else if (kind === "textarea") {
    input = el("textarea", { ...attrs, rows: options.rows || 3 });
    input.value = value ?? "";
  } else if (kind === "datetime" && (value == null || value === "" || WHOLE_UTC.test(String(value)))) {
    // a date and time picker, in UTC (the label says so), within the scenario's span where it has one
    input = el("input", { ...attrs, type: "datetime-local", step: "1", ...span(options) });
    input.value = value ? String(value).replace(/Z$/, "") : "";
  } else {
    // a time the picker cannot show (an offset, a fraction of a second) stays text, as the file has it
    const type = kind === "number" ? "number" : "text";
    input = el("input", { ...attrs, type, step: kind === "number" ? "any" : undefined,
      placeholder: kind === "datetime" ? "2026-01-05T00:00:00Z" : kind === "date" ? "2026-01-05" : options.placeholder || undefined });
    input.value = value ?? "";
  }
  input.addEventListener(kind === "select" ? "change" : "input", () => {
    const raw = input.type === "datetime-local" ? fromPicker(input.value) : input.value.trim();
    set(parts, kind === "number" && raw !== "" && !Number.isNaN(Number(raw)) ? Number(raw) : raw);
    if (options.onChange) options.onChange(raw);
  });
  return el("div", { class: `field field-${kind}` }, el("label", { for: id }, label), input);
}

/** A bilingual text, English and Korean side by side ({en, ko}; a plain string is the English). */
export function text2(parts, label, options = {}) {
  const value = get(parts);
  if (typeof value === "string") set(parts, { en: value });
  const box = (lang) => {
    const id = fresh();
    const v = get([...parts, lang]);
    const attrs = { id, lang, "data-path": pathText([...parts, lang]), "aria-label": `${label} (${lang === "en" ? "English" : "한국어"})` };
    const input = options.long ? el("textarea", { ...attrs, rows: 3 }) : el("input", { ...attrs, type: "text" });
    input.value = v ?? "";
    input.addEventListener("input", () => {
      const current = get(parts);
      set(parts, { ...(current && typeof current === "object" ? current : {}), [lang]: input.value });
    });
    return el("div", { class: "lang" }, el("label", { for: id, class: "lang-tag" }, lang === "en" ? "EN" : "KO"), input);
  };
  return el("div", { class: "field field-text2", "data-path": pathText(parts) }, el("span", { class: "field-label" }, label),
    el("div", { class: "side-by-side" }, box("en"), box("ko")));
}

/** Checkboxes for a list of values (e.g. the cells an inject goes to). */
export function checks(parts, label, choices) {
  const chosen = new Set([].concat(get(parts) ?? []));
  return el("fieldset", { class: "field field-checks", "data-path": pathText(parts) }, el("legend", {}, label),
    choices.map(([v, l]) => {
      const id = fresh();
      const box = el("input", { type: "checkbox", id, value: v });
      box.checked = chosen.has(v);
      box.addEventListener("change", () => {
        if (box.checked) chosen.add(v); else chosen.delete(v);
        set(parts, choices.map(([c]) => c).filter((c) => chosen.has(c)));
      });
      return el("label", { for: id, class: "check" }, box, ` ${l}`);
    }));
}

/** Which item of a long list is shown in full (by the list's path); the others are one line each. */
const opened = new Map();

/** Shows the item {@code index} of the list at {@code listPath} in full the next time the list is drawn. */
export function openItem(listPath, index) {
  opened.set(listPath, index);
}

/**
 * The rows of a list (cells, injects, questions...): each row's fields from {@code row(parts, item)}, with buttons to
 * move it up or down and to remove it, and a button that adds {@code blank()}; {@code redraw} draws the section again
 * after a change of the list's shape. With {@code options.summary(item)}, a long list (the MSEL) is a table of one
 * line per item, and the item chosen (or just added) is shown in full below its line.
 */
export function rows(parts, title, row, blank, redraw, options = {}) {
  const items = get(parts) || [];
  const key = pathText(parts);
  const move = (i, j) => {
    const list = get(parts);
    [list[i], list[j]] = [list[j], list[i]];
    if (opened.get(key) === i) opened.set(key, j);
    plan.changed();
    redraw();
  };
  const summary = (item, i) => el("div", { class: "item-summary", "data-row": pathText([...parts, i]) },
    el("button", { type: "button", class: "link", "aria-expanded": "false", "data-open": pathText([...parts, i]),
      onclick: () => { opened.set(key, i); redraw(); } }, ...options.summary(item, i)));
  return el("div", { class: "rows", "data-path": key },
    items.map((item, i) => options.summary && opened.get(key) !== i ? summary(item, i) : el("fieldset", { class: "item", "data-row": pathText([...parts, i]) },
      el("legend", {}, options.legend ? options.legend(item, i) : `${title} ${i + 1}`),
      el("div", { class: "row-tools" },
        options.summary ? el("button", { type: "button", class: "secondary small", "aria-expanded": "true",
          "aria-label": `${t("plan.close")} ${title} ${i + 1}`, onclick: () => { opened.delete(key); redraw(); } }, t("plan.close")) : null,
        el("button", { type: "button", class: "secondary small", disabled: i === 0 ? "" : undefined,
          "aria-label": `${t("plan.up")} ${i + 1}`, onclick: () => move(i, i - 1) }, "↑"),
        el("button", { type: "button", class: "secondary small", disabled: i === items.length - 1 ? "" : undefined,
          "aria-label": `${t("plan.down")} ${i + 1}`, onclick: () => move(i, i + 1) }, "↓"),
        el("button", { type: "button", class: "secondary small", "aria-label": `${t("plan.remove")} ${title} ${i + 1}`,
          onclick: () => { get(parts).splice(i, 1); plan.changed(); redraw(); } }, t("plan.remove"))),
      row([...parts, i], item))),
    el("button", { type: "button", class: "add", "data-add": pathText(parts), onclick: () => {
      const current = get(parts);
      set(parts, [...(Array.isArray(current) ? current : []), blank()]);
      opened.set(key, get(parts).length - 1);
      redraw();
    } }, `+ ${title}`));
}
