// PostgreSQL's versions of the store: the same tables as SQLite's (server/store/migrations-sqlite.ts).
// Text is compared byte by byte (COLLATE "C"), as SQLite compares it, so boards order names
// and times identically on both engines; errors are double precision (SQLite's REAL).
const T = 'TEXT COLLATE "C"';

const TABLES = `
  CREATE TABLE matches (
    id ${T} PRIMARY KEY,
    code ${T} NOT NULL,
    rounds INTEGER NOT NULL,
    tuning_seconds INTEGER NOT NULL,
    started_at ${T} NOT NULL,
    finished_at ${T},
    winner ${T},
    teacher_id ${T},
    assignment_id ${T},
    student ${T},
    device ${T},
    counts INTEGER NOT NULL DEFAULT 1,
    -- the order rows were written in (SQLite's rowid), for reports' ties
    seq BIGINT GENERATED ALWAYS AS IDENTITY
  );
  CREATE TABLE rounds (
    match_id ${T} NOT NULL REFERENCES matches(id),
    round INTEGER NOT NULL,
    opening ${T} NOT NULL,
    best_level INTEGER NOT NULL,
    finished_at ${T} NOT NULL,
    levels ${T} NOT NULL DEFAULT '[]',
    PRIMARY KEY (match_id, round)
  );
  CREATE TABLE round_results (
    match_id ${T} NOT NULL,
    round INTEGER NOT NULL,
    session_id ${T} NOT NULL,
    seat INTEGER NOT NULL,
    name ${T} NOT NULL,
    level INTEGER NOT NULL,
    hidden_error DOUBLE PRECISION NOT NULL,
    points INTEGER NOT NULL,
    speed_bonus INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL,
    PRIMARY KEY (match_id, round, session_id),
    FOREIGN KEY (match_id, round) REFERENCES rounds(match_id, round)
  );
  CREATE INDEX matches_by_code ON matches(code);
  CREATE INDEX matches_by_teacher ON matches(teacher_id);
  CREATE INDEX matches_by_assignment ON matches(assignment_id, device, student);
  CREATE INDEX matches_by_finish ON matches(finished_at);
  CREATE TABLE daily_scores (
    date ${T} NOT NULL,
    name ${T} NOT NULL,
    points INTEGER NOT NULL,
    level INTEGER NOT NULL,
    hidden_error DOUBLE PRECISION NOT NULL,
    played_at ${T} NOT NULL
  );
  CREATE INDEX daily_by_date ON daily_scores(date, name);
  CREATE TABLE teacher_keys (id ${T} PRIMARY KEY, created_at ${T} NOT NULL, revoked_at ${T});
  CREATE TABLE assignments (
    id ${T} PRIMARY KEY,
    teacher_id ${T} NOT NULL REFERENCES teacher_keys(id),
    title ${T} NOT NULL,
    rounds INTEGER NOT NULL,
    kinds ${T} NOT NULL,
    difficulty ${T} NOT NULL,
    deadline ${T} NOT NULL,
    time_zone ${T} NOT NULL,
    friendly_names INTEGER NOT NULL,
    round_ids ${T} NOT NULL,
    created_at ${T} NOT NULL
  );
  CREATE INDEX assignments_by_teacher ON assignments(teacher_id, created_at);
  CREATE TABLE room_checkpoints (code ${T} PRIMARY KEY, owner ${T} NOT NULL, saved_at BIGINT NOT NULL, body ${T} NOT NULL);
  CREATE TABLE server_settings (key ${T} PRIMARY KEY, value ${T} NOT NULL);
`;

/** The boards' summaries and the triggers that keep them, as in SQLite (see there for the columns). */
const LEADERBOARD = `
  CREATE TABLE daily_best (
    date ${T} NOT NULL, name ${T} NOT NULL, points INTEGER NOT NULL, level INTEGER NOT NULL,
    reached_at ${T} NOT NULL, first_at ${T} NOT NULL, last_at ${T} NOT NULL, PRIMARY KEY (date, name));
  CREATE TABLE match_wins (name ${T} PRIMARY KEY, wins INTEGER NOT NULL);
  CREATE TABLE leaderboard_totals (board ${T} PRIMARY KEY, n INTEGER NOT NULL);
  INSERT INTO leaderboard_totals VALUES ('daily_best', 0), ('match_wins', 0);
  CREATE INDEX daily_best_by_day ON daily_best(date, points DESC, reached_at, name, level, last_at);
  CREATE INDEX daily_best_by_points ON daily_best(points DESC, first_at, name, date, last_at);
  CREATE INDEX daily_best_by_change ON daily_best(last_at);
  CREATE INDEX match_wins_by_wins ON match_wins(wins DESC, name);

  CREATE FUNCTION daily_best_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    INSERT INTO daily_best AS b VALUES (NEW.date, NEW.name, NEW.points, NEW.level, NEW.played_at, NEW.played_at, NEW.played_at)
    ON CONFLICT (date, name) DO UPDATE SET
      level = CASE WHEN excluded.points > b.points OR (excluded.points = b.points AND excluded.reached_at < b.reached_at)
        THEN excluded.level ELSE b.level END,
      reached_at = CASE WHEN excluded.points > b.points OR (excluded.points = b.points AND excluded.reached_at < b.reached_at)
        THEN excluded.reached_at ELSE b.reached_at END,
      points = GREATEST(b.points, excluded.points), first_at = LEAST(b.first_at, excluded.first_at),
      last_at = GREATEST(b.last_at, excluded.last_at);
    RETURN NULL;
  END $$;
  CREATE TRIGGER daily_best_keep AFTER INSERT ON daily_scores FOR EACH ROW EXECUTE FUNCTION daily_best_keep();

  CREATE FUNCTION board_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    UPDATE leaderboard_totals SET n = n + (CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END) WHERE board = TG_TABLE_NAME;
    RETURN NULL;
  END $$;
  CREATE TRIGGER daily_best_count AFTER INSERT ON daily_best FOR EACH ROW EXECUTE FUNCTION board_count();
  CREATE TRIGGER match_wins_count AFTER INSERT OR DELETE ON match_wins FOR EACH ROW EXECUTE FUNCTION board_count();

  -- A match counts for its winner when it has one and is not a homework attempt.
  CREATE FUNCTION match_wins_keep() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.winner IS NOT NULL AND OLD.assignment_id IS NULL THEN
      UPDATE match_wins SET wins = wins - 1 WHERE name = OLD.winner;
      DELETE FROM match_wins WHERE name = OLD.winner AND wins = 0;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.winner IS NOT NULL AND NEW.assignment_id IS NULL THEN
      INSERT INTO match_wins VALUES (NEW.winner, 1) ON CONFLICT (name) DO UPDATE SET wins = match_wins.wins + 1;
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER match_wins_keep AFTER INSERT OR DELETE OR UPDATE OF winner, assignment_id ON matches
    FOR EACH ROW EXECUTE FUNCTION match_wins_keep();
`;

/** Version 2: teachers' round sets, and an assignment's rounds from a set (as SQLite's 0002). */
const ROUND_SETS = `
  CREATE TABLE round_sets (
    id ${T} PRIMARY KEY,
    teacher_id ${T} NOT NULL REFERENCES teacher_keys(id),
    name ${T} NOT NULL,
    body ${T} NOT NULL,
    bytes INTEGER NOT NULL,
    rounds INTEGER NOT NULL,
    spirals INTEGER NOT NULL,
    share_token ${T} UNIQUE,
    created_at ${T} NOT NULL
  );
  CREATE INDEX round_sets_by_teacher ON round_sets(teacher_id, created_at);
  ALTER TABLE assignments ADD COLUMN set_rounds ${T};
`;

/** In order; a migration is never changed once released: a new one is added. */
export const POSTGRES_MIGRATIONS: [name: string, sql: string][] = [
  ["0001-tables", TABLES + LEADERBOARD],
  ["0002-round-sets", ROUND_SETS],
];
