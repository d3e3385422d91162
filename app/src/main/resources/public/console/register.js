// The working group's action register and the read-ahead of this exercise.
import { el } from "../dom.js";
import { api, status } from "./api.js";
import { $, state, t, text } from "./state.js";
import { renderViews } from "./views.js";

export const STATUSES = ["open", "in-progress", "done", "dropped"];

export const origin = (e) => `${e.originMove || "—"}${e.originInject ? ` · #${e.originInject}` : ""}`;

/** The working group's register (entries of the user's exercises) and the read-ahead of this exercise. */
export async function refreshRegister() {
  const filter = $("register-status").value;
  const query = filter ? `?status=${encodeURIComponent(filter)}` : "";
  const [entries, readAhead] = await Promise.all([api("GET", `/api/register${query}`),
    api("GET", `/api/exercises/${encodeURIComponent(state.exercise)}/read-ahead`)]);
  $("register-csv").href = `/api/register?format=csv${filter ? `&status=${encodeURIComponent(filter)}` : ""}`;
  $("read-ahead").hidden = readAhead.length === 0;
  // the register's tab counts the open items (whatever the list shows)
  state.registerOpen = filter === "open" ? entries.length : entries.filter((e) => e.status === "open").length;
  if (state.feed) renderViews(state.feed);
  $("read-ahead-list").replaceChildren(...readAhead.map((e) => el("li", {},
    el("strong", {}, e.title), ` — ${e.ownerNation}, ${t("actions.due")} ${e.due || "—"}, ${t("status." + e.status)} `,
    `(${text(e.exerciseTitle)}, ${origin(e)})`)));
  $("register-items").tBodies[0].replaceChildren(...entries.map((e) => {
    let status = t("status." + e.status);
    if (e.canUpdate) {
      status = el("select", { "aria-label": `${t("actions.status")} ${e.item}`, "data-register": e.id,
        onchange: (event) => updateRegister(e.id, event.target.value) },
        STATUSES.map((s) => el("option", { value: s, selected: s === e.status }, t("status." + s))));
    }
    return el("tr", {}, el("td", {}, text(e.exerciseTitle)), el("td", {}, e.item), el("td", {}, origin(e)), el("td", {}, e.title),
      el("td", {}, e.ownerNation), el("td", {}, e.due || "—"), el("td", {}, status));
  }));
}

export async function updateRegister(id, value) {
  try {
    await api("POST", `/api/register/${id}`, { status: value });
    status(t("done"));
  } catch (e) {
    status(e.message, true);
  }
  await refreshRegister();
}

/** Wires the register's filter. */
export function wireRegister() {
  $("register-status").addEventListener("change", () => refreshRegister().catch((e) => status(e.message, true)));
}
