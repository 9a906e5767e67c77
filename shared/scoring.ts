// Scoring: how well a fit of A matches the hidden spiral B, and the round points from it.
// The formula is written down in docs/scoring.md; keep the two in step.

export const MAX_POINTS = 1000;

export interface AlignedError {
  /** Root-mean-square gap in log r after alignment. */
  error: number;
  /** The log r shift that aligns the fit to B (B's size, and for a logarithmic spiral its rotation). */
  offset: number;
}

/**
 * The hidden error: a fit's log r at B's points against B's log r, after the fair alignment.
 * Size is not the model's fault: scaling a spiral by s adds log s to every log r, so the best
 * constant shift (the mean gap) is removed first. B is measured from its own start angle, so its
 * rotation never enters (for a logarithmic spiral a rotation is also just a shift in log r).
 */
export function alignedError(fit: ArrayLike<number>, target: ArrayLike<number>): AlignedError {
  const n = target.length;
  if (n === 0 || fit.length !== n) throw new Error("alignedError: fit and target need the same, non-zero length");
  let gap = 0;
  for (let i = 0; i < n; i++) gap += target[i] - fit[i];
  const offset = gap / n;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const gap = fit[i] + offset - target[i];
    sq += gap * gap; // not `** 2`: V8's pow may differ in the last bit between engines
  }
  return { error: Math.sqrt(sq / n), offset };
}

/**
 * A fit of A, moved onto B's plain spiral: what the fit has beyond A's plain spiral (its type and
 * pitch), put on top of B's plain spiral, at B's points. The model learned A; that B winds with
 * another type or pitch is not its fault. All three arrays are at B's points (positions along
 * the arm, 0 → 1, on each spiral's own visible turns).
 */
export function transplant(
  fitOverA: ArrayLike<number>,
  plainA: ArrayLike<number>,
  plainB: ArrayLike<number>,
): number[] {
  return Array.from(fitOverA, (v, i) => v - plainA[i] + plainB[i]);
}

/** The hidden error of a fit of A at B's points: transplanted onto B's plain spiral, then aligned. */
export function hiddenError(
  fitOverA: ArrayLike<number>,
  plainA: ArrayLike<number>,
  plainB: ArrayLike<number>,
  target: ArrayLike<number>,
): AlignedError & { fit: number[] } {
  const fit = transplant(fitOverA, plainA, plainB);
  return { fit, ...alignedError(fit, target) };
}

/** Round points: MAX_POINTS × (best / yours)², rounded; the round's best level earns MAX_POINTS. */
export function roundPoints(hiddenError: number, bestHiddenError: number): number {
  if (!(hiddenError > 0) || !(bestHiddenError > 0)) return hiddenError === bestHiddenError ? MAX_POINTS : 0;
  const ratio = Math.min(1, bestHiddenError / hiddenError);
  return Math.round(MAX_POINTS * ratio * ratio);
}

/**
 * The sum behind a round's points, for the player to read: both errors, how many decimals to
 * print them with (just enough, four at least, that redoing the sum from the printed numbers
 * rounds to the same points) and the points.
 */
export interface PointsSum {
  best: number;
  yours: number;
  decimals: number;
  points: number;
}

export function pointsSum(hiddenError: number, bestHiddenError: number): PointsSum {
  const points = roundPoints(hiddenError, bestHiddenError);
  let decimals = 4;
  // 20 decimals print any error the game meets (≥ 0.001) exactly, so the loop always ends agreeing.
  while (
    decimals < 20 &&
    roundPoints(Number(hiddenError.toFixed(decimals)), Number(bestHiddenError.toFixed(decimals))) !== points
  )
    decimals++;
  return { best: bestHiddenError, yours: hiddenError, decimals, points };
}

/** The sum written out, e.g. "1000 × (0.0400 ÷ 0.0500)^2 = 640"; `write` prints a number (the page's language). */
export function pointsArithmetic(
  sum: PointsSum,
  write: (value: number, decimals: number) => string = (value, decimals) => value.toFixed(decimals),
): string {
  return `${write(MAX_POINTS, 0)} × (${write(sum.best, sum.decimals)} ÷ ${write(sum.yours, sum.decimals)})^2 = ${write(sum.points, 0)}`;
}
