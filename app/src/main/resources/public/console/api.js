// The server's API as the console calls it: requests with the session's CSRF token, commands, and the status line.
import { request } from "../dom.js";
import { $, state, t } from "./state.js";

/** A request to the API; a change carries the session's CSRF token. */
export const api = (method, path, body) =>
  request(method, path, body, method !== "GET" && state.csrf ? { "X-CSRF-Token": state.csrf } : {});

export function status(message, isError) {
  const s = $("status");
  s.textContent = message || "";
  s.classList.toggle("error", !!isError);
}

export async function command(body) {
  try {
    await api("POST", `/api/exercises/${encodeURIComponent(state.exercise)}/commands`, body);
    status(t("done")); // its events come back over the live stream, which redraws the page once
  } catch (e) {
    status(e.message, true);
  }
}
