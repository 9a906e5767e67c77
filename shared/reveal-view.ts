// The reveal as the screens draw it: the reveal message plus everybody's result rows and the
// round's shake-up. The message carries no per-player rows (it would grow with the room); each
// player's level and speed bonus reach everyone in the state, and every client rebuilds the same
// rows here with the same scoring the room used (`roundResult`, shared/match.ts).
import type { RevealMessage, RoundResult, ShakeUp } from "./protocol";
import { roundResult } from "./match";
import { shakeUp } from "./shake-up";

export interface RevealView extends RevealMessage {
  results: RoundResult[];
  /** Rank by fit to A (validation error) against rank by fit to B, for this round. */
  shakeUp: ShakeUp;
}

/** What the rows are rebuilt from: the room state's fields at the reveal. */
export interface RevealedState {
  phase: string;
  round: number;
  speedBonus: boolean;
  players: {
    forEach(
      each: (player: { name: string; revealedPick: number; speedBonus: number }, sessionId: string) => void,
    ): void;
  };
}

/** The message with the given rows and the shake-up they make. */
export function revealView(message: RevealMessage, results: RoundResult[]): RevealView {
  const byLevel = new Map(message.hidden.map((h) => [h.level, h]));
  return {
    ...message,
    results,
    shakeUp: shakeUp(
      results.map((r) => ({
        sessionId: r.sessionId,
        name: r.name,
        onA: byLevel.get(r.level)!.validationError,
        onB: r.hiddenError,
      })),
    ),
  };
}

/**
 * The reveal view once the state has reached this message's reveal (it arrives a patch after the
 * message), else undefined. A row for each player with a revealed pick, in the state's order.
 */
export function revealFromState(message: RevealMessage, state: RevealedState): RevealView | undefined {
  if (state.phase !== "reveal" || state.round !== message.round) return undefined;
  const byLevel = new Map(message.hidden.map((h) => [h.level, h.error]));
  const best = byLevel.get(message.bestLevel)!;
  const results: RoundResult[] = [];
  state.players.forEach((p, sessionId) => {
    const error = byLevel.get(p.revealedPick);
    if (error === undefined) return; // joined after the round began, or not yet revealed
    const bonus = state.speedBonus ? p.speedBonus : undefined;
    results.push(roundResult({ sessionId, name: p.name, level: p.revealedPick }, error, best, bonus));
  });
  return revealView(message, results);
}
