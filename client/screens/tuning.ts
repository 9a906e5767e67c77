// Tuning: spiral A with the current level's fit, which follows the slider at once (all 12 fits
// came with the round message, and the curve morphs between levels); errors, Lock in (with a
// sound), "k of n locked" and the countdown's ticks in the last 5 s.
// Keys, anywhere on the page while tuning: ← → ↑ ↓ and + / − step; 1–9 jump to levels 1–9, 0 to
// 10, Shift+1 and Shift+2 to 11 and 12; Home / End to 1 / 12; Enter locks in. The − / + buttons
// beside the slider are big thumb targets on phones.
import { html, render } from "lit-html";
import { createRef, ref } from "lit-html/directives/ref.js";
import { live } from "lit-html/directives/live.js";
import { bumpsAlongArm, MAX_LEVEL, MIN_LEVEL } from "../../shared/ladder-levels";
import { DEFAULT_PICK } from "../../shared/match";
import type { RoundMessage } from "../../shared/protocol";
import type { RoomPort } from "../port";
import { COLOURS } from "../scene/spiral-scene";
import { slots } from "../placement";
import { announce, sound } from "../feel";
import { formatError } from "../view-model";
import type { SpiralView } from "../scene/spiral-scene";
import { captionTemplate, pictureToggle } from "./spiral-caption";
import { formatNumber, t, tHtml } from "../i18n/i18n";

const PICK_THROTTLE_MS = 120;

/** What the tuning screen shows: the room's state or the practice, read alike. */
export interface TuningView {
  /** This round's message, once it has arrived. */
  round?: RoundMessage;
  canPick: boolean;
  /** The server (or the practice) says this player is locked in. */
  locked: boolean;
  /** The level this player's pick starts at (the server's pick for me). */
  startLevel: number;
  /** "k of n locked in", or what a watcher or a practising player reads there. */
  lockedNote: string;
  /** Whole seconds left, and whether they run (for the ticks and the spoken warning). */
  secondsLeft: number;
  ticking: boolean;
  /** The sentence the live region says when a round starts. */
  intro: (round: RoundMessage) => string;
}

export interface TuningScreen {
  render(view: TuningView, port: RoomPort): void;
  /** The level on the slider. */
  level(): number;
  /** The spiral view again after the reveal used it (same round, same level). */
  redraw(): void;
}

/** The level a key asks for (a step from `level`, or a jump), or undefined for other keys. */
export function levelForKey(
  e: Pick<KeyboardEvent, "key" | "code" | "shiftKey">,
  level: number,
  max: number,
): number | undefined {
  const steps: Record<string, number> = {
    ArrowRight: 1,
    ArrowUp: 1,
    "+": 1,
    "=": 1,
    PageUp: 1,
    ArrowLeft: -1,
    ArrowDown: -1,
    "-": -1,
    _: -1,
    PageDown: -1,
  };
  const step = steps[e.key];
  if (step) return level + step;
  if (e.key === "Home") return 1;
  if (e.key === "End") return max;
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code)?.[1] ?? (/^\d$/.test(e.key) ? e.key : undefined);
  if (digit === undefined) return undefined;
  if (e.shiftKey && (digit === "1" || digit === "2")) return 10 + Number(digit);
  return digit === "0" ? 10 : Number(digit);
}

export function createTuningScreen(
  root: HTMLElement,
  spiral: () => SpiralView,
  stage: () => HTMLElement,
): TuningScreen {
  const slider = createRef<HTMLInputElement>();
  let port: RoomPort | undefined;
  let view: TuningView | undefined;
  let message: RoundMessage | undefined;
  /** The round on screen ("round:commitment": a new match's round 1 is a new round). */
  let shownRound = "";
  let level: number = DEFAULT_PICK;
  let lockedHere = false;
  let lastSent = 0;
  let sentLevel = 0;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let hollow = new Set<number>();
  /** The last second the countdown ticked at. */
  let lastTick = -1;

  const canPick = () => view?.canPick === true;
  const locked = () => lockedHere || view?.locked === true;

  function sendPick(): void {
    clearTimeout(trailing);
    trailing = undefined;
    if (!port || !canPick() || lockedHere || level === sentLevel) return;
    port.send("pick", { level });
    sentLevel = level;
    lastSent = performance.now();
  }

  function schedulePick(): void {
    const wait = PICK_THROTTLE_MS - (performance.now() - lastSent);
    if (wait <= 0) sendPick();
    else trailing ??= setTimeout(sendPick, wait);
  }

  function drawFit(): void {
    if (!message) return;
    const fit = message.fits.find((f) => f.level === level) ?? message.fits[0];
    spiral().show({ points: message.a, colour: COLOURS.a, hollow, curve: fit });
  }

  function setLevel(next: number): void {
    next = Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, next));
    if (next === level || (canPick() && locked())) return;
    level = next;
    draw();
    drawFit();
    schedulePick();
  }

  function lockIn(): void {
    if (!port || !canPick() || locked()) return;
    sendPick(); // the level on screen is the one that counts
    port.send("lockIn", {});
    lockedHere = true;
    draw();
    sound("lockIn");
    announce(t("tuning.lockedInAt", { level }));
  }

  function draw(): void {
    const fit = message?.fits.find((f) => f.level === level) ?? message?.fits[0];
    const frozen = canPick() && locked();
    const hint = level === 1 ? t("tuning.levelOneHint") : t("tuning.levelHint", { level, bumps: bumpsAlongArm(level) });
    render(
      html`
      <label class="field" for="detail-slider">${tHtml("tuning.detailLevel", {
        level: html`<output id="level-out" for="detail-slider">${formatNumber(level)}</output>`,
        max: MAX_LEVEL,
      })}</label>
      <div class="level-control">
        <button id="level-down" data-testid="level-down" class="step-button" type="button" aria-label=${t("tuning.levelDown")}
          tabindex="-1" ?disabled=${frozen} @click=${() => setLevel(level - 1)}>−</button>
        <input id="detail-slider" data-testid="detail-slider" type="range" min=${MIN_LEVEL} max=${MAX_LEVEL} step="1"
          .value=${live(String(level))} ?disabled=${frozen} aria-describedby="level-hint keys-hint" ${ref(slider)}
          aria-valuetext=${
            fit
              ? t("tuning.sliderValueError", { level, error: formatError(fit.validationError) })
              : t("tuning.sliderValue", { level })
          }
          @input=${(e: Event) => setLevel(Number((e.target as HTMLInputElement).value) || DEFAULT_PICK)} />
        <button id="level-up" data-testid="level-up" class="step-button" type="button" aria-label=${t("tuning.levelUp")}
          tabindex="-1" ?disabled=${frozen} @click=${() => setLevel(level + 1)}>+</button>
      </div>
      <div class="level-scale" aria-hidden="true"><span>${t("tuning.scalePlain")}</span><span>${t("tuning.scaleEveryBump")}</span></div>
      <button id="lock-in" data-testid="lock-in" class="primary wide lock-in" type="button" ?hidden=${!canPick()}
        ?disabled=${frozen} @click=${lockIn}>${t(frozen ? "tuning.lockedIn" : "tuning.lockIn")}</button>
      <p id="locked-count" class="muted small">${view?.lockedNote ?? ""}</p>
      <p id="level-hint" class="small muted">${message ? hint : ""}</p>
      <dl class="errors">
        <div><dt>${t("tuning.trainingError")}</dt><dd id="train-error">${fit ? formatError(fit.trainError) : "–"}</dd></div>
        <div><dt>${t("tuning.validationError")}</dt><dd id="validation-error">${
          fit ? formatError(fit.validationError) : "–"
        }</dd></div>
      </dl>
      <p class="legend small"><span class="dot a"></span> ${t("tuning.legendTraining")} <span class="dot hollow"></span> ${t(
        "tuning.legendValidation",
      )}
        <span class="line fit"></span> ${t("tuning.legendFit")}</p>
      ${message ? pictureToggle(draw) : ""}
      ${captionTemplate("A", message?.a.name)}
      <p id="keys-hint" class="small muted keys">${t("tuning.keysHint")}</p>
      <div id="tuning-histogram-slot" ${ref(slots.tuningHistogram)}></div>`,
      root,
    );
  }

  // Keys move the detail level from anywhere on the page during tuning (not while typing in a
  // field, nor over a dialog); Enter locks in from the slider or from nowhere in particular.
  document.addEventListener("keydown", (e) => {
    const s = slider.value;
    const target = e.target as HTMLElement | null;
    const typing =
      (target instanceof HTMLInputElement && target !== s) ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      target?.isContentEditable === true;
    if (!s || typing || e.altKey || e.ctrlKey || e.metaKey || root.hidden || s.offsetParent === null) return;
    if (document.querySelector("dialog[open]")) return;
    if (e.key === "Enter") {
      const onControl =
        target && target !== s && target !== document.body && target.closest("button, a, summary, [tabindex]");
      if (onControl || s.disabled) return;
      e.preventDefault();
      lockIn();
      return;
    }
    const next = levelForKey(e, level, MAX_LEVEL);
    if (next === undefined || s.disabled) return;
    e.preventDefault();
    setLevel(next);
  });

  function startRound(msg: RoundMessage, v: TuningView): void {
    // A new round: start from the server's pick for me (level 1), unlocked.
    message = msg;
    shownRound = `${msg.round}:${msg.commitment}`;
    lockedHere = false;
    sentLevel = v.startLevel || DEFAULT_PICK;
    level = sentLevel;
    hollow = new Set(msg.a.validation);
    lastTick = -1;
    draw();
    drawFit();
    announce(v.intro(msg));
    // A phone in landscape: the spiral and the controls fill the short screen.
    if (innerHeight < 560 && innerWidth > innerHeight)
      requestAnimationFrame(() => stage().scrollIntoView({ block: "start" }));
    // Keyboard players land on the slider (unless they are somewhere on purpose).
    const active = document.activeElement as HTMLElement | null;
    if (v.canPick && (!active || active === document.body || active.offsetParent === null)) {
      requestAnimationFrame(() => {
        const s = slider.value;
        if (s && !s.disabled && s.offsetParent) s.focus({ preventScroll: true });
      });
    }
  }

  return {
    level: () => level,
    redraw: drawFit,
    render(v, p) {
      view = v;
      port = p;
      if (v.round && `${v.round.round}:${v.round.commitment}` !== shownRound) startRound(v.round, v);
      draw();
      // The countdown: a tick a second in the last five (not once locked in, not when paused).
      const left = v.secondsLeft;
      if (v.ticking && left <= 5 && left > 0 && left !== lastTick) {
        lastTick = left;
        if (!locked()) sound("tick");
        if (left === 5 && v.canPick && !locked()) announce(t("tuning.secondsLeftToLock", { seconds: left }));
      }
    },
  };
}
