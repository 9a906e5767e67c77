// The practice's own bits around the match screens: a bar (round, seed, a link that replays the
// round, Back home), the training note, an untimed clock, and after the reveal "what would have
// been best" with a word on why, and the rounds played so far. Everything it adds is created
// here and removed again on the way home.
import "../practice/practice.css";
import { byId, h, setText, show } from "../dom";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import { formatError } from "../view-model";

export interface PracticeRecord {
  number: number;
  seed: string;
  a: string;
  b: string;
  level: number;
  bestLevel: number;
  points: number;
}

export interface PracticeView {
  phase: "training" | "tuning" | "reveal";
  number: number;
  seed: string;
  progress: number;
  failed: boolean;
  total: number;
  round?: RoundMessage;
  reveal?: RevealView;
  history: PracticeRecord[];
  /** The address that replays this round. */
  link: string;
  home(): void;
}

let bar: HTMLElement | undefined;
let summary: HTMLElement | undefined;
let data: HTMLElement | undefined;
let shownSummary = "";
let home: () => void = () => undefined;

function roomBar(): HTMLElement | null {
  return byId("room").querySelector<HTMLElement>(":scope > .room-bar:not(.practice-bar)");
}

function ensureElements(): { bar: HTMLElement; summary: HTMLElement; data: HTMLElement } {
  if (!bar) {
    const back = h("button", { class: "small-button", text: "Back home", attrs: { type: "button", "data-testid": "practice-home" } });
    back.addEventListener("click", () => home());
    bar = h("div", { class: "room-bar practice-bar", attrs: { id: "practice-bar", "data-testid": "practice-bar" } },
      h("span", { class: "practice-title" },
        h("strong", { text: "Solo practice" }), " ",
        h("span", { class: "muted small", attrs: { id: "practice-where" } })),
      h("a", { class: "small practice-link", text: "Link to this round", attrs: { id: "practice-link", "data-testid": "practice-link", title: "Opens this very round again (same seed, same fits)" } }),
      back);
    byId("room").prepend(bar);
  }
  if (!summary) {
    summary = h("section", { class: "practice-summary", attrs: { id: "practice-summary", "data-testid": "practice-summary", "aria-live": "polite" } });
    byId("next-round").before(summary);
  }
  if (!data) {
    // For tests and the curious: the round this page trained, exactly as a match room would send it.
    data = h("div", { attrs: { id: "practice-data", "data-testid": "practice-data", hidden: "" } });
    byId("room").append(data);
  }
  return { bar, summary, data };
}

export function renderPracticeScreen(v: PracticeView): void {
  home = v.home;
  const els = ensureElements();
  document.body.classList.add("practicing");
  show(els.bar, true);
  const roomBarEl = roomBar();
  if (roomBarEl) show(roomBarEl, false);

  setText(byId("practice-where"), `· round ${v.number} · seed ${v.seed}`);
  byId("practice-link").setAttribute("href", v.link);

  // Exactly what the page computed, for comparison with the server's fits for the same seed.
  const dataKey = `${v.seed}:${v.round?.round ?? ""}`;
  if (els.data.dataset.key !== dataKey) {
    els.data.dataset.key = dataKey;
    els.data.dataset.seed = v.seed;
    if (v.round) els.data.dataset.round = JSON.stringify(v.round);
    else delete els.data.dataset.round;
  }
  if (v.reveal) els.data.dataset.reveal = JSON.stringify(v.reveal);
  else delete els.data.dataset.reveal;

  if (v.phase === "training") {
    setText(byId("training-title"), v.failed
      ? `Practice round ${v.number}: training failed`
      : v.progress >= 100 ? `Practice round ${v.number}: trained — get ready` : v.progress > 0
        ? `Practice round ${v.number}: training the model in your browser… ${v.progress}%`
        : `Practice round ${v.number}: starting TensorFlow.js in your browser…`);
    setText(byId("match-summary"), "Solo practice: the model trains right here, in a background thread of this page — no game server involved, and the same seed gives the same fits a match room would train.");
    show(els.summary, false);
    return;
  }
  if (v.phase === "tuning") {
    setText(byId("round-label"), `Practice round ${v.number} · A: ${v.round?.a.name ?? "…"}`);
    setText(byId("timer"), "No time limit");
    byId("timer").classList.remove("urgent");
    setText(byId("locked-count"), "Take your time: Lock in reveals B and scores your pick.");
    show(els.summary, false);
    return;
  }
  setText(byId("round-label"), `Practice round ${v.number} · revealed`);
  setText(byId("timer"), `Practice total: ${v.total} points`);
  byId("timer").classList.remove("urgent");
  setText(byId("next-round"), "Next practice round");
  show(byId("next-round"), true);
  show(els.summary, Boolean(v.reveal));
  if (v.reveal && v.round) renderSummary(els.summary, v.round, v.reveal, v.history);
}

/** "What would have been best", why, what validation said, and the rounds so far. */
function renderSummary(box: HTMLElement, round: RoundMessage, reveal: RevealView, history: PracticeRecord[]): void {
  const key = `${round.round}:${round.commitment}:${history.length}`;
  if (key === shownSummary) return;
  shownSummary = key;
  const mine = reveal.results[0];
  const best = reveal.hidden.find((x) => x.level === reveal.bestLevel)!;
  const byValidation = round.fits.reduce((b, f) => (f.validationError < b.validationError ? f : b));
  const verdict = mine.level === reveal.bestLevel
    ? "Spot on: that was the best level for B."
    : mine.level > reveal.bestLevel
      ? `Too much detail: above level ${reveal.bestLevel} the model copies A's own bumps and noise, which B does not share.`
      : `Too little detail: below level ${reveal.bestLevel} the model misses structure that A and B share.`;
  const validationNote = byValidation.level === reveal.bestLevel
    ? "This round, trusting validation would have found it."
    : byValidation.level > reveal.bestLevel
      ? "Trusting validation alone would have overfitted: it rewards A's own contours, and B is not A."
      : "Validation was too cautious this round: B shared more with A than it showed.";
  box.dataset.bestLevel = String(reveal.bestLevel);
  box.dataset.level = String(mine.level);
  box.replaceChildren(
    h("h2", { text: "What would have been best" }),
    h("p", { class: "practice-best", attrs: { "data-testid": "practice-best" } },
      h("strong", { text: `Level ${reveal.bestLevel}` }),
      ` (hidden error ${formatError(best.error)}) would have scored 1000 points. You picked level ${mine.level} (hidden error ${formatError(mine.hiddenError)}): ${mine.points} points.`),
    h("p", { class: "small", text: verdict }),
    h("p", { class: "small muted", text: `The lowest validation error on A was level ${byValidation.level} (${formatError(byValidation.validationError)}). ${validationNote}` }),
    historyTable(history),
  );
}

function historyTable(history: PracticeRecord[]): HTMLElement {
  const rows = history.slice(-8).reverse().map((r) => h("tr", {},
    h("td", { text: String(r.number) }),
    h("td", { text: `${r.a} → ${r.b}` }),
    h("td", { text: String(r.level) }),
    h("td", { text: String(r.bestLevel) }),
    h("td", { class: "num", text: String(r.points) })));
  return h("details", { class: "practice-history", attrs: history.length > 1 ? { open: "" } : {} },
    h("summary", { text: `Rounds this practice (${history.length})` }),
    h("table", {},
      h("thead", {}, h("tr", {}, ...["#", "A → B", "you", "best", "points"].map((t) => h("th", { text: t })))),
      h("tbody", {}, ...rows)));
}

/** On the way home: the room's own bar back, the practice's bits gone. */
export function hidePracticeScreen(): void {
  bar?.remove();
  summary?.remove();
  data?.remove();
  bar = summary = data = undefined;
  document.body.classList.remove("practicing");
  shownSummary = "";
  const roomBarEl = roomBar();
  if (roomBarEl) show(roomBarEl, true);
  setText(byId("next-round"), "Next");
}
