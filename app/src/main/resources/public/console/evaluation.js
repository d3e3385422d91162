// Evaluation (observers): observations against the objectives, and an evaluation of each objective as in an exercise
// evaluation guide (each criterion's result, a rating P/S/M/U, strengths, areas for improvement), exportable as CSV.
import { el, fillTemplate, when } from "../dom.js";
import { command } from "./api.js";
import { $, clearDraft, fillSelect, state, t, text } from "./state.js";

const RATINGS = ["P", "S", "M", "U"];
const RESULTS = ["met", "partly", "not-met", "not-observed"];
const LETTER_OF_POINTS = { 4: "P", 3: "S", 2: "M", 1: "U" };

/** The observation form's objectives and injects, the observations so far, and one evaluation form per objective. */
export function renderEvaluation(f) {
  fillSelect($("obs-objective"), f.objectives.map((o) => [o.id, `${o.id}: ${text(o.title)}`]));
  fillSelect($("obs-inject"), [["", "—"], ...f.injects.map((i) => [String(i.number), `#${i.number} ${text(i.subject)}`])]);
  $("observations").replaceChildren(...f.observations.map((o) =>
    el("li", {}, `${o.objective}${o.inject ? " · #" + o.inject : ""} · ${LETTER_OF_POINTS[o.rating] || o.rating} · ${o.text} (${o.observer})`)));
  $("eval-export").href = `/api/exercises/${encodeURIComponent(state.exercise)}/evaluation.csv?lang=${state.lang}`;
  const host = $("eval-objectives");
  f.objectives.forEach((o, k) => {
    if (!document.getElementById(`eval-${k}`)) {
      // folded, one line per objective with the evaluator's rating, so that the view stays short with many objectives
      host.appendChild(el("details", { id: `eval-${k}-box`, class: "eval-box" },
        el("summary", {}, el("span", { id: `eval-${k}-title` }), " ", el("span", { id: `eval-${k}-mine`, class: "eval-mine" })),
        evaluationForm(o, k)));
    }
    showEvaluation(document.getElementById(`eval-${k}`), o, k, f);
  });
}

/** An objective's evaluation form; its words are (re)written by showEvaluation. */
function evaluationForm(o, k) {
  const form = el("form", { id: `eval-${k}`, class: "eval-form", "aria-labelledby": `eval-${k}-title` },
    el("p", { id: `eval-${k}-injects`, class: "hint" }),
    el("fieldset", {}, el("legend", { id: `eval-${k}-criteria` }),
      ...o.criteria.map((c, i) => el("div", { class: "eval-criterion" },
        el("label", { for: `eval-${k}-c${i}`, id: `eval-${k}-c${i}-label` }),
        el("select", { id: `eval-${k}-c${i}` }, ...RESULTS.map((r) => el("option", { value: r })))))),
    el("label", { for: `eval-${k}-rating`, id: `eval-${k}-rating-label` }),
    el("select", { id: `eval-${k}-rating` }, ...RATINGS.map((r) => el("option", { value: r }))),
    el("label", { for: `eval-${k}-strengths`, id: `eval-${k}-strengths-label` }),
    el("textarea", { id: `eval-${k}-strengths`, maxlength: "4000" }),
    el("label", { for: `eval-${k}-improvements`, id: `eval-${k}-improvements-label` }),
    el("textarea", { id: `eval-${k}-improvements`, maxlength: "4000" }),
    el("button", { type: "submit", id: `eval-${k}-save` }),
    el("p", { id: `eval-${k}-status`, class: "eval-status" }),
    el("p", { id: `eval-${k}-others`, class: "hint" }));
  form.querySelector(`#eval-${k}-rating`).value = "S";
  form.querySelectorAll("select, textarea").forEach((n) => n.addEventListener("input", () => { form.dataset.edited = "true"; }));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await command({ type: "EvaluateObjective", objective: o.id, rating: $(`eval-${k}-rating`).value,
      criteria: o.criteria.map((c, i) => $(`eval-${k}-c${i}`).value),
      strengths: $(`eval-${k}-strengths`).value, improvements: $(`eval-${k}-improvements`).value })) {
      delete form.dataset.edited; // what was saved is what the form holds
    }
  });
  return form;
}

/** The form's words in the reader's language, the evaluator's saved evaluation (unless being edited), and the others'. */
function showEvaluation(form, o, k, f) {
  $(`eval-${k}-title`).textContent = `${o.id}: ${text(o.title)}`;
  const about = f.injects.filter((i) => (i.objectives || []).includes(o.id));
  $(`eval-${k}-injects`).textContent = `${t("eval.injects")}: ${about.length
    ? about.map((i) => `#${i.number} ${text(i.subject)}`).join(" · ") : t("eval.noInjects")}`;
  $(`eval-${k}-criteria`).textContent = t("eval.criteria");
  o.criteria.forEach((c, i) => {
    $(`eval-${k}-c${i}-label`).textContent = `${i + 1}. ${text(c)}`;
    [...$(`eval-${k}-c${i}`).options].forEach((n) => { n.textContent = t(`eval.result.${n.value}`); });
  });
  $(`eval-${k}-rating-label`).textContent = t("eval.rating");
  [...$(`eval-${k}-rating`).options].forEach((n) => { n.textContent = t(`eval.rating.${n.value}`); });
  $(`eval-${k}-strengths-label`).textContent = t("eval.strengths");
  $(`eval-${k}-improvements-label`).textContent = t("eval.improvements");
  $(`eval-${k}-save`).textContent = t("eval.save");
  const mine = f.evaluations.find((e) => e.objective === o.id && e.evaluator === state.me.username);
  if (mine && !form.dataset.edited) {
    $(`eval-${k}-rating`).value = mine.rating;
    mine.criteria.forEach((r, i) => { if ($(`eval-${k}-c${i}`)) $(`eval-${k}-c${i}`).value = r; });
    $(`eval-${k}-strengths`).value = mine.strengths;
    $(`eval-${k}-improvements`).value = mine.improvements;
  }
  $(`eval-${k}-mine`).textContent = mine ? `· ${mine.rating}` : "";
  $(`eval-${k}-status`).textContent = mine
    ? fillTemplate(t("eval.saved"), { rating: t(`eval.rating.${mine.rating}`), time: when(mine.scenarioTime) }) : t("eval.notYet");
  const others = f.evaluations.filter((e) => e.objective === o.id && e.evaluator !== state.me.username);
  $(`eval-${k}-others`).textContent = others.length
    ? `${t("eval.others")}: ${others.map((e) => `${e.evaluator} ${e.rating}`).join(" · ")}` : "";
  $(`eval-${k}-others`).hidden = !others.length;
}

/** Wires the observation form. */
export function wireEvaluation() {
  $("observation-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    if (await command({ type: "RecordObservation", objective: $("obs-objective").value,
      inject: $("obs-inject").value ? Number($("obs-inject").value) : null,
      rating: Number($("obs-rating").value), text: $("obs-text").value })) {
      clearDraft("obs-text");
    }
  });
}
