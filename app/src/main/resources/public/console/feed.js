// The feed view: injects and messages in one stream, acknowledgements.
import { el, foldable, when } from "../dom.js";
import { command, sendCommand, status } from "./api.js";
import { $, state, t, text } from "./state.js";

/** How many entries the feed shows at first, and how many more each "Show older" adds. */
export const FEED_PAGE = 8;

/**
 * The feed: injects and messages in one stream, newest first by scenario time, filtered as the user chose, the
 * newest {@link FEED_PAGE} first and older ones on demand; a delegation can acknowledge every injection not yet
 * acknowledged at once.
 */
export function renderInjects(f) {
  const list = $("feed");
  const me = f.viewer.cell;
  const filter = $("feed-filter").value;
  const unacked = f.injects.filter((i) => !i.acknowledgedBy.includes(me));
  $("ack-all").hidden = f.viewer.role !== "player" || unacked.length === 0 || !!f.replay;
  const entries = [
    ...(filter === "messages" ? [] : (filter === "unacknowledged" ? unacked : f.injects)
      .map((i) => ({ time: i.releasedAt, order: i.number, node: () => injectItem(f, i, me) }))),
    ...(filter === "all" || filter === "messages" ? f.messages.map((m, k) => ({ time: m.scenarioTime, order: -k - 1, node: () => messageItem(m) })) : [])];
  const limit = state.feedLimit || FEED_PAGE;
  $("feed-more").hidden = entries.length <= limit;
  $("feed-more").textContent = `${t("feed.more")} (${entries.length - limit})`;
  if (!entries.length) {
    list.replaceChildren(el("li", { class: "empty" }, t(filter === "all" ? "feed.empty" : "feed.none")));
    return;
  }
  entries.sort((a, b) => b.time.localeCompare(a.time) || b.order - a.order);
  list.replaceChildren(...entries.slice(0, limit).map((e) => e.node()));
}

export function messageItem(m) {
  return el("li", { class: "inject message", "data-time": m.scenarioTime },
    el("div", { class: "meta" }, el("span", { class: "marking" }, m.marking), ` ${m.fromCell} → ${m.toCell} · ${when(m.scenarioTime)}`),
    foldable(`message:${m.id}`, m.body, t("text.more"), t("text.less")));
}

/** A document on an inject: an image shown in the feed, a PDF as a link that opens it; both open in a new tab. */
function fileItem(file) {
  const url = `/api/exercises/${encodeURIComponent(state.exercise)}/files/${file.sha256}`;
  const size = `${Math.max(1, Math.round(file.bytes / 1000))} kB`;
  const link = el("a", { href: url, target: "_blank", rel: "noopener" }, file.name);
  return file.mediaType.startsWith("image/")
    ? el("figure", {}, el("img", { src: url, alt: file.name, loading: "lazy" }), el("figcaption", {}, link, ` (${size})`))
    : el("p", { class: "document" }, link, ` (PDF, ${size})`);
}

export function injectItem(f, i, me) {
  const acked = i.acknowledgedBy.includes(me);
  const unread = !state.seen.has(i.number);
  const markRead = () => {
    if (state.seen.has(i.number)) return;
    state.seen.add(i.number);
    localStorage.setItem(`spacettx.seen.${state.exercise}`, JSON.stringify([...state.seen]));
    li.classList.remove("unread");
  };
  const li = el("li", { class: "inject" + (unread ? " unread" : ""), "data-inject": i.number, "data-time": i.releasedAt, tabindex: 0,
    onclick: markRead, onfocus: markRead },
    el("div", { class: "meta" }, el("span", { class: "marking" }, i.marking),
      ` #${i.number} · ${i.move} · ${t("channel." + i.channel)} · ${i.from} → ${i.to.join(", ")} · ${when(i.releasedAt)}`),
    el("strong", {}, text(i.subject)),
    foldable(`inject:${i.number}`, text(i.body), t("text.more"), t("text.less")),
    i.attachments.length ? el("p", { class: "meta" }, i.attachments.map((a) => `${t("attachment." + a.kind)}: ${a.object} (${a.hours} ${t("unit.h")})`).join("; ")) : null,
    i.files.length ? el("div", { class: "files" }, ...i.files.map(fileItem)) : null,
    i.expectedAction ? el("p", { class: "meta" }, "→ " + text(i.expectedAction)) : null,
    el("div", { class: "meta" }, i.acknowledgedBy.length ? `${t("feed.acked")}: ${i.acknowledgedBy.join(", ")}` : ""),
    f.viewer.role === "player" && !acked
      ? el("button", { type: "button", class: "secondary", onclick: () => command({ type: "AcknowledgeInject", number: i.number }) }, t("feed.ack"))
      : null);
  return li;
}

/** Acknowledges, one after the other, every inject of the feed the user's cell has not acknowledged. */
export async function acknowledgeAll() {
  const me = state.feed.viewer.cell;
  const numbers = state.feed.injects.filter((i) => !i.acknowledgedBy.includes(me)).map((i) => i.number);
  try {
    for (const number of numbers) {
      await sendCommand({ type: "AcknowledgeInject", number });
    }
    status(t("done"));
  } catch (e) {
    status(e.message, true);
  }
}

/** Wires the feed's filter, its older entries, and acknowledging all. */
export function wireFeed() {
  $("feed-filter").addEventListener("change", () => state.feed && renderInjects(state.feed));
  $("feed-more").addEventListener("click", () => {
    state.feedLimit = (state.feedLimit || FEED_PAGE) + FEED_PAGE;
    renderInjects(state.feed);
  });
  $("ack-all").addEventListener("click", acknowledgeAll);
}
