// The server's API as the console calls it: requests with the session's CSRF token, commands, and the status line.
import { request } from "../dom.js";
import { $, state, t } from "./state.js";

/**
 * A request to the API; a change carries the session's CSRF token. A session found ended (signed out in another tab,
 * by an administrator, or expired) is said at once, whatever asked.
 */
export async function api(method, path, body) {
  try {
    return await request(method, path, body, method !== "GET" && state.csrf ? { "X-CSRF-Token": state.csrf } : {});
  } catch (e) {
    if (e.code === "log-in-first") sessionEnded();
    throw e;
  }
}

/** Says that the session has ended, over the page (what was typed stays), with a way to sign in again. */
export function sessionEnded() {
  if (!state.me) return; // not signed in yet: the login form is what shows
  $("session-ended").hidden = false;
  $("session-sign-in").focus();
}

let noticeTimer = null;

/** A notice at the top of the window, seen whatever is scrolled into view: an error stays until the next notice. */
export function notice(message, isError) {
  const n = $("notice");
  clearTimeout(noticeTimer);
  n.textContent = message || "";
  n.classList.toggle("error", !!isError);
  n.hidden = !message;
  if (message && !isError) noticeTimer = setTimeout(() => { n.hidden = true; }, 3000);
}

/**
 * An error beside the action that caused it (just after its form, or its button), or none there: where the user is
 * looking when it happens.
 */
function besideAction(origin, message) {
  const anchor = origin && origin !== document.body && origin.isConnected ? origin.closest("form") || origin : null;
  if (!anchor) return;
  const next = anchor.nextElementSibling;
  let slot = next && next.classList.contains("action-error") ? next : null;
  if (!message) {
    if (slot) slot.remove();
    return;
  }
  if (!slot) {
    slot = document.createElement("p");
    slot.className = "action-error";
    slot.setAttribute("role", "alert");
    anchor.after(slot);
  }
  slot.textContent = message;
}

/**
 * The outcome of the user's action: the status line, and for an error a notice at the top and the message beside the
 * action (the element that had the focus when it was done, unless given).
 */
export function status(message, isError, origin = document.activeElement) {
  const s = $("status");
  s.textContent = message || "";
  s.classList.toggle("error", !!isError);
  if (isError) {
    notice(message, true);
    besideAction(origin, message);
  } else if (message) {
    besideAction(origin, null);
  }
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

/**
 * Sends a command for the user's action and says how it went; true when it was accepted (a form clears what was typed
 * only then: a refused or unsent text stays to be corrected or sent again).
 */
export async function command(body) {
  const origin = document.activeElement; // what the user acted on, before a redraw moves the focus
  try {
    await sendCommand(body);
    status(t("done"), false, origin); // its events come back over the live stream, which redraws the page once
    notice(t("done"), false);
    return true;
  } catch (e) {
    if (e.code === "log-in-first") sessionEnded();
    status(e.message, true, origin);
    return false;
  }
}
