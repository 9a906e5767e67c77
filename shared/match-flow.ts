// The match flow as data: each phase's entry (which player fields are reset), how long it lasts
// and what comes after, and the two kinds of room (a match, the daily challenge). Beside
// MESSAGE_RULES (shared/match.ts: who may send what, when); the room (server/) only follows them.
import { DAILY_TUNING_SECONDS } from "./daily";
import { ASSIGNMENT_ROUNDS } from "./teacher";
import { MIN_LEVEL } from "./ladder-levels";
import type { ClientMessageType, Phase } from "./protocol";
import { ROUNDS, TUNING_SECONDS } from "./protocol";

/** Where the detail control starts each round: level 1, "the line". */
export const DEFAULT_PICK = MIN_LEVEL;
/** How long the reveal stays before the next round (the host may go on sooner). */
export const REVEAL_SECONDS = 15;

/** The player fields a new round sets: everyone plays, nobody has picked or locked in. */
const ROUND_RESET = { playing: true, locked: false, pick: DEFAULT_PICK, revealedPick: 0 } as const;
/** The player fields a new match sets: the round's, and no points or ranks yet. */
const MATCH_RESET = { ...ROUND_RESET, points: 0, roundPoints: 0, speedBonus: 0, previousRank: 0 } as const;

export const PLAYER_RESETS = { round: ROUND_RESET, match: MATCH_RESET } as const;
export type PlayerReset = keyof typeof PLAYER_RESETS;

/** Sets the fields a reset names (one function for the lobby, a match's start and each round). */
export function resetPlayer(player: Record<keyof typeof MATCH_RESET, unknown>, reset: PlayerReset): void {
  Object.assign(player, PLAYER_RESETS[reset]);
}

/** What the flow reads from the room to decide. */
export interface FlowState {
  round: number;
  rounds: number;
  tuningSeconds: number;
}

/** What each phase is, as data. */
export interface PhaseRule {
  /** The player reset done on entering it (none: players keep what they have). */
  reset?: PlayerReset;
  /** Whether `round` goes up (a round begins) or back to 0 on entering it. */
  round?: "next" | "none";
  /** How long it lasts, in seconds (a deadline in the state); undefined: until something happens. */
  seconds?: (state: FlowState) => number;
  /** What ends it, in words (for readers; the room's code does the ending). */
  endsWhen: string;
  /** Where it goes when it ends. */
  next: (state: FlowState) => Phase;
}

export const PHASE_FLOW: Record<Phase, PhaseRule> = {
  lobby: {
    reset: "match",
    round: "none",
    endsWhen: "the host sends start (the daily: its one player joins)",
    next: () => "training",
  },
  training: {
    reset: "round",
    round: "next",
    endsWhen: "the round's ladder is trained (at least 1.5 s)",
    next: () => "tuning",
  },
  tuning: {
    seconds: (s) => s.tuningSeconds,
    endsWhen: "the deadline, everyone in the round locked in, or the host's skip",
    next: () => "reveal",
  },
  reveal: {
    seconds: () => REVEAL_SECONDS,
    endsWhen: "the deadline or the host's next",
    next: (s) => (s.round >= s.rounds ? "podium" : "training"),
  },
  podium: {
    endsWhen: "the host's play again",
    next: () => "lobby",
  },
};

/** The phase after `phase`. */
export const nextPhase = (phase: Phase, state: FlowState): Phase => PHASE_FLOW[phase].next(state);

/** How many seconds `phase` lasts from its start, or undefined when it has no deadline. */
export const phaseSeconds = (phase: Phase, state: FlowState): number | undefined => PHASE_FLOW[phase].seconds?.(state);

/** A match room, the daily challenge's solo room, or a student's homework attempt. */
export type RoomMode = "match" | "daily" | "homework";

/** Tuning time in a homework round: students play alone, at their own pace. */
export const HOMEWORK_TUNING_SECONDS = 180;

/** What differs between a match, the daily challenge and homework. */
export interface ModeRule {
  /** Rounds and tuning seconds a new room starts with (a match's host may change them). */
  rounds: number;
  tuningSeconds: number;
  /**
   * Where a round's id, kinds and difficulty come from: the host's settings (a fresh id each
   * round), the day ("daily": all kinds, normal difficulty) or the assignment (its round ids).
   */
  roundsFrom: "settings" | "day" | "assignment";
  /** One player and no spectators. */
  solo: boolean;
  /** The match starts as soon as a player joins (no lobby, no host to press Start). */
  startsOnJoin: boolean;
  /** The messages this kind of room takes at all (MESSAGE_RULES then says who and when). */
  messages: readonly ClientMessageType[] | "all";
  /** Rounds are stored as a match's results, the day's scores, or a homework attempt's rounds. */
  savesAs: "match" | "daily" | "homework";
}

export const MODE_RULES: Record<RoomMode, ModeRule> = {
  match: {
    rounds: ROUNDS.default,
    tuningSeconds: TUNING_SECONDS.default,
    roundsFrom: "settings",
    solo: false,
    startsOnJoin: false,
    messages: "all",
    savesAs: "match",
  },
  daily: {
    rounds: 1,
    tuningSeconds: DAILY_TUNING_SECONDS,
    roundsFrom: "day",
    solo: true,
    startsOnJoin: true,
    messages: ["pick", "lockIn", "next"],
    savesAs: "daily",
  },
  homework: {
    rounds: ASSIGNMENT_ROUNDS.default, // the assignment's, set when the room is made
    tuningSeconds: HOMEWORK_TUNING_SECONDS,
    roundsFrom: "assignment",
    solo: true,
    startsOnJoin: true,
    messages: ["pick", "lockIn", "next"],
    savesAs: "homework",
  },
};

/** Whether a room of this mode takes this message at all. */
export const modeAllows = (mode: RoomMode, type: ClientMessageType): boolean => {
  const { messages } = MODE_RULES[mode];
  return messages === "all" || messages.includes(type);
};
