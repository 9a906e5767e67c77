// Solo practice: the whole round loop in the page, with no game server. A Web Worker trains the
// round (./practice-trainer) and hands back the same round and reveal messages a match room
// sends; the store holds the practice (./practice-state) and the match's own screens show it
// (../app), acting through a port whose `send` carries the player's intents here instead of over
// the wire.
//
// Rounds: training (a progress bar from the worker) → tuning (no time limit: Lock in reveals) →
// reveal (B, your fit over B, points with the arithmetic, the U-curve, "what would have been
// best") → next round, with a running practice total. Seeds are random; `/?practice=SEED` plays
// that seed (the address bar always holds the current round's seed, so a reload replays it).
// Replays: `/?replay=TOKEN` plays a finished round (a match's, or a past daily's) from its
// published opening, the same A, B and fits the room had; "Next practice round" goes on with
// random practice. A damaged token says so and goes home.
import { DEFAULT_PICK } from "../../shared/match";
import type { Intent, RoomPort } from "../port";
import { store } from "../store";
import { clearError, showError, showNotice } from "../ui";
import { trainPracticeRound } from "./practice-trainer";
import type { Practice } from "./practice-state";
import { t } from "../i18n/i18n";
// A practice seed's key is public by design (B follows from the seed); it can never be a live
// round's, whose B comes from the server's secret.
import { parseReplayToken, practiceOpening, replayPath, type RoundOpening } from "../../shared/round-key";

/** The one player's id in the round and reveal messages. */
export const PRACTICE_ME = "practice";
/** Training shows at least this long, so the progress bar reads as a step, not a flicker. */
const MIN_TRAINING_MS = 1000;
const MAX_SEED_LENGTH = 40;

/** A seed from the address bar, cleaned: printable, at most 40 characters; "" for none. */
export function cleanSeed(raw: string | null): string {
  return (raw ?? "")
    .replace(/\p{Cc}/gu, "") // control characters (C0, DEL and C1)
    .trim()
    .slice(0, MAX_SEED_LENGTH);
}

function randomSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return `p-${Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("")}`;
}

/** Which practice round the address bar asks for, if any (`/?replay=TOKEN` or `/?practice=SEED`). */
export function urlRound(): { seed: string } | { token: string } | null {
  const params = new URLSearchParams(location.search);
  if (params.has("room")) return null;
  const token = params.get("replay");
  if (token !== null) return { token };
  const seed = params.get("practice");
  return seed === null ? null : { seed };
}

/** What a round of practice plays: a seed's public round, or a replayed one. */
interface RoundChoice {
  seed: string;
  opening: RoundOpening;
  replay: boolean;
}
const practiceRound = (seed: string): RoundChoice => ({ seed, opening: practiceOpening(seed), replay: false });
const replayRound = (opening: RoundOpening): RoundChoice => ({ seed: opening.id, opening, replay: true });
export const practiceUrlOf = (c: RoundChoice) => (c.replay ? replayPath(c.opening) : practiceUrl(c.seed));

/** The page's address for a practice round: `/?practice=SEED`. */
export const practiceUrl = (seed: string) => `/?practice=${encodeURIComponent(seed)}`;

/** Rounds trained in this page's life (each gets its own round number). */
let serial = 0;

/** The practice's port: the screens' intents (pick, lock in, next) act on the practice here. */
export const practicePort: RoomPort = {
  me: PRACTICE_ME,
  code: "",
  send(...[type, payload]: Intent) {
    const p = store.get().practice;
    if (!p) return;
    if (type === "pick" && p.phase === "tuning" && !p.locked) p.pick = payload.level;
    else if (type === "lockIn" && p.phase === "tuning" && !p.locked) lockIn(p);
    else if (type === "next" && p.phase === "reveal") void playRound(practiceRound(randomSeed()));
  },
};

/** The round the address bar names: a seed's, or a replay (a damaged token: the error, and home). */
export function openUrlRound(asked: { seed: string } | { token: string }): void {
  if ("seed" in asked) return start(practiceRound(cleanSeed(asked.seed) || randomSeed()), false);
  // A token holds no spaces: a "+" that a mail or chat program left unencoded reads back as one.
  const opening = parseReplayToken(asked.token.replace(/ /g, "+"));
  if (opening) return start(replayRound(opening), false);
  history.replaceState({}, "", "/");
  store.set({ practice: undefined });
  showError(() => t("practice.damagedReplay"));
}

/** Starts a practice (a running total from 0) with the round of a new random seed, or `seed`. */
export function startPractice(seed = randomSeed(), pushHistory = true): void {
  start(practiceRound(seed), pushHistory);
}

function start(choice: RoundChoice, pushHistory: boolean): void {
  clearError();
  showNotice(null);
  const practice: Practice = {
    phase: "training",
    ...choice,
    number: 0,
    serial: 0,
    progress: 0,
    pick: DEFAULT_PICK,
    locked: false,
    total: 0,
    history: [],
    failed: false,
  };
  store.set({ practice });
  if (pushHistory) history.pushState({ practice: choice.seed }, "", practiceUrlOf(choice));
  void playRound(choice);
}

/** Back home: the round in training, if any, is dropped when it arrives. */
export function stopPractice(updateUrl = true): void {
  if (!store.get().practice) return;
  clearError();
  if (updateUrl && urlRound() !== null) history.pushState({}, "", "/");
  store.set({ practice: undefined });
}

async function playRound(choice: RoundChoice): Promise<void> {
  const p = store.get().practice;
  if (!p) return;
  const { seed, opening } = choice;
  Object.assign(p, {
    phase: "training",
    ...choice,
    number: p.number + 1,
    serial: ++serial,
    progress: 0,
    trained: undefined,
    reveal: undefined,
    pick: DEFAULT_PICK,
    locked: false,
    failed: false,
  });
  const url = practiceUrlOf(choice);
  if (`${location.pathname}${location.search}` !== url) history.replaceState({ practice: seed }, "", url);
  clearError();
  store.changed();
  const started = performance.now();
  const current = () =>
    store.get().practice === p && p.seed === seed && p.opening === opening && p.phase === "training";
  try {
    const trained = await trainPracticeRound(opening, p.serial, (done) => {
      if (!current()) return;
      p.progress = Math.round(done * 100);
      store.changed();
    });
    if (!current()) return;
    p.progress = 100;
    store.changed();
    const wait = MIN_TRAINING_MS - (performance.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (!current()) return;
    p.trained = trained;
    p.phase = "tuning";
    store.changed();
  } catch (err) {
    if (!current()) return;
    p.failed = true;
    store.changed();
    const reason = (err as Error).message;
    showError(() => t(p.replay ? "practice.replayTrainingFailed" : "practice.practiceTrainingFailed", { reason }));
  }
}

function lockIn(p: Practice): void {
  if (!p.trained) return;
  p.locked = true;
  const reveal = p.trained.reveal(p.pick, t("practice.youName"));
  const mine = reveal.results[0];
  p.reveal = reveal;
  p.total += mine.points;
  p.history.push({
    number: p.number,
    seed: p.seed,
    a: p.trained.round.a.name,
    b: reveal.b.name,
    level: mine.level,
    bestLevel: reveal.bestLevel,
    points: mine.points,
  });
  p.phase = "reveal";
  store.changed();
}
