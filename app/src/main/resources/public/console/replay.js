// The replay slider: the exercise as this user saw it just after any event.
import { when } from "../dom.js";
import { $, state, t } from "./state.js";

/** The replay slider: events 0..N; in replay, forms and control's buttons are set aside (they act on the live exercise). */
export function renderReplay(f) {
  const slider = $("replay-seq");
  const total = f.replay ? f.replay.events : f.lastSequence;
  slider.max = String(total);
  if (state.replay == null) slider.value = String(total);
  const replaying = state.replay != null;
  document.body.classList.toggle("replaying", replaying);
  $("replay-live").hidden = !replaying;
  $("replay-at").textContent = replaying
    ? `${f.replay.seq} / ${total} — ${when(f.replay.scenarioTime)}` : `${total} / ${total} (${t("replay.now")})`;
}

/** Wires the replay slider and the way back to live ({@code refresh} redraws the page). */
export function wireReplay(refresh) {
  $("replay-seq").addEventListener("change", () => {
    const v = Number($("replay-seq").value);
    state.replay = v >= Number($("replay-seq").max) ? null : v;
    refresh();
  });
  $("replay-live").addEventListener("click", () => { state.replay = null; refresh(); });
}
