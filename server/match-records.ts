// What a room keeps in the results store: each match and its rounds, and the daily challenge's
// scores. A failed write is tried again (RETRY_DELAYS_MS); if it still fails it is logged with what
// was not kept, counted (/healthz), and the round is still played out: the reveal never waits longer.
import { randomUUID } from "node:crypto";
import type { DailyMessage, RoundResult } from "../shared/protocol";
import { replayToken, type RoundOpening } from "../shared/round-key";
import { HOMEWORK_TUNING_SECONDS } from "../shared/match-flow";
import type { LevelErrors } from "../shared/teacher";
import { log } from "./log";
import type { MatchRecord, ResultsStore } from "./results-store";
import { HOMEWORK_CODE, type Attempt, type StoredAssignment } from "./teacher-store";

/** Writes given up on since the process started, after every retry (/healthz shows them). */
export const unsavedWrites = { rounds: 0, dailies: 0, finishes: 0 };

/** Waits before each retry of a failed write: about 2 s in all before the reveal goes on without it. */
export const RETRY_DELAYS_MS = [100, 400, 1500];

async function withRetries<T>(what: string, room: string, write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= RETRY_DELAYS_MS.length) throw error;
      log.warn("store-write-retried", { what, room, attempt: attempt + 1, error });
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]));
    }
  }
}

/** A round result as stored: with the player's seat and their new total. */
export type StoredRow = RoundResult & { seat: number; total: number };

export class MatchRecords {
  /** The match being played; a new one (new id) at each Start. */
  match?: MatchRecord;

  constructor(
    private readonly store: ResultsStore,
    private readonly room: string,
  ) {}

  /** A new match; `teacherId` when the room was made with a teacher key, so it shows in their report. */
  start(code: string, rounds: number, tuningSeconds: number, extra: { teacherId?: string } = {}): MatchRecord {
    const startedAt = new Date().toISOString();
    this.match = { id: randomUUID(), code, rounds, tuningSeconds, startedAt, teacherId: extra.teacherId };
    return this.match;
  }

  /** A homework attempt (TeacherStore.resumeAttempt made its row): rounds are saved under its id, so a resumed one goes on. */
  startAttempt(attempt: Attempt, assignment: StoredAssignment): MatchRecord {
    this.match = {
      id: attempt.id,
      code: HOMEWORK_CODE,
      rounds: assignment.rounds,
      tuningSeconds: HOMEWORK_TUNING_SECONDS,
      startedAt: new Date().toISOString(),
      teacherId: assignment.teacherId,
      assignmentId: assignment.id,
      counts: attempt.counts,
    };
    return this.match;
  }

  /** A match round's results, each row with the player's seat and new total, and the round's U-curve. */
  async saveRound(
    round: number,
    opening: RoundOpening,
    bestLevel: number,
    rows: StoredRow[],
    levels: LevelErrors[] = [],
  ): Promise<void> {
    const results = rows.map(({ sum: _, ...r }) => r);
    // A set's round is not the catalog's: its token would replay a different round, so it is marked instead.
    const token = opening.set ? `set~${opening.id}` : replayToken(opening);
    const stored = { round, opening: token, bestLevel, levels, results };
    const match = this.match!;
    try {
      await withRetries("round", this.room, () => this.store.saveRound(match, stored));
    } catch (error) {
      unsavedWrites.rounds++;
      log.error("round-not-saved", { room: this.room, round, match: match.id, error, results: stored });
    }
  }

  /** The daily round's score; returns where the player stands today (undefined if not saved). */
  async saveDaily(date: string, result: RoundResult | undefined): Promise<DailyMessage | undefined> {
    if (!result) return undefined;
    try {
      const { name, points, level, hiddenError } = result;
      const entry = { date, name, points, level, hiddenError };
      const standing = await withRetries("daily", this.room, () => this.store.saveDaily(entry));
      return { date, points: result.points, ...standing };
    } catch (error) {
      unsavedWrites.dailies++;
      log.error("daily-score-not-saved", { room: this.room, name: result.name, error });
      return undefined;
    }
  }

  /** A homework attempt has no winner (it would count on the hall of fame's wins). */
  async finish(winner: string | undefined): Promise<void> {
    const match = this.match!;
    try {
      const write = () => this.store.finishMatch(match.id, match.assignmentId ? undefined : winner);
      await withRetries("finish", this.room, write);
    } catch (error) {
      unsavedWrites.finishes++;
      log.error("match-finish-not-saved", { room: this.room, match: match.id, winner, error });
    }
  }
}
