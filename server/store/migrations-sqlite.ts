// The SQLite file's versions. Files written before versioned migrations (before Kysely) are
// brought to version 1 in place by its first migration: it creates what is missing and keeps
// every row, so an old file and a new one end up with the same tables.
import type Database from "better-sqlite3";

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
  CREATE TABLE IF NOT EXISTS teacher_keys (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS assignments (
    id TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL REFERENCES teacher_keys(id),
    title TEXT NOT NULL,
    rounds INTEGER NOT NULL,
    kinds TEXT NOT NULL,
    difficulty TEXT NOT NULL,
    deadline TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    friendly_names INTEGER NOT NULL,
    round_ids TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS assignments_by_teacher ON assignments(teacher_id, created_at);
  CREATE TABLE IF NOT EXISTS room_checkpoints (
    code TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    saved_at INTEGER NOT NULL,
    body TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS server_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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

/** Version 1: today's tables, made from nothing or from any older file. */
function upgradeToFirstVersion(db: Database.Database): void {
  // Files from before round openings kept a public seed in this column.
  const has = (table: string) =>
    new Set(
      (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name),
    );
  if (has("rounds").has("seed")) db.exec("ALTER TABLE rounds RENAME COLUMN seed TO opening");
  db.exec(SCHEMA);
  const columns: Record<string, Set<string>> = { matches: has("matches"), rounds: has("rounds") };
  for (const [table, column, definition] of ADDED_COLUMNS)
    if (!columns[table].has(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
  db.exec(ADDED_INDEXES);
  const summaries = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'match_wins'").get();
  if (!summaries) db.exec(LEADERBOARD_TABLES + LEADERBOARD_BACKFILL);
  db.exec(LEADERBOARD_INDEXES);
}

/**
 * Version 2: teachers' round sets (server/sets-store.ts), and an assignment's rounds from a set
 * (its rounds as played, copied when it was made, so editing the set later changes nothing).
 */
const ROUND_SETS = `
  CREATE TABLE round_sets (
    id TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL REFERENCES teacher_keys(id),
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    rounds INTEGER NOT NULL,
    spirals INTEGER NOT NULL,
    share_token TEXT UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE INDEX round_sets_by_teacher ON round_sets(teacher_id, created_at);
  ALTER TABLE assignments ADD COLUMN set_rounds TEXT;
`;

/** In order; a migration is never changed once released: a new one is added. */
export const SQLITE_MIGRATIONS: [name: string, up: (db: Database.Database) => void][] = [
  ["0001-tables", upgradeToFirstVersion],
  ["0002-round-sets", (db) => void db.exec(ROUND_SETS)],
];
