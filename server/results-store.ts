// Match results, the daily challenge's scores and the boards read from them, in SQLite or
// PostgreSQL (server/store/database.ts): every finished round is written in one transaction
// before anyone sees its results, so a crash loses at most the round being played.
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from "kysely";
import type { RoundResult } from "../shared/protocol";
import type { LevelErrors } from "../shared/teacher";
import { openDatabase, type StoreDatabase, type StoreLocation } from "./store/database";
import type { Tables } from "./store/tables";

export interface MatchRecord {
  id: string;
  code: string;
  rounds: number;
  tuningSeconds: number;
  startedAt: string;
  /** The teacher key's id (SHA-256 hex of the key) when the room was made with one. */
  teacherId?: string;
  /** A homework attempt: its assignment, the student's name and device (SHA-256 hex), and whether it counts. */
  assignmentId?: string;
  student?: string;
  device?: string;
  /** False for a practice attempt (a later attempt of the same name and device). */
  counts?: boolean;
}

export interface StoredResult extends Omit<RoundResult, "sum"> {
  seat: number;
  /** The player's total after this round. */
  total: number;
}

export interface StoredRound {
  round: number;
  /** What fixed the round, published at its reveal: a replay token (shared/round-key.ts), or `set~<round id>` for a round of a teacher's set (not a catalog round: no replay). */
  opening: string;
  bestLevel: number;
  finishedAt: string;
  /** The U-curve, one entry per level (empty for rounds stored before reports existed). */
  levels: LevelErrors[];
  results: StoredResult[];
}

export type StoredMatch = MatchRecord & { finishedAt: string | null; winner: string | null };

export interface DailyStanding {
  best: number;
  rank: number;
  players: number;
}
export interface Page<T> {
  total: number;
  rows: T[];
}

/** The stores' text order (UTF-8 bytes: SQLite's BINARY, PostgreSQL's "C"), which JavaScript's `<` differs from beyond the BMP. */
const byText = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** A board read as it stood at a time: rows unchanged since then come from the summary in order,
 *  the few changed since are read back from the scores as they were, and the two are merged. */
interface Snapshot<R> {
  /** `count` unchanged rows in board order, from `from`. */
  window(count: number, from: number): Promise<R[]>;
  /** How many unchanged rows score more than `score`. */
  above(score: number): Promise<number>;
  /** The rows changed since, as they stood then (any order). */
  changed: R[];
  score(row: R): number;
  compare(a: R, b: R): number;
}

/** How many rows a query's FROM and WHERE select. */
async function countOf<T extends keyof Tables>(query: SelectQueryBuilder<Tables, T, object>): Promise<number> {
  return (await query.select(sql<number>`COUNT(*)`.as("n")).executeTakeFirstOrThrow()).n;
}

/** One page of a snapshot, ranked as SQL's RANK() over the score would rank it. */
async function snapshotPage<R>(board: Snapshot<R>, limit: number, offset: number): Promise<(R & { rank: number })[]> {
  const changed = [...board.changed].sort(board.compare);
  // Each changed row moves the unchanged rows after it one place down: read that many more before.
  const from = Math.max(0, offset - changed.length);
  const window = await board.window(offset + limit - from, from);
  const exhausted = window.length < offset + limit - from;
  const placed: [at: number, row: R][] = window.map((row, i) => [
    from + i + changed.filter((c) => board.compare(c, row) < 0).length,
    row,
  ]);
  changed.forEach((row, j) => {
    const before = window.filter((w) => board.compare(w, row) < 0).length;
    // Before the window (when it is not the start) or after it (when there is more): off this page.
    if ((before === 0 && from > 0) || (before === window.length && !exhausted)) return;
    placed.push([from + before + j, row]);
  });
  const page = placed
    .filter(([at]) => at >= offset && at < offset + limit)
    .sort((p, q) => p[0] - q[0])
    .map(([, row]) => row);
  if (page.length === 0) return [];
  const first = board.score(page[0]);
  let rank = 1 + (await board.above(first)) + changed.filter((c) => board.score(c) > first).length;
  return page.map((row, i) => {
    const score = board.score(row);
    if (i > 0 && score !== board.score(page[i - 1])) rank = offset + i + 1;
    return { ...row, rank };
  });
}

export class ResultsStore {
  private readonly db: Kysely<Tables>;

  constructor(readonly database: StoreDatabase) {
    this.db = database.db;
  }

  /** The store at `where` (PostgreSQL by URL, else the SQLite file), migrated to this version. */
  static async open(where: StoreLocation): Promise<ResultsStore> {
    return new ResultsStore(await openDatabase(where));
  }

  /** Writes a match (once; a homework attempt's row exists before its first round). */
  async saveMatch(match: MatchRecord, db: Kysely<Tables> = this.db): Promise<void> {
    await db
      .insertInto("matches")
      .values({
        id: match.id,
        code: match.code,
        rounds: match.rounds,
        tuning_seconds: match.tuningSeconds,
        started_at: match.startedAt,
        teacher_id: match.teacherId ?? null,
        assignment_id: match.assignmentId ?? null,
        student: match.student ?? null,
        device: match.device ?? null,
        counts: match.counts === false ? 0 : 1,
      })
      .onConflict((conflict) => conflict.column("id").doNothing())
      .execute();
  }

  /** Writes a finished round and its results in one transaction. */
  async saveRound(
    match: MatchRecord,
    round: Omit<StoredRound, "finishedAt" | "levels"> & { levels?: LevelErrors[] },
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.saveMatch(match, trx);
      await trx
        .insertInto("rounds")
        .values({
          match_id: match.id,
          round: round.round,
          opening: round.opening,
          best_level: round.bestLevel,
          finished_at: new Date().toISOString(),
          levels: JSON.stringify(round.levels ?? []),
        })
        .execute();
      if (round.results.length === 0) return;
      await trx
        .insertInto("round_results")
        .values(
          round.results.map((r) => ({
            match_id: match.id,
            round: round.round,
            session_id: r.sessionId,
            seat: r.seat,
            name: r.name,
            level: r.level,
            hidden_error: r.hiddenError,
            points: r.points,
            speed_bonus: r.speedBonus,
            total: r.total,
          })),
        )
        .execute();
    });
  }

  /** Marks a match finished, with its winner's name (none when nobody played). */
  async finishMatch(matchId: string, winner?: string): Promise<void> {
    await this.db
      .updateTable("matches")
      .set({ finished_at: new Date().toISOString(), winner: winner ?? null })
      .where("id", "=", matchId)
      .execute();
  }

  /** Writes a daily challenge score and returns where that name stands today. */
  async saveDaily(entry: {
    date: string;
    name: string;
    points: number;
    level: number;
    hiddenError: number;
  }): Promise<DailyStanding> {
    return this.db.transaction().execute(async (trx) => {
      const { date, name, points, level, hiddenError } = entry;
      await trx
        .insertInto("daily_scores")
        .values({ date, name, points, level, hidden_error: hiddenError, played_at: new Date().toISOString() })
        .execute();
      const { best } = await trx
        .selectFrom("daily_best")
        .select("points as best")
        .where("date", "=", date)
        .where("name", "=", name)
        .executeTakeFirstOrThrow();
      const { better, players } = await trx
        .selectFrom("daily_best")
        .select([
          sql<number>`COUNT(*) FILTER (WHERE points > ${best})`.as("better"),
          sql<number>`COUNT(*)`.as("players"),
        ])
        .where("date", "=", date)
        .executeTakeFirstOrThrow();
      return { best, rank: better + 1, players };
    });
  }

  /** The time a board is read as of: `asOf` when given and past, else now (less a millisecond, so a
   *  result written later in this millisecond is not half in, half out of the snapshot). */
  snapshotTime(asOf?: string): string {
    const latest = new Date(Date.now() - 1).toISOString();
    return asOf !== undefined && asOf < latest ? asOf : latest;
  }

  /** A column kept out of SQLite's index choice (its planner would otherwise scan by it; PostgreSQL's does not). */
  private unindexed(column: "last_at" | "winner" | "assignment_id"): RawBuilder<string> {
    return this.database.engine === "sqlite" ? sql<string>`+${sql.ref(column)}` : sql<string>`${sql.ref(column)}`;
  }

  /** A day's leaderboard as it stood at `asOf`: best score per name, highest first (ties: who got there first). */
  async dailyBoard(
    date: string,
    limit: number,
    offset: number,
    asOf = this.snapshotTime(),
  ): Promise<Page<{ rank: number; name: string; points: number; level: number }>> {
    type Row = { name: string; points: number; level: number; at: string };
    const board = this.db.selectFrom("daily_best").where("date", "=", date);
    const keys = await board.select("name").where("last_at", ">", asOf).execute();
    const changed = (
      await Promise.all(
        keys.map(async ({ name }) => {
          const best = await this.bestAsOf(date, name, asOf);
          return best ? [{ name, points: best.points, level: best.level, at: best.reachedAt }] : [];
        }),
      )
    ).flat();
    const n = await countOf(board);
    const unchanged = board.where(this.unindexed("last_at"), "<=", asOf);
    const rows = await snapshotPage<Row>(
      {
        window: (count, from) =>
          unchanged
            .select(["name", "points", "level", "reached_at as at"])
            .orderBy("points", "desc")
            .orderBy("reached_at")
            .orderBy("name")
            .limit(count)
            .offset(from)
            .execute(),
        above: (points) => countOf(unchanged.where("points", ">", points)),
        changed,
        score: (r) => r.points,
        compare: (p, q) => q.points - p.points || byText(p.at, q.at) || byText(p.name, q.name),
      },
      limit,
      offset,
    );
    return { total: n - keys.length + changed.length, rows: rows.map(({ at: _, ...row }) => row) };
  }

  /** The hall of fame as it stood at `asOf`: the best daily scores ever (one per name and day). */
  async bestDailyScores(
    limit: number,
    offset: number,
    asOf = this.snapshotTime(),
  ): Promise<Page<{ rank: number; name: string; points: number; date: string }>> {
    type Row = { name: string; points: number; date: string; at: string };
    const keys = await this.db.selectFrom("daily_best").select(["date", "name"]).where("last_at", ">", asOf).execute();
    const changed = (
      await Promise.all(
        keys.map(async ({ date, name }) => {
          const best = await this.bestAsOf(date, name, asOf);
          return best ? [{ name, points: best.points, date, at: best.firstAt }] : [];
        }),
      )
    ).flat();
    const unchanged = this.db.selectFrom("daily_best").where(this.unindexed("last_at"), "<=", asOf);
    const rows = await snapshotPage<Row>(
      {
        window: (count, from) =>
          unchanged
            .select(["name", "points", "date", "first_at as at"])
            .orderBy("points", "desc")
            .orderBy("first_at")
            .orderBy("name")
            .orderBy("date")
            .limit(count)
            .offset(from)
            .execute(),
        above: (points) => countOf(unchanged.where("points", ">", points)),
        changed,
        score: (r) => r.points,
        compare: (p, q) =>
          q.points - p.points || byText(p.at, q.at) || byText(p.name, q.name) || byText(p.date, q.date),
      },
      limit,
      offset,
    );
    return {
      total: (await this.totalOf("daily_best")) - keys.length + changed.length,
      rows: rows.map(({ at: _, ...row }) => row),
    };
  }

  /** The hall of fame as it stood at `asOf`: most matches won. */
  async mostWins(
    limit: number,
    offset: number,
    asOf = this.snapshotTime(),
  ): Promise<Page<{ rank: number; name: string; wins: number }>> {
    type Row = { name: string; wins: number };
    const recent = (await this.db
      .selectFrom("matches")
      .select(["winner as name", sql<number>`COUNT(*)`.as("wins")])
      .where("finished_at", ">", asOf)
      .where(this.unindexed("winner"), "is not", null)
      .where(this.unindexed("assignment_id"), "is", null)
      .groupBy("winner")
      .execute()) as Row[];
    const names = recent.map((r) => r.name);
    const now = new Map(
      names.length === 0
        ? []
        : (await this.db.selectFrom("match_wins").select(["name", "wins"]).where("name", "in", names).execute()).map(
            (r) => [r.name, r.wins],
          ),
    );
    const changed = recent.flatMap(({ name, wins }) => {
      const total = now.get(name) ?? 0;
      return total > wins ? [{ name, wins: total - wins }] : [];
    });
    const others =
      names.length === 0
        ? this.db.selectFrom("match_wins")
        : this.db.selectFrom("match_wins").where("name", "not in", names);
    const rows = await snapshotPage<Row>(
      {
        window: (count, from) =>
          others.select(["name", "wins"]).orderBy("wins", "desc").orderBy("name").limit(count).offset(from).execute(),
        above: (wins) => countOf(others.where("wins", ">", wins)),
        changed,
        score: (r) => r.wins,
        compare: (p, q) => q.wins - p.wins || byText(p.name, q.name),
      },
      limit,
      offset,
    );
    return { total: (await this.totalOf("match_wins")) - recent.length + changed.length, rows };
  }

  /** A name's best of a day from the scores played by `asOf` (ties: the first to reach it). */
  private async bestAsOf(date: string, name: string, asOf: string) {
    const played = this.db
      .selectFrom("daily_scores")
      .where("date", "=", date)
      .where("name", "=", name)
      .where("played_at", "<=", asOf);
    const best = await played
      .select(["points", "level", "played_at as reachedAt"])
      .orderBy("points", "desc")
      .orderBy("played_at")
      .limit(1)
      .executeTakeFirst();
    if (!best) return undefined;
    const { firstAt } = await played.select((q) => q.fn.min("played_at").as("firstAt")).executeTakeFirstOrThrow();
    return { ...best, firstAt: firstAt! };
  }

  private async totalOf(board: "daily_best" | "match_wins"): Promise<number> {
    return (
      await this.db.selectFrom("leaderboard_totals").select("n").where("board", "=", board).executeTakeFirstOrThrow()
    ).n;
  }

  // Homework attempts are left out: their openings hold the assignment's B, secret until its deadline.
  private get matches() {
    return this.db
      .selectFrom("matches")
      .select([
        "id",
        "code",
        "rounds",
        "tuning_seconds as tuningSeconds",
        "started_at as startedAt",
        "finished_at as finishedAt",
        "winner",
      ])
      .where("assignment_id", "is", null);
  }

  match(id: string): Promise<StoredMatch | undefined> {
    return this.matches.where("id", "=", id).executeTakeFirst();
  }

  matchesByCode(code: string): Promise<StoredMatch[]> {
    return this.matches.where("code", "=", code).orderBy("started_at").execute();
  }

  async rounds(matchId: string): Promise<StoredRound[]> {
    const rounds = await this.db
      .selectFrom("rounds")
      .select(["round", "opening", "best_level as bestLevel", "finished_at as finishedAt", "levels"])
      .where("match_id", "=", matchId)
      .orderBy("round")
      .execute();
    const results = await this.db
      .selectFrom("round_results")
      .select([
        "round",
        "session_id as sessionId",
        "seat",
        "name",
        "level",
        "hidden_error as hiddenError",
        "points",
        "speed_bonus as speedBonus",
        "total",
      ])
      .where("match_id", "=", matchId)
      .orderBy("round")
      .orderBy("seat")
      .execute();
    return rounds.map((r) => ({
      ...r,
      levels: JSON.parse(r.levels) as LevelErrors[],
      results: results.filter((x) => x.round === r.round).map(({ round: _, ...x }) => x),
    }));
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
