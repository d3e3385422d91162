// Coordination: messages, requests for information, the joint statement and action items.
import { el } from "../dom.js";
import { $, command, keepTyped, state, t, text } from "./core.js";

export function renderCoordination(f) {
  const role = f.viewer.role;
  const to = $("msg-to");
  const others = f.cells.filter((c) => c.id !== f.viewer.cell && c.kind !== "OBSERVER");
  if (to.options.length !== others.length || to.dataset.lang !== state.lang) {
    const chosen = to.value;
    to.replaceChildren(...others.map((c) => el("option", { value: c.id }, `${text(c.name)} (${c.id})`)));
    to.dataset.lang = state.lang;
    if (chosen) to.value = chosen;
  }
  $("message-form").hidden = role === "observer";
  $("rfi-form").hidden = role !== "player";
  for (const id of ["msg-marking", "rfi-marking"]) {
    const select = $(id);
    if (select.options.length !== f.markings.length) {
      const chosen = select.value;
      select.replaceChildren(...f.markings.map((m) => el("option", { value: m }, m)));
      if (f.markings.includes(chosen)) select.value = chosen;
    }
  }
  const typed = keepTyped($("rfis"));
  $("rfis").replaceChildren(...f.rfis.map((r) => {
    const li = el("li", { "data-rfi": r.id }, el("span", { class: "marking" }, r.marking), ` ${r.id} · ${r.cell}: ${r.question} — `,
      r.answer ? el("strong", {}, r.answer) : el("em", {}, t("rfi.open")));
    if (role === "controller" && !r.answer) {
      const input = el("input", { id: `rfi-answer-${r.id}`, "aria-label": `${t("rfi.answer")} ${r.id}` });
      li.append(" ", input, " ", el("button", { type: "button", class: "secondary",
        onclick: () => input.value && command({ type: "AnswerRfi", rfi: r.id, answer: input.value }) }, t("rfi.answer")));
    }
    return li;
  }));
  typed();
  const st = f.statement;
  $("statement-text").textContent = st.text || t("statement.none");
  $("statement-status").textContent = [
    st.agreedBy.length ? `${t("statement.agreedBy")}: ${st.agreedBy.join(", ")}` : "",
    st.dissents.length ? `${t("statement.dissents")}: ${st.dissents.join(" | ")}` : ""].filter(Boolean).join(" · ");
  $("statement-draft-form").hidden = role !== "controller";
  $("statement-player").hidden = role !== "player" || !st.text;
  $("action-form").hidden = role === "observer";
  const nations = [...new Set(f.cells.map((c) => c.nation).filter((n) => /^[A-Z]{3}$/.test(n || "")))];
  const owner = $("action-owner");
  if (owner.options.length !== nations.length) {
    owner.replaceChildren(...nations.map((n) => el("option", { value: n }, n)));
    if (nations.includes(f.viewer.nation)) owner.value = f.viewer.nation;
  }
  $("action-items").tBodies[0].replaceChildren(...f.actionItems.map((a) => el("tr", {},
    el("td", {}, a.id), el("td", {}, a.title), el("td", {}, a.ownerNation), el("td", {}, a.due || "—"), el("td", {}, t("status." + a.status)))));
}
