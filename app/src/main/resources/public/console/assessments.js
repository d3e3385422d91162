// Assessments: the questions, blind answers, revealed rounds and the charts of divergence and unified understanding.
import { el, barChart, when } from "../dom.js";
import { command } from "./api.js";
import { present } from "./control.js";
import { $, describeValue, keepTyped, moveFilter, state, t, text } from "./state.js";
import { sourceText } from "./tracks.js";

export function renderQuestions(f) {
  const box = $("questions");
  // this move's questions by default (the view stays about two screens), or all, or another move's
  const move = moveFilter($("questions-move"), f, f.moves.map((m) => m.id));
  const questions = f.questions.filter((q) => move == null || q.move === move);
  // Redraw only when something shown changed, and keep what a user is typing in an answer form meanwhile.
  const signature = JSON.stringify([state.lang, move, questions, f.answers, heldSignature(questions)]);
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  const typed = keepTyped(box);
  const player = f.viewer.role === "player";
  const control = f.viewer.role === "controller";
  box.replaceChildren(el("p", { class: "meta" }, t("questions.blind")), ...questions.map((q) => {
    const mine = f.answers.filter((a) => a.question === q.id && a.cell === f.viewer.cell && a.round === q.round);
    const revealed = f.answers.filter((a) => a.question === q.id && a.revealed);
    const node = el("div", { class: "question", "data-question": q.id },
      el("strong", {}, `${q.id} (${q.move}) `), text(q.text),
      q.options.length ? el("ul", {}, q.options.map((o) => el("li", {}, `${o.id}: ${text(o.text)}`))) : null,
      el("div", { class: "meta" }, `${t("questions.roundLabel")} ${q.round}`));
    const picture = pictureOf(q);
    if (picture) node.append(picture);
    if (mine.length) node.append(el("p", {}, `${t("questions.yours")}: ${describeValue(mine[mine.length - 1].value, q)}`));
    // once this round is revealed, answers wait for control's next round; until then the form holds the cell's answer
    const roundRevealed = q.revealedRounds.some((r) => r.round === q.round);
    if (player) node.append(roundRevealed ? el("p", { class: "meta" }, t("questions.closed")) : answerForm(q, mine[mine.length - 1]));
    if (control) {
      const answeredBy = [...new Set(f.answers.filter((a) => a.question === q.id && a.round === q.round).map((a) => a.cell))];
      node.append(el("p", { class: "meta" }, `${t("questions.answeredBy")}: ${answeredBy.join(", ") || "—"}`));
      // control may read the round's answers before revealing them (folded: the room may be looking at this screen)
      const unrevealed = f.answers.filter((a) => a.question === q.id && a.round === q.round && !a.revealed);
      if (unrevealed.length) {
        node.append(el("details", { class: "answer-preview", "data-preview": q.id }, el("summary", {}, t("questions.preview")),
          el("ul", {}, unrevealed.map((a) => el("li", {}, `${a.cell}: ${describeValue(a.value, q)}${q.unit ? " " + q.unit : ""}`
            + ` · ${t("confidence." + a.confidence)}${a.rationale ? " · " + a.rationale : ""}`)))));
      }
      node.append(el("div", { class: "row" },
        el("button", { type: "button", onclick: () => command({ type: "RevealQuestion", question: q.id }) }, t("questions.reveal")),
        el("button", { type: "button", class: "secondary", onclick: () => command({ type: "OpenRound", question: q.id }) }, t("questions.round")),
        q.revealedRounds.length ? el("button", { type: "button", class: "secondary", "aria-label": `${t("present.showInRoom")} ${q.id}`,
          onclick: () => present("question", q.id) }, t("present.showInRoom")) : null));
    }
    for (const r of q.revealedRounds) {
      const answers = revealed.filter((a) => a.round === r.round);
      node.append(el("h4", {}, `${t("questions.revealed")} — ${t("questions.roundLabel")} ${r.round}`),
        el("div", { class: "answers" }, answers.map((a) => el("div", { class: "answer" },
          el("strong", {}, a.cell), ` ${describeValue(a.value, q)}${q.unit ? " " + q.unit : ""} · ${t("confidence." + a.confidence)}`,
          a.rationale ? el("p", {}, a.rationale) : null))),
        el("p", { class: "divergence" }, `${t("questions.divergence")}: ${r.divergence == null ? "—" : Math.round(r.divergence * 100) + " %"}`));
    }
    return node;
  }));
  typed();
}

/** The objects a question is about, as the viewer's picture holds them (the server names only those it knows). */
function held(q) {
  return (q.picture || []).map((id) => state.picture && state.picture.objects.find((o) => o.id === id)).filter(Boolean);
}

/** What of the questions' objects the page shows: it is drawn again when it changes. */
function heldSignature(questions) {
  return questions.flatMap(held).map((o) => [o.id, o.estimate || null, o.position ? [o.position.lat.toFixed(1), o.position.lon.toFixed(1)] : null]);
}

/**
 * Beside a question, the objects it is about as the viewer's own picture holds them: where, from which observation,
 * how uncertain, whether still tracked; a button follows the object on the map.
 */
function pictureOf(q) {
  const objects = held(q);
  if (!objects.length) return null;
  return el("div", { class: "question-picture" }, el("span", { class: "meta" }, t("questions.picture")),
    el("ul", {}, objects.map((o) => el("li", { "data-picture": o.id }, `${text(o.name)}: `
      + (o.position ? `${o.position.lat.toFixed(2)}°, ${o.position.lon.toFixed(2)}°, ${o.position.altKm} km` : t("questions.notInOrbit"))
      + (o.estimate ? ` · ${t("tracks.observed")} ${when(o.estimate.observed)} (${sourceText(state.feed, o.estimate.source)})`
        + ` · ± ${o.estimate.sigmaKm} km · ${t("custody." + o.estimate.custody)}` : ""), " ",
    o.position ? el("button", { type: "button", class: "secondary", onclick: () => follow(o.id) }, t("questions.showOnMap")) : null))));
}

/** Shows the space view, following an object on the map. */
function follow(id) {
  const select = $("map-follow");
  if (![...select.options].some((option) => option.value === id)) select.append(el("option", { value: id }, id));
  select.value = id;
  $("tab-space").click();
}

/** The form answering a question, filled with the cell's answer of this round when it has given one. */
export function answerForm(q, previous) {
  const id = `answer-${q.id}`;
  let input;
  if (q.type === "SINGLE") {
    input = el("select", { id }, q.options.map((o) => el("option", { value: o.id }, `${o.id}: ${text(o.text)}`)));
  } else if (q.type === "MULTIPLE") {
    input = el("select", { id, multiple: true }, q.options.map((o) => el("option", { value: o.id }, `${o.id}: ${text(o.text)}`)));
  } else if (q.type === "TEXT") {
    input = el("textarea", { id });
  } else {
    const range = q.type === "PROBABILITY" ? { min: 0, max: 100 } : q.type === "SCALE" ? { min: 1, max: 5 } : {};
    input = el("input", { id, type: "number", step: "any", required: true, ...range });
  }
  const confidence = el("select", { id: `${id}-confidence` },
    ["LOW", "MODERATE", "HIGH"].map((c) => el("option", { value: c }, t("confidence." + c))));
  const rationale = el("input", { id: `${id}-rationale` });
  if (previous) {
    const v = previous.value;
    if (v.type === "Choice") input.value = v.option;
    else if (v.type === "Choices") for (const o of input.options) o.selected = v.options.includes(o.value);
    else if (v.type === "Free") input.value = v.text;
    else input.value = String(v.value);
    confidence.value = previous.confidence;
    rationale.value = previous.rationale || "";
  }
  return el("form", { class: "answer-form", onsubmit: (e) => {
    e.preventDefault();
    let value;
    if (q.type === "SINGLE") value = { type: "Choice", option: input.value };
    else if (q.type === "MULTIPLE") value = { type: "Choices", options: [...input.selectedOptions].map((o) => o.value) };
    else if (q.type === "TEXT") value = { type: "Free", text: input.value };
    else value = { type: "Number", value: Number(input.value) };
    command({ type: "SubmitAnswer", question: q.id, value, confidence: confidence.value, rationale: rationale.value });
  } }, el("label", { for: id }, q.id), input,
    el("label", { for: `${id}-confidence` }, t("questions.confidence")), confidence,
    el("label", { for: `${id}-rationale` }, t("questions.rationale")), rationale,
    el("button", { type: "submit" }, t("questions.submit")));
}

export function renderCharts(f) {
  const rows = f.questions.map((q) => {
    const last = q.revealedRounds[q.revealedRounds.length - 1];
    const d = last ? last.divergence : null;
    return { label: q.id, value: d, text: d == null ? "" : `${Math.round(d * 100)} %` };
  });
  $("divergence-chart").replaceChildren(barChart(rows, 1, t("chart.divergence"), t("chart.none")));
  const moves = f.moves.map((m) => ({ label: `${m.id} ${text(m.title)}`.slice(0, 24), value: m.unifiedUnderstanding,
    text: m.unifiedUnderstanding == null ? "" : Math.round(m.unifiedUnderstanding).toString() }));
  $("unified-chart").replaceChildren(barChart(moves, 100, t("chart.unified"), t("chart.none")));
}

/** Wires the questions' move. */
export function wireAssessments() {
  $("questions-move").addEventListener("change", () => state.feed && renderQuestions(state.feed));
}
