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

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Sends one command under a key of its own. When no answer came back (the network broke) or the server was switching
 * over to its standby (503), it is sent again with the same key for up to about 8 s: the server answers the first
 * sending's answer and does nothing twice. Any other answer is final.
 */
export async function sendCommand(body) {
  const key = newKey();
  const path = `/api/exercises/${encodeURIComponent(state.exercise)}/commands`;
  const headers = { "X-CSRF-Token": state.csrf, "Idempotency-Key": key };
  for (let attempt = 0; ; attempt++) {
    try {
      return await request("POST", path, body, headers);
    } catch (e) {
      if ((e.status !== undefined && e.status !== 503) || attempt >= 5) throw e;
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
    }
  }
}

export async function command(body) {
  try {
    await sendCommand(body);
    status(t("done")); // its events come back over the live stream, which redraws the page once
  } catch (e) {
    status(e.message, true);
  }
}
