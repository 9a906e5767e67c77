// The projector view: one screen for the front of a classroom, readable from the back at
// 1920×1080 and 1280×720 (sizes in vh; the view is fixed to the window and never scrolls). The
// code huge with a QR code of the join link and the join list; the round's spiral, the timer and
// the live histogram of locked picks (or "k of n locked"); the reveal big with the U-curve, the
// leaderboard and the shake-up; the podium. At the reveal, under B the proof that B was fixed at
// round start (one small line), and along the bottom the two gaps of the class's most common pick
// and of the best level.
import { byId, h, setText, show } from "../dom";
import type { PodiumMessage, RoundMessage } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import type { MatchState } from "../../server/state";
import { qrDataUrl } from "../qr";
import { COLOURS, SpiralView } from "../scene/spiral-scene";
import { UCurveView } from "../scene/u-curve-scene";
import { formatSeconds, num, type PlayerRow } from "../view-model";
import { settingsSummary } from "./lobby";
import { gapRows, mostPicked, proofOf } from "../reveal-lesson";
import { renderGaps, renderProof } from "./proof";

export interface ProjectorContext {
  state: MatchState;
  rows: PlayerRow[];
  phase: string;
  round?: RoundMessage;
  reveal?: RevealView;
  counts?: number[];
  podium?: PodiumMessage;
}

const BOARD_ROWS = 10;
const PLACES = ["1st", "2nd", "3rd"];

let spiral: SpiralView | undefined;
let uCurve: UCurveView | undefined;
let spiralKey = "";
let uCurveKey = "";
let qrFor = "";
let shownPhase = "";

const joinLink = (code: string) => `${location.origin}/?room=${code}`;

/** Call when the view is shown again: canvases measure their boxes anew. */
export function refreshProjector(): void {
  shownPhase = "";
  requestAnimationFrame(fitPlayerList);
}

export function renderProjector(ctx: ProjectorContext): void {
  const { state, phase } = ctx;
  const entering = shownPhase !== phase;
  shownPhase = phase;
  const code = state.code;
  setText(byId("pj-join-small"), phase === "lobby" ? "" : `Code ${code} · ${location.host}`);
  setText(byId("pj-phase"), phase === "lobby" || phase === "podium" ? (phase === "lobby" ? "Lobby" : "Final results") : `Round ${state.round} of ${state.rounds}`);

  show(byId("pj-lobby"), phase === "lobby");
  show(byId("pj-training"), phase === "training");
  show(byId("pj-round"), phase === "tuning" || phase === "reveal");
  show(byId("pj-podium"), phase === "podium");

  switch (phase) {
    case "lobby": return renderLobby(ctx);
    case "training": return renderTraining(state);
    case "tuning":
    case "reveal": return renderRound(ctx, entering);
    case "podium": return renderPodium(ctx);
  }
}

function renderLobby({ state, rows }: ProjectorContext): void {
  const code = state.code;
  setText(byId("pj-code"), code);
  setText(byId("pj-link"), `${location.host}/?room=${code}`);
  const link = joinLink(code);
  if (qrFor !== link) {
    qrFor = link;
    void qrDataUrl(link).then((url) => {
      if (qrFor !== link) return;
      const img = byId<HTMLImageElement>("pj-qr");
      img.src = url;
      img.dataset.link = link;
    });
  }
  const watching = num(state.spectatorCount);
  setText(byId("pj-players-title"), rows.length ? `${rows.length} ${rows.length === 1 ? "player" : "players"}${watching ? ` · ${watching} watching` : ""}` : "Waiting for players…");
  const list = byId("pj-player-list");
  const names = [...rows].sort((a, b) => a.seat - b.seat).map((p) => p.name);
  if (list.dataset.names !== JSON.stringify(names)) {
    list.dataset.names = JSON.stringify(names);
    list.replaceChildren(...names.map((name) => h("li", { text: name })));
    fitPlayerList();
  }
  setText(byId("pj-settings"), `${state.rounds} rounds · ${state.tuningSeconds} s to tune · ${settingsSummary(state)}${state.locked ? " · room locked" : ""}`);
}

const LIST_SIZES = ["l", "m", "s", "xs", "xxs"] as const;

/** The biggest type at which every name shows (long names and big classes get smaller type). */
function fitPlayerList(): void {
  const list = byId("pj-player-list");
  if (list.offsetParent === null) return; // hidden: fitted when shown
  for (const size of LIST_SIZES) {
    list.dataset.size = size;
    if (list.scrollHeight <= list.clientHeight + 1) return;
  }
}
window.addEventListener("resize", fitPlayerList);

function renderTraining(state: MatchState): void {
  const pct = Math.max(0, Math.min(100, num(state.trainingProgress)));
  setText(byId("pj-training-title"), `Round ${state.round} of ${state.rounds}: training the model… ${pct}%`);
  byId("pj-training-fill").style.width = `${pct}%`;
  setText(byId("pj-training-note"), "All 12 detail levels train on the same spiral. Get ready to pick one.");
}

function renderRound(ctx: ProjectorContext, entering: boolean): void {
  const { state, phase, round, counts } = ctx;
  const reveal = ctx.reveal?.round === state.round ? ctx.reveal : undefined;
  const revealing = phase === "reveal";
  if (!spiral) {
    spiral = new SpiralView(byId("pj-spiral"));
    // The reveal's strip of gaps takes height from the spiral's column: the picture follows its box.
    const view = spiral;
    new ResizeObserver(() => view.refresh()).observe(byId("pj-spiral"));
  }
  if (entering) spiral.refresh();

  show(byId("pj-tuning-side"), !revealing);
  show(byId("pj-reveal-side"), revealing);
  show(byId("pj-proof"), revealing && Boolean(reveal));
  show(byId("pj-gaps"), revealing && Boolean(reveal));
  show(byId("pj-paused"), !revealing && state.paused === true);
  renderBoard(byId("pj-board"), ctx.rows, revealing);

  if (!revealing) {
    setText(byId("pj-round-title"), round ? `A: ${round.a.name} (${round.a.kind})` : "A: …");
    setText(byId("pj-cue"), round?.cue ?? "");
    const left = num(state.secondsLeft);
    setText(byId("pj-timer"), formatSeconds(left));
    byId("pj-timer").classList.toggle("paused", state.paused === true);
    byId("pj-timer").classList.toggle("urgent", left <= 5 && !state.paused);
    const locked = `${num(state.lockedCount)} of ${num(state.playingCount)} locked in`;
    setText(byId("pj-locked"), counts ? "" : locked);
    byId("pj-locked").classList.toggle("big", !counts);
    const key = round ? `A:${round.round}:${round.commitment}` : "";
    if (round && spiralKey !== key) {
      spiralKey = key;
      spiral.show({ points: round.a, colour: COLOURS.a, hollow: new Set(round.a.validation) });
    }
    return;
  }

  if (!reveal) {
    setText(byId("pj-reveal-title"), "Revealing…");
    return;
  }
  const best = reveal.hidden.find((x) => x.level === reveal.bestLevel);
  setText(byId("pj-round-title"), `B was ${reveal.b.name} (${reveal.b.kind})`);
  setText(byId("pj-reveal-title"), `Best level: ${reveal.bestLevel}` + (best ? ` · hidden error ${best.error.toFixed(4)}` : ""));
  renderProof(byId("pj-proof"), proofOf(round?.round === reveal.round ? round : undefined, reveal), { compact: true });
  renderGaps(byId("pj-gaps"), gapRows(round?.round === reveal.round ? round : undefined, reveal, classPick(reveal.results.map((x) => x.level)), true), { compact: true });
  const key = `B:${reveal.round}:${reveal.b.name}`;
  if (spiralKey !== key) {
    spiralKey = key;
    spiral.show({ points: reveal.b, colour: COLOURS.b, curve: reveal.overB.find((x) => x.level === reveal.bestLevel) });
  }
  uCurve ??= new UCurveView(byId("pj-ucurve"));
  if (entering) uCurve.refresh();
  if (uCurveKey !== key) {
    uCurveKey = key;
    uCurve.show({ hidden: reveal.hidden, bestLevel: reveal.bestLevel, picks: reveal.results.map((x) => ({ level: x.level, mine: false })) });
  }
}

/** The class's pick to explain beside the best level: the only one, everyone's, or the most common (when two or more share it). */
function classPick(levels: number[]): { level: number; label: string } | undefined {
  const top = mostPicked(levels);
  if (!top) return undefined;
  if (levels.length === 1) return { level: top.level, label: "The one pick: level" };
  if (top.count === levels.length) return { level: top.level, label: "Everyone's level" };
  return top.count > 1 ? { level: top.level, label: `Most picked (${top.count} players): level` } : undefined;
}

function renderBoard(list: HTMLElement, rows: PlayerRow[], withRound: boolean): void {
  const shown = rows.slice(0, BOARD_ROWS);
  const key = JSON.stringify([withRound, shown.map((p) => [p.name, p.rank, p.points, p.roundPoints, p.revealedPick]), rows.length]);
  if (list.dataset.key === key) return;
  list.dataset.key = key;
  list.replaceChildren(
    ...shown.map((p) => h("li", { class: "pj-board-row" },
      h("span", { class: "rank", text: String(p.rank || "–") }),
      h("span", { class: "name", text: p.name }),
      h("span", { class: "points" },
        ...(withRound && p.revealedPick ? [h("span", { class: "round", text: `+${p.roundPoints}` })] : []),
        String(p.points)))),
    ...(rows.length > shown.length ? [h("li", { class: "pj-board-more", text: `…and ${rows.length - shown.length} more` })] : []),
  );
}

function renderPodium({ rows }: ProjectorContext): void {
  const top = byId("pj-top3");
  const key = JSON.stringify(rows.slice(0, 3).map((p) => [p.name, p.points]));
  if (top.dataset.key !== key) {
    top.dataset.key = key;
    top.replaceChildren(...rows.slice(0, 3).map((p, i) =>
      h("li", { class: `place place-${i + 1}` },
        h("span", { class: "medal", text: PLACES[i] }),
        h("span", { class: "name", text: p.name }),
        h("span", { class: "points", text: `${p.points} pts` }))));
  }
  renderBoard(byId("pj-podium-board"), rows, false);
}
