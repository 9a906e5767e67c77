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
import { formatError, formatPoints } from "../view-model";
import { shortCommitment } from "../reveal-lesson";
import type { Practice, PracticeRecord } from "../practice/practice-state";
import { practiceUrlOf } from "../practice/practice-mode";
import type { RoundHead } from "./round-head";
import type { TrainingView } from "./training";
import type { TuningView } from "./tuning";
import { formatNumber, t, tHtml } from "../i18n/i18n";
import { kindName, spiralName } from "../i18n/spiral-names";
import { cueText } from "../i18n/cue-text";

const what = (p: Practice) =>
  p.replay ? t("practice.replayedRound") : t("practice.practiceRound", { number: p.number });
/** Points as players read them (1000, not 1,000). */

export function practiceTraining(p: Practice): TrainingView {
  const round = what(p);
  const title = p.failed
    ? t("practice.trainingFailedTitle", { round })
    : p.progress >= 100
      ? t("practice.trainedTitle", { round })
      : p.progress > 0
        ? t("practice.trainingTitle", { round, share: p.progress / 100 })
        : t("practice.startingTitle", { round });
  const summary = t(p.replay ? "practice.replaySummary" : "practice.soloSummary");
  return { title, progress: p.progress, summary };
}

export function practiceHead(p: Practice): RoundHead {
  const tuning = p.phase !== "reveal";
  return {
    label: tuning
      ? t("practice.headTuning", { round: what(p), name: p.trained ? spiralName(p.trained.round.a.name) : "…" })
      : t("practice.headRevealed", { round: what(p) }),
    timer: tuning ? t("practice.noTimeLimit") : t("practice.total", { points: p.total }),
    urgent: false,
    paused: false,
    cue:
      tuning || !p.reveal
        ? p.trained
          ? cueText(p.trained.round.cue)
          : ""
        : t("practice.bWas", { name: spiralName(p.reveal.b.name), kind: kindName(p.reveal.b.kind) }),
  };
}

export function practiceTuning(p: Practice): TuningView {
  return {
    round: p.trained?.round,
    canPick: true,
    locked: p.locked,
    startLevel: p.pick,
    lockedNote: t("practice.lockedNote"),
    secondsLeft: 0,
    ticking: false,
    intro: (msg) =>
      t("practice.intro", { number: p.number, name: spiralName(msg.a.name), cue: cueText(msg.cue), max: MAX_LEVEL }),
  };
}

/** The bar above the practice (it stands in for the room's bar). */
export function practiceBar(p: Practice, home: () => void): TemplateResult {
  const link = `${location.origin}${practiceUrlOf(p)}`;
  const where = p.replay
    ? t("practice.whereReplay", { number: p.number, commitment: shortCommitment(commitmentOf(p.opening)) })
    : t("practice.whereSeed", { number: p.number, seed: p.seed });
  return html`<div class="room-bar practice-bar" id="practice-bar" data-testid="practice-bar">
    <span class="practice-title"><strong id="practice-kind" data-testid="practice-kind" data-replay=${String(p.replay)}>${
      p.replay ? t("practice.kindReplay") : t("practice.kindSolo")
    }</strong> <span class="muted small" id="practice-where">${where}</span></span>
    <a class="small practice-link" id="practice-link" data-testid="practice-link" href=${link} title=${t(
      p.replay ? "practice.linkTitleReplay" : "practice.linkTitleSolo",
    )}>${t("practice.link")}</a>
    <button class="small-button" type="button" data-testid="practice-home" @click=${home}>${t("practice.home")}</button>
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
      ? t("practice.spotOn")
      : mine.level > reveal.bestLevel
        ? t("practice.tooMuch", { level: reveal.bestLevel })
        : t("practice.tooLittle", { level: reveal.bestLevel });
  const validationNote =
    byValidation.level === reveal.bestLevel
      ? t("practice.validationFound")
      : byValidation.level > reveal.bestLevel
        ? t("practice.validationOverfitted")
        : t("practice.validationCautious");
  const bestLine = tHtml("practice.bestLine", {
    best: html`<strong>${t("practice.bestLevel", { level: reveal.bestLevel })}</strong>`,
    bestError: formatError(best.error),
    level: mine.level,
    error: formatError(mine.hiddenError),
    points: mine.points,
  });
  const validationLine = t("practice.validationLine", {
    level: byValidation.level,
    error: formatError(byValidation.validationError),
    note: validationNote,
  });
  return html`<section class="practice-summary" id="practice-summary" data-testid="practice-summary" aria-live="polite"
    data-best-level=${reveal.bestLevel} data-level=${mine.level}>
    <h2>${t("practice.summaryTitle")}</h2>
    <p class="practice-best" data-testid="practice-best">${bestLine}</p>
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
    const mark =
      f.level === picked && f.level === reveal.bestLevel
        ? "practice.levelYouBest"
        : f.level === picked
          ? "practice.levelYou"
          : f.level === reveal.bestLevel
            ? "practice.levelBest"
            : "practice.levelPlain";
    const classes = [f.level === picked ? "picked" : "", f.level === reveal.bestLevel ? "best" : ""].join(" ").trim();
    return html`<tr class=${classes} data-level=${f.level}><td>${t(mark, { level: f.level })}</td>
      <td class="num">${formatError(f.trainError)}</td><td class="num">${formatError(f.validationError)}</td>
      <td class="num">${hidden ? formatError(hidden.error) : "–"}</td></tr>`;
  };
  return html`<details class="practice-levels" data-testid="practice-levels" ?open=${open}>
    <summary>${t("practice.wholeRound", {
      a: spiralName(round.a.name),
      aKind: kindName(round.a.kind),
      b: spiralName(reveal.b.name),
      bKind: kindName(reveal.b.kind),
    })}</summary>
    <table><thead><tr><th>${t("practice.colLevel")}</th><th class="num">${t("practice.colTraining")}</th><th class="num">${t(
      "practice.colValidation",
    )}</th><th class="num">${t("practice.colHidden")}</th></tr></thead>
      <tbody>${round.fits.map(row)}</tbody></table>
  </details>`;
}

function historyTable(history: PracticeRecord[]): TemplateResult {
  const rows = history.slice(-8).reverse();
  return html`<details class="practice-history" ?open=${history.length > 1}>
    <summary>${t("practice.historyTitle", { count: history.length })}</summary>
    <table><thead><tr><th>#</th><th>A → B</th><th>${t("practice.colYou")}</th><th>${t("practice.colBest")}</th><th>${t(
      "practice.colPoints",
    )}</th></tr></thead>
      <tbody>${rows.map(
        (
          r,
        ) => html`<tr><td>${formatNumber(r.number)}</td><td>${spiralName(r.a)} → ${spiralName(r.b)}</td><td>${formatNumber(
          r.level,
        )}</td><td>${formatNumber(r.bestLevel)}</td>
        <td class="num">${formatPoints(r.points)}</td></tr>`,
      )}</tbody></table>
  </details>`;
}
