// Notices of new injects, for a reader whose eyes are elsewhere: the tab's title counts what is new (see views.js),
// a short tone plays (the reader can turn it off; the choice is kept in this browser), and while the page is not
// looked at, a desktop notification names the inject (once the reader has allowed them).
import { $, state, t, text } from "./state.js";

let known = null; // the injects already in the reader's feed; null until the first feed of an exercise
let knownFor = null;
let audio = null;

const soundOn = () => localStorage.getItem("spacettx.sound") !== "off";

/** Announces the injects that arrived in this feed since the last (none on the first feed of an exercise, or in replay). */
export function announceInjects(f) {
  if (state.replay != null) return; // replay shows the past: nothing in it is news
  if (knownFor !== state.exercise || known === null) {
    knownFor = state.exercise;
    known = new Set(f.injects.map((i) => i.number));
    return;
  }
  const fresh = f.injects.filter((i) => !known.has(i.number));
  fresh.forEach((i) => known.add(i.number));
  if (!fresh.length) return;
  if (soundOn()) tone();
  if (document.visibilityState !== "visible" && "Notification" in window && Notification.permission === "granted") {
    for (const i of fresh) new Notification(t("notice.newInject"), { body: `#${i.number} ${text(i.subject)}`, tag: `inject-${i.number}` });
  }
}

/** A short two-note tone (Web Audio: no sound file to ship or fetch). */
function tone() {
  try {
    audio = audio || new AudioContext();
    const now = audio.currentTime;
    [[660, 0], [880, 0.16]].forEach(([hz, at]) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.08, now + at);
      gain.gain.exponentialRampToValueAtTime(0.001, now + at + 0.15);
      osc.connect(gain).connect(audio.destination);
      osc.start(now + at);
      osc.stop(now + at + 0.15);
    });
  } catch (e) {
    // no audio output here: the title and the notification still tell
  }
}

/** The header's sound switch and the button that asks to allow desktop notifications (shown while it may be asked). */
export function wireNotices() {
  const sound = $("sound-on");
  sound.checked = soundOn();
  sound.addEventListener("change", () => localStorage.setItem("spacettx.sound", sound.checked ? "on" : "off"));
  const ask = $("notify-enable");
  const offer = () => { ask.hidden = !("Notification" in window) || Notification.permission !== "default"; };
  offer();
  ask.addEventListener("click", async () => {
    await Notification.requestPermission();
    offer();
  });
}
