// People (administrators): the accounts, each with its roles and state and what may be done to it, and a form for a
// new one.
import { el } from "../dom.js";
import { api, status } from "./api.js";
import { $, state, t, text } from "./state.js";
import { onShow } from "./views.js";

/** The accounts as the server lists them, with buttons to disable or enable, set a password, (un)make an administrator or a planner. */
export async function renderPeople() {
  if (!state.me || !state.me.admin) return;
  let accounts;
  try {
    accounts = await api("GET", "/api/accounts");
  } catch (e) {
    status(e.message, true);
    return;
  }
  const change = async (username, body) => {
    try {
      await api("POST", `/api/accounts/${encodeURIComponent(username)}`, body);
      status(t("done"));
    } catch (e) {
      status(e.message, true);
    }
    renderPeople();
  };
  $("accounts").tBodies[0].replaceChildren(...accounts.map((a) => {
    const self = a.username === state.me.username;
    return el("tr", { "data-account": a.username }, el("td", {}, a.username), el("td", {}, text(a.displayName)),
      el("td", {}, t(a.admin ? "people.yes" : "people.no")), el("td", {}, t(a.planner ? "people.yes" : "people.no")),
      el("td", {}, t(a.disabled ? "people.disabled" : "people.active"),
        a.signInWaitSeconds > 0 ? ` · ${t("people.locked")} (${a.signInWaitSeconds} s)` : ""),
      el("td", { class: "actions" },
        a.signInWaitSeconds > 0 ? el("button", { type: "button", class: "secondary", "aria-label": `${t("people.unlock")} ${a.username}`,
          onclick: () => change(a.username, { unlock: true }) }, t("people.unlock")) : null,
        self ? null : el("button", { type: "button", class: "secondary", "aria-label": `${t(a.disabled ? "people.enable" : "people.disable")} ${a.username}`,
          onclick: () => change(a.username, { disabled: !a.disabled }) }, t(a.disabled ? "people.enable" : "people.disable")),
        el("button", { type: "button", class: "secondary", "aria-label": `${t("people.reset")} ${a.username}`, onclick: () => {
          const password = window.prompt(`${t("people.newPassword")} ${a.username}`);
          if (password) change(a.username, { password });
        } }, t("people.reset")),
        self ? null : el("button", { type: "button", class: "secondary", "aria-label": `${t(a.admin ? "people.unmakeAdmin" : "people.makeAdmin")} ${a.username}`,
          onclick: () => change(a.username, { admin: !a.admin }) }, t(a.admin ? "people.unmakeAdmin" : "people.makeAdmin")),
        el("button", { type: "button", class: "secondary", "aria-label": `${t(a.planner ? "people.unmakePlanner" : "people.makePlanner")} ${a.username}`,
          onclick: () => change(a.username, { planner: !a.planner }) }, t(a.planner ? "people.unmakePlanner" : "people.makePlanner"))));
  }));
}

/** Wires the form for a new account; the list is read again whenever the view is shown. */
export function wirePeople() {
  $("account-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await api("POST", "/api/accounts", { username: $("account-username").value, displayName: $("account-name").value,
        password: $("account-password").value, admin: $("account-admin").checked });
      $("account-username").value = "";
      $("account-name").value = "";
      $("account-password").value = "";
      $("account-admin").checked = false;
      status(t("done"));
    } catch (err) {
      status(err.message, true);
    }
    renderPeople();
  });
  onShow((view) => view === "people" && renderPeople());
}
