// What a room keeps in the results store: each match and its rounds, and the daily challenge's
// scores. A failed write is logged (with what was not kept) and the round is still played out.
import { randomUUID } from "node:crypto";
import type { DailyMessage, RoundResult } from "../shared/protocol";
import { replayToken, type RoundOpening } from "../shared/round-key";
import { HOMEWORK_TUNING_SECONDS } from "../shared/match-flow";
import type { LevelErrors } from "../shared/teacher";
import { log } from "./log";
import type { MatchRecord, ResultsStore } from "./results-store";
import { HOMEWORK_CODE, type Attempt, type StoredAssignment } from "./teacher-store";

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
  saveRound(
    round: number,
    opening: RoundOpening,
    bestLevel: number,
    rows: StoredRow[],
    levels: LevelErrors[] = [],
  ): void {
    const results = rows.map(({ arithmetic: _, ...r }) => r);
    const stored = { round, opening: replayToken(opening), bestLevel, levels, results };
    try {
      this.store.saveRound(this.match!, stored);
    } catch (error) {
      log.error("round-not-saved", { room: this.room, round, match: this.match!.id, error, results: stored });
    }
  }

  /** The daily round's score; returns where the player stands today (undefined if not saved). */
  saveDaily(date: string, result: RoundResult | undefined): DailyMessage | undefined {
    if (!result) return undefined;
    try {
      const { name, points, level, hiddenError } = result;
      const standing = this.store.saveDaily({ date, name, points, level, hiddenError });
      return { date, points: result.points, ...standing };
    } catch (error) {
      log.error("daily-score-not-saved", { room: this.room, name: result.name, error });
      return undefined;
    }
  }

  /** A homework attempt has no winner (it would count on the hall of fame's wins). */
  finish(winner: string | undefined): void {
    this.store.finishMatch(this.match!.id, this.match!.assignmentId ? undefined : winner);
  }
}
