// The tracer's rules (the /create page): points clicked or drawn along one arm of a spiral, around
// a centre, turned into (θ, log r); the plain logarithmic spiral fitted to them (a straight line
// in (θ, log r): log r = a + bθ, pitch = atan b); the problems said in words; and the traced
// spiral a set carries (shared/round-set.ts), in a canonical direction: θ from 0 upwards, the arm
// growing outwards. Pure functions: the page and the server read the same numbers.

export interface XY {
  x: number;
  y: number;
}

/** A traced arm in log-polar coordinates: θ in radians (unwrapped), log r in log pixels. */
export interface PolarArm {
  theta: number[];
  logr: number[];
}

export interface SpiralFit {
  /** Points used. */
  points: number;
  /** log r = intercept + slope × θ (least squares). */
  intercept: number;
  slope: number;
  /** The pitch angle, degrees: atan(slope). */
  pitchDeg: number;
  /** Turns the arm sweeps: (θ_last − θ_first) / 2π. */
  turns: number;
  /** How far the points stray from the line: RMS of log r. */
  residual: number;
  /** Share of log r's variance the line explains (1: a perfect logarithmic spiral). */
  r2: number;
}

/** What a traced arm needs, and keeps (the set schema checks the same numbers). */
export const TRACE_LIMITS = {
  /** Fewest points for a fit worth keeping. */
  minPoints: 12,
  /** Most points a traced spiral keeps (a longer trace is thinned evenly). */
  maxPoints: 300,
  /** Fewest turns: less than half a turn says little about a spiral. */
  minTurns: 0.5,
  maxTurns: 8,
  /** The pitch of a spiral the game can play (as the catalog's). */
  minPitchDeg: 1,
  maxPitchDeg: 80,
  /** A step back (against the arm's direction) larger than this, in radians, doubles back. */
  backStep: 0.05,
  /** Points nearer the centre than this (pixels) are dropped: their angle means nothing. */
  minRadius: 2,
} as const;

/** The angles of points about `centre`, unwrapped (each step the shorter way round), and their log r. */
export function toPolar(points: readonly XY[], centre: XY): PolarArm {
  const theta: number[] = [];
  const logr: number[] = [];
  let previous: number | undefined; // the last raw angle
  let unwrapped = 0;
  for (const p of points) {
    const dx = p.x - centre.x;
    const dy = centre.y - p.y; // screen y points down; θ counts anticlockwise as on paper
    const r = Math.hypot(dx, dy);
    if (!(r >= TRACE_LIMITS.minRadius)) continue;
    const raw = Math.atan2(dy, dx);
    if (previous === undefined) unwrapped = raw;
    else {
      let step = raw - previous;
      while (step > Math.PI) step -= 2 * Math.PI;
      while (step <= -Math.PI) step += 2 * Math.PI;
      unwrapped += step;
    }
    previous = raw;
    theta.push(unwrapped);
    logr.push(Math.log(r));
  }
  return { theta, logr };
}

/** The plain logarithmic spiral through the points: the least-squares line in (θ, log r). */
export function fitSpiral(arm: PolarArm): SpiralFit {
  const n = arm.theta.length;
  if (n < 2) return { points: n, intercept: arm.logr[0] ?? 0, slope: 0, pitchDeg: 0, turns: 0, residual: 0, r2: 0 };
  const mt = mean(arm.theta);
  const ml = mean(arm.logr);
  let stt = 0,
    stl = 0,
    sll = 0;
  for (let i = 0; i < n; i++) {
    const dt = arm.theta[i] - mt,
      dl = arm.logr[i] - ml;
    stt += dt * dt;
    stl += dt * dl;
    sll += dl * dl;
  }
  const slope = stt > 0 ? stl / stt : 0;
  const intercept = ml - slope * mt;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const gap = arm.logr[i] - (intercept + slope * arm.theta[i]);
    sse += gap * gap;
  }
  const sweep = Math.max(...arm.theta) - Math.min(...arm.theta);
  return {
    points: n,
    intercept,
    slope,
    pitchDeg: (Math.atan(slope) * 180) / Math.PI,
    turns: sweep / (2 * Math.PI),
    residual: Math.sqrt(sse / n),
    r2: sll > 0 ? 1 - sse / sll : 0,
  };
}

/**
 * The arm in the set's direction: θ increasing from 0, growing outwards (a clockwise arm is
 * mirrored, an arm traced from the outside in is reversed), log r from 0 at its first point.
 */
export function canonicalArm(arm: PolarArm): PolarArm {
  const n = arm.theta.length;
  if (n < 2) return { theta: arm.theta.map(() => 0), logr: arm.logr.map(() => 0) };
  let theta = arm.theta[n - 1] < arm.theta[0] ? arm.theta.map((t) => -t) : [...arm.theta];
  let logr = [...arm.logr];
  if (fitSpiral({ theta, logr }).slope < 0) {
    theta = theta.map((t) => -t).reverse();
    logr = logr.reverse();
  }
  const t0 = theta[0],
    l0 = logr[0];
  return { theta: theta.map((t) => t - t0), logr: logr.map((l) => l - l0) };
}

/** Where the arm turns back on itself (indices of the steps against its direction), canonical or not. */
export function backSteps(arm: PolarArm): number[] {
  const n = arm.theta.length;
  if (n < 2) return [];
  const direction = Math.sign(arm.theta[n - 1] - arm.theta[0]) || 1;
  const back: number[] = [];
  for (let i = 1; i < n; i++) if ((arm.theta[i] - arm.theta[i - 1]) * direction < -TRACE_LIMITS.backStep) back.push(i);
  return back;
}

export interface TraceProblem {
  code: "few-points" | "doubles-back" | "few-turns" | "many-turns" | "too-tight" | "too-open" | "not-a-spiral";
  /** The problem in words, for the page. */
  text: string;
}

/** What is wrong with a traced arm, in words (empty: it can be saved). */
export function traceProblems(arm: PolarArm): TraceProblem[] {
  const L = TRACE_LIMITS;
  const problems: TraceProblem[] = [];
  const n = arm.theta.length;
  if (n < L.minPoints)
    problems.push({
      code: "few-points",
      text: `Too few points: ${n} so far, at least ${L.minPoints}. Click or drag further along the arm.`,
    });
  const back = backSteps(arm);
  if (back.length > 0)
    problems.push({
      code: "doubles-back",
      text: `The arm doubles back at point ${back[0] + 1}: keep going round one way (or move the centre).`,
    });
  if (n < 2) return problems;
  const fit = fitSpiral(canonicalArm(arm));
  if (fit.turns < L.minTurns)
    problems.push({
      code: "few-turns",
      text: `Not enough turns: ${fit.turns.toFixed(2)} so far, at least ${L.minTurns}. Follow the arm further round.`,
    });
  if (fit.turns > L.maxTurns)
    problems.push({ code: "many-turns", text: `Too many turns: ${fit.turns.toFixed(1)}, at most ${L.maxTurns}.` });
  if (fit.turns >= L.minTurns && fit.pitchDeg < L.minPitchDeg)
    problems.push({
      code: "too-tight",
      text: `The arm hardly grows (pitch ${fit.pitchDeg.toFixed(1)}°, at least ${L.minPitchDeg}°): is the centre in the right place?`,
    });
  if (fit.pitchDeg > L.maxPitchDeg)
    problems.push({
      code: "too-open",
      text: `The arm runs almost straight out (pitch ${fit.pitchDeg.toFixed(0)}°, at most ${L.maxPitchDeg}°): is the centre in the right place?`,
    });
  if (fit.turns >= L.minTurns && n >= L.minPoints && fit.r2 < 0.5)
    problems.push({
      code: "not-a-spiral",
      text: `The points hardly follow a spiral around this centre (the line explains ${Math.round(Math.max(0, fit.r2) * 100)}% of log r): move the centre or trace again.`,
    });
  return problems;
}

/** An arm thinned evenly to at most `max` points (first and last kept). */
export function thin(arm: PolarArm, max: number = TRACE_LIMITS.maxPoints): PolarArm {
  const n = arm.theta.length;
  if (n <= max) return arm;
  const idx = Array.from({ length: max }, (_, i) => Math.round((i * (n - 1)) / (max - 1)));
  return { theta: idx.map((i) => arm.theta[i]), logr: idx.map((i) => arm.logr[i]) };
}

/** The arm a set stores: canonical, thinned, rounded to 4 decimals (θ made strictly increasing). */
export function storedArm(arm: PolarArm): PolarArm {
  const c = thin(canonicalArm(arm));
  const theta: number[] = [];
  const logr: number[] = [];
  c.theta.forEach((t, i) => {
    const v = round4(t);
    if (theta.length > 0 && v <= theta[theta.length - 1]) return; // a repeat or a small step back
    theta.push(v);
    logr.push(round4(c.logr[i]));
  });
  return { theta, logr };
}

/** In words: "pitch 17.2°, 2.4 turns" and how well the line fits. */
export function describeFit(fit: SpiralFit): string {
  const quality = fit.r2 >= 0.98 ? "very close to" : fit.r2 >= 0.9 ? "close to" : "rough next to";
  return `Pitch ${fit.pitchDeg.toFixed(1)}°, ${fit.turns.toFixed(2)} turns, ${fit.points} points; ${quality} a plain logarithmic spiral (spread ${fit.residual.toFixed(3)} in log r).`;
}

/** log r at θ along a canonical arm (θ increasing), by straight lines between points; clamped at the ends. */
export function logrAt(arm: PolarArm, theta: number): number {
  const { theta: ts, logr } = arm;
  const n = ts.length;
  if (theta <= ts[0]) return logr[0];
  if (theta >= ts[n - 1]) return logr[n - 1];
  let lo = 0,
    hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= theta) lo = mid;
    else hi = mid;
  }
  const u = (theta - ts[lo]) / (ts[hi] - ts[lo]);
  return logr[lo] + u * (logr[hi] - logr[lo]);
}

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
