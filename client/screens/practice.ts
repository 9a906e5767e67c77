// Practice's words for the match screens (training, tuning, reveal) and its own bits around them:
// a bar (round, seed, a link that replays the round, Back home), and after the reveal "what would
// have been best" with a word on why, every level's errors, and the rounds played so far. A
// replayed round (a finished match's or daily's) says so in the bar, with its commitment.
import "../practice/practice.css";
import { html, nothing, type TemplateResult } from "lit-html";
import type { RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import { commitmentOf } from "../../shared/round-key";
import { MAX_LEVEL } from "../../shared/ladder-levels";
import { formatError } from "../view-model";
import { shortCommitment } from "../reveal-lesson";
import type { Practice, PracticeRecord } from "../practice/practice-state";
import { practiceUrlOf } from "../practice/practice-mode";
import type { RoundHead } from "./round-head";
import type { TrainingView } from "./training";
import type { TuningView } from "./tuning";

const what = (p: Practice) => (p.replay ? "Replayed round" : `Practice round ${p.number}`);

export function practiceTraining(p: Practice): TrainingView {
  const title = p.failed
    ? `${what(p)}: training failed`
    : p.progress >= 100
      ? `${what(p)}: trained — get ready`
      : p.progress > 0
        ? `${what(p)}: training the model in your browser… ${p.progress}%`
        : `${what(p)}: starting TensorFlow.js in your browser…`;
  const summary = p.replay
    ? "A replay of a finished round from its published values: the model trains right here, in a background thread of " +
      "this page, and gets the same A, the same B and the same fits the room had."
    : "Solo practice: the model trains right here, in a background thread of this page — no game server involved, and " +
      "the same seed gives the same fits a match room would train.";
  return { title, progress: p.progress, summary };
}

export function practiceHead(p: Practice): RoundHead {
  const tuning = p.phase !== "reveal";
  return {
    label: tuning ? `${what(p)} · A: ${p.trained?.round.a.name ?? "…"}` : `${what(p)} · revealed`,
    timer: tuning ? "No time limit" : `Practice total: ${p.total} points`,
    urgent: false,
    paused: false,
    cue: tuning || !p.reveal ? (p.trained?.round.cue ?? "") : `B was ${p.reveal.b.name} (${p.reveal.b.kind}).`,
  };
}

export function practiceTuning(p: Practice): TuningView {
  return {
    round: p.trained?.round,
    canPick: true,
    locked: p.locked,
    startLevel: p.pick,
    lockedNote: "Take your time: Lock in reveals B and scores your pick.",
    secondsLeft: 0,
    ticking: false,
    intro: (msg) =>
      `Round ${p.number}: tuning. Spiral A is ${msg.a.name}. ${msg.cue} Pick a detail level from 1 to ` +
      `${MAX_LEVEL}, then lock in.`,
  };
}

/** The bar above the practice (it stands in for the room's bar). */
export function practiceBar(p: Practice, home: () => void): TemplateResult {
  const link = `${location.origin}${practiceUrlOf(p)}`;
  const where = p.replay
    ? `· round ${p.number} · commitment ${shortCommitment(commitmentOf(p.opening))}`
    : `· round ${p.number} · seed ${p.seed}`;
  return html`<div class="room-bar practice-bar" id="practice-bar" data-testid="practice-bar">
    <span class="practice-title"><strong id="practice-kind" data-testid="practice-kind" data-replay=${String(p.replay)}>${
      p.replay ? "Replay of a finished round" : "Solo practice"
    }</strong> <span class="muted small" id="practice-where">${where}</span></span>
    <a class="small practice-link" id="practice-link" data-testid="practice-link" href=${link} title=${
      p.replay
        ? "Opens this finished round again: the same A and B, the same fits"
        : "Opens this very round again (same seed, same fits)"
    }>Link to this round</a>
    <button class="small-button" type="button" data-testid="practice-home" @click=${home}>Back home</button>
  </div>`;
}

/** Exactly what the page computed (for tests and the curious: compare with the server's fits for the same seed). */
export function practiceData(p: Practice): TemplateResult {
  const round = p.trained?.round;
  return html`<div id="practice-data" data-testid="practice-data" hidden data-seed=${p.seed}
    data-round=${round ? JSON.stringify(round) : nothing} data-reveal=${p.reveal ? JSON.stringify(p.reveal) : nothing}></div>`;
}

/** "What would have been best", why, what validation said, and the rounds so far (under the U-curve). */
export function practiceSummary(p: Practice): TemplateResult {
  const round = p.trained?.round;
  const reveal = p.reveal;
  if (!round || !reveal) {
    return html`<section class="practice-summary" id="practice-summary" data-testid="practice-summary" aria-live="polite" hidden></section>`;
  }
  const mine = reveal.results[0];
  const best = reveal.hidden.find((x) => x.level === reveal.bestLevel)!;
  const byValidation = round.fits.reduce((b, f) => (f.validationError < b.validationError ? f : b));
  const verdict =
    mine.level === reveal.bestLevel
      ? "Spot on: that was the best level for B."
      : mine.level > reveal.bestLevel
        ? `Too much detail: above level ${reveal.bestLevel} the model copies A's own bumps and noise, which B does not share.`
        : `Too little detail: below level ${reveal.bestLevel} the model misses structure that A and B share.`;
  const validationNote =
    byValidation.level === reveal.bestLevel
      ? "This round, trusting validation would have found it."
      : byValidation.level > reveal.bestLevel
        ? "Trusting validation alone would have overfitted: it rewards A's own contours, and B is not A."
        : "Validation was too cautious this round: B shared more with A than it showed.";
  const bestLine =
    ` (hidden error ${formatError(best.error)}) would have scored 1000 points. You picked level ${mine.level} ` +
    `(hidden error ${formatError(mine.hiddenError)}): ${mine.points} points.`;
  const validationLine =
    `The lowest validation error on A was level ${byValidation.level} ` +
    `(${formatError(byValidation.validationError)}). ${validationNote}`;
  return html`<section class="practice-summary" id="practice-summary" data-testid="practice-summary" aria-live="polite"
    data-best-level=${reveal.bestLevel} data-level=${mine.level}>
    <h2>What would have been best</h2>
    <p class="practice-best" data-testid="practice-best"><strong>Level ${reveal.bestLevel}</strong>${bestLine}</p>
    <p class="small">${verdict}</p>
    <p class="small muted">${validationLine}</p>
    ${levelsTable(round, reveal, mine.level, p.replay)}
    ${historyTable(p.history)}
  </section>`;
}

/** The whole round: A and B, and every level's training, validation and hidden errors. */
function levelsTable(round: RoundMessage, reveal: RevealView, picked: number, open: boolean): TemplateResult {
  const row = (f: RoundMessage["fits"][number]) => {
    const hidden = reveal.hidden.find((x) => x.level === f.level);
    const marks = [f.level === picked ? "you" : "", f.level === reveal.bestLevel ? "best" : ""]
      .filter(Boolean)
      .join(", ");
    const classes = [f.level === picked ? "picked" : "", f.level === reveal.bestLevel ? "best" : ""].join(" ").trim();
    return html`<tr class=${classes} data-level=${f.level}><td>${marks ? `${f.level} (${marks})` : String(f.level)}</td>
      <td class="num">${formatError(f.trainError)}</td><td class="num">${formatError(f.validationError)}</td>
      <td class="num">${hidden ? formatError(hidden.error) : "–"}</td></tr>`;
  };
  return html`<details class="practice-levels" data-testid="practice-levels" ?open=${open}>
    <summary>The whole round: A ${round.a.name} (${round.a.kind}) → B ${reveal.b.name} (${reveal.b.kind}), every level</summary>
    <table><thead><tr><th>level</th><th class="num">training</th><th class="num">validation</th><th class="num">hidden (B)</th></tr></thead>
      <tbody>${round.fits.map(row)}</tbody></table>
  </details>`;
}

function historyTable(history: PracticeRecord[]): TemplateResult {
  const rows = history.slice(-8).reverse();
  return html`<details class="practice-history" ?open=${history.length > 1}>
    <summary>Rounds this practice (${history.length})</summary>
    <table><thead><tr><th>#</th><th>A → B</th><th>you</th><th>best</th><th>points</th></tr></thead>
      <tbody>${rows.map(
        (r) => html`<tr><td>${r.number}</td><td>${r.a} → ${r.b}</td><td>${r.level}</td><td>${r.bestLevel}</td>
        <td class="num">${r.points}</td></tr>`,
      )}</tbody></table>
  </details>`;
}
