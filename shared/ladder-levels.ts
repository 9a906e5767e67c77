// The ladder of detail levels: how much each level of the shared model may draw.
// Level 1 is the plain spiral: a straight line in log-polar space (log r = c + d·θ).
// Higher levels add Fourier features of the arm position up to `halfCycles` (cos πkt, sin πkt
// with t running 0 → 1 along the visible arm: k half-waves along the arm) and `bends`: hidden
// sigmoid units that can put smooth steps anywhere along the arm.

export interface DetailLevel {
  level: number;
  /** Highest Fourier feature k; 0 means none. */
  halfCycles: number;
  /** Hidden sigmoid units of this level. */
  bends: number;
}

const HALF_CYCLES = [0, 1, 2, 3, 5, 7, 10, 14, 19, 26, 36, 52];
const BENDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8];

export const LEVELS: readonly DetailLevel[] = HALF_CYCLES.map((halfCycles, i) => ({
  level: i + 1,
  halfCycles,
  bends: BENDS[i],
}));
export const MIN_LEVEL = 1;
export const MAX_LEVEL = LEVELS.length;
export const MAX_HALF_CYCLES = HALF_CYCLES[HALF_CYCLES.length - 1];
export const MAX_BENDS = Math.max(...BENDS);

/** Bumps along the whole visible arm a level can draw (one bump = one full wave). */
export function bumpsAlongArm(level: number): number {
  return LEVELS[level - 1].halfCycles / 2;
}
