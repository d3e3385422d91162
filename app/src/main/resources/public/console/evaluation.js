// Evaluation (observers): the observation form against the objectives, and the observations recorded.
import { el } from "../dom.js";
import { command } from "./api.js";
import { $, clearDraft, fillSelect, text } from "./state.js";

/** The observation form's objectives and injects, and the observations so far. */
export function renderEvaluation(f) {
  fillSelect($("obs-objective"), f.objectives.map((o) => [o.id, `${o.id}: ${text(o.title)}`]));
  fillSelect($("obs-inject"), [["", "—"], ...f.injects.map((i) => [String(i.number), `#${i.number} ${text(i.subject)}`])]);
  $("observations").replaceChildren(...f.observations.map((o) =>
    el("li", {}, `${o.objective}${o.inject ? " · #" + o.inject : ""} · ${o.rating}/5 · ${o.text} (${o.observer})`)));
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
