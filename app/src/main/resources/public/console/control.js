// Control's view: the MSEL, each cell's activity, who sits in which cell, and what the room's screen shows.
import { el, fillTemplate as fill, when } from "../dom.js";
import { timelineChart } from "../timeline-chart.js";
import { api, command, status } from "./api.js";
import { $, fillSelect, moveFilter, scenarioNow, state, t, text } from "./state.js";
import { onShow } from "./views.js";

/**
 * The MSEL: every inject with its release time, trigger, marking, status and buttons; by default those of the current
 * move (the view stays about two screens), or all, or another move's.
 */
export function renderTimeline(f) {
  const moves = [...new Set(state.timeline.map((r) => r.move))];
  const move = moveFilter($("msel-move"), f, moves);
  const rows = move == null ? state.timeline : state.timeline.filter((r) => r.move === move);
  renderMselTimeline(f);
  $("msel").tBodies[0].replaceChildren(...rows.map((row) => el("tr", { "data-msel": row.number },
    el("td", {}, row.number), el("td", {}, row.move, el("br"), text(row.subject)), el("td", {}, when(row.release)),
    el("td", {}, text(row.trigger)), el("td", {}, row.marking),
    el("td", {}, t("msel." + row.status), row.releasedAt ? ` ${when(row.releasedAt)}` : "",
      row.acknowledgedBy.length ? el("div", { class: "meta" }, `${t("feed.acked")}: ${row.acknowledgedBy.join(", ")}`) : null),
    el("td", { class: "actions" }, row.status === "released"
      ? el("button", { type: "button", class: "secondary", "aria-label": `${t("msel.withdraw")} #${row.number}`,
        onclick: () => {
          const reason = window.prompt(`${t("msel.reason")} #${row.number}`);
          if (reason) command({ type: "WithdrawInject", number: row.number, reason });
        } }, t("msel.withdraw"))
      : el("button", { type: "button", class: "secondary", "aria-label": `${t("msel.release.button")} #${row.number}`,
        onclick: () => command({ type: "ReleaseInject", number: row.number }) }, t("msel.release.button")),
    // a document (image, PDF) for the inject's readers, before or after its release
    el("label", { class: "button secondary attach" }, t("msel.attach"),
      el("input", { type: "file", accept: "image/png,image/jpeg,application/pdf", "aria-label": `${t("msel.attach")} #${row.number}`,
        onchange: (e) => attach(row.number, e.target) })),
    row.files.length ? el("div", { class: "meta" }, row.files.map((x) => x.name).join(", ")) : null,
    // only what every delegation may see can go on the room's screen (the server says which)
    row.room ? el("button", { type: "button", class: "secondary", "aria-label": `${t("present.showInRoom")} #${row.number}`,
      onclick: () => present("inject", String(row.number)) }, t("present.showInRoom")) : null))));
  renderClockControls(f);
}

/** Uploads the file chosen for an inject; the live stream then redraws the MSEL with it. */
async function attach(number, input) {
  const file = input.files[0];
  if (!file) return;
  try {
    await api("POST", `/api/exercises/${encodeURIComponent(state.exercise)}/injects/${number}/files?name=${encodeURIComponent(file.name)}`, file);
    status(t("done"), false, input);
  } catch (e) {
    status(e.message, true, input);
  }
  input.value = "";
}

/** "YYYY-MM-DDTHH:MM" (a datetime-local field, read as UTC) of an ISO instant, and back. */
const toField = (iso) => iso.slice(0, 16);
const fromField = (value) => (value ? new Date(value + ":00Z").toISOString() : null);

/**
 * The clock's controls as its state allows: start the exercise, start or resume the clock, or pause it; run to the
 * next inject due at a time (it pauses there); the speed it really runs at; a pause at a time; the moves to jump to,
 * the next one first and earlier ones marked as going back.
 */
export function renderClockControls(f) {
  const c = f.clock;
  const now = scenarioNow();
  $("start-exercise").hidden = c.started;
  $("start-clock").hidden = !c.started || c.running || c.ended;
  $("start-clock").textContent = t(now > new Date(f.exercise.start) ? "control.resumeClock" : "control.startClock");
  $("pause-clock").hidden = !c.running;
  const next = c.nextInject;
  $("run-to-next").hidden = !c.started || c.ended || !next;
  if (next) $("run-to-next").textContent = `${t("control.runToNext")} #${next.number} (${when(next.at)})`;
  $("clock-speed").textContent = fill(t("control.speedNow"), { speed: c.speed });
  if (document.activeElement !== $("speed")) $("speed").value = c.speed;
  $("pause-shown").textContent = c.pauseAt ? fill(t("control.pausesAt"), { time: when(c.pauseAt) }) : "";
  $("cancel-pause").hidden = !c.pauseAt;
  const pauseField = $("pause-at");
  pauseField.min = toField(now.toISOString());
  pauseField.max = toField(f.exercise.end);
  // the moves: those still ahead first (the next one at the top), then those behind the clock, marked as going back
  const ahead = f.moves.filter((m) => new Date(m.start) > now);
  const behind = f.moves.filter((m) => new Date(m.start) <= now).reverse();
  const options = [...ahead.map((m, i) => [m.id, `${i === 0 ? t("control.nextMove") + ": " : ""}${m.id} — ${text(m.title)} (${when(m.start)})`]),
    ...behind.map((m) => [m.id, `${t("control.earlierMove")} ${m.id} — ${text(m.title)} (${when(m.start)})`])];
  const jump = $("jump-move");
  const key = JSON.stringify(options);
  if (jump.dataset.options !== key) {
    // a live update keeps what the user chose; otherwise the next move is offered
    const chosen = jump.dataset.chosen;
    jump.replaceChildren(...options.map(([value, label]) => el("option", { value }, label)));
    jump.dataset.options = key;
    if (options.some(([value]) => value === chosen)) jump.value = chosen;
  }
  $("jump").disabled = options.length === 0;
}

/** Jumps to the move chosen; a jump back asks first, saying what happens, and goes only when confirmed. */
function jumpToChosenMove() {
  const f = state.feed;
  const move = f.moves.find((m) => m.id === $("jump-move").value);
  delete $("jump-move").dataset.chosen; // chosen once: after this, the next move is offered again
  if (!move) return;
  const now = scenarioNow();
  if (new Date(move.start) >= now) {
    command({ type: "JumpToMove", move: move.id });
    return;
  }
  const since = state.timeline.filter((r) => r.status === "released" && r.releasedAt && new Date(r.releasedAt) > new Date(move.start));
  $("jump-back-text").textContent = fill(t("control.jumpBack.text"),
    { now: when(now.toISOString()), time: when(move.start), move: `${move.id} (${text(move.title)})`, count: since.length });
  const dialog = $("jump-back-dialog");
  dialog.dataset.move = move.id;
  dialog.showModal();
  $("jump-back-cancel").focus(); // staying is the default: Enter or Escape does not rewind the exercise
}

/** The MSEL over scenario time: moves, every inject at its (computed or actual) release time, the clock; a click shows its row. */
function renderMselTimeline(f) {
  const marks = state.timeline.map((r) => ({ number: r.number, at: r.releasedAt || r.release, subject: r.subject, basis: r.trigger,
    orbital: r.orbital, released: r.status === "released" }));
  $("msel-timeline").replaceChildren(timelineChart({ start: f.exercise.start, end: f.exercise.end, moves: f.moves, marks,
    now: scenarioNow().toISOString(), text, label: { chart: t("msel.timeline"), inject: t("plan.inject") }, pick: (number) => {
      if (!document.querySelector(`#msel tr[data-msel="${number}"]`)) { // in another move than the one shown
        $("msel-move").value = "all";
        renderTimeline(state.feed);
      }
      const tr = document.querySelector(`#msel tr[data-msel="${number}"]`);
      if (tr) {
        tr.scrollIntoView({ block: "center" });
        tr.classList.add("picked");
        setTimeout(() => tr.classList.remove("picked"), 2000);
      }
    } }));
}

/** For control: what each delegation has done so far, from the feed control sees. */
/** Puts something on the room's screen (the presenter view). */
export const present = (kind, ref) => command({ type: "PresentItem", kind, ref });

/** What the room's screen shows now, and the link that opens it (in the console's language). */
export function renderRoomControls(f) {
  const p = f.presentation;
  const what = p.kind === "inject" ? `${t("present.kind.inject")} #${p.ref}`
    : p.kind === "question" ? `${t("present.kind.question")} ${p.ref}` : t("present.kind." + p.kind);
  $("present-shows").textContent = `${t("present.shows")}: ${what}`;
  $("present-open").href = `/present.html?exercise=${encodeURIComponent(state.exercise)}&lang=${state.lang}`;
}

export function renderActivity(f) {
  const rounds = new Map(f.questions.map((q) => [q.id, q.round]));
  $("activity").tBodies[0].replaceChildren(...f.cells.filter((c) => c.kind === "BLUE" || c.kind === "RED").map((c) => {
    const reached = f.injects.filter((i) => i.to.includes(c.id) || i.to.includes("all"));
    const acked = reached.filter((i) => i.acknowledgedBy.includes(c.id));
    const answered = new Set(f.answers.filter((a) => a.cell === c.id && rounds.get(a.question) === a.round).map((a) => a.question));
    const asked = f.questions.filter((q) => q.cells.includes(c.id));
    const rfis = f.rfis.filter((r) => r.cell === c.id);
    return el("tr", { "data-cell": c.id }, el("td", {}, `${text(c.name)} (${c.id})`),
      el("td", {}, `${acked.length} / ${reached.length}`), el("td", {}, `${answered.size} / ${asked.length}`),
      el("td", {}, f.messages.filter((m) => m.fromCell === c.id).length),
      el("td", {}, `${rfis.length} (${rfis.filter((r) => !r.answer).length})`));
  }));
}

/** Wires control's controls: the clock, the jump, what the room's screen shows, the MSEL's move. */
export function wireControl() {
  $("start-exercise").addEventListener("click", () => command({ type: "StartExercise" }));
  $("start-clock").addEventListener("click", () => command({ type: "StartClock" }));
  $("pause-clock").addEventListener("click", () => command({ type: "PauseClock" }));
  $("run-to-next").addEventListener("click", () => command({ type: "RunToNextInject" }));
  $("set-speed").addEventListener("click", () => command({ type: "SetSpeed", speed: Number($("speed").value) }));
  $("set-pause").addEventListener("click", () => command({ type: "PauseAt", at: fromField($("pause-at").value) }));
  $("cancel-pause").addEventListener("click", () => command({ type: "PauseAt", at: null }));
  $("jump-move").addEventListener("change", () => { $("jump-move").dataset.chosen = $("jump-move").value; });
  $("jump").addEventListener("click", jumpToChosenMove);
  $("jump-back-cancel").addEventListener("click", () => $("jump-back-dialog").close());
  $("jump-back-confirm").addEventListener("click", () => {
    const dialog = $("jump-back-dialog");
    dialog.close();
    command({ type: "JumpToMove", move: dialog.dataset.move, back: true });
  });
  $("present-map").addEventListener("click", () => present("map", ""));
  $("present-globe").addEventListener("click", () => present("globe", ""));
  $("present-clear").addEventListener("click", () => present("clear", ""));
  $("msel-move").addEventListener("change", () => state.feed && renderTimeline(state.feed));
}

/** Who sits in which cell (read when control's view is shown or a member is seated), and the cells to seat one in. */
export async function renderMembers(f) {
  fillSelect($("member-cell"), f.cells.map((c) => [c.id, text(c.name)]));
  let members;
  try {
    members = await api("GET", `/api/exercises/${encodeURIComponent(state.exercise)}/members`);
  } catch (e) {
    status(e.message, true);
    return;
  }
  $("members").tBodies[0].replaceChildren(...members.map((m) => el("tr", { "data-member": m.username },
    el("td", {}, m.username), el("td", {}, t("members." + m.role)), el("td", {}, m.cell))));
}

/** Wires the form that seats a user in a cell of this exercise. */
export function wireMembers() {
  $("member-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await api("POST", `/api/exercises/${encodeURIComponent(state.exercise)}/members`,
        { username: $("member-username").value, role: $("member-role").value, cell: $("member-cell").value });
      $("member-username").value = "";
      status(t("done"));
    } catch (err) {
      status(err.message, true);
    }
    renderMembers(state.feed);
  });
  onShow((view) => view === "control" && state.feed && renderMembers(state.feed));
}
