// The boards read from summaries (server/results-store.ts) answer exactly as the queries over every
// result did, ties and ranks included, on SQLite and on PostgreSQL; an old file gains the summaries once; a snapshot (`asOf`)
// pages through a board without repeating or skipping a row while results keep arriving.
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, SqliteDialect, sql, type RawBuilder } from "kysely";
import { describe, expect, it } from "vitest";
import { ResultsStore } from "../server/results-store";
import type { Tables } from "../server/store/tables";
import { Random } from "../shared/random";
import { ENGINES, openFreshStore } from "./store-engines";

/** The boards' queries before the summaries (commit 1310da8), as the reference (standard SQL: both engines run it). */
const dailyBest = (date: string) => sql`SELECT name, points, level, played_at AS at FROM (
  SELECT name, points, level, played_at, ROW_NUMBER() OVER (PARTITION BY name ORDER BY points DESC, played_at) AS nth
  FROM daily_scores WHERE date = ${date}) AS b WHERE nth = 1`;
const FAME = sql`SELECT date, name, MAX(points) AS points, MIN(played_at) AS at FROM daily_scores GROUP BY date, name`;
const WINS = sql`SELECT winner AS name, COUNT(*) AS wins FROM matches WHERE winner IS NOT NULL AND assignment_id IS NULL GROUP BY winner`;
async function reference(db: Kysely<any>) {
  const q = async (query: RawBuilder<unknown>) => (await query.execute(db)).rows;
  return {
    daily: (date: string) =>
      q(
        sql`SELECT name, points, level, RANK() OVER (ORDER BY points DESC) AS rank FROM (${dailyBest(date)}) AS d ORDER BY points DESC, at, name`,
      ),
    fame: () =>
      q(
        sql`SELECT name, points, date, RANK() OVER (ORDER BY points DESC) AS rank FROM (${FAME}) AS f ORDER BY points DESC, at, name`,
      ),
    wins: () =>
      q(sql`SELECT name, wins, RANK() OVER (ORDER BY wins DESC) AS rank FROM (${WINS}) AS w ORDER BY wins DESC, name`),
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
function results(rows = 400) {
  const random = new Random(16);
  const pick = <T>(xs: T[]) => xs[Math.floor(random.next() * xs.length)];
  const daily = Array.from({ length: rows }, () => {
    const date = pick(DAYS);
    const [points, minute] = [pick([100, 250, 250, 400, 900]), pick([0, 1, 2])];
    const at = `${date}T10:0${minute}:00.000Z`;
    return { date, name: pick(NAMES), points, level: (points + minute) % 7, hidden_error: 0.1, played_at: at };
  });
  const matches = Array.from({ length: 60 }, (_, i) => {
    const at = `2025-03-0${1 + (i % 3)}T12:00:00.000Z`;
    const winner = random.next() < 0.1 ? null : pick(NAMES);
    const assignment_id = random.next() < 0.15 ? "homework" : null;
    return {
      id: `m${i}`,
      code: "ABCDE",
      rounds: 3,
      tuning_seconds: 30,
      started_at: at,
      finished_at: at,
      winner,
      assignment_id,
    };
  });
  return { daily, matches };
}

async function seed(db: Kysely<Tables>): Promise<void> {
  const { daily, matches } = results();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("daily_scores").values(daily).execute();
    await trx.insertInto("matches").values(matches).execute();
  });
}

/** The same rows into a file from before the summaries. */
function seedOldFile(db: Database.Database): void {
  const { daily, matches } = results();
  const insert = (table: string, row: Record<string, unknown>) =>
    db.prepare(`INSERT INTO ${table} (${Object.keys(row)}) VALUES (${Object.keys(row).map((k) => `@${k}`)})`).run(row);
  for (const row of daily) insert("daily_scores", row);
  for (const row of matches) insert("matches", row);
}

/** Every page of a board at a given limit, concatenated. */
async function allPages<T>(
  read: (limit: number, offset: number) => Promise<{ rows: T[]; total: number }>,
  limit: number,
): Promise<T[]> {
  const rows: T[] = [];
  const { total } = await read(limit, 0);
  for (let offset = 0; offset === 0 || offset < total; offset += limit) rows.push(...(await read(limit, offset)).rows);
  return rows;
}

describe.each(ENGINES)("the leaderboard's summaries (%s)", (engine) => {
  it("give the same rows and ranks as the queries over every result, on every page", async () => {
    const store = await openFreshStore(engine);
    const { db } = store.database;
    await seed(db);
    // Wins also come and go by finishing, renaming and removing matches.
    await store.finishMatch("m1", "Zed");
    await store.finishMatch("m2", "Zed");
    await db.updateTable("matches").set({ assignment_id: "homework" }).where("id", "=", "m3").execute();
    await db.deleteFrom("matches").where("id", "=", "m4").execute();
    const ref = await reference(db);
    for (const limit of [1, 3, 7, 100]) {
      for (const date of DAYS) {
        const want = await ref.daily(date);
        expect(await allPages((l, o) => store.dailyBoard(date, l, o), limit), `${date} by ${limit}`).toEqual(want);
        expect((await store.dailyBoard(date, limit, 0)).total).toBe(want.length);
      }
      expect(await allPages((l, o) => store.bestDailyScores(l, o), limit), `fame by ${limit}`).toEqual(
        await ref.fame(),
      );
      expect(await allPages((l, o) => store.mostWins(l, o), limit), `wins by ${limit}`).toEqual(await ref.wins());
    }
    expect((await store.bestDailyScores(5, 0)).total).toBe((await ref.fame()).length);
    expect((await store.mostWins(5, 0)).total).toBe((await ref.wins()).length);
    expect(await store.dailyBoard("2025-04-01", 10, 0)).toEqual({ total: 0, rows: [] });
    await store.close();
  });

  it.runIf(engine === "sqlite")("are added to an old file once, filled from its rows", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "old-board-")), "results.sqlite");
    const raw = new Database(path);
    raw.exec(PREVIOUS_SCHEMA);
    seedOldFile(raw);
    const before = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    const expected = await reference(before);
    const want = { daily: await expected.daily(DAYS[1]), fame: await expected.fame(), wins: await expected.wins() };
    await before.destroy(); // closes the file

    for (let open = 0; open < 2; open++) {
      const store = await ResultsStore.open({ path });
      const names = store.database.sqlite!.prepare("SELECT name FROM sqlite_master").all() as { name: string }[];
      expect(names.map((n) => n.name)).toEqual(
        expect.arrayContaining([
          "daily_best",
          "match_wins",
          "daily_best_by_day",
          "daily_best_keep",
          "matches_by_finish",
        ]),
      );
      expect(await allPages((l, o) => store.dailyBoard(DAYS[1], l, o), 4)).toEqual(want.daily);
      expect(await allPages((l, o) => store.bestDailyScores(l, o), 9)).toEqual(want.fame);
      expect(await allPages((l, o) => store.mostWins(l, o), 2)).toEqual(want.wins);
      expect((await store.bestDailyScores(1, 0)).total).toBe(want.fame.length);
      await store.close();
    }
  });

  it("page through a snapshot without repeats or gaps while results arrive between pages", async () => {
    const store = await openFreshStore(engine);
    await seed(store.database.db);
    const asOf = store.snapshotTime();
    const whole = {
      daily: await store.dailyBoard(DAYS[2], 100, 0, asOf),
      fame: await store.bestDailyScores(100, 0, asOf),
      wins: await store.mostWins(100, 0, asOf),
    };
    const paged = { daily: [] as unknown[], fame: [] as unknown[], wins: [] as unknown[] };
    const arrive = async (i: number) => {
      // Above everyone, below everyone, a name climbing from the bottom, and new wins.
      await store.saveDaily({ date: DAYS[2], name: `New ${i}`, points: 5000, level: 4, hiddenError: 0 });
      await store.saveDaily({ date: DAYS[2], name: `Late ${i}`, points: 1, level: 1, hiddenError: 0 });
      const last = (await store.dailyBoard(DAYS[2], 1, whole.daily.total - 1, asOf)).rows[0].name;
      await store.saveDaily({ date: DAYS[2], name: last, points: 4000 + i, level: 2, hiddenError: 0 });
      await store.saveMatch({ id: `n${i}`, code: "FGHIJ", rounds: 1, tuningSeconds: 30, startedAt: asOf });
      await store.finishMatch(`n${i}`, i % 2 ? "Ada" : `Winner ${i}`);
    };
    for (let offset = 0, i = 0; offset < whole.fame.total; offset += 3, i++) {
      paged.daily.push(...(await store.dailyBoard(DAYS[2], 3, offset, asOf)).rows);
      paged.fame.push(...(await store.bestDailyScores(3, offset, asOf)).rows);
      paged.wins.push(...(await store.mostWins(3, offset, asOf)).rows);
      await arrive(i);
    }
    expect(paged.daily).toEqual(whole.daily.rows);
    expect(paged.fame).toEqual(whole.fame.rows);
    expect(paged.wins).toEqual(whole.wins.rows);
    expect((await store.dailyBoard(DAYS[2], 3, 0, asOf)).total).toBe(whole.daily.total);
    expect((await store.bestDailyScores(3, 0, asOf)).total).toBe(whole.fame.total);
    expect((await store.mostWins(3, 0, asOf)).total).toBe(whole.wins.total);
    // Without the snapshot the board has moved on: the newcomers lead it.
    expect((await store.dailyBoard(DAYS[2], 1, 0)).rows[0]).toMatchObject({ points: 5000, rank: 1 });
    await store.close();
  });
});
