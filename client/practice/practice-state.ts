// Solo practice's state, as the store holds it: which round, its phase, the pick, the total.
import type { RevealView } from "../../shared/reveal-view";
import type { RoundOpening } from "../../shared/round-key";
import type { PracticeRound } from "./practice-trainer";

export type PracticePhase = "training" | "tuning" | "reveal";

/** One finished practice round, for the table of rounds so far. */
export interface PracticeRecord {
  number: number;
  seed: string;
  a: string;
  b: string;
  level: number;
  bestLevel: number;
  points: number;
}

export interface Practice {
  phase: PracticePhase;
  /** The practice seed, or a replayed round's id. */
  seed: string;
  /** What fixes the round being played. */
  opening: RoundOpening;
  /** A finished round replayed from its published opening (`/?replay=TOKEN`). */
  replay: boolean;
  /** Rounds played in this practice (1-based, shown). */
  number: number;
  /** The round number in the messages: unique in the page's life, so the screens never mistake a replayed seed for the round on screen. */
  serial: number;
  progress: number;
  trained?: PracticeRound;
  reveal?: RevealView;
  pick: number;
  locked: boolean;
  total: number;
  history: PracticeRecord[];
  failed: boolean;
}
