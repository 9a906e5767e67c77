// Tuning: spiral A with the current level's fit, which follows the slider at once (all 12 fits
// came with the round message, and the curve morphs between levels); errors, the cue about B, the
// timer (ticks in the last 5 s), Lock in (with a sound) and "k of n locked".
// Keys, anywhere on the page while tuning: ← → ↑ ↓ and + / − step; 1–9 jump to levels 1–9, 0 to
// 10, Shift+1 and Shift+2 to 11 and 12; Home / End to 1 / 12; Enter locks in. The − / + buttons
// beside the slider are big thumb targets on phones.
import { byId, setText, show } from "../dom";
import { bumpsAlongArm } from "../../shared/ladder-levels";
import { DEFAULT_PICK } from "../../shared/match";
import type { RoundMessage } from "../../shared/protocol";
import type { MatchState } from "../../server/state";
import { send, type MatchRoom } from "../net";
import { COLOURS } from "../scene/spiral-scene";
import { announce, sound } from "../feel";
import { formatError, formatSeconds, num } from "../view-model";
import { spiralView } from "./stage";

const PICK_THROTTLE_MS = 120;

const slider = () => byId<HTMLInputElement>("detail-slider");

let room: MatchRoom | undefined;
let message: RoundMessage | undefined;
/** The round on screen ("round:commitment": a new match's round 1 is a new round). */
let shownRound = "";
let canPick = false;
let lockedHere = false;
let lastSent = 0;
let sentLevel = 0;
let trailing: ReturnType<typeof setTimeout> | undefined;
/** A's validation points as a set (one per round, so the spiral view can tell nothing but the fit changed). */
let hollow = new Set<number>();
/** The last second the countdown ticked at. */
let lastTick = -1;

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
    hollow,
    curve: fit,
  });
}

/** The level a key asks for (a step from `level`, or a jump), or undefined for other keys. */
export function levelForKey(e: Pick<KeyboardEvent, "key" | "code" | "shiftKey">, level: number, max: number): number | undefined {
  const step = ({ ArrowRight: 1, ArrowUp: 1, "+": 1, "=": 1, PageUp: 1, ArrowLeft: -1, ArrowDown: -1, "-": -1, "_": -1, PageDown: -1 } as Record<string, number>)[e.key];
  if (step) return level + step;
  if (e.key === "Home") return 1;
  if (e.key === "End") return max;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code)?.[1] ?? (/^\d$/.test(e.key) ? e.key : undefined);
  if (digit === undefined) return undefined;
  if (e.shiftKey && (digit === "1" || digit === "2")) return 10 + Number(digit);
  return digit === "0" ? 10 : Number(digit);
}

function setLevel(level: number): void {
  const s = slider();
  const next = Math.min(Number(s.max), Math.max(Number(s.min), level));
  if (next === currentLevel() || s.disabled) return;
  s.value = String(next);
  s.dispatchEvent(new Event("input", { bubbles: true }));
}

function lockIn(): void {
  if (!room || !canPick || lockedHere) return;
  sendPick(); // the level on screen is the one that counts
  send(room, "lockIn", {});
  lockedHere = true;
  renderLock(true);
  sound("lockIn");
  announce(`Locked in at level ${currentLevel()}.`);
}

export function initTuning(): void {
  slider().addEventListener("input", () => {
    drawLevel();
    schedulePick();
  });
  // Keys move the detail level from anywhere on the page during tuning (not while typing in a
  // field, nor over a dialog); Enter locks in from the slider or from nowhere in particular.
  document.addEventListener("keydown", (e) => {
    const s = slider();
    const target = e.target as HTMLElement | null;
    const typing = (target instanceof HTMLInputElement && target !== s) || target instanceof HTMLTextAreaElement
      || target instanceof HTMLSelectElement || target?.isContentEditable === true;
    if (typing || e.altKey || e.ctrlKey || e.metaKey || byId("tuning-panel").hidden || s.offsetParent === null) return;
    if (document.querySelector("dialog[open]")) return;
    if (e.key === "Enter") {
      const onControl = target && target !== s && target !== document.body && target.closest("button, a, summary, [tabindex]");
      if (onControl || s.disabled) return;
      e.preventDefault();
      lockIn();
      return;
    }
    const level = levelForKey(e, currentLevel(), Number(s.max));
    if (level === undefined || s.disabled) return;
    e.preventDefault();
    setLevel(level);
  });
  byId("level-down").addEventListener("click", () => setLevel(currentLevel() - 1));
  byId("level-up").addEventListener("click", () => setLevel(currentLevel() + 1));
  byId("lock-in").addEventListener("click", lockIn);
}

function renderLock(locked: boolean): void {
  slider().disabled = locked;
  byId<HTMLButtonElement>("level-down").disabled = locked;
  byId<HTMLButtonElement>("level-up").disabled = locked;
  const button = byId<HTMLButtonElement>("lock-in");
  button.disabled = locked;
  setText(button, locked ? "Locked in ✓" : "Lock in");
}

/** Called for every state change during tuning (the message is the round's, already received). */
export function renderTuning(r: MatchRoom, state: MatchState, msg: RoundMessage | undefined, me: string): void {
  room = r;
  const player = state.players.get(me);
  canPick = player?.playing === true;
  if (msg && `${msg.round}:${msg.commitment}` !== shownRound) {
    // A new round: start from the server's pick for me (level 1), unlocked.
    message = msg;
    shownRound = `${msg.round}:${msg.commitment}`;
    lockedHere = false;
    sentLevel = player?.pick || DEFAULT_PICK;
    slider().value = String(sentLevel);
    hollow = new Set(msg.a.validation);
    lastTick = -1;
    setText(byId("cue"), msg.cue);
    drawLevel();
    const timed = num(state.tuningSeconds) > 0;
    announce(`Round ${state.round}${timed ? ` of ${state.rounds}` : ""}: tuning. Spiral A is ${msg.a.name}. ${msg.cue} ${canPick ? `Pick a detail level from 1 to 12${timed ? ` within ${formatSeconds(num(state.secondsLeft) || num(state.tuningSeconds))}` : ""}, then lock in.` : "You are watching this round."}`);
    // A phone in landscape: the spiral and the controls fill the short screen.
    if (innerHeight < 560 && innerWidth > innerHeight) requestAnimationFrame(() => byId("stage").scrollIntoView({ block: "start" }));
    // Keyboard players land on the slider (unless they are somewhere on purpose).
    const active = document.activeElement as HTMLElement | null;
    if (canPick && (!active || active === document.body || active.offsetParent === null)) {
      requestAnimationFrame(() => { if (!slider().disabled && slider().offsetParent) slider().focus({ preventScroll: true }); });
    }
  }
  const locked = lockedHere || player?.locked === true;
  renderLock(canPick && locked);
  show(byId("lock-in"), canPick);
  setText(byId("round-label"), `Round ${state.round} of ${state.rounds} · A: ${msg?.a.name ?? "…"}`);
  setText(byId("timer"), `${formatSeconds(num(state.secondsLeft))} left${state.paused ? " (paused)" : ""}`);
  const left = num(state.secondsLeft);
  const urgent = num(state.tuningSeconds) > 0 && left <= 5 && left > 0 && !state.paused;
  byId("timer").classList.toggle("urgent", urgent);
  // The countdown: a tick a second in the last five (not once locked in, not when paused).
  if (urgent && left !== lastTick) {
    lastTick = left;
    if (!locked) sound("tick");
    if (left === 5 && canPick && !locked) announce("5 seconds left to lock in.");
  }
  setText(byId("locked-count"), canPick
    ? `${num(state.lockedCount)} of ${num(state.playingCount)} locked in`
    : `You are watching this round (${num(state.lockedCount)} of ${num(state.playingCount)} locked in). Explore the levels meanwhile.`);
}

/** The spiral view again after the reveal used it (same round, same level). */
export function redrawTuning(): void {
  drawLevel();
}
