// The planning workspace's state: the draft open (its id, the version it was read at, its tree), what the server
// last said of it (problems, computed schedule), the interface language, and the session's CSRF token.
import { request } from "../dom.js";
import { texts } from "../i18n.js";

export const plan = {
  me: null, csrf: null, lang: localStorage.getItem("spacettx.lang") || "en",
  draft: null, base: null, doc: null, dirty: false, problems: [], schedule: [], section: "general",
  /** Called by every field after a change: marks the draft unsaved and asks for a new check. */
  changed: () => {},
};

export const $ = (id) => document.getElementById(id);
export const t = (key) => texts(plan.lang).t(key);
export const text = (value) => texts(plan.lang).text(value);

/** A request to the API; a change carries the session's CSRF token. */
export const api = (method, path, body) =>
  request(method, path, body, method !== "GET" && plan.csrf ? { "X-CSRF-Token": plan.csrf } : {});

export function status(message, isError) {
  const s = $("status");
  s.textContent = message || "";
  s.classList.toggle("error", !!isError);
}
