// Match results in SQLite (better-sqlite3): every finished round is written in one transaction
// before anyone sees its results, so a crash loses at most the round being played.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { RoundResult } from "../shared/protocol";
import type { LevelErrors } from "../shared/teacher";

export const DEFAULT_DATABASE_PATH = "data/shell-and-galaxy.sqlite";

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

export interface StoredResult extends Omit<RoundResult, "arithmetic"> {
  seat: number;
  /** The player's total after this round. */
  total: number;
}

export interface StoredRound {
  round: number;
  /** What fixed the round, published at its reveal: a replay token (shared/round-key.ts). */
  opening: string;
  bestLevel: number;
  finishedAt: string;
  /** The U-curve, one entry per level (empty for rounds stored before reports existed). */
  levels: LevelErrors[];
  results: StoredResult[];
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS matches (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    rounds INTEGER NOT NULL,
    tuning_seconds INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    winner TEXT
  );
  CREATE TABLE IF NOT EXISTS rounds (
    match_id TEXT NOT NULL REFERENCES matches(id),
    round INTEGER NOT NULL,
    opening TEXT NOT NULL,
    best_level INTEGER NOT NULL,
    finished_at TEXT NOT NULL,
    PRIMARY KEY (match_id, round)
  );
  CREATE TABLE IF NOT EXISTS round_results (
    match_id TEXT NOT NULL,
    round INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    seat INTEGER NOT NULL,
    name TEXT NOT NULL,
    level INTEGER NOT NULL,
    hidden_error REAL NOT NULL,
    points INTEGER NOT NULL,
    speed_bonus INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL,
    PRIMARY KEY (match_id, round, session_id),
    FOREIGN KEY (match_id, round) REFERENCES rounds(match_id, round)
  );
  CREATE INDEX IF NOT EXISTS matches_by_code ON matches(code);
  CREATE TABLE IF NOT EXISTS daily_scores (
    date TEXT NOT NULL,
    name TEXT NOT NULL,
    points INTEGER NOT NULL,
    level INTEGER NOT NULL,
    hidden_error REAL NOT NULL,
    played_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS daily_by_date ON daily_scores(date, name);
`;

/** Columns added after the first files were written: each is added to an old file when missing. */
const ADDED_COLUMNS: [table: string, column: string, definition: string][] = [
  ["matches", "teacher_id", "TEXT"],
  ["matches", "assignment_id", "TEXT"],
  ["matches", "student", "TEXT"],
  ["matches", "device", "TEXT"],
  ["matches", "counts", "INTEGER NOT NULL DEFAULT 1"],
  ["rounds", "levels", "TEXT NOT NULL DEFAULT '[]'"],
];
const ADDED_INDEXES = `
  CREATE INDEX IF NOT EXISTS matches_by_teacher ON matches(teacher_id);
  CREATE INDEX IF NOT EXISTS matches_by_assignment ON matches(assignment_id, device, student);
`;

/**
 * The boards' summaries, kept by triggers in the writing transaction so no request reads every
 * result: each name's best per day (`daily_best`), wins per name (`match_wins`) and row counts.
 * `reached_at`: when the day's best was first reached (the day's tie-break); `first_at`: the first
 * play that day (the hall of fame's); `last_at`: the last play, to tell what changed after a snapshot.
 */
const LEADERBOARD_TABLES = `
  CREATE TABLE daily_best (
    date TEXT NOT NULL, name TEXT NOT NULL, points INTEGER NOT NULL, level INTEGER NOT NULL,
    reached_at TEXT NOT NULL, first_at TEXT NOT NULL, last_at TEXT NOT NULL,
    PRIMARY KEY (date, name)) WITHOUT ROWID;
  CREATE TABLE match_wins (name TEXT PRIMARY KEY, wins INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE leaderboard_totals (board TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
`;
/** Old files: the summaries from the rows already there, once (the ties broken as the boards break them). */
const LEADERBOARD_BACKFILL = `
  INSERT INTO daily_best SELECT date, name, points, level, played_at, first_at, last_at FROM (
    SELECT date, name, points, level, played_at,
      ROW_NUMBER() OVER (PARTITION BY date, name ORDER BY points DESC, played_at) AS nth,
      MIN(played_at) OVER (PARTITION BY date, name) AS first_at, MAX(played_at) OVER (PARTITION BY date, name) AS last_at
    FROM daily_scores) WHERE nth = 1;
  INSERT INTO match_wins SELECT winner, COUNT(*) FROM matches WHERE winner IS NOT NULL AND assignment_id IS NULL GROUP BY winner;
  INSERT INTO leaderboard_totals VALUES ('daily_best', (SELECT COUNT(*) FROM daily_best)), ('match_wins', (SELECT COUNT(*) FROM match_wins));
`;
const WON = (row: string) => `${row}.winner IS NOT NULL AND ${row}.assignment_id IS NULL`;
const LEADERBOARD_INDEXES = `
  CREATE INDEX IF NOT EXISTS daily_best_by_day ON daily_best(date, points DESC, reached_at, name, level, last_at);
  CREATE INDEX IF NOT EXISTS daily_best_by_points ON daily_best(points DESC, first_at, name, date, last_at);
  CREATE INDEX IF NOT EXISTS daily_best_by_change ON daily_best(last_at);
  CREATE INDEX IF NOT EXISTS match_wins_by_wins ON match_wins(wins DESC, name);
  CREATE INDEX IF NOT EXISTS matches_by_finish ON matches(finished_at);
  CREATE TRIGGER IF NOT EXISTS daily_best_keep AFTER INSERT ON daily_scores BEGIN
    INSERT INTO daily_best VALUES (NEW.date, NEW.name, NEW.points, NEW.level, NEW.played_at, NEW.played_at, NEW.played_at)
    ON CONFLICT (date, name) DO UPDATE SET
      level = IIF(excluded.points > points OR (excluded.points = points AND excluded.reached_at < reached_at), excluded.level, level),
      reached_at = IIF(excluded.points > points OR (excluded.points = points AND excluded.reached_at < reached_at), excluded.reached_at, reached_at),
      points = MAX(points, excluded.points), first_at = MIN(first_at, excluded.first_at), last_at = MAX(last_at, excluded.last_at);
  END;
  CREATE TRIGGER IF NOT EXISTS daily_best_count AFTER INSERT ON daily_best BEGIN
    UPDATE leaderboard_totals SET n = n + 1 WHERE board = 'daily_best';
  END;
  CREATE TRIGGER IF NOT EXISTS match_wins_insert AFTER INSERT ON matches WHEN ${WON("NEW")} BEGIN
    INSERT INTO match_wins VALUES (NEW.winner, 1) ON CONFLICT (name) DO UPDATE SET wins = wins + 1;
  END;
  CREATE TRIGGER IF NOT EXISTS match_wins_update AFTER UPDATE OF winner, assignment_id ON matches BEGIN
    UPDATE match_wins SET wins = wins - 1 WHERE ${WON("OLD")} AND name = OLD.winner;
    DELETE FROM match_wins WHERE name = OLD.winner AND wins = 0;
    INSERT INTO match_wins SELECT NEW.winner, 1 WHERE ${WON("NEW")} ON CONFLICT (name) DO UPDATE SET wins = wins + 1;
  END;
  CREATE TRIGGER IF NOT EXISTS match_wins_delete AFTER DELETE ON matches WHEN ${WON("OLD")} BEGIN
    UPDATE match_wins SET wins = wins - 1 WHERE name = OLD.winner;
    DELETE FROM match_wins WHERE name = OLD.winner AND wins = 0;
  END;
  CREATE TRIGGER IF NOT EXISTS match_wins_count_in AFTER INSERT ON match_wins BEGIN
    UPDATE leaderboard_totals SET n = n + 1 WHERE board = 'match_wins';
  END;
  CREATE TRIGGER IF NOT EXISTS match_wins_count_out AFTER DELETE ON match_wins BEGIN
    UPDATE leaderboard_totals SET n = n - 1 WHERE board = 'match_wins';
  END;
`;

export type StoredMatch = MatchRecord & { finishedAt: string | null; winner: string | null };
// Homework attempts are left out: their openings hold the assignment's B, secret until its deadline.
const SELECT_MATCH =
  "SELECT id, code, rounds, tuning_seconds AS tuningSeconds, started_at AS startedAt, finished_at AS finishedAt, winner FROM matches WHERE assignment_id IS NULL";

export interface DailyStanding {
  best: number;
  rank: number;
  players: number;
}
export interface Page<T> {
  total: number;
  rows: T[];
}

/** SQLite's BINARY order (UTF-8 bytes), which JavaScript's `<` differs from beyond the BMP. */
const byText = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** A board read as it stood at a time: rows unchanged since then come from the summary in order,
 *  the few changed since are read back from the scores as they were, and the two are merged. */
interface Snapshot<R> {
  /** `count` unchanged rows in board order, from `from`. */
  window(count: number, from: number): R[];
  /** How many unchanged rows score more than `score`. */
  above(score: number): number;
  /** The rows changed since, as they stood then (any order). */
  changed: R[];
  score(row: R): number;
  compare(a: R, b: R): number;
}

/** One page of a snapshot, ranked as SQL's RANK() over the score would rank it. */
function snapshotPage<R>(board: Snapshot<R>, limit: number, offset: number): (R & { rank: number })[] {
  const changed = [...board.changed].sort(board.compare);
  // Each changed row moves the unchanged rows after it one place down: read that many more before.
  const from = Math.max(0, offset - changed.length);
  const window = board.window(offset + limit - from, from);
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
  let rank = 0;
  return page.map((row, i) => {
    const score = board.score(row);
    if (i === 0) rank = 1 + board.above(score) + changed.filter((c) => board.score(c) > score).length;
    else if (score !== board.score(page[i - 1])) rank = offset + i + 1;
    return { ...row, rank };
  });
}

export class ResultsStore {
  private db: Database.Database;
  private insertMatch: Database.Statement;
  private insertRound: Database.Statement;
  private insertResult: Database.Statement;
  private finish: Database.Statement;
  private statements = new Map<string, Database.Statement>();

  constructor(path: string = DEFAULT_DATABASE_PATH) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL"); // a written round survives a power cut too, not only a crash
    this.db.pragma("foreign_keys = ON");
    // Files from before round openings kept a public seed in this column.
    const columns = this.db.prepare("SELECT name FROM pragma_table_info('rounds')").all() as { name: string }[];
    if (columns.some((c) => c.name === "seed")) this.db.exec("ALTER TABLE rounds RENAME COLUMN seed TO opening");
    this.db.exec(SCHEMA);
    this.addMissingColumns();
    this.addLeaderboardSummaries();
    this.insertMatch = this.db.prepare(
      `INSERT OR IGNORE INTO matches (id, code, rounds, tuning_seconds, started_at, teacher_id, assignment_id, student, device, counts)
       VALUES (@id, @code, @rounds, @tuningSeconds, @startedAt, @teacherId, @assignmentId, @student, @device, @counts)`,
    );
    this.insertRound = this.db.prepare(
      "INSERT INTO rounds (match_id, round, opening, best_level, finished_at, levels) VALUES (?, ?, ?, ?, ?, ?)",
    );
    this.insertResult = this.db.prepare(
      "INSERT INTO round_results (match_id, round, session_id, seat, name, level, hidden_error, points, speed_bonus, total) VALUES (@matchId, @round, @sessionId, @seat, @name, @level, @hiddenError, @points, @speedBonus, @total)",
    );
    this.finish = this.db.prepare("UPDATE matches SET finished_at = ?, winner = ? WHERE id = ?");
  }

  /** The connection, for stores that keep their tables in the same file (server/teacher-store.ts). */
  get database(): Database.Database {
    return this.db;
  }

  /** Old files get the columns added since they were written (SQLite adds a column in place). */
  private addMissingColumns(): void {
    const has = (table: string) =>
      new Set(
        (this.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map(
          (c) => c.name,
        ),
      );
    const columns = { matches: has("matches"), rounds: has("rounds") } as Record<string, Set<string>>;
    for (const [table, column, definition] of ADDED_COLUMNS)
      if (!columns[table].has(column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    this.db.exec(ADDED_INDEXES);
  }

  /** Files from before the summaries get them, filled from their rows in one transaction. */
  private addLeaderboardSummaries(): void {
    this.db.transaction(() => {
      const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'match_wins'").get();
      if (!exists) this.db.exec(LEADERBOARD_TABLES + LEADERBOARD_BACKFILL);
      this.db.exec(LEADERBOARD_INDEXES);
    })();
  }

  /** Writes a match (once; a homework attempt's row exists before its first round). */
  saveMatch(match: MatchRecord): void {
    this.insertMatch.run({
      ...match,
      teacherId: match.teacherId ?? null,
      assignmentId: match.assignmentId ?? null,
      student: match.student ?? null,
      device: match.device ?? null,
      counts: match.counts === false ? 0 : 1,
    });
  }

  /** Writes a finished round and its results in one transaction. */
  saveRound(match: MatchRecord, round: Omit<StoredRound, "finishedAt" | "levels"> & { levels?: LevelErrors[] }): void {
    this.db.transaction(() => {
      this.saveMatch(match);
      const levels = JSON.stringify(round.levels ?? []);
      this.insertRound.run(match.id, round.round, round.opening, round.bestLevel, new Date().toISOString(), levels);
      for (const r of round.results) this.insertResult.run({ matchId: match.id, round: round.round, ...r });
    })();
  }

  /** Marks a match finished, with its winner's name (none when nobody played). */
  finishMatch(matchId: string, winner?: string): void {
    this.finish.run(new Date().toISOString(), winner ?? null, matchId);
  }

  /** Writes a daily challenge score and returns where that name stands today. */
  saveDaily(entry: { date: string; name: string; points: number; level: number; hiddenError: number }): DailyStanding {
    return this.db.transaction(() => {
      this.sql(
        "INSERT INTO daily_scores (date, name, points, level, hidden_error, played_at) VALUES (@date, @name, @points, @level, @hiddenError, @playedAt)",
      ).run({ ...entry, playedAt: new Date().toISOString() });
      const { best } = this.sql("SELECT points AS best FROM daily_best WHERE date = ? AND name = ?").get(
        entry.date,
        entry.name,
      ) as { best: number };
      const { better, players } = this.sql(
        "SELECT SUM(points > ?) AS better, COUNT(*) AS players FROM daily_best WHERE date = ?",
      ).get(best, entry.date) as { better: number; players: number };
      return { best, rank: better + 1, players };
    })();
  }

  /** The time a board is read as of: `asOf` when given and past, else now (less a millisecond, so a
   *  result written later in this millisecond is not half in, half out of the snapshot). */
  snapshotTime(asOf?: string): string {
    const latest = new Date(Date.now() - 1).toISOString();
    return asOf !== undefined && asOf < latest ? asOf : latest;
  }

  /** A day's leaderboard as it stood at `asOf`: best score per name, highest first (ties: who got there first). */
  dailyBoard(
    date: string,
    limit: number,
    offset: number,
    asOf = this.snapshotTime(),
  ): Page<{ rank: number; name: string; points: number; level: number }> {
    type Row = { name: string; points: number; level: number; at: string };
    const keys = this.sql("SELECT name FROM daily_best WHERE last_at > ? AND date = ?").all(asOf, date) as Row[];
    const changed = keys.flatMap(({ name }) => {
      const best = this.bestAsOf(date, name, asOf);
      return best ? [{ name, points: best.points, level: best.level, at: best.reachedAt }] : [];
    });
    const { n } = this.sql("SELECT COUNT(*) AS n FROM daily_best WHERE date = ?").get(date) as { n: number };
    const rows = snapshotPage<Row>(
      {
        window: (count, from) =>
          this.sql(
            "SELECT name, points, level, reached_at AS at FROM daily_best WHERE date = ? AND +last_at <= ? ORDER BY points DESC, reached_at, name LIMIT ? OFFSET ?",
          ).all(date, asOf, count, from) as Row[],
        above: (points) =>
          (
            this.sql("SELECT COUNT(*) AS n FROM daily_best WHERE date = ? AND points > ? AND +last_at <= ?").get(
              date,
              points,
              asOf,
            ) as { n: number }
          ).n,
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
  bestDailyScores(
    limit: number,
    offset: number,
    asOf = this.snapshotTime(),
  ): Page<{ rank: number; name: string; points: number; date: string }> {
    type Row = { name: string; points: number; date: string; at: string };
    const keys = this.sql("SELECT date, name FROM daily_best WHERE last_at > ?").all(asOf) as Row[];
    const changed = keys.flatMap(({ date, name }) => {
      const best = this.bestAsOf(date, name, asOf);
      return best ? [{ name, points: best.points, date, at: best.firstAt }] : [];
    });
    const rows = snapshotPage<Row>(
      {
        window: (count, from) =>
          this.sql(
            "SELECT name, points, date, first_at AS at FROM daily_best WHERE +last_at <= ? ORDER BY points DESC, first_at, name, date LIMIT ? OFFSET ?",
          ).all(asOf, count, from) as Row[],
        above: (points) =>
          (
            this.sql("SELECT COUNT(*) AS n FROM daily_best WHERE points > ? AND +last_at <= ?").get(points, asOf) as {
              n: number;
            }
          ).n,
        changed,
        score: (r) => r.points,
        compare: (p, q) =>
          q.points - p.points || byText(p.at, q.at) || byText(p.name, q.name) || byText(p.date, q.date),
      },
      limit,
      offset,
    );
    return {
      total: this.totalOf("daily_best") - keys.length + changed.length,
      rows: rows.map(({ at: _, ...row }) => row),
    };
  }

  /** The hall of fame as it stood at `asOf`: most matches won. */
  mostWins(
    limit: number,
    offset: number,
    asOf = this.snapshotTime(),
  ): Page<{ rank: number; name: string; wins: number }> {
    type Row = { name: string; wins: number };
    const recent = this.sql(
      "SELECT winner AS name, COUNT(*) AS wins FROM matches WHERE finished_at > ? AND +winner IS NOT NULL AND +assignment_id IS NULL GROUP BY winner",
    ).all(asOf) as Row[];
    const changed = recent.flatMap(({ name, wins }) => {
      const now = this.sql("SELECT wins FROM match_wins WHERE name = ?").get(name) as Row | undefined;
      return (now?.wins ?? 0) > wins ? [{ name, wins: now!.wins - wins }] : [];
    });
    const others = JSON.stringify(recent.map((r) => r.name));
    const rows = snapshotPage<Row>(
      {
        window: (count, from) =>
          this.sql(
            "SELECT name, wins FROM match_wins WHERE name NOT IN (SELECT value FROM json_each(?)) ORDER BY wins DESC, name LIMIT ? OFFSET ?",
          ).all(others, count, from) as Row[],
        above: (wins) =>
          (
            this.sql(
              "SELECT COUNT(*) AS n FROM match_wins WHERE wins > ? AND name NOT IN (SELECT value FROM json_each(?))",
            ).get(wins, others) as { n: number }
          ).n,
        changed,
        score: (r) => r.wins,
        compare: (p, q) => q.wins - p.wins || byText(p.name, q.name),
      },
      limit,
      offset,
    );
    return { total: this.totalOf("match_wins") - recent.length + changed.length, rows };
  }

  /** A name's best of a day from the scores played by `asOf` (ties: the first to reach it). */
  private bestAsOf(date: string, name: string, asOf: string) {
    return this.sql(
      `SELECT points, level, played_at AS reachedAt,
         (SELECT MIN(played_at) FROM daily_scores WHERE date = @date AND name = @name AND played_at <= @asOf) AS firstAt
       FROM daily_scores WHERE date = @date AND name = @name AND played_at <= @asOf ORDER BY points DESC, played_at LIMIT 1`,
    ).get({ date, name, asOf }) as { points: number; level: number; reachedAt: string; firstAt: string } | undefined;
  }

  private totalOf(board: "daily_best" | "match_wins"): number {
    return (this.sql("SELECT n FROM leaderboard_totals WHERE board = ?").get(board) as { n: number }).n;
  }

  /** A statement prepared once per store. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  match(id: string): StoredMatch | undefined {
    return this.db.prepare(`${SELECT_MATCH} AND id = ?`).get(id) as StoredMatch | undefined;
  }

  matchesByCode(code: string): StoredMatch[] {
    return this.db.prepare(`${SELECT_MATCH} AND code = ? ORDER BY started_at`).all(code) as StoredMatch[];
  }

  rounds(matchId: string): StoredRound[] {
    const rounds = this.db
      .prepare(
        "SELECT round, opening, best_level AS bestLevel, finished_at AS finishedAt, levels FROM rounds WHERE match_id = ? ORDER BY round",
      )
      .all(matchId) as (Omit<StoredRound, "results" | "levels"> & { levels: string })[];
    const results = this.db.prepare(
      "SELECT session_id AS sessionId, seat, name, level, hidden_error AS hiddenError, points, speed_bonus AS speedBonus, total FROM round_results WHERE match_id = ? AND round = ? ORDER BY seat",
    );
    return rounds.map((r) => ({
      ...r,
      levels: JSON.parse(r.levels) as LevelErrors[],
      results: results.all(matchId, r.round) as StoredResult[],
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
