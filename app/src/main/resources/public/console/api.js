// The server's API as the console calls it: requests with the session's CSRF token, commands, and the status line.
import { $, state, t } from "./state.js";

export async function api(method, path, body) {
  const headers = { "Accept": "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && state.csrf) headers["X-CSRF-Token"] = state.csrf;
  const response = await fetch(path, { method, headers, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    const error = new Error(data.error || ("HTTP " + response.status));
    error.status = response.status;
    throw error;
  }
  return data;
}

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
