// Ways to pick a detail level. The balance report plays them all; bots may use them too. None of
// them looks at B: they read only what a player sees before the reveal (the visible round, the
// fits over A with their errors, the cue).
import type { LevelFit } from "./round-ladder";
import { plainSpiral, type VisibleRound } from "./round";
import { detCos, detSin } from "./ladder";

function argmin(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v < values[best]) best = i;
  });
  return best;
}

export const minTraining = (fits: LevelFit[]): number => fits[argmin(fits.map((f) => f.trainError))].level;
export const minValidation = (fits: LevelFit[]): number => fits[argmin(fits.map((f) => f.validationError))].level;

/** Reads only the cue's relation word: a twin is A again, so trust validation; else one fixed level. */
export function relationRule(round: VisibleRound, fits: LevelFit[], fixedLevel: number): number {
  return round.cue.relation === "twin" ? minValidation(fits) : fixedLevel;
}

/**
 * Reads everything a player sees, as a careful player would:
 * 1. What A has beyond its plain spiral (A's type and pitch are public): the fit of the level
 *    with the best validation error, minus the plain spiral — the best guess of A's structure
 *    plus A's bumps.
 * 2. A's bumps come at a known rate (A's contour cycles): fit a lopsided wave at that rate to the
 *    guess; that is A's bumps, the rest is A's large-scale structure.
 * 3. What to expect of B, from the cue: the structure share it follows, the share of A's bumps
 *    it keeps. B's own structure and bumps are unknowable and cost every level alike.
 * 4. Pick the level whose fit (beyond the plain spiral, up to a constant) is closest to that.
 */
export function informed(round: VisibleRound, fits: LevelFit[]): number {
  const t = fits[0].curve.t;
  const plain = plainSpiral(round.a.spiral, round.turns);
  const beyond = fits.map((f) => centred(f.curve.logr.map((v, i) => v - plain(t[i]))));
  const guess = beyond[minValidation(fits) - 1];
  const bumps = waveFit(t, guess, round.a.contourCycles);
  const structure = guess.map((v, i) => v - bumps[i]);
  const expected = centred(structure.map((v, i) => round.cue.sharedShare * v + round.cue.bumpsKept * bumps[i]));
  return fits[argmin(beyond.map((f) => meanSquareGap(f, expected)))].level;
}

function centred(values: number[]): number[] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => v - mean);
}

/** Mean square of p − q after removing their mean gap (the alignment's constant shift). */
function meanSquareGap(p: number[], q: number[]): number {
  let s = 0,
    m = 0;
  for (let i = 0; i < p.length; i++) m += p[i] - q[i];
  m /= p.length;
  for (let i = 0; i < p.length; i++) s += (p[i] - q[i] - m) * (p[i] - q[i] - m);
  return s / p.length;
}

/** Least-squares fit of waves at `cycles` and 2 × `cycles` along the arm (the bumps' shape). */
function waveFit(t: number[], y: number[], cycles: number): number[] {
  const basis = [1, 2].flatMap((h) => [
    (u: number) => detSin(2 * Math.PI * h * cycles * u),
    (u: number) => detCos(2 * Math.PI * h * cycles * u),
  ]);
  const p = basis.length;
  const X = t.map((u) => basis.map((f) => f(u)));
  const A = Array.from({ length: p }, (_, a) =>
    Array.from({ length: p }, (_, b) => X.reduce((s, row) => s + row[a] * row[b], 0) + (a === b ? 1e-9 : 0)),
  );
  const rhs = Array.from({ length: p }, (_, a) => X.reduce((s, row, i) => s + row[a] * y[i], 0));
  // Gaussian elimination on the small normal equations.
  for (let c = 0; c < p; c++) {
    for (let r = c + 1; r < p; r++) {
      const f = A[r][c] / A[c][c];
      for (let k = c; k < p; k++) A[r][k] -= f * A[c][k];
      rhs[r] -= f * rhs[c];
    }
  }
  const w = new Array(p).fill(0);
  for (let r = p - 1; r >= 0; r--) {
    let s = rhs[r];
    for (let k = r + 1; k < p; k++) s -= A[r][k] * w[k];
    w[r] = s / A[r][r];
  }
  return X.map((row) => row.reduce((s, v, k) => s + v * w[k], 0));
}
