// Checking a reveal: does the published opening hash to the commitment sent at round start, and
// does it generate the B that was shown? If both hold, B was fixed before anyone picked.
import { catalogOfKinds } from "./spirals";
import { generateRound } from "./round";
import { commitmentOf, type RoundOpening } from "./round-key";
import { COORDINATE_SCALE } from "./round-messages";

/** Why a check failed, as a code the page words: the opening's hash, or the B it generates. */
export type VerdictReason = "commitment-mismatch" | "b-mismatch";
export type Verdict = { ok: true } | { ok: false; reason: VerdictReason };

/** B as revealed, in drawing coordinates (after `fromWire`). */
export interface RevealedB {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** The round an opening fixes (the same generator a room uses). */
export const roundOf = (opening: RoundOpening) =>
  generateRound(catalogOfKinds(opening.kinds), opening, {
    difficulty: opening.difficulty,
    ...(opening.set ? { set: opening.set } : {}),
  });

export function verifyOpening(commitment: string, opening: RoundOpening, b: RevealedB): Verdict {
  if (commitmentOf(opening) !== commitment) return { ok: false, reason: "commitment-mismatch" };
  const { spiral, points } = roundOf(opening).b;
  // Coordinates travel rounded to 1/COORDINATE_SCALE: allow that rounding, nothing more.
  const tolerance = 0.51 / COORDINATE_SCALE;
  const same =
    spiral.name === b.name &&
    points.x.length === b.x.length &&
    points.x.every((x, i) => Math.abs(x - b.x[i]) <= tolerance && Math.abs(points.y[i] - b.y[i]) <= tolerance);
  return same ? { ok: true } : { ok: false, reason: "b-mismatch" };
}
