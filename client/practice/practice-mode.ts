// Solo practice: the whole round loop in the page, with no game server. A Web Worker trains the
// round (./practice-trainer) and hands back the same round and reveal messages a match room
// sends, and the match's own screens (training, tuning, reveal) show them: they are given a
// stand-in for the room (its `send` carries the player's intents here instead of over the wire)
// and a stand-in for the room's state (one player, untimed tuning).
//
// Rounds: training (a progress bar from the worker) → tuning (no time limit: Lock in reveals) →
// reveal (B, your fit over B, points with the arithmetic, the U-curve, "what would have been
// best") → next round, with a running practice total. Seeds are random; `/?practice=SEED` plays
// that seed (the address bar always holds the current round's seed, so a reload replays it).
// Replays: `/?replay=TOKEN` plays a finished round (a match's, or a past daily's) from its
// published opening, the same A, B and fits the room had; "Next practice round" goes on with
// random practice. A damaged token says so and goes home.
import { byId, setText, show } from "../dom";
import { DEFAULT_PICK } from "../../shared/match";
import type { ClientMessage, ClientMessageType } from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import type { MatchState } from "../../server/state";
import type { MatchRoom } from "../net";
import { clearError, setPhaseBadge, showError, showNotice } from "../ui";
import { renderTraining } from "../screens/training";
import { currentLevel, redrawTuning, renderTuning } from "../screens/tuning";
import { renderReveal } from "../screens/reveal";
import { refreshViews } from "../screens/stage";
import { renderPracticeScreen, hidePracticeScreen, type PracticeRecord } from "../screens/practice";
import { trainPracticeRound, type PracticeRound } from "./practice-trainer";
// A practice seed's key is public by design (B follows from the seed); it can never be a live
// round's, whose B comes from the server's secret.
import { commitmentOf, parseReplayToken, practiceOpening, replayPath, type RoundOpening } from "../../shared/round-key";

export type PracticePhase = "training" | "tuning" | "reveal";

/** The one player's id in the round and reveal messages. */
export const PRACTICE_ME = "practice";
/** Training shows at least this long, so the progress bar reads as a step, not a flicker. */
const MIN_TRAINING_MS = 1000;
const MAX_SEED_LENGTH = 40;

interface Practice {
  phase: PracticePhase;
  /** The practice seed, or a replayed round's id. */
  seed: string;
  /** What fixes the round being played. */
  opening: RoundOpening;
  /** A finished round replayed from its published opening (`/?replay=TOKEN`). */
  replay: boolean;
  /** Rounds played in this practice (1-based, shown). */
  number: number;
  /** The round number in the messages: unique in the page's life, so the screens never mistake a replayed seed for the round on screen. */
  serial: number;
  progress: number;
  trained?: PracticeRound;
  reveal?: RevealView;
  pick: number;
  locked: boolean;
  total: number;
  history: PracticeRecord[];
  failed: boolean;
  shownPhase?: PracticePhase;
}

let practice: Practice | undefined;
let serial = 0;
let onExit: () => void = () => undefined;

export function practicing(): boolean {
  return practice !== undefined;
}

/** A seed from the address bar, cleaned: printable, at most 40 characters; "" for none. */
export function cleanSeed(raw: string | null): string {
  // eslint-disable-next-line no-control-regex
  return (raw ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, MAX_SEED_LENGTH);
}

function randomSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `p-${Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("")}`;
}

const urlSeed = (): string | null => {
  const params = new URLSearchParams(location.search);
  return params.has("room") ? null : params.get("practice");
};

/** The replay token in the address bar (`/?replay=TOKEN`), or null. */
const urlReplay = (): string | null => {
  const params = new URLSearchParams(location.search);
  return params.has("room") ? null : params.get("replay");
};

/** Which practice round the address bar asks for, if any. */
function urlRound(): { seed: string } | { token: string } | null {
  const token = urlReplay();
  if (token !== null) return { token };
  const seed = urlSeed();
  return seed === null ? null : { seed };
}

/** What a round of practice plays: a seed's public round, or a replayed one. */
interface RoundChoice { seed: string; opening: RoundOpening; replay: boolean }
const practiceRound = (seed: string): RoundChoice => ({ seed, opening: practiceOpening(seed), replay: false });
const replayRound = (opening: RoundOpening): RoundChoice => ({ seed: opening.id, opening, replay: true });
const urlOf = (c: RoundChoice) => (c.replay ? replayPath(c.opening) : practiceUrl(c.seed));

const DAMAGED_REPLAY = "This replay link is damaged or incomplete: it does not hold a whole round. Copy the whole link again (it is long), or ask for it again.";

/** The page's address for a practice round: `/?practice=SEED`. */
export const practiceUrl = (seed: string) => `/?practice=${encodeURIComponent(seed)}`;

/** The stand-in room: the screens' intents (pick, lock in, next) act on the practice here. */
const practiceRoom = {
  roomId: "",
  sessionId: PRACTICE_ME,
  send<T extends ClientMessageType>(type: T, payload: ClientMessage<T>): void {
    const p = practice;
    if (!p) return;
    if (type === "pick" && p.phase === "tuning" && !p.locked) p.pick = (payload as ClientMessage<"pick">).level;
    else if (type === "lockIn" && p.phase === "tuning" && !p.locked) lockIn(p);
    else if (type === "next" && p.phase === "reveal") void playRound(practiceRound(randomSeed()));
  },
};

/** The stand-in state, shaped like a match room's for the match screens. */
function practiceState(p: Practice): MatchState {
  const me = {
    name: "You", seat: 1, points: p.total, roundPoints: 0, rank: 1, previousRank: 0,
    playing: true, locked: p.locked, connected: true, pick: p.pick, revealedPick: p.phase === "reveal" ? p.pick : 0,
  };
  return {
    code: "", phase: p.phase, hostId: PRACTICE_ME, round: p.number, rounds: p.number + 1, tuningSeconds: 0,
    secondsLeft: 0, trainingProgress: p.progress, lockedCount: p.locked ? 1 : 0, playingCount: 1, spectatorCount: 0,
    players: new Map([[PRACTICE_ME, me]]), mode: "practice", matchId: "", kinds: [], difficulty: "normal",
    speedBonus: false, showPicksLive: false, visibility: "private", locked: false, paused: false,
  } as unknown as MatchState;
}

/**
 * Wires the home screen's Practice button, the back button and `/?practice=SEED`. `exit` shows
 * whatever the page shows when no practice runs (home).
 */
export function initPractice(exit: () => void): void {
  onExit = exit;
  byId("practice").addEventListener("click", () => startPractice(randomSeed()));
  window.addEventListener("popstate", () => {
    const asked = urlRound();
    if (asked === null && practice) stopPractice(false);
    else if (asked !== null && !practice) openUrlRound(asked);
  });
  const asked = urlRound();
  if (asked !== null) openUrlRound(asked);
}

/** The round the address bar names: a seed's, or a replay (a damaged token: the error, and home). */
function openUrlRound(asked: { seed: string } | { token: string }): void {
  if ("seed" in asked) return start(practiceRound(cleanSeed(asked.seed) || randomSeed()), false);
  // A token holds no spaces: a "+" that a mail or chat program left unencoded reads back as one.
  const opening = parseReplayToken(asked.token.replace(/ /g, "+"));
  if (opening) return start(replayRound(opening), false);
  history.replaceState({}, "", "/");
  onExit();
  showError(DAMAGED_REPLAY);
}

/** Starts a practice (a running total from 0) with the round of `seed`. */
export function startPractice(seed: string, pushHistory = true): void {
  start(practiceRound(seed), pushHistory);
}

function start(choice: RoundChoice, pushHistory: boolean): void {
  clearError();
  showNotice(null);
  practice = { phase: "training", ...choice, number: 0, serial: 0, progress: 0, pick: DEFAULT_PICK, locked: false, total: 0, history: [], failed: false };
  if (pushHistory) history.pushState({ practice: choice.seed }, "", urlOf(choice));
  void playRound(choice);
}

/** Back home: the round in training, if any, is dropped when it arrives. */
export function stopPractice(updateUrl = true): void {
  if (!practice) return;
  practice = undefined;
  hidePracticeScreen();
  clearError();
  if (updateUrl && urlRound() !== null) history.pushState({}, "", "/");
  onExit();
}

async function playRound(choice: RoundChoice): Promise<void> {
  const p = practice;
  if (!p) return;
  const { seed, opening } = choice;
  Object.assign(p, { phase: "training", ...choice, number: p.number + 1, serial: ++serial, progress: 0, trained: undefined, reveal: undefined, pick: DEFAULT_PICK, locked: false, failed: false });
  const url = urlOf(choice);
  if (`${location.pathname}${location.search}` !== url) history.replaceState({ practice: seed }, "", url);
  clearError();
  render();
  const started = performance.now();
  const current = () => practice === p && p.seed === seed && p.opening === opening && p.phase === "training";
  try {
    const trained = await trainPracticeRound(opening, p.serial, (done) => {
      if (!current()) return;
      p.progress = Math.round(done * 100);
      render();
    });
    if (!current()) return;
    p.progress = 100;
    render();
    const wait = MIN_TRAINING_MS - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (!current()) return;
    p.trained = trained;
    p.phase = "tuning";
    render();
  } catch (err) {
    if (!current()) return;
    p.failed = true;
    render();
    showError(`Could not train the ${p.replay ? "replayed" : "practice"} round in this browser: ${(err as Error).message}. Go back home, or reload to try again.`);
  }
}

function lockIn(p: Practice): void {
  if (!p.trained) return;
  // The level on the slider is the one that counts (the screen sent it just before).
  p.pick = currentLevel() || p.pick;
  p.locked = true;
  const reveal = p.trained.reveal(p.pick, "You");
  const mine = reveal.results[0];
  p.reveal = reveal;
  p.total += mine.points;
  p.history.push({ number: p.number, seed: p.seed, a: p.trained.round.a.name, b: reveal.b.name, level: mine.level, bestLevel: reveal.bestLevel, points: mine.points });
  p.phase = "reveal";
  render();
}

function render(): void {
  const p = practice;
  if (!p) return;
  const room = practiceRoom as unknown as MatchRoom;
  const state = practiceState(p);
  const entering = p.shownPhase !== p.phase;
  p.shownPhase = p.phase;

  // The room's page, minus everything a room has and a practice does not.
  show(byId("home"), false);
  show(byId("room"), true);
  for (const id of ["lobby", "podium", "board-box", "daily-result", "projector", "host-bar", "shake-up-box", "pick-histogram", "paused-banner"]) show(byId(id), false);
  document.body.classList.remove("projector-mode");
  setPhaseBadge(p.phase, `practice · round ${p.number}`);
  const points = byId("my-points");
  show(points, true);
  points.dataset.points = String(p.total);
  setText(points, `${p.total} pts`);

  show(byId("training"), p.phase === "training");
  show(byId("stage"), p.phase !== "training");
  show(byId("tuning-panel"), p.phase === "tuning");
  show(byId("reveal-panel"), p.phase === "reveal");
  show(byId("reveal-extra"), p.phase === "reveal");

  if (p.phase === "training") {
    renderTraining(state);
  } else if (p.phase === "tuning" && p.trained) {
    renderTuning(room, state, p.trained.round, PRACTICE_ME);
    if (entering) { refreshViews(); redrawTuning(); }
  } else if (p.phase === "reveal" && p.reveal) {
    renderReveal(room, state, p.reveal, PRACTICE_ME, true, { round: p.trained?.round, practice: true });
    if (entering) refreshViews();
  }
  renderPracticeScreen({
    phase: p.phase, number: p.number, seed: p.seed, progress: p.progress, failed: p.failed, total: p.total,
    round: p.trained?.round, reveal: p.reveal, history: p.history, link: `${location.origin}${urlOf(p)}`,
    replay: p.replay ? { commitment: commitmentOf(p.opening) } : undefined,
    home: () => stopPractice(),
  });
}
