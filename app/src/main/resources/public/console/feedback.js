// Participant feedback (after HSEEP's participant feedback form): control asks at the end of a move or of the
// exercise; each participant rates the form's statements from 1 to 5 and writes comments, once; control reads the
// ratings counted and the comments (whose they are only when the request was not anonymous).
import { el } from "../dom.js";
import { command } from "./api.js";
import { $, fillSelect, state, t, text } from "./state.js";

/** The form for the first request this user has not answered, in the overview; control's request form and results. */
export function renderFeedback(f) {
  const fb = f.feedback;
  const open = f.viewer.role !== "controller" ? fb.requests.find((r) => !r.answered) : null;
  const box = $("feedback-box");
  box.hidden = !open;
  if (open && box.dataset.request !== `${open.id}|${state.lang}`) {
    box.dataset.request = `${open.id}|${state.lang}`;
    $("feedback-about").textContent = `${open.id} · ${t("feedback.scope")}: ${scope(open.scope)}${open.anonymous ? ` · ${t("feedback.anonymous")}` : ""}`;
    $("feedback-form").replaceChildren(el("p", { class: "meta" }, t("feedback.rate")),
      ...fb.form.ratings.map((s) => el("fieldset", { class: "rating", "data-rating": s.id }, el("legend", {}, text(s.text)),
        [1, 2, 3, 4, 5].map((n) => el("span", { class: "choice" },
          el("input", { type: "radio", name: `fb-${s.id}`, id: `fb-${s.id}-${n}`, value: String(n) }),
          el("label", { for: `fb-${s.id}-${n}` }, String(n)))))),
      ...fb.form.comments.map((c) => el("div", { class: "comment" }, el("label", { for: `fb-${c.id}` }, text(c.text)),
        el("textarea", { id: `fb-${c.id}`, rows: 2, "data-comment": c.id }))),
      el("button", { type: "submit", "data-request": open.id }, t("feedback.send")));
  }
  if (f.viewer.role === "controller") {
    fillSelect($("fb-scope"), [...f.moves.map((m) => [m.id, `${m.id} · ${text(m.title)}`]), ["exercise", t("feedback.exercise")]]);
    if (!$("fb-scope").dataset.touched && f.clock.move) $("fb-scope").value = f.clock.move;
    $("feedback-results").replaceChildren(...fb.requests.map((r) => el("div", { class: "feedback-result", "data-feedback": r.id },
      el("h5", {}, `${r.id} · ${scope(r.scope)} · ${r.responses} ${t("feedback.responses")}${r.anonymous ? ` · ${t("feedback.anonymous")}` : ""}`),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, t("feedback.statement")), [1, 2, 3, 4, 5].map((n) => el("th", {}, String(n))),
        el("th", {}, t("feedback.mean")))),
      el("tbody", {}, r.ratings.map((l) => el("tr", {}, el("td", {}, text(l.statement)), l.counts.map((c) => el("td", { class: "num" }, String(c))),
        el("td", { class: "num" }, l.mean == null ? "—" : l.mean.toFixed(1)))))),
      r.comments.length ? el("ul", {}, r.comments.map((c) => el("li", {}, `${text(c.question)}: ${c.text}${c.cell ? ` (${c.cell})` : ""}`))) : null)));
  }
}

const scope = (s) => s === "exercise" ? t("feedback.exercise") : s;

export function wireFeedback() {
  $("fb-scope").addEventListener("change", () => { $("fb-scope").dataset.touched = "1"; });
  $("feedback-request-form").addEventListener("submit", (e) => {
    e.preventDefault();
    command({ type: "RequestFeedback", scope: $("fb-scope").value, anonymous: $("fb-anonymous").checked });
  });
  $("feedback-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const form = $("feedback-form");
    const ratings = {};
    for (const set of form.querySelectorAll("[data-rating]")) {
      const chosen = set.querySelector("input:checked");
      if (chosen) ratings[set.dataset.rating] = Number(chosen.value);
    }
    const comments = {};
    for (const area of form.querySelectorAll("[data-comment]")) if (area.value.trim()) comments[area.dataset.comment] = area.value.trim();
    command({ type: "GiveFeedback", request: form.querySelector("[data-request]").dataset.request, ratings, comments });
  });
}
