// Coordination: messages, requests for information, the joint statement and action items.
import { el, foldable, when } from "../dom.js";
import { command } from "./api.js";
import { $, clearDraft, keepTyped, state, t, text } from "./state.js";

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
  renderThreads(f);
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

/**
 * The messages as conversations: one per counterpart of the user's cell (for observers, one per pair of cells), oldest
 * first, the newest conversation on top; "Reply" addresses the message form to that counterpart.
 */
function renderThreads(f) {
  const me = f.viewer.cell;
  const name = (id) => {
    const cell = f.cells.find((c) => c.id === id);
    return cell ? `${text(cell.name)} (${id})` : id;
  };
  const threads = new Map();
  for (const m of f.messages) {
    const mine = m.fromCell === me || m.toCell === me;
    const key = mine ? (m.fromCell === me ? m.toCell : m.fromCell) : [m.fromCell, m.toCell].sort().join(" ↔ ");
    if (!threads.has(key)) threads.set(key, { key, mine, messages: [] });
    threads.get(key).messages.push(m);
  }
  const ordered = [...threads.values()].sort((a, b) =>
    b.messages[b.messages.length - 1].scenarioTime.localeCompare(a.messages[a.messages.length - 1].scenarioTime));
  const open = new Set([...$("threads").querySelectorAll("details[open]")].map((d) => d.dataset.thread));
  $("threads").replaceChildren(...(ordered.length ? ordered.map((th, k) => el("details", { class: "thread", "data-thread": th.key,
    open: open.has(th.key) || (open.size === 0 && k === 0) },
  el("summary", {}, th.mine ? name(th.key) : th.key.split(" ↔ ").map(name).join(" ↔ "), ` (${th.messages.length})`),
  el("ol", {}, th.messages.map((m) => el("li", { class: m.fromCell === me ? "sent" : "received" },
    el("div", { class: "meta" }, el("span", { class: "marking" }, m.marking), ` ${m.fromCell} → ${m.toCell} · ${when(m.scenarioTime)}`),
    foldable(`thread:${m.id}`, m.body, t("text.more"), t("text.less"))))),
  th.mine && f.viewer.role !== "observer" && f.cells.some((c) => c.id === th.key)
    ? el("button", { type: "button", class: "secondary", "data-reply": th.key, onclick: () => {
      $("msg-to").value = th.key;
      $("msg-body").focus();
    } }, t("messages.reply")) : null))
    : [el("p", { class: "meta" }, t("messages.none"))]));
}

/** Wires messages, requests for information, the statement and action items. */
export function wireCoordination() {
  $("message-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await command({ type: "PostMessage", toCell: $("msg-to").value, body: $("msg-body").value, marking: $("msg-marking").value })) {
      clearDraft("msg-body");
    }
  });
  $("rfi-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await command({ type: "RequestInformation", question: $("rfi-question").value, marking: $("rfi-marking").value })) {
      clearDraft("rfi-question");
    }
  });
  $("statement-draft-form").addEventListener("submit", (e) => {
    e.preventDefault();
    command({ type: "DraftStatement", text: $("statement-draft").value });
  });
  $("statement-agree").addEventListener("click", () => command({ type: "AgreeStatement" }));
  $("statement-dissent-send").addEventListener("click", async () => {
    if ($("statement-dissent").value && await command({ type: "NoteDissent", text: $("statement-dissent").value })) clearDraft("statement-dissent");
  });
  $("action-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await command({ type: "SaveActionItem", id: null, title: $("action-title").value, ownerNation: $("action-owner").value,
      due: $("action-due").value, status: "open" })) {
      clearDraft("action-title");
    }
  });
}
