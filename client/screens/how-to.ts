// "How to play" in about 30 seconds, the first time the home screen shows (skippable, and
// remembered in localStorage; the home screen's "How to play" opens it again). Interactive: a toy
// spiral A with a detail slider whose fit goes from the plain spiral to copying every bump and
// the noise; then B is revealed and each level's points on B show — the game's lesson in three
// steps. The toy is a sum of waves along the arm, not the game's network (no model code here).
import { html, svg, render } from "lit-html";
import { readStored, writeStored } from "../storage";
import { announce } from "../feel";
import { onLanguageChange, t, tHtml } from "../i18n/i18n";

const SEEN_KEY = "how-to-seen";
const LEVELS = 12;
/** Waves along the arm (cycles per arm) a level's fit can follow: level 1 is the plain spiral. */
const BANDWIDTH = [0, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24];
/** log r = GROWTH · θ + waves. */
const GROWTH = 0.16;
const TURNS = 3.2;
const N = 90;
type Wave = [cycles: number, amplitude: number, phase: number];
const SHARED: Wave[] = [
  [2, 0.16, 0.3],
  [3, 0.1, 1.9],
];
const A_OWN: Wave[] = [
  [6, 0.08, 0.8],
  [10, 0.06, 2.4],
  [12, 0.035, 4.1],
  [16, 0.035, 1.2],
  [20, 0.03, 5.0],
  [24, 0.03, 2.2],
];
const B_OWN: Wave[] = [
  [5, 0.06, 2.0],
  [7, 0.05, 0.5],
];

const ts = Array.from({ length: N }, (_, i) => i / (N - 1));
const wave = (waves: Wave[], t: number, max = Infinity) =>
  waves.reduce((sum, [k, a, p]) => sum + (k <= max ? a * Math.sin(2 * Math.PI * k * t + p) : 0), 0);
const logR = (t: number, extra: number) => GROWTH * (t * TURNS * 2 * Math.PI) + extra;
/** A: the shared shape, A's own bumps, and a little measurement noise (fixed, for a steady picture). */
const jitter = ts.map((_, i) => 0.025 * Math.sin(i * 12.9898) * Math.cos(i * 78.233));
const aLog = ts.map((t, i) => logR(t, wave(SHARED, t) + wave(A_OWN, t) + jitter[i]));
const bLog = ts.map((t) => logR(t, wave(SHARED, t) + wave(B_OWN, t)));
const fitLog = (level: number) =>
  ts.map((t) => logR(t, wave(SHARED, t, BANDWIDTH[level - 1]) + wave(A_OWN, t, BANDWIDTH[level - 1])));
const mse = (a: number[], b: number[]) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length;
const hidden = Array.from({ length: LEVELS }, (_, i) => mse(fitLog(i + 1), bLog));
const bestHidden = Math.min(...hidden);
const BEST_LEVEL = hidden.indexOf(bestHidden) + 1;
const pointsAt = (level: number) => Math.round(1000 * (bestHidden / hidden[level - 1]) ** 2);

const VIEW = 300;
const maxLog = Math.max(...aLog, ...bLog);
const xy = (t: number, lr: number): [number, number] => {
  const theta = t * TURNS * 2 * Math.PI;
  const r = (Math.exp(lr) / Math.exp(maxLog)) * (VIEW / 2 - 14);
  return [VIEW / 2 + r * Math.cos(theta), VIEW / 2 - r * Math.sin(theta)];
};
const pathOf = (logs: number[]) =>
  logs
    .map((lr, i) => {
      const [x, y] = xy(ts[i], lr);
      return `${i ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`;
    })
    .join("");

function describe(level: number): string {
  if (level === 1) return t("howto.describePlain");
  if (level <= BEST_LEVEL) return t("howto.describeShape");
  if (level <= 7) return t("howto.describeBumps");
  return t("howto.describeNoise");
}

/** Storage blocked: do not nag on every visit. */
export const howToSeen = (): boolean => readStored(SEEN_KEY) === "1" || !storageWorks();

function storageWorks(): boolean {
  writeStored("storage-check", "1");
  const works = readStored("storage-check") === "1";
  writeStored("storage-check", undefined);
  return works;
}

/** The toy's fixed picture: A's dots and B's diamonds (drawn once, then only the fit moves). */
const A_DOTS = svg`${ts.map((t, i) => {
  const [x, y] = xy(t, aLog[i]);
  return svg`<circle cx=${x} cy=${y} r="2.6"></circle>`;
})}`;
const B_DIAMONDS = svg`${ts
  .filter((_, i) => i % 2 === 0)
  .map((t, k) => {
    const [x, y] = xy(t, bLog[2 * k]);
    return svg`<rect x=${x - 3.2} y=${y - 3.2} width="6.4" height="6.4" transform="rotate(45 ${x} ${y})"></rect>`;
  })}`;

export interface HowTo {
  open(): void;
}

/** The how-to in `box`; shown at once the first time. `after` gets the focus when it closes. */
export function createHowTo(box: HTMLElement, after: () => HTMLElement): HowTo {
  let step = 1;
  let level = 1;

  function close(): void {
    writeStored(SEEN_KEY, "1");
    box.hidden = true;
    announce(t("howto.closed"));
    after().focus();
  }

  function next(): void {
    if (step >= 3) return close();
    step++;
    draw();
    announce(step === 2 ? t("howto.announceRevealed", { level, points: pointsAt(level) }) : t("howto.announceMatch"));
  }

  function text() {
    if (step === 1) {
      return tHtml("howto.step1", {
        detail: html`<strong>${t("howto.detailWord")}</strong>`,
        level,
        description: describe(level),
      });
    }
    if (step === 2) {
      const points = pointsAt(level);
      const score = html`<strong>${t("howto.step2Score", { level, points })}</strong>`;
      return tHtml(points === 1000 ? "howto.step2Best" : "howto.step2Try", { score });
    }
    return tHtml("howto.step3", { lesson: html`<strong>${t("howto.step3Lesson")}</strong>`, best: BEST_LEVEL });
  }

  function draw(): void {
    box.dataset.step = String(step);
    render(
      html`
      <div class="how-to-head">
        <h2 id="how-to-title">${t("howto.title")}</h2><span class="how-to-step muted small" id="how-to-step">${t("howto.stepOf", { step, steps: 3 })}</span>
        <button class="small-button" type="button" data-testid="skip-how-to" aria-label=${t("howto.skipLabel")} @click=${close}>${t("howto.skip")}</button>
      </div>
      <div class="how-to-body">
        <svg viewBox="0 0 ${VIEW} ${VIEW}" class="how-to-svg" role="img" aria-labelledby="how-to-picture-label">
          <title id="how-to-picture-label" .textContent=${t("howto.picture")}></title>
          <g class="how-to-a">${A_DOTS}</g>
          <g class="how-to-b" style="opacity: ${step >= 2 ? 1 : 0}">${B_DIAMONDS}</g>
          <path class="how-to-fit" d=${pathOf(fitLog(level))}></path>
        </svg>
        <div class="how-to-side">
          <label class="field" for="how-to-slider">${t("howto.detail")}</label>
          <input id="how-to-slider" type="range" min="1" max=${LEVELS} step="1" .value=${String(level)}
            aria-describedby="how-to-text" aria-valuetext=${t("howto.levelValue", { level })}
            @input=${(e: Event) => {
              level = Number((e.target as HTMLInputElement).value) || 1;
              draw();
            }} />
          <p class="how-to-text" id="how-to-text" aria-live="polite">${text()}</p>
          <p class="legend small"><span class="dot a"></span> A <span class="line fit"></span> ${t("howto.legendFit")} <span class="dot b diamond"></span> B</p>
          <button class="primary" type="button" id="how-to-next" data-testid="how-to-next" @click=${next}>${
            step === 1 ? t("howto.revealB") : step === 2 ? t("howto.next") : t("howto.play")
          }</button>
        </div>
      </div>`,
      box,
    );
  }

  const open = () => {
    step = 1;
    level = 1;
    draw();
    box.hidden = false;
  };
  if (!howToSeen()) open();
  // Another language: an open how-to draws itself again in it.
  onLanguageChange(() => {
    if (!box.hidden) draw();
  });
  return {
    open() {
      open();
      box.scrollIntoView({ block: "start", behavior: "smooth" });
      box.querySelector<HTMLInputElement>("#how-to-slider")?.focus({ preventScroll: true });
    },
  };
}
