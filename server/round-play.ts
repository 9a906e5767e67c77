// One match's rounds on the server, without Colyseus: trains each round's ladder (a worker),
// keeps B and what fixes it until the reveal, scores the picks and tallies the shake-up. The
// room (server/match-room.ts) moves the phases and writes the state from what this returns.
import { randomUUID } from "node:crypto";
import { SPIRAL_KINDS } from "../shared/catalog";
import { dailyRoundId } from "../shared/daily";
import { scoreRound, type PickEntry } from "../shared/match";
import type { PodiumMessage, RevealMessage, RoundMessage, RoundResult } from "../shared/protocol";
import type { Difficulty, Round } from "../shared/round";
import type { SetRoundSpec } from "../shared/round-set";
import { canonicalKinds, type RoundOpening } from "../shared/round-key";
import type { HiddenFit } from "../shared/round-ladder";
import { roundOf } from "../shared/round-proof";
import { revealMessage, roundMessage } from "../shared/round-messages";
import { roundPoints } from "../shared/scoring";
import { shakeUp } from "../shared/shake-up";
import type { LevelErrors } from "../shared/teacher";
import { roundKey } from "./round-secret";
import { trainer } from "./trainer";

/** A round being played: `opening` (what fixes B) and `hidden` stay on the server until the reveal. */
export interface CurrentRound {
  number: number;
  round: Round;
  opening: RoundOpening;
  /** The UTC date it began (the daily's day). */
  date: string;
  hidden: HiddenFit[];
  message: RoundMessage;
}

/** What a round is made of: fixed (the daily's: the day's) or the host's settings. */
export interface RoundSettings {
  daily: boolean;
  kinds: readonly string[];
  difficulty: string;
  date: string;
  /** The round's id when it is given (a homework's: the same A and B for every student); else a fresh one. */
  id?: string;
  /** A round from a teacher's set: its A and B (on the server only until the reveal, in the opening). */
  set?: SetRoundSpec;
}

export class RoundPlay {
  current?: CurrentRound;
  reveal?: RevealMessage;
  /** Per player, the points they would have had if scored on A's validation points (for the shake-up). */
  private pointsOnA = new Map<string, number>();

  constructor(private readonly secret: string) {}

  /** A new match: no round, no reveal, no tally. */
  newMatch(): void {
    this.clearRound();
    this.pointsOnA.clear();
  }

  clearRound(): void {
    this.current = undefined;
    this.reveal = undefined;
  }

  /**
   * Trains round `number` (the worker reports progress 0–1). A round's id is random (the daily's
   * is its date, a homework's the assignment's); either way B's seed comes from the server's
   * secret, so the id gives nothing away. Resolves with the round; `current` is set by `begin`.
   */
  async train(number: number, settings: RoundSettings, onProgress: (done: number) => void): Promise<CurrentRound> {
    const id = settings.id ?? (settings.daily ? dailyRoundId(settings.date) : randomUUID());
    const kinds = canonicalKinds(settings.daily ? SPIRAL_KINDS : settings.kinds);
    const difficulty = (settings.daily ? "normal" : settings.difficulty) as Difficulty;
    const opening: RoundOpening = settings.set
      ? { ...roundKey(this.secret, id), difficulty, kinds: [...SPIRAL_KINDS], set: settings.set }
      : { ...roundKey(this.secret, id), difficulty, kinds };
    const round = roundOf(opening);
    const { fits, hidden } = await trainer.train(opening, onProgress);
    const message = roundMessage(number, round, fits, opening);
    return { number, round, opening, date: settings.date, hidden: hidden!, message };
  }

  /** The trained round becomes the one being played. */
  begin(round: CurrentRound): void {
    this.current = round;
    this.reveal = undefined;
  }

  /**
   * Scores the picks of the current round and makes its reveal, with each level's errors (the
   * U-curve the class report draws). When others play the same B later (the daily, homework),
   * the opening waits until `openingAfter`.
   */
  score(
    picks: PickEntry[],
    openingAfter?: string,
  ): { bestLevel: number; results: RoundResult[]; reveal: RevealMessage; levels: LevelErrors[] } {
    const { bestLevel, results } = scoreRound(this.current!.hidden, picks);
    this.tallyPointsOnA(results);
    const reveal = this.revealOf(bestLevel, openingAfter);
    const { fits } = this.current!.message;
    const levels = reveal.hidden.map((h) => ({
      level: h.level,
      trainError: fits.find((f) => f.level === h.level)!.trainError,
      validationError: h.validationError,
      hiddenError: h.error,
    }));
    return { bestLevel, results, reveal, levels };
  }

  /**
   * The reveal of a round scored before a restart (retrained from its id): the same message, and
   * nothing tallied, saved or added again (the points are in the restored state already).
   */
  revealAgain(openingAfter?: string): RevealMessage {
    return this.revealOf(scoreRound(this.current!.hidden, []).bestLevel, openingAfter);
  }

  private revealOf(bestLevel: number, openingAfter?: string): RevealMessage {
    const { number, round, hidden, message, opening } = this.current!;
    const shown = openingAfter ? { later: openingAfter } : opening;
    this.reveal = revealMessage(number, round, hidden, bestLevel, message.fits, shown);
    return this.reveal;
  }

  /** A player's shake-up tally so far (for checkpoints). */
  pointsOnAOf(sessionId: string): number {
    return this.pointsOnA.get(sessionId) ?? 0;
  }

  /** A restored player's tally, under the key it has now (a restored seat, then its new session). */
  setPointsOnA(sessionId: string, points: number): void {
    this.pointsOnA.set(sessionId, points);
  }

  /** A seat taken back by a new session keeps its tally. */
  movePlayer(from: string, to: string): void {
    const points = this.pointsOnA.get(from);
    this.pointsOnA.delete(from);
    if (points !== undefined) this.pointsOnA.set(to, points);
  }

  /** What each player would have scored had the round been scored on A's validation points. */
  private tallyPointsOnA(results: RoundResult[]): void {
    const fits = this.current!.message.fits;
    const best = Math.min(...fits.map((f) => f.validationError));
    for (const r of results) {
      const onA = roundPoints(fits[r.level - 1].validationError, best);
      this.pointsOnA.set(r.sessionId, (this.pointsOnA.get(r.sessionId) ?? 0) + onA);
    }
  }

  /** The match's shake-up: rank by points-if-scored-on-A against rank by points. */
  podium(matchId: string, players: { sessionId: string; name: string; points: number }[]): PodiumMessage {
    return {
      matchId,
      shakeUp: shakeUp(
        players.map((p) => ({
          sessionId: p.sessionId,
          name: p.name,
          onA: -(this.pointsOnA.get(p.sessionId) ?? 0),
          onB: -p.points,
        })),
      ),
    };
  }
}
