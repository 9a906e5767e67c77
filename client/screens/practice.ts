// The practice's own bits around the match screens: a bar (round, seed, a link that replays the
// round, Back home), the training note, an untimed clock, and after the reveal "what would have
// been best" with a word on why, every level's errors, and the rounds played so far. A replayed
// round (a finished match's or daily's) says so in the bar, with its commitment. Everything it
// adds is created here and removed again on the way home.
import "../practice/practice.css";
import { byId, h, setText, show } from "../dom";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import { formatError } from "../view-model";
import { shortCommitment } from "../reveal-lesson";

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
  /** A finished round replayed from its published opening (`/?replay=TOKEN`). */
  replay?: { commitment: string };
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
        h("strong", { attrs: { id: "practice-kind", "data-testid": "practice-kind" } }), " ",
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

  const kind = byId("practice-kind");
  setText(kind, v.replay ? "Replay of a finished round" : "Solo practice");
  kind.dataset.replay = String(Boolean(v.replay));
  setText(byId("practice-where"), v.replay ? `· round ${v.number} · commitment ${shortCommitment(v.replay.commitment)}` : `· round ${v.number} · seed ${v.seed}`);
  const link = byId("practice-link");
  link.setAttribute("href", v.link);
  link.title = v.replay
    ? "Opens this finished round again: the same A and B, the same fits"
    : "Opens this very round again (same seed, same fits)";

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
    const what = v.replay ? "Replayed round" : `Practice round ${v.number}`;
    setText(byId("training-title"), v.failed
      ? `${what}: training failed`
      : v.progress >= 100 ? `${what}: trained — get ready` : v.progress > 0
        ? `${what}: training the model in your browser… ${v.progress}%`
        : `${what}: starting TensorFlow.js in your browser…`);
    setText(byId("match-summary"), v.replay
      ? "A replay of a finished round from its published values: the model trains right here, in a background thread of this page, and gets the same A, the same B and the same fits the room had."
      : "Solo practice: the model trains right here, in a background thread of this page — no game server involved, and the same seed gives the same fits a match room would train.");
    show(els.summary, false);
    return;
  }
  if (v.phase === "tuning") {
    setText(byId("round-label"), `${v.replay ? "Replayed round" : `Practice round ${v.number}`} · A: ${v.round?.a.name ?? "…"}`);
    setText(byId("timer"), "No time limit");
    byId("timer").classList.remove("urgent");
    setText(byId("locked-count"), "Take your time: Lock in reveals B and scores your pick.");
    show(els.summary, false);
    return;
  }
  setText(byId("round-label"), `${v.replay ? "Replayed round" : `Practice round ${v.number}`} · revealed`);
  setText(byId("timer"), `Practice total: ${v.total} points`);
  byId("timer").classList.remove("urgent");
  setText(byId("next-round"), "Next practice round");
  show(byId("next-round"), true);
  show(els.summary, Boolean(v.reveal));
  if (v.reveal && v.round) renderSummary(els.summary, v.round, v.reveal, v.history, Boolean(v.replay));
}

/** "What would have been best", why, what validation said, and the rounds so far. */
function renderSummary(box: HTMLElement, round: RoundMessage, reveal: RevealView, history: PracticeRecord[], replay: boolean): void {
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
    levelsTable(round, reveal, mine.level, replay),
    historyTable(history),
  );
}

/** The whole round: A and B, and every level's training, validation and hidden errors. */
function levelsTable(round: RoundMessage, reveal: RevealView, picked: number, open: boolean): HTMLElement {
  const rows = round.fits.map((f) => {
    const hidden = reveal.hidden.find((x) => x.level === f.level);
    const marks = [f.level === picked ? "you" : "", f.level === reveal.bestLevel ? "best" : ""].filter(Boolean).join(", ");
    return h("tr", { class: [f.level === picked ? "picked" : "", f.level === reveal.bestLevel ? "best" : ""].join(" ").trim(), attrs: { "data-level": String(f.level) } },
      h("td", { text: marks ? `${f.level} (${marks})` : String(f.level) }),
      h("td", { class: "num", text: formatError(f.trainError) }),
      h("td", { class: "num", text: formatError(f.validationError) }),
      h("td", { class: "num", text: hidden ? formatError(hidden.error) : "–" }));
  });
  return h("details", { class: "practice-levels", attrs: { "data-testid": "practice-levels", ...(open ? { open: "" } : {}) } },
    h("summary", { text: `The whole round: A ${round.a.name} (${round.a.kind}) → B ${reveal.b.name} (${reveal.b.kind}), every level` }),
    h("table", {},
      h("thead", {}, h("tr", {}, ...["level", "training", "validation", "hidden (B)"].map((t, i) => h("th", { text: t, ...(i ? { class: "num" } : {}) })))),
      h("tbody", {}, ...rows)));
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
