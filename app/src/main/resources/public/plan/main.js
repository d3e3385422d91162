// The planning workspace: drafts of scenarios, edited with forms (English and Korean side by side), checked by the
// server on every change (each problem shown beside its field, each inject's computed release time beside its
// trigger), saved as versions, compared, downloaded, and published as an exercise. No YAML needs to be typed.
import { el, when } from "../dom.js";
import { openItem } from "./fields.js";
import { computed, computedTime, drawSection, SECTIONS, wirePlacesMap } from "./sections.js";
import { $, api, plan, status, t, text } from "./state.js";

const enc = encodeURIComponent;

function applyLanguage() {
  document.documentElement.lang = plan.lang;
  $("language").value = plan.lang;
  for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", t(node.dataset.i18nLabel));
  $("help-link").href = `/guides/planner${plan.lang === "ko" ? ".ko" : ""}#workspace`;
  if (plan.doc) {
    drawTabs();
    drawSection(plan.section);
    showSaveState();
    check(); // the check's words and the computed times' bases, in the new language
  } else if (plan.me) {
    listDrafts();
  }
}

function show(view) {
  for (const id of ["signin-view", "drafts-view", "editor-view"]) $(id).hidden = id !== view;
}

async function start() {
  $("language").addEventListener("change", () => {
    plan.lang = $("language").value;
    localStorage.setItem("spacettx.lang", plan.lang);
    applyLanguage();
  });
  applyLanguage();
  try {
    plan.me = await api("GET", "/api/me");
  } catch (e) {
    show("signin-view");
    return;
  }
  plan.csrf = plan.me.csrfToken;
  $("who").textContent = plan.me.username;
  if (!plan.me.admin && !plan.me.planner) {
    show("signin-view");
    $("signin-message").textContent = t("plan.notPlanner");
    return;
  }
  plan.launchSites = (await api("GET", "/api/launch-sites")).map((s) => [s.code, `${s.code} · ${s.name}`]);
  wireEditor();
  const wanted = new URLSearchParams(location.search).get("draft");
  if (wanted) await openDraft(wanted);
  else await listDrafts();
}

// ---- drafts ----
async function listDrafts() {
  show("drafts-view");
  history.replaceState(null, "", location.pathname);
  const drafts = await api("GET", "/api/drafts");
  $("drafts").tBodies[0].replaceChildren(...drafts.map((d) => el("tr", { "data-draft": d.id },
    el("td", {}, el("a", { href: `?draft=${enc(d.id)}`, onclick: (e) => { e.preventDefault(); openDraft(d.id); } }, d.title)),
    el("td", {}, d.id), el("td", {}, `v${d.version}`), el("td", {}, `${d.savedBy}, ${when(d.savedAt)}`),
    el("td", {}, d.publishedAs ? el("a", { href: `/?exercise=${enc(d.publishedAs)}` }, d.publishedAs) : "—"))));
  $("drafts-empty").hidden = drafts.length > 0;
}

async function newDraft(body) {
  try {
    const created = await api("POST", "/api/drafts", body);
    await openDraft(created.id);
  } catch (e) {
    status(e.message, true);
  }
}

async function openDraft(id) {
  const d = await api("GET", `/api/drafts/${enc(id)}`);
  plan.draft = d.id;
  plan.base = d.version;
  plan.doc = d.document;
  plan.dirty = false;
  plan.problems = [];
  plan.schedule = [];
  history.replaceState(null, "", `?draft=${enc(d.id)}`);
  show("editor-view");
  $("draft-title").textContent = d.title;
  $("yaml-link").href = `/api/drafts/${enc(d.id)}/scenario.yaml`;
  $("xlsx-link").href = `/api/drafts/${enc(d.id)}/msel.xlsx`;
  $("draft-id").textContent = d.id;
  $("published").replaceChildren(...(d.publishedAs ? publishedLink(d.publishedAs) : []));
  showSaveState();
  showSection(plan.section);
  await check();
}

// ---- editing ----
let timer = null;

plan.changed = () => {
  plan.dirty = true;
  showSaveState();
  clearTimeout(timer);
  timer = setTimeout(check, 500);
};

function showSaveState() {
  $("save-state").textContent = `v${plan.base}${plan.dirty ? ` · ${t("plan.unsaved")}` : ` · ${t("plan.saved")}`}`;
}

let checking = 0;

/** Asks the server what is wrong with the scenario as it stands, and when its injects would be released. */
async function check() {
  const mine = ++checking;
  $("check-state").textContent = t("plan.checking");
  try {
    const answer = await api("POST", "/api/scenarios/validate-document", { document: plan.doc });
    if (mine !== checking) return; // a later change has asked again
    plan.problems = answer.problems;
    plan.schedule = answer.schedule || [];
    $("check-state").textContent = answer.valid
      ? `${t("plan.valid")}${answer.warnings ? ` · ${answer.warnings} ${t("plan.warnings")}` : ""}`
      : `${answer.errors} ${t("plan.errors")}`;
    $("check-state").classList.toggle("error", !answer.valid);
    $("publish").disabled = !answer.valid;
    // what is shown follows the tree: the title
    $("draft-title").textContent = text(plan.doc.title) || plan.draft;
    showProblems();
    for (const p of document.querySelectorAll("[data-computed]")) {
      const number = Number(p.dataset.computed);
      p.textContent = p.dataset.short ? computedTime(number) : `${t("plan.release")}: ${computed(number)}`;
    }
    if (plan.section === "timeline") drawSection("timeline");
  } catch (e) {
    if (mine !== checking) return; // superseded: the server cancelled it for the later one
    status(e.message, true);
  }
}

/** The section a problem's path belongs to. */
function sectionOf(path) {
  const head = path.split(/[.[]/)[0];
  return { cells: "cells", objectives: "objectives", places: "places", objects: "objects", moves: "moves", msel: "msel",
    questions: "questions", action_items: "actions" }[head] || "general";
}

/** The element a path names, or the nearest one above it (a row, a list). */
function elementFor(path) {
  for (let p = path; p; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const node = document.querySelector(`[data-path="${CSS.escape(p)}"], [data-row="${CSS.escape(p)}"]`);
    if (node) return node;
    if (!/(\.[^.[\]]+|\[\d+\])$/.test(p)) break;
  }
  return null;
}

/** Every problem beside its field (in the section shown), in the list above, and counted on its section's tab. */
function showProblems() {
  for (const n of document.querySelectorAll(".problem-msg")) n.remove();
  for (const n of document.querySelectorAll(".has-problem")) n.classList.remove("has-problem");
  const counts = {};
  for (const p of plan.problems) {
    const section = sectionOf(p.path);
    if (p.severity === "error") counts[section] = (counts[section] || 0) + 1;
    const node = elementFor(p.path);
    if (node && section === plan.section) {
      const holder = node.closest(".field, fieldset, .item-summary, .rows") || node;
      holder.classList.add("has-problem");
      holder.append(el("p", { class: `problem-msg ${p.severity}`, role: "alert", "data-problem": p.path }, p.message));
    }
  }
  $("problems").replaceChildren(...plan.problems.map((p) => el("li", { class: p.severity },
    el("button", { type: "button", class: "link", onclick: () => openAt(sectionOf(p.path), p.path) }, `${p.path || "—"}`), `: ${p.message}`)));
  for (const tab of $("section-tabs").querySelectorAll("[role=tab]")) {
    const n = counts[tab.dataset.section];
    tab.querySelector(".count").textContent = n ? String(n) : "";
    tab.querySelector(".count").hidden = !n;
  }
}

function drawTabs() {
  $("section-tabs").replaceChildren(...SECTIONS.map((s) => el("button", { type: "button", role: "tab", "data-section": s,
    id: `tab-${s}`, "aria-selected": String(s === plan.section), onclick: () => showSection(s) },
  el("span", {}, t(`plan.section.${s}`)), el("span", { class: "count", hidden: true }))));
}

function showSection(name) {
  plan.section = name;
  drawTabs();
  for (const s of SECTIONS) $(`section-${s}`).hidden = s !== name;
  drawSection(name);
  if (name === "places") wirePlacesMap();
  showProblems();
}

/** Shows a section and the field a path names, focused (an inject or question shown in full first). */
function openAt(section, path) {
  const item = /^(msel|questions)\[(\d+)\]/.exec(path);
  if (item) openItem(item[1], Number(item[2]));
  showSection(section);
  const node = elementFor(path);
  if (!node) return;
  node.scrollIntoView({ block: "center" });
  const input = node.matches("input, select, textarea") ? node : node.querySelector("input, select, textarea");
  if (input) input.focus();
}

// ---- saving, publishing, files ----
function wireEditor() {
  $("new-blank").addEventListener("click", () => newDraft({ from: "blank" }));
  $("new-template").addEventListener("click", () => newDraft({ from: "template" }));
  $("new-file").addEventListener("change", async () => {
    const file = $("new-file").files[0];
    if (file) await newDraft({ from: "file", yaml: await file.text() });
    $("new-file").value = "";
  });
  $("back").addEventListener("click", () => {
    if (plan.dirty && !window.confirm(t("plan.discard"))) return;
    plan.doc = null;
    listDrafts();
  });
  $("save").addEventListener("click", save);
  $("publish").addEventListener("click", publish);
  $("xlsx-file").addEventListener("change", uploadWorkbook);
  document.addEventListener("plan:open", (e) => openAt(e.detail.section, e.detail.path));
  window.addEventListener("beforeunload", (e) => { if (plan.dirty) e.preventDefault(); });
}

async function save() {
  try {
    const r = await api("POST", `/api/drafts/${enc(plan.draft)}/versions`, { base: plan.base, document: plan.doc, note: $("save-note").value });
    plan.base = r.version;
    plan.dirty = false;
    $("save-note").value = "";
    $("draft-title").textContent = text(plan.doc.title) || plan.draft;
    showSaveState();
    status(`${t("plan.savedAs")} v${r.version}`);
    if (plan.section === "history") drawSection("history");
  } catch (e) {
    status(e.status === 409 ? `${e.message} — ${t("plan.reload")}` : e.message, true);
  }
}

/** "Published: ID", the exercise linked. */
const publishedLink = (id) => [`${t("plan.published")}: `, el("a", { href: `/?exercise=${enc(id)}`, id: "published-link" }, id)];

async function publish() {
  if (plan.dirty) await save();
  if (plan.dirty) return;
  try {
    // the exercise takes the draft's identifier (numbered when published again)
    const r = await api("POST", `/api/drafts/${enc(plan.draft)}/publish`, {});
    $("published").replaceChildren(...publishedLink(r.id));
    status(`${t("plan.published")}: ${r.id}`);
  } catch (e) {
    status(e.message, true);
  }
}

async function uploadWorkbook() {
  const file = $("xlsx-file").files[0];
  $("xlsx-file").value = "";
  if (!file) return;
  if (plan.dirty) await save();
  const response = await fetch(`/api/drafts/${enc(plan.draft)}/msel.xlsx?base=${plan.base}`, { method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/octet-stream", "X-CSRF-Token": plan.csrf }, body: await file.arrayBuffer() });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    status(answer.error || `HTTP ${response.status}`, true);
    return;
  }
  status(`${t("plan.savedAs")} v${answer.version}`);
  await openDraft(plan.draft);
}

document.addEventListener("DOMContentLoaded", start);
