// The console's state and what every view shares: the interface texts in the user's language, the scenario clock,
// and small helpers of forms and selects.
import { el, when } from "../dom.js";
import * as dom from "../dom.js";
import { texts } from "../i18n.js";

export const state = { csrf: null, me: null, exercise: null, feed: null, timeline: [], stream: null, map: null,
  eventTypes: [], lang: localStorage.getItem("spacettx.lang") || "en", refresh: null, clockTimer: null, seen: new Set(),
  picture: null, pictureAt: null };

export const $ = (id) => document.getElementById(id);

export const t = (key) => texts(state.lang).t(key);

export const text = (value) => texts(state.lang).text(value);

// ---- drafts ----
/** The texts people write at length; what is typed in them survives a reload of the page (in this tab). */
export const DRAFTED = ["msg-body", "rfi-question", "statement-dissent", "action-title", "obs-text"];
const draftKey = (id) => `spacettx.draft.${state.exercise}.${id}`;

/** Keeps each drafted field's text as it is typed, and puts it back when the exercise is opened again. */
export function restoreDrafts() {
  for (const id of DRAFTED) {
    const field = document.getElementById(id);
    if (!field) continue;
    const kept = sessionStorage.getItem(draftKey(id));
    if (kept && !field.value) field.value = kept;
    if (!field.dataset.drafted) {
      field.addEventListener("input", () => {
        if (field.value) sessionStorage.setItem(draftKey(id), field.value);
        else sessionStorage.removeItem(draftKey(id));
      });
      field.dataset.drafted = "true";
    }
  }
}

/** Empties a drafted field once what it held was accepted. */
export function clearDraft(id) {
  document.getElementById(id).value = "";
  sessionStorage.removeItem(draftKey(id));
}




/**
 * Notes what the user has typed or chosen in a part of the page about to be redrawn, and where the focus is;
 * the returned function puts both back into the redrawn elements of the same ids.
 */
export function keepTyped(container) {
  const values = new Map([...container.querySelectorAll("input, select, textarea")].map((n) =>
    [n.id, n.multiple ? [...n.selectedOptions].map((o) => o.value) : n.value]));
  const focused = document.activeElement && container.contains(document.activeElement) ? document.activeElement.id : null;
  return () => {
    for (const [id, value] of values) {
      const n = document.getElementById(id);
      if (!n) continue;
      if (n.multiple) for (const o of n.options) o.selected = value.includes(o.value);
      else n.value = value;
    }
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  };
}

/** Replaces a select's options by [value, label] pairs when they changed, keeping the choice. */
export function fillSelect(select, options) {
  const key = JSON.stringify(options);
  if (select.dataset.options === key) return;
  const chosen = select.value;
  select.replaceChildren(...options.map(([value, label]) => el("option", { value }, label)));
  select.dataset.options = key;
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}

export const scenarioNow = () => dom.scenarioNow(state.feed.clock, state.feedAt);

/** One overflight window as a line of text, in the current language. */
export const windowText = (w) => `${text(w.object)} → ${text(w.target)}: ${when(w.start)} – ${when(w.end)}`;

/** An answer as people read it: a number, or the chosen options' texts in the current language. */
export const describeValue = (v, q) => dom.describeValue(v, q, text);

// ---- map ----
/** The colours of the space picture's allies: the nations with a delegation. */
export function alliedNations() {
  return new Set((state.feed ? state.feed.cells : []).filter((c) => c.kind === "BLUE").map((c) => c.nation));
}

/**
 * Fills a select offering this move, all moves, or one of them (the MSEL's and the questions' filter), and returns the
 * move chosen, or null for all.
 */
export function moveFilter(select, f, moves) {
  fillSelect(select, [["current", `${t("msel.thisMove")} (${f.clock.move || "—"})`], ["all", t("msel.allMoves")],
    ...moves.map((m) => [m, m])]);
  const chosen = select.value || "current";
  return chosen === "all" ? null : chosen === "current" ? f.clock.move || moves[0] : chosen;
}

/**
 * Requests whose answers may come back out of order (the clock moves on while one is in flight): `ask()` numbers a
 * request, `fresh(n)` says whether its answer may still be shown (no newer one has been), and marks it shown.
 */
export function latestWins() {
  let asked = 0;
  let shown = 0;
  return {
    ask: () => ++asked,
    fresh(n) {
      if (n < shown) return false;
      shown = n;
      return true;
    },
  };
}
