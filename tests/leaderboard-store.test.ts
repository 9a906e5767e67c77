// The boards read from summaries (server/results-store.ts) answer exactly as the queries over every
// result did, ties and ranks included; an old file gains the summaries once; a snapshot (`asOf`)
// pages through a board without repeating or skipping a row while results keep arriving.
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResultsStore } from "../server/results-store";
import { Random } from "../shared/random";

/** The boards' queries before the summaries (commit 1310da8), as the reference. */
const DAILY_BEST = `SELECT name, points, level, played_at AS at FROM (
  SELECT name, points, level, played_at, ROW_NUMBER() OVER (PARTITION BY name ORDER BY points DESC, played_at) AS nth
  FROM daily_scores WHERE date = ?) WHERE nth = 1`;
const FAME = "SELECT date, name, MAX(points) AS points, MIN(played_at) AS at FROM daily_scores GROUP BY date, name";
const WINS =
  "SELECT winner AS name, COUNT(*) AS wins FROM matches WHERE winner IS NOT NULL AND assignment_id IS NULL GROUP BY winner";
function reference(db: Database.Database) {
  const q = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args);
  return {
    daily: (date: string) =>
      q(
        `SELECT name, points, level, RANK() OVER (ORDER BY points DESC) AS rank FROM (${DAILY_BEST}) ORDER BY points DESC, at, name`,
        date,
      ),
    fame: () =>
      q(
        `SELECT name, points, date, RANK() OVER (ORDER BY points DESC) AS rank FROM (${FAME}) ORDER BY points DESC, at, name`,
      ),
    wins: () =>
      q(`SELECT name, wins, RANK() OVER (ORDER BY wins DESC) AS rank FROM (${WINS}) ORDER BY wins DESC, name`),
  };
}

/** The tables the boards read before the summaries (the rest of the file does not matter here). */
const PREVIOUS_SCHEMA = `
  CREATE TABLE matches (id TEXT PRIMARY KEY, code TEXT NOT NULL, rounds INTEGER NOT NULL,
    tuning_seconds INTEGER NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, winner TEXT,
    teacher_id TEXT, assignment_id TEXT, student TEXT, device TEXT, counts INTEGER NOT NULL DEFAULT 1);
  CREATE TABLE daily_scores (date TEXT NOT NULL, name TEXT NOT NULL, points INTEGER NOT NULL,
    level INTEGER NOT NULL, hidden_error REAL NOT NULL, played_at TEXT NOT NULL);
  CREATE INDEX daily_by_date ON daily_scores(date, name);
`;

const DAYS = ["2025-03-01", "2025-03-02", "2025-03-03"];
const NAMES = ["Ada", "Ben", "Cy", "Dé", "Ed", "Fa", "Gu", "Hé", "Io", "Jo", "Ka", "𝔏u", "Lu"];

/** Results with many ties: few point values, shared times, several plays per name and day (the
 *  level follows points and time, so the old query's pick among identical plays did not matter). */
function seed(db: Database.Database, rows = 400): void {
  const random = new Random(16);
  const pick = <T>(xs: T[]) => xs[Math.floor(random.next() * xs.length)];
  const daily = db.prepare("INSERT INTO daily_scores VALUES (?, ?, ?, ?, 0.1, ?)");
  for (let i = 0; i < rows; i++) {
    const date = pick(DAYS);
    const [points, minute] = [pick([100, 250, 250, 400, 900]), pick([0, 1, 2])];
    daily.run(date, pick(NAMES), points, (points + minute) % 7, `${date}T10:0${minute}:00.000Z`);
  }
  const match = db.prepare(
    "INSERT INTO matches (id, code, rounds, tuning_seconds, started_at, finished_at, winner, assignment_id) VALUES (?, 'ABCDE', 3, 30, ?, ?, ?, ?)",
  );
  for (let i = 0; i < 60; i++) {
    const at = `2025-03-0${1 + (i % 3)}T12:00:00.000Z`;
    match.run(`m${i}`, at, at, random.next() < 0.1 ? null : pick(NAMES), random.next() < 0.15 ? "homework" : null);
  }
}

/** Every page of a board at a given limit, concatenated. */
function allPages<T>(read: (limit: number, offset: number) => { rows: T[]; total: number }, limit: number): T[] {
  const rows: T[] = [];
  for (let offset = 0; offset === 0 || offset < read(limit, 0).total; offset += limit)
    rows.push(...read(limit, offset).rows);
  return rows;
}

describe("the leaderboard's summaries", () => {
  it("give the same rows and ranks as the queries over every result, on every page", () => {
    const store = new ResultsStore(":memory:");
    const db = store.database;
    seed(db);
    // Wins also come and go by finishing, renaming and removing matches.
    store.finishMatch("m1", "Zed");
    store.finishMatch("m2", "Zed");
    db.prepare("UPDATE matches SET assignment_id = 'homework' WHERE id = 'm3'").run();
    db.prepare("DELETE FROM matches WHERE id = 'm4'").run();
    const ref = reference(db);
    for (const limit of [1, 3, 7, 100]) {
      for (const date of DAYS) {
        expect(
          allPages((l, o) => store.dailyBoard(date, l, o), limit),
          `${date} by ${limit}`,
        ).toEqual(ref.daily(date));
        expect(store.dailyBoard(date, limit, 0).total).toBe(ref.daily(date).length);
      }
      expect(
        allPages((l, o) => store.bestDailyScores(l, o), limit),
        `fame by ${limit}`,
      ).toEqual(ref.fame());
      expect(
        allPages((l, o) => store.mostWins(l, o), limit),
        `wins by ${limit}`,
      ).toEqual(ref.wins());
    }
    expect(store.bestDailyScores(5, 0).total).toBe(ref.fame().length);
    expect(store.mostWins(5, 0).total).toBe(ref.wins().length);
    expect(store.dailyBoard("2025-04-01", 10, 0)).toEqual({ total: 0, rows: [] });
    store.close();
  });

  it("are added to an old file once, filled from its rows", () => {
    const path = join(mkdtempSync(join(tmpdir(), "old-board-")), "results.sqlite");
    const raw = new Database(path);
    raw.exec(PREVIOUS_SCHEMA);
    seed(raw);
    const expected = reference(raw);
    const want = { daily: expected.daily(DAYS[1]), fame: expected.fame(), wins: expected.wins() };
    raw.close();

    for (let open = 0; open < 2; open++) {
      const store = new ResultsStore(path);
      const names = store.database.prepare("SELECT name FROM sqlite_master").all() as { name: string }[];
      expect(names.map((n) => n.name)).toEqual(
        expect.arrayContaining([
          "daily_best",
          "match_wins",
          "daily_best_by_day",
          "daily_best_keep",
          "matches_by_finish",
        ]),
      );
      expect(allPages((l, o) => store.dailyBoard(DAYS[1], l, o), 4)).toEqual(want.daily);
      expect(allPages((l, o) => store.bestDailyScores(l, o), 9)).toEqual(want.fame);
      expect(allPages((l, o) => store.mostWins(l, o), 2)).toEqual(want.wins);
      expect(store.bestDailyScores(1, 0).total).toBe(want.fame.length);
      store.close();
    }
  });

  it("page through a snapshot without repeats or gaps while results arrive between pages", () => {
    const store = new ResultsStore(":memory:");
    seed(store.database);
    const asOf = store.snapshotTime();
    const whole = {
      daily: store.dailyBoard(DAYS[2], 100, 0, asOf),
      fame: store.bestDailyScores(100, 0, asOf),
      wins: store.mostWins(100, 0, asOf),
    };
    const paged = { daily: [] as unknown[], fame: [] as unknown[], wins: [] as unknown[] };
    const arrive = (i: number) => {
      // Above everyone, below everyone, a name climbing from the bottom, and new wins.
      store.saveDaily({ date: DAYS[2], name: `New ${i}`, points: 5000, level: 4, hiddenError: 0 });
      store.saveDaily({ date: DAYS[2], name: `Late ${i}`, points: 1, level: 1, hiddenError: 0 });
      const last = store.dailyBoard(DAYS[2], 1, whole.daily.total - 1, asOf).rows[0].name;
      store.saveDaily({ date: DAYS[2], name: last, points: 4000 + i, level: 2, hiddenError: 0 });
      store.saveMatch({ id: `n${i}`, code: "FGHIJ", rounds: 1, tuningSeconds: 30, startedAt: asOf });
      store.finishMatch(`n${i}`, i % 2 ? "Ada" : `Winner ${i}`);
    };
    for (let offset = 0, i = 0; offset < whole.fame.total; offset += 3, i++) {
      paged.daily.push(...store.dailyBoard(DAYS[2], 3, offset, asOf).rows);
      paged.fame.push(...store.bestDailyScores(3, offset, asOf).rows);
      paged.wins.push(...store.mostWins(3, offset, asOf).rows);
      arrive(i);
    }
    expect(paged.daily).toEqual(whole.daily.rows);
    expect(paged.fame).toEqual(whole.fame.rows);
    expect(paged.wins).toEqual(whole.wins.rows);
    expect(store.dailyBoard(DAYS[2], 3, 0, asOf).total).toBe(whole.daily.total);
    expect(store.bestDailyScores(3, 0, asOf).total).toBe(whole.fame.total);
    expect(store.mostWins(3, 0, asOf).total).toBe(whole.wins.total);
    // Without the snapshot the board has moved on: the newcomers lead it.
    expect(store.dailyBoard(DAYS[2], 1, 0).rows[0]).toMatchObject({ points: 5000, rank: 1 });
    store.close();
  });
});
