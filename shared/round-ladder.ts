// One round's ladder: every detail level trained on A's training points, with what a player
// sees per level (curve over A, training and validation error) and what only the server may
// hold until the reveal (the fit at B's points and the hidden error).
import type * as TF from "@tensorflow/tfjs";
import { trainLadder, rmsError } from "./ladder";
import { hiddenError, type AlignedError } from "./scoring";
import { plainSpiral, toPoints, type Round, type SpiralPoints, type VisibleRound } from "./round";

export const CURVE_POINTS = 240;

export interface LevelFit {
  level: number;
  trainError: number;
  validationError: number;
  /** The fitted arm over A, in A's drawing frame. */
  curve: SpiralPoints;
}

export interface HiddenFit extends AlignedError {
  level: number;
  /**
   * The level's fit at B's points moved onto B's plain spiral (scoring.ts `transplant`), before
   * the alignment offset: `fit[i] + offset` is the curve drawn over B, in B's log r.
   */
  fit: number[];
}

const GRID = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));

function pick<T>(values: ArrayLike<T>, idx: number[]): T[] {
  return idx.map((i) => values[i]);
}

/** Trains the ladder for a round. With the full round it also scores every level against B. */
export function fitRound(
  tf: typeof TF,
  round: VisibleRound | Round,
  onProgress?: (done: number) => void,
): { fits: LevelFit[]; hidden?: HiddenFit[] } {
  const { points, train, validation } = round.a;
  const hiddenT = "b" in round ? round.b.points.t : undefined;
  const out = trainLadder(tf, {
    seed: round.id,
    train: { t: pick(points.t, train), y: pick(points.logr, train) },
    predictAt: { validation: pick(points.t, validation), grid: GRID, ...(hiddenT ? { hidden: hiddenT } : {}) },
    onProgress,
  });
  const validationY = pick(points.logr, validation);
  const shift = Math.max(...points.logr);
  const fits = out.trainError.map((trainError, l) => {
    const logr = Array.from(out.predictions.grid[l]);
    const curve = toPoints(GRID, logr, round.turns, round.a.rotation, shift);
    return { level: l + 1, trainError, validationError: rmsError(out.predictions.validation[l], validationY), curve };
  });
  if (!("b" in round)) return { fits };
  const { b } = round;
  const plainA = b.points.t.map(plainSpiral(round.a.spiral, round.turns));
  const plainB = b.points.t.map(plainSpiral(b.spiral, b.turns));
  const hidden = out.predictions.hidden.map((pred, l) => ({
    level: l + 1,
    ...hiddenError(pred, plainA, plainB, b.points.logr),
  }));
  return { fits, hidden };
}
