// Control writes an inject on the spot (facilitators improvise): recipients among the delegations, a channel, a
// marking the server will check against every recipient's nation, texts in both languages, the expected action, and
// when it goes out. It then is in the MSEL, the log, the replay and the report like any other.
import { el } from "../dom.js";
import { CHANNELS } from "../i18n.js";
import { command } from "./api.js";
import { $, fillSelect, state, t, text } from "./state.js";

/** Fills the form's choices from the exercise: its moves (the current one first chosen), delegations and markings. */
export function renderWriteForm(f) {
  const moves = [...new Set(state.timeline.map((r) => r.move))];
  fillSelect($("wi-move"), moves.map((m) => [m, m]));
  if (!$("wi-move").dataset.touched && f.clock.move) $("wi-move").value = f.clock.move;
  fillSelect($("wi-channel"), CHANNELS.map((c) => [c, t(`channel.${c}`)]));
  fillSelect($("wi-marking"), f.markings.map((m) => [m, m]));
  const box = $("wi-to");
  const cells = f.cells.filter((c) => c.kind === "BLUE" || c.kind === "RED");
  const key = cells.map((c) => c.id).join(",") + state.lang;
  if (box.dataset.cells !== key) {
    box.dataset.cells = key;
    box.replaceChildren(el("legend", { "data-i18n": "write.to" }, t("write.to")), ...cells.map((c) => el("span", { class: "check" },
      el("input", { type: "checkbox", id: `wi-to-${c.id}`, value: c.id, checked: true }),
      el("label", { for: `wi-to-${c.id}` }, ` ${text(c.name)}`))));
  }
}

const both = (en, ko) => ({ en: $(en).value.trim(), ko: $(ko).value.trim() });

export function wireWriteForm() {
  $("wi-move").addEventListener("change", () => { $("wi-move").dataset.touched = "1"; });
  $("write-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const release = $("wi-release").value;
    await command({ type: "WriteInject", move: $("wi-move").value,
      to: [...$("wi-to").querySelectorAll("input:checked")].map((b) => b.value), channel: $("wi-channel").value,
      marking: $("wi-marking").value, subject: both("wi-subject-en", "wi-subject-ko"), body: both("wi-body-en", "wi-body-ko"),
      expectedAction: both("wi-expected-en", "wi-expected-ko"), releaseAt: release === "at" ? $("wi-at").value.trim() : null,
      releaseNow: release === "now" });
    if (!$("status").classList.contains("error")) {
      for (const id of ["wi-subject-en", "wi-subject-ko", "wi-body-en", "wi-body-ko", "wi-expected-en", "wi-expected-ko", "wi-at"]) $(id).value = "";
    }
  });
}
