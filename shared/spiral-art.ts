// Pure geometry for the pictures of the spirals (client/scene/pictures/): the arm's own points read
// as a smooth spine (radius by unwrapped angle), florets in phyllotaxis (the golden angle), and
// the caption that stands beside each picture. Deterministic: no DOM, no Math.random.
import { Random } from "./random";
import type { SpiralEntry } from "./catalog";

/** The golden angle, π(3 − √5) ≈ 137.5°: each new floret turns this far from the last. */
export const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** An arm read as a curve: radius as a function of the unwrapped angle, smoothed. */
export interface Spine {
  /** Unwrapped angles of the points (increasing along the arm, whichever way the arm turns). */
  theta0: number;
  theta1: number;
  /** +1 when the arm turns counter-clockwise (maths orientation) from its inner end, −1 otherwise. */
  turn: 1 | -1;
  /** Angle of the arm's outer end as drawn (atan2 of its last point). */
  endAngle: number;
  /** Growth: d(ln r)/dθ over the arm (a least-squares line), at least a small positive number. */
  growth: number;
  /** Radius (data units) at an unwrapped angle, extrapolated with `growth` beyond the arm's ends. */
  r(theta: number): number;
  /** The point (data units) at an unwrapped angle. */
  at(theta: number): [number, number];
  /** The largest radius of the points. */
  maxR: number;
}

/**
 * The spine of an arm given in arm order (inner end first): unwraps the angles, smooths ln r
 * over a few neighbours and fits the growth rate, so a picture can follow the round's own points.
 */
export function spineOf(xs: ArrayLike<number>, ys: ArrayLike<number>): Spine {
  const n = xs.length;
  const raw: number[] = [];
  const logr: number[] = [];
  let maxR = 1e-6;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.max(1e-6, Math.hypot(xs[i], ys[i]));
    maxR = Math.max(maxR, r);
    let a = Math.atan2(ys[i], xs[i]);
    if (i > 0) {
      while (a - prev > Math.PI) a -= 2 * Math.PI;
      while (a - prev < -Math.PI) a += 2 * Math.PI;
    }
    raw.push(a);
    logr.push(Math.log(r));
    prev = a;
  }
  const turn: 1 | -1 = n > 1 && raw[n - 1] < raw[0] ? -1 : 1;
  // Work with an increasing angle: θ = turn · raw.
  const theta = raw.map((a) => a * turn);
  const window = Math.max(1, Math.round(n / 40));
  // A centred moving average (narrower near the ends, so a straight line in (θ, ln r) stays put).
  const smooth = logr.map((_, i) => {
    const w = Math.min(window, i, n - 1 - i);
    let sum = 0,
      count = 0;
    for (let j = i - w; j <= i + w; j++) {
      sum += logr[j];
      count++;
    }
    return sum / count;
  });
  // Least-squares slope of ln r against θ.
  let mt = 0,
    ml = 0;
  for (let i = 0; i < n; i++) {
    mt += theta[i] / n;
    ml += smooth[i] / n;
  }
  let num = 0,
    den = 0;
  for (let i = 0; i < n; i++) {
    num += (theta[i] - mt) * (smooth[i] - ml);
    den += (theta[i] - mt) ** 2;
  }
  const growth = Math.max(0.02, den > 0 ? num / den : 0.1);
  const theta0 = n ? theta[0] : 0;
  const theta1 = n ? theta[n - 1] : 1;
  const lnR = (th: number): number => {
    if (n === 0) return 0;
    if (th <= theta[0]) return smooth[0] + growth * (th - theta[0]);
    if (th >= theta[n - 1]) return smooth[n - 1] + growth * (th - theta[n - 1]);
    // Binary search (angles increase along an arm, up to the noise: clamp to monotone).
    let lo = 0,
      hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (theta[mid] <= th) lo = mid;
      else hi = mid;
    }
    const span = theta[hi] - theta[lo];
    const f = span > 1e-9 ? (th - theta[lo]) / span : 0;
    return smooth[lo] + (smooth[hi] - smooth[lo]) * f;
  };
  const r = (th: number) => Math.exp(lnR(th));
  return {
    theta0,
    theta1,
    turn,
    endAngle: n ? Math.atan2(ys[n - 1], xs[n - 1]) : 0,
    growth,
    maxR,
    r,
    at: (th) => {
      const rr = r(th);
      return [rr * Math.cos(turn * th), rr * Math.sin(turn * th)];
    },
  };
}

/** `count` florets in a disc of radius 1 (Vogel's model: r = √(n / count), angle n · golden angle). */
export function phyllotaxis(count: number, rotation = 0): { x: number[]; y: number[]; r: number[] } {
  const x: number[] = [],
    y: number[] = [],
    r: number[] = [];
  for (let i = 1; i <= count; i++) {
    const rr = Math.sqrt(i / count);
    const a = i * GOLDEN_ANGLE + rotation;
    x.push(rr * Math.cos(a));
    y.push(rr * Math.sin(a));
    r.push(rr);
  }
  return { x, y, r };
}

/** A seeded stream for a picture's scatter (stars, cloud puffs): the same picture every time. */
export function pictureRandom(seed: string): Random {
  return new Random(`picture:${seed}`);
}

/** The short citation of an entry's source: "Falbo (2005)", "Senn & Hiser (1959)", "Tucker et al. (2000)". */
export function shortCitation(entry: SpiralEntry): string {
  const text = entry.source.citation;
  const year = /\((\d{4})[^)]*\)/.exec(text);
  if (!year) return text.slice(0, 60);
  const authors = text.slice(0, year.index).trim();
  const first = authors.split(",")[0].trim();
  const [one, two] = authors.split(" & ");
  let who = first;
  if (/et al/.test(authors)) who = `${first} et al.`;
  else if (two !== undefined) {
    // "Senn, H. V. & Hiser, H. W.": one comma before the "&" means two authors.
    who = (one.match(/,/g) ?? []).length <= 1 ? `${first} & ${two.split(",")[0].trim()}` : `${first} et al.`;
  }
  return `${who} (${year[1]})`;
}
