// "How to play" in about 30 seconds, the first time the home screen shows (skippable, and
// remembered in localStorage; the home screen's "How to play" opens it again). Interactive: a toy
// spiral A with a detail slider whose fit goes from the plain spiral to copying every bump and
// the noise; then B is revealed and each level's points on B show — the game's lesson in three
// steps. The toy is a sum of waves along the arm, not the game's network (no model code here).
import { byId, h } from "../dom";
import { announce } from "../feel";

const SEEN_KEY = "shell-galaxy:how-to-seen";
const LEVELS = 12;
/** Waves along the arm (cycles per arm) a level's fit can follow: level 1 is the plain spiral. */
const BANDWIDTH = [0, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24];
/** log r = GROWTH · θ + waves. */
const GROWTH = 0.16;
const TURNS = 3.2;
const N = 90;
type Wave = [cycles: number, amplitude: number, phase: number];
const SHARED: Wave[] = [[2, 0.16, 0.3], [3, 0.1, 1.9]];
const A_OWN: Wave[] = [[6, 0.08, 0.8], [10, 0.06, 2.4], [12, 0.035, 4.1], [16, 0.035, 1.2], [20, 0.03, 5.0], [24, 0.03, 2.2]];
const B_OWN: Wave[] = [[5, 0.06, 2.0], [7, 0.05, 0.5]];

const ts = Array.from({ length: N }, (_, i) => i / (N - 1));
const wave = (waves: Wave[], t: number, max = Infinity) =>
  waves.reduce((sum, [k, a, p]) => sum + (k <= max ? a * Math.sin(2 * Math.PI * k * t + p) : 0), 0);
const logR = (t: number, extra: number) => GROWTH * (t * TURNS * 2 * Math.PI) + extra;
/** A: the shared shape, A's own bumps, and a little measurement noise (fixed, for a steady picture). */
const jitter = ts.map((_, i) => 0.025 * Math.sin(i * 12.9898) * Math.cos(i * 78.233));
const aLog = ts.map((t, i) => logR(t, wave(SHARED, t) + wave(A_OWN, t) + jitter[i]));
const bLog = ts.map((t) => logR(t, wave(SHARED, t) + wave(B_OWN, t)));
const fitLog = (level: number) => ts.map((t) => logR(t, wave(SHARED, t, BANDWIDTH[level - 1]) + wave(A_OWN, t, BANDWIDTH[level - 1])));
const mse = (a: number[], b: number[]) => a.reduce((s, v, i) => s + (v - b[i]) ** 2, 0) / a.length;
const hidden = Array.from({ length: LEVELS }, (_, i) => mse(fitLog(i + 1), bLog));
const bestHidden = Math.min(...hidden);
const BEST_LEVEL = hidden.indexOf(bestHidden) + 1;
const pointsAt = (level: number) => Math.round(1000 * (bestHidden / hidden[level - 1]) ** 2);

const SVG = "http://www.w3.org/2000/svg";
const VIEW = 300;
const maxLog = Math.max(...aLog, ...bLog);
const xy = (t: number, lr: number): [number, number] => {
  const theta = t * TURNS * 2 * Math.PI;
  const r = (Math.exp(lr) / Math.exp(maxLog)) * (VIEW / 2 - 14);
  return [VIEW / 2 + r * Math.cos(theta), VIEW / 2 - r * Math.sin(theta)];
};
const pathOf = (logs: number[]) => logs.map((lr, i) => {
  const [x, y] = xy(ts[i], lr);
  return `${i ? "L" : "M"}${x.toFixed(1)} ${y.toFixed(1)}`;
}).join("");

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function describe(level: number): string {
  if (level === 1) return "the plain spiral: it misses the shape A and B share.";
  if (level <= BEST_LEVEL) return "follows the big shape.";
  if (level <= 7) return "starts copying the shell's own bumps.";
  return "copies every bump of the shell, and its noise.";
}

export function howToSeen(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === "1";
  } catch {
    return true; // storage blocked: do not nag on every visit
  }
}

function remember(): void {
  try {
    localStorage.setItem(SEEN_KEY, "1");
  } catch {
    // ignore
  }
}

let built = false;
let step = 1;
let level = 1;

function build(box: HTMLElement): void {
  built = true;
  const picture = svg("svg", { viewBox: `0 0 ${VIEW} ${VIEW}`, class: "how-to-svg", role: "img", "aria-labelledby": "how-to-picture-label" });
  const title = svg("title", { id: "how-to-picture-label" });
  title.textContent = "A toy spiral A as dots, the model's fit as an orange line, and after the reveal spiral B as purple diamonds.";
  const bGroup = svg("g", { class: "how-to-b" });
  for (let i = 0; i < N; i += 2) {
    const [x, y] = xy(ts[i], bLog[i]);
    bGroup.append(svg("rect", { x: x - 3.2, y: y - 3.2, width: 6.4, height: 6.4, transform: `rotate(45 ${x} ${y})` }));
  }
  const aGroup = svg("g", { class: "how-to-a" });
  for (let i = 0; i < N; i++) {
    const [x, y] = xy(ts[i], aLog[i]);
    aGroup.append(svg("circle", { cx: x, cy: y, r: 2.6 }));
  }
  const fit = svg("path", { class: "how-to-fit", d: pathOf(fitLog(1)) });
  picture.append(title, aGroup, bGroup, fit);

  const slider = h("input", { attrs: { id: "how-to-slider", type: "range", min: "1", max: String(LEVELS), step: "1", value: "1", "aria-describedby": "how-to-text" } });
  const text = h("p", { class: "how-to-text", attrs: { id: "how-to-text", "aria-live": "polite" } });
  const next = h("button", { class: "primary", text: "Reveal B", attrs: { type: "button", id: "how-to-next", "data-testid": "how-to-next" } });
  const skip = h("button", { class: "small-button", text: "Skip", attrs: { type: "button", "data-testid": "skip-how-to", "aria-label": "Skip how to play" } });
  const stepLabel = h("span", { class: "how-to-step muted small", attrs: { id: "how-to-step" } });

  const render = () => {
    box.dataset.step = String(step);
    fit.setAttribute("d", pathOf(fitLog(level)));
    bGroup.style.opacity = step >= 2 ? "1" : "0";
    stepLabel.textContent = `${step} / 3`;
    if (step === 1) {
      text.replaceChildren("This is spiral A (a shell, measured with some noise). Move the ", h("strong", { text: "detail" }),
        ` slider: level ${level} ${describe(level)}`);
      next.textContent = "Reveal B";
    } else if (step === 2) {
      const points = pointsAt(level);
      text.replaceChildren("B, the hidden spiral, shares A's big shape but not its bumps. You are scored on B: ",
        h("strong", { text: `level ${level} → ${points} points` }),
        points === 1000 ? ". That is the best level here." : ". Try other levels: which scores best?");
      next.textContent = "Next";
    } else {
      text.replaceChildren("In a match everyone tunes at once before the timer runs out, with a one-line cue about B. ",
        "Lock in; the reveal scores you on B. ", h("strong", { text: "Fit the shape, not the noise." }),
        ` (Here level ${BEST_LEVEL} was best.)`);
      next.textContent = "Let's play";
    }
  };
  slider.addEventListener("input", () => {
    level = Number(slider.value) || 1;
    slider.setAttribute("aria-valuetext", `level ${level}`);
    render();
  });
  next.addEventListener("click", () => {
    if (step < 3) {
      step++;
      render();
      announce(step === 2 ? `B revealed: level ${level} scores ${pointsAt(level)} points on B.` : "In a match: tune, lock in, then the reveal scores you on B.");
    } else close();
  });
  skip.addEventListener("click", close);

  box.replaceChildren(
    h("div", { class: "how-to-head" },
      h("h2", { text: "How to play", attrs: { id: "how-to-title" } }), stepLabel, skip),
    h("div", { class: "how-to-body" },
      picture,
      h("div", { class: "how-to-side" },
        h("label", { class: "field", text: "Detail", attrs: { for: "how-to-slider" } }),
        slider,
        text,
        h("p", { class: "legend small" },
          h("span", { class: "dot a" }), " A ", h("span", { class: "line fit" }), " fit ", h("span", { class: "dot b diamond" }), " B"),
        next)),
  );
  render();
}

function close(): void {
  remember();
  const box = byId("how-to");
  box.hidden = true;
  announce("How to play closed.");
  byId("name-input").focus();
}

export function openHowTo(): void {
  const box = byId("how-to");
  step = 1;
  level = 1;
  if (!built) build(box);
  const slider = byId<HTMLInputElement>("how-to-slider");
  slider.value = "1";
  slider.dispatchEvent(new Event("input"));
  box.hidden = false;
}

/** Shows the how-to the first time; wires the home screen's "How to play". */
export function initHowTo(): void {
  byId("open-how-to").addEventListener("click", () => {
    openHowTo();
    byId("how-to").scrollIntoView({ block: "start", behavior: "smooth" });
    byId<HTMLInputElement>("how-to-slider").focus({ preventScroll: true });
  });
  if (!howToSeen()) openHowTo();
}
