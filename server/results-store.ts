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

/** A day's board: each name's best score that day (the first time they reached it), with its level. */
const DAILY_BEST = `
  SELECT name, points, level, played_at AS at FROM (
    SELECT name, points, level, played_at, ROW_NUMBER() OVER (PARTITION BY name ORDER BY points DESC, played_at) AS nth
    FROM daily_scores WHERE date = ?) WHERE nth = 1`;

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

export class ResultsStore {
  private db: Database.Database;
  private insertMatch: Database.Statement;
  private insertRound: Database.Statement;
  private insertResult: Database.Statement;
  private finish: Database.Statement;

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
      this.db
        .prepare(
          "INSERT INTO daily_scores (date, name, points, level, hidden_error, played_at) VALUES (@date, @name, @points, @level, @hiddenError, @playedAt)",
        )
        .run({ ...entry, playedAt: new Date().toISOString() });
      const best = (
        this.db
          .prepare("SELECT MAX(points) AS best FROM daily_scores WHERE date = ? AND name = ?")
          .get(entry.date, entry.name) as { best: number }
      ).best;
      const { better, players } = this.db
        .prepare(`SELECT SUM(points > ?) AS better, COUNT(*) AS players FROM (${DAILY_BEST})`)
        .get(best, entry.date) as { better: number; players: number };
      return { best, rank: better + 1, players };
    })();
  }

  /** A day's leaderboard: best score per name, highest first (ties: who got there first). */
  dailyBoard(
    date: string,
    limit: number,
    offset: number,
  ): Page<{ rank: number; name: string; points: number; level: number }> {
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${DAILY_BEST})`).get(date) as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT name, points, level, RANK() OVER (ORDER BY points DESC) AS rank FROM (${DAILY_BEST}) ORDER BY points DESC, at, name LIMIT ? OFFSET ?`,
      )
      .all(date, limit, offset) as { rank: number; name: string; points: number; level: number }[];
    return { total, rows };
  }

  /** The hall of fame: the best daily scores ever (one per name and day). */
  bestDailyScores(limit: number, offset: number): Page<{ rank: number; name: string; points: number; date: string }> {
    const best = "SELECT date, name, MAX(points) AS points, MIN(played_at) AS at FROM daily_scores GROUP BY date, name";
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${best})`).get() as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT name, points, date, RANK() OVER (ORDER BY points DESC) AS rank FROM (${best}) ORDER BY points DESC, at, name LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as { rank: number; name: string; points: number; date: string }[];
    return { total, rows };
  }

  /** The hall of fame: most matches won. */
  mostWins(limit: number, offset: number): Page<{ rank: number; name: string; wins: number }> {
    const wins =
      "SELECT winner AS name, COUNT(*) AS wins FROM matches WHERE winner IS NOT NULL AND assignment_id IS NULL GROUP BY winner";
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM (${wins})`).get() as { n: number }).n;
    const rows = this.db
      .prepare(
        `SELECT name, wins, RANK() OVER (ORDER BY wins DESC) AS rank FROM (${wins}) ORDER BY wins DESC, name LIMIT ? OFFSET ?`,
      )
      .all(limit, offset) as { rank: number; name: string; wins: number }[];
    return { total, rows };
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
