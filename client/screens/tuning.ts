// Tuning: spiral A with the current level's fit, which follows the slider at once (all 12 fits
// came with the round message); errors, the cue, the timer, Lock in and "k of n locked".
import { byId, setText, show } from "../dom";
import { bumpsAlongArm } from "../../shared/ladder-levels";
import { DEFAULT_PICK } from "../../shared/match";
import type { RoundMessage } from "../../shared/protocol";
import type { MatchState } from "../../server/state";
import { send, type MatchRoom } from "../net";
import { COLOURS } from "../scene/spiral-scene";
import { formatError, formatSeconds, num } from "../view-model";
import { spiralView } from "./stage";

const PICK_THROTTLE_MS = 120;

const slider = () => byId<HTMLInputElement>("detail-slider");

let room: MatchRoom | undefined;
let message: RoundMessage | undefined;
/** The round on screen ("round:seed": a new match's round 1 is a new round). */
let shownRound = "";
let canPick = false;
let lockedHere = false;
let lastSent = 0;
let sentLevel = 0;
let trailing: ReturnType<typeof setTimeout> | undefined;

const bumps = (n: number) => (n === 1 ? "1 bump" : `${n} bumps`);

export function currentLevel(): number {
  return Number(slider().value) || DEFAULT_PICK;
}

function sendPick(): void {
  clearTimeout(trailing);
  trailing = undefined;
  const level = currentLevel();
  if (!room || !canPick || lockedHere || level === sentLevel) return;
  send(room, "pick", { level });
  sentLevel = level;
  lastSent = performance.now();
}

function schedulePick(): void {
  const wait = PICK_THROTTLE_MS - (performance.now() - lastSent);
  if (wait <= 0) sendPick();
  else trailing ??= setTimeout(sendPick, wait);
}

function drawLevel(): void {
  if (!message) return;
  const level = currentLevel();
  const fit = message.fits.find((f) => f.level === level) ?? message.fits[0];
  setText(byId("level-out"), String(level));
  setText(byId("level-hint"), level === 1 ? "Level 1 is the plain spiral: a straight line in log-polar coordinates." : `Level ${level} can draw about ${bumps(bumpsAlongArm(level))} along the arm.`);
  setText(byId("train-error"), formatError(fit.trainError));
  setText(byId("validation-error"), formatError(fit.validationError));
  slider().setAttribute("aria-valuetext", `level ${level}, validation error ${formatError(fit.validationError)}`);
  spiralView().show({
    points: message.a,
    colour: COLOURS.a,
    hollow: new Set(message.a.validation),
    curve: fit,
  });
}

export function initTuning(): void {
  slider().addEventListener("input", () => {
    drawLevel();
    schedulePick();
  });
  // Arrow keys (or + / −) move the detail level from anywhere on the page during tuning.
  document.addEventListener("keydown", (e) => {
    const s = slider();
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if (typing || s.disabled || byId("tuning-panel").hidden || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = { ArrowRight: 1, ArrowUp: 1, "+": 1, "=": 1, ArrowLeft: -1, ArrowDown: -1, "-": -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const next = Math.min(Number(s.max), Math.max(Number(s.min), currentLevel() + step));
    if (next === currentLevel()) return;
    s.value = String(next);
    s.dispatchEvent(new Event("input", { bubbles: true }));
  });
  byId("lock-in").addEventListener("click", () => {
    if (!room || !canPick || lockedHere) return;
    sendPick(); // the level on screen is the one that counts
    send(room, "lockIn", {});
    lockedHere = true;
    renderLock(true);
  });
}

function renderLock(locked: boolean): void {
  slider().disabled = locked;
  const button = byId<HTMLButtonElement>("lock-in");
  button.disabled = locked;
  setText(button, locked ? "Locked in ✓" : "Lock in");
}

/** Called for every state change during tuning (the message is the round's, already received). */
export function renderTuning(r: MatchRoom, state: MatchState, msg: RoundMessage | undefined, me: string): void {
  room = r;
  const player = state.players.get(me);
  canPick = player?.playing === true;
  if (msg && `${msg.round}:${msg.seed}` !== shownRound) {
    // A new round: start from the server's pick for me (level 1), unlocked.
    message = msg;
    shownRound = `${msg.round}:${msg.seed}`;
    lockedHere = false;
    sentLevel = player?.pick || DEFAULT_PICK;
    slider().value = String(sentLevel);
    setText(byId("cue"), msg.cue);
    drawLevel();
  }
  const locked = lockedHere || player?.locked === true;
  renderLock(canPick && locked);
  show(byId("lock-in"), canPick);
  setText(byId("round-label"), `Round ${state.round} of ${state.rounds} · A: ${msg?.a.name ?? "…"}`);
  setText(byId("timer"), `${formatSeconds(num(state.secondsLeft))} left${state.paused ? " (paused)" : ""}`);
  byId("timer").classList.toggle("urgent", num(state.secondsLeft) <= 5 && !state.paused);
  setText(byId("locked-count"), canPick
    ? `${num(state.lockedCount)} of ${num(state.playingCount)} locked in`
    : `You are watching this round (${num(state.lockedCount)} of ${num(state.playingCount)} locked in). Explore the levels meanwhile.`);
}

/** The spiral view again after the reveal used it (same round, same level). */
export function redrawTuning(): void {
  drawLevel();
}
