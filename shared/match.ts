// The match rules as plain functions: who scores what in a round, ranks and their movement,
// who becomes host, and what comes after a reveal. The room (server/) only calls these.
import { MAX_LEVEL, MIN_LEVEL } from "./ladder-levels";
import type { ClientMessageType, ErrorMessage, Phase, RoundResult } from "./protocol";
import { MAX_POINTS, pointsSum, roundPoints } from "./scoring";
import { nameKeys } from "./name-skeleton";
import { nextPhase } from "./match-flow";

export { DEFAULT_PICK, REVEAL_SECONDS } from "./match-flow";

export interface PickEntry {
  sessionId: string;
  name: string;
  level: number;
  /** With a speed bonus: the share of tuning time left when the player locked in (0 if never). */
  timeLeftShare?: number;
}

/** The most the speed bonus adds to a round's points (on top of MAX_POINTS). */
export const SPEED_BONUS_MAX = 50;

/**
 * The optional speed bonus: up to SPEED_BONUS_MAX for locking in at once, scaled by the share of
 * tuning time left and by how good the pick was, so a fast bad pick earns almost nothing.
 */
export function speedBonus(points: number, timeLeftShare: number): number {
  const share = Math.min(1, Math.max(0, timeLeftShare));
  return Math.round((SPEED_BONUS_MAX * share * points) / MAX_POINTS);
}

/** Scores every pick against the round's hidden errors with the shared scoring. */
export function scoreRound(
  hidden: { level: number; error: number }[],
  picks: PickEntry[],
): { bestLevel: number; results: RoundResult[] } {
  const best = hidden.reduce((b, h) => (h.error < b.error ? h : b));
  const results = picks.map((pick) => {
    const entry = hidden.find((h) => h.level === pick.level);
    if (!entry || pick.level < MIN_LEVEL || pick.level > MAX_LEVEL)
      throw new Error(`scoreRound: no level ${pick.level}`);
    const bonus =
      pick.timeLeftShare === undefined
        ? undefined
        : speedBonus(roundPoints(entry.error, best.error), pick.timeLeftShare);
    return roundResult(pick, entry.error, best.error, bonus);
  });
  return { bestLevel: best.level, results };
}

/**
 * One player's result row: points for the fit, plus the speed bonus when the room has one
 * (`bonus` undefined when it has none), with the sum behind the points for the player to read.
 */
export function roundResult(
  pick: { sessionId: string; name: string; level: number },
  hiddenError: number,
  bestError: number,
  bonus: number | undefined,
): RoundResult {
  return {
    sessionId: pick.sessionId,
    name: pick.name,
    level: pick.level,
    hiddenError,
    points: roundPoints(hiddenError, bestError) + (bonus ?? 0),
    speedBonus: bonus ?? 0,
    sum: pointsSum(hiddenError, bestError),
  };
}

export interface Standing {
  sessionId: string;
  name: string;
  points: number;
  /** Order of joining, to break ties fairly and stably. */
  seat: number;
}

/** Leaderboard order: most points first, then earlier seat. Returns ranks (1-based) by session. */
export function rankStandings(standings: Standing[]): Map<string, number> {
  const ordered = [...standings].sort((p, q) => q.points - p.points || p.seat - q.seat);
  return new Map(ordered.map((s, i) => [s.sessionId, i + 1]));
}

/** The next host when the host leaves: the earliest-seated remaining player, else nobody. */
export function nextHost(players: { sessionId: string; seat: number }[], leaving: string): string | undefined {
  return [...players].filter((p) => p.sessionId !== leaving).sort((p, q) => p.seat - q.seat)[0]?.sessionId;
}

/** After a round's reveal: another round, or the podium after the last (PHASE_FLOW.reveal.next). */
export function phaseAfterReveal(round: number, rounds: number): Phase {
  return nextPhase("reveal", { round, rounds, tuningSeconds: 0 });
}

/**
 * A name nobody else in the room has, nor one that looks like it (case, fullwidth, Cyrillic or
 * Greek look-alikes: `nameKeys`): "Ada", then "Ada 2", "Ada 3", … At most 20 characters.
 */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const keys = new Set([...taken].flatMap(nameKeys));
  const free = (candidate: string) => !nameKeys(candidate).some((k) => keys.has(k));
  if (free(name)) return name;
  for (let i = 2; ; i++) {
    const suffix = ` ${i}`;
    const candidate = [...name].slice(0, 20 - suffix.length).join("") + suffix;
    if (free(candidate)) return candidate;
  }
}

/** Who may send each message, and in which phases. */
export const MESSAGE_RULES: Record<ClientMessageType, { who: "host" | "player"; phases: Phase[] }> = {
  settings: { who: "host", phases: ["lobby"] },
  start: { who: "host", phases: ["lobby"] },
  pick: { who: "player", phases: ["tuning"] },
  lockIn: { who: "player", phases: ["tuning"] },
  next: { who: "host", phases: ["reveal"] },
  playAgain: { who: "host", phases: ["podium"] },
  roomSettings: { who: "host", phases: ["lobby", "training", "tuning", "reveal", "podium"] },
  kick: { who: "host", phases: ["lobby", "training", "tuning", "reveal", "podium"] },
  rename: { who: "host", phases: ["lobby", "training", "tuning", "reveal", "podium"] },
  pause: { who: "host", phases: ["tuning"] },
  skip: { who: "host", phases: ["tuning"] },
  endMatch: { who: "host", phases: ["training", "tuning", "reveal"] },
};

export interface Sender {
  isHost: boolean;
  /** A player in the current round (not a spectator, not waiting for the next round). */
  inRound: boolean;
  locked: boolean;
}

/** Why a (valid) message is refused right now, or null when it is allowed. */
export function refusal(type: ClientMessageType, sender: Sender, phase: Phase): ErrorMessage | null {
  const rule = MESSAGE_RULES[type];
  if (rule.who === "host" && !sender.isHost) return { code: "not-allowed", params: { reason: "host-only", type } };
  if (rule.who === "player" && !sender.inRound)
    return { code: "not-allowed", params: { reason: "not-in-round", type } };
  if (!rule.phases.includes(phase)) return { code: "wrong-phase", params: { type, phase } };
  if (rule.who === "player" && sender.locked)
    return { code: "not-allowed", params: { reason: "already-locked", type } };
  return null;
}
