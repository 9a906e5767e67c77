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
 * The hidden error: the fit's log r at B's points against B's log r, after the fair alignment.
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

/** Round points: MAX_POINTS × (best / yours)², rounded; the round's best level earns MAX_POINTS. */
export function roundPoints(hiddenError: number, bestHiddenError: number): number {
  if (!(hiddenError > 0) || !(bestHiddenError > 0)) return hiddenError === bestHiddenError ? MAX_POINTS : 0;
  const ratio = Math.min(1, bestHiddenError / hiddenError);
  return Math.round(MAX_POINTS * ratio * ratio);
}

/** The arithmetic behind a round's points, for the player to read. */
export function pointsArithmetic(hiddenError: number, bestHiddenError: number): string {
  const points = roundPoints(hiddenError, bestHiddenError);
  return `${MAX_POINTS} × (${bestHiddenError.toFixed(4)} ÷ ${hiddenError.toFixed(4)})^2 = ${points}`;
}
