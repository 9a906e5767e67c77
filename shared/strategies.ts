// Ways to pick a detail level that need no skill, and one that reads the round. The balance
// report plays them all; bots may use them too. None of them looks at B.
import type { LevelFit } from "./round-ladder";
import type { VisibleRound } from "./round";
import { LEVELS } from "./ladder-levels";

function argmin(values: number[]): number {
  let best = 0;
  values.forEach((v, i) => { if (v < values[best]) best = i; });
  return best;
}

export const minTraining = (fits: LevelFit[]): number => fits[argmin(fits.map((f) => f.trainError))].level;
export const minValidation = (fits: LevelFit[]): number => fits[argmin(fits.map((f) => f.validationError))].level;

/**
 * Reads the cue. Same kind of object: its bumps are B's bumps too, so trust validation.
 * Otherwise B shares the general shape but not A's own bumps: take the best validation error
 * among the levels too coarse to draw those bumps.
 */
export function cueAware(round: VisibleRound, fits: LevelFit[]): number {
  if (round.cue.relation === "twin") return minValidation(fits);
  // A level starts drawing the bumps a little before its bandwidth reaches them: keep a quarter off.
  const coarse = fits.filter((f) => LEVELS[f.level - 1].halfCycles < 0.75 * 2 * round.a.contourCycles);
  return minValidation(coarse.length ? coarse : fits.slice(0, 2));
}
