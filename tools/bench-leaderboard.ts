// Leaderboard bench: seeds 1,000,000 daily results (and matches with winners) into a fresh store,
// starts the real server on it and times GET /api/leaderboard per kind of request. Baseline in the
// same run: the boards' queries from before the summaries (commit 1310da8), run in-process on the
// same file. Last lines: one JSON object per engine ({rows, engine, p50_ms, p99_ms}, over HTTP).
// Usage: npm run bench:leaderboard [-- --rows 1000000 --requests 200 --baseline 3]
import Database from "better-sqlite3";
import { parseArgs } from "node:util";
import { ResultsStore } from "../server/results-store";
import { utcDate } from "../shared/daily";
import { Random } from "../shared/random";
import { startServerProcess, tempDatabasePath } from "./server-process";
import { startPostgres } from "./postgres-server";
import { sql } from "kysely";

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    requests: { type: "string", default: "200" },
    baseline: { type: "string", default: "3" }, // the old all-time query takes seconds: a few runs
  },
});
const [ROWS, REQUESTS, BASELINE] = [args.rows, args.requests, args.baseline].map(Number);
const PER_DAY = 2000;
const DAYS = Math.ceil(ROWS / PER_DAY);
const NAMES = 40_000;
const MATCHES = 100_000;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
};
const round1 = (v: number) => Math.round(v * 10) / 10;
const day = (back: number) => utcDate(new Date(Date.now() - back * 86_400_000));

/** Results as a day's players leave them: a few regulars play most days and retry, most play now and then.
 *  Written as into a file from before the summaries (faster than through the triggers), so opening it
 *  then times the summaries' one-off backfill too. */
async function seed(path: string): Promise<void> {
  await (await ResultsStore.open({ path })).close();
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const triggers = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  // …and from before versioned migrations, so opening it runs the first one, which backfills.
  for (const table of ["daily_best", "match_wins", "leaderboard_totals", "kysely_migration", "kysely_migration_lock"])
    db.exec(`DROP TABLE ${table}`);
  const random = new Random("bench-leaderboard");
  const name = () => `Player ${Math.floor(NAMES * random.next() ** 2)}`; // skewed: regulars replay
  const daily = db.prepare("INSERT INTO daily_scores VALUES (?, ?, ?, ?, ?, ?)");
  const match = db.prepare(
    "INSERT INTO matches (id, code, rounds, tuning_seconds, started_at, finished_at, winner) VALUES (?, 'BENCH', 5, 30, ?, ?, ?)",
  );
  db.transaction(() => {
    for (let d = DAYS - 1, left = ROWS; d >= 0; d--) {
      const date = day(d);
      const start = Date.parse(`${date}T00:00:00Z`);
      // Today only so far: its plays end a minute ago, so none is later than the server's clock.
      const span = d === 0 ? Math.max(60_000, Date.now() - start - 60_000) : 86_000_000;
      const n = Math.min(PER_DAY, left);
      for (let i = 0; i < n; i++, left--) {
        const points = Math.max(0, Math.round(600 + 250 * random.normal()));
        const at = new Date(start + Math.floor((span * i) / n)).toISOString();
        daily.run(date, name(), points, 1 + Math.floor(random.next() * 9), random.next() * 0.3, at);
      }
    }
    for (let m = 0; m < MATCHES; m++) {
      const at = new Date(Date.now() - 60_000 - Math.floor(random.next() * DAYS * 86_400_000)).toISOString();
      match.run(`bench-${m}`, at, at, name());
    }
  })();
  db.close();
  const t = performance.now();
  await (await ResultsStore.open({ path })).close();
  console.log(
    `sqlite: an old file of ${ROWS} results gets its summaries in ${round1((performance.now() - t) / 1000)} s`,
  );
}

/** The requests timed, by kind: today's and a past day's boards (first and later pages), the all-time boards. */
const kinds = (pastDay: string): [kind: string, query: string][] => [
  ["daily today, page 1", "board=daily"],
  ["daily today, page 50", "board=daily&offset=980"],
  ["daily past day, page 1", `board=daily&date=${pastDay}`],
  ["daily past day, last page", `board=daily&date=${pastDay}&limit=100&offset=1900`],
  ["all-time, page 1", "board=alltime"],
  ["all-time, page 6", "board=alltime&offset=100"],
  ["all-time, page 501", "board=alltime&offset=10000"],
  ["all-time, snapshot page 2", `board=alltime&offset=20&asOf=${new Date(Date.now() - 30_000).toISOString()}`],
];

/** The boards' SQL before the summaries: what each kind of request ran. */
function baseline(path: string, query: string): () => void {
  const db = new Database(path, { readonly: true });
  const q = new URLSearchParams(query);
  const [limit, offset] = [Number(q.get("limit") ?? 20), Number(q.get("offset") ?? 0)];
  const page =
    (from: string, order: string, ...params: unknown[]) =>
    () => {
      db.prepare(`SELECT COUNT(*) AS n FROM (${from})`).get(...params);
      db.prepare(
        `SELECT *, RANK() OVER (ORDER BY ${order.split(",")[0]}) AS rank FROM (${from}) ORDER BY ${order} LIMIT ? OFFSET ?`,
      ).all(...params, limit, offset);
    };
  if (q.get("board") === "daily") {
    const best = `SELECT name, points, level, played_at AS at FROM (SELECT name, points, level, played_at, ROW_NUMBER() OVER (PARTITION BY name ORDER BY points DESC, played_at) AS nth FROM daily_scores WHERE date = ?) WHERE nth = 1`;
    return page(best, "points DESC, at, name", q.get("date") ?? day(0));
  }
  const fame = page(
    "SELECT date, name, MAX(points) AS points, MIN(played_at) AS at FROM daily_scores GROUP BY date, name",
    "points DESC, at, name",
  );
  const wins = page(
    "SELECT winner AS name, COUNT(*) AS wins FROM matches WHERE winner IS NOT NULL AND assignment_id IS NULL GROUP BY winner",
    "wins DESC, name",
  );
  return () => (fame(), wins());
}

/** The same request through today's store, in-process: the database's share of the HTTP time. */
function current(store: ResultsStore, query: string): () => Promise<unknown> {
  const q = new URLSearchParams(query);
  const [limit, offset, asOf] = [
    Number(q.get("limit") ?? 20),
    Number(q.get("offset") ?? 0),
    q.get("asOf") ?? undefined,
  ];
  if (q.get("board") === "daily")
    return () => store.dailyBoard(q.get("date") ?? day(0), limit, offset, store.snapshotTime(asOf));
  return () =>
    Promise.all([
      store.bestDailyScores(limit, offset, store.snapshotTime(asOf)),
      store.mostWins(limit, offset, store.snapshotTime(asOf)),
    ]);
}

async function timeAsync(run: () => Promise<unknown>, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

function timeSync(run: () => void, n: number): number[] {
  return Array.from({ length: n }, () => {
    const t = performance.now();
    run();
    return performance.now() - t;
  });
}

async function timeHttp(url: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    await response.json();
    times.push(performance.now() - t);
  }
  return times;
}

const line = (label: string, ms: number[]) =>
  `${label.padEnd(34)} p50 ${String(round1(quantile(ms, 0.5))).padStart(8)} ms  p99 ${String(round1(quantile(ms, 0.99))).padStart(8)} ms`;

/** One engine: how to make a store of `ROWS` results, and the server's environment to serve it. */
interface Engine {
  name: string;
  prepare(): Promise<{
    env: Record<string, string>;
    /** The old queries (SQLite's), and today's store, run in-process on the same data. */
    baseline?: (query: string) => () => void;
    current: (query: string) => () => Promise<unknown>;
  }>;
}

const seeded = tempDatabasePath();
{
  const t = performance.now();
  await seed(seeded);
  console.log(
    `sqlite: seeded ${ROWS} results over ${DAYS} days and ${MATCHES} matches in ${round1((performance.now() - t) / 1000)} s → ${seeded}`,
  );
}

/** The seeded rows copied into PostgreSQL through its triggers, as the game would have written them. */
async function copyToPostgres(store: ResultsStore): Promise<void> {
  const from = new Database(seeded, { readonly: true });
  const { db } = store.database;
  const t = performance.now();
  const BATCH = 5000; // 6 values a row: below PostgreSQL's 65,535 parameters
  for (const table of ["daily_scores", "matches"] as const) {
    const columns =
      table === "daily_scores"
        ? "date, name, points, level, hidden_error, played_at"
        : "id, code, rounds, tuning_seconds, started_at, finished_at, winner";
    const rows = from.prepare(`SELECT ${columns} FROM ${table} ORDER BY rowid`).all() as never[];
    for (let i = 0; i < rows.length; i += BATCH)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + BATCH))
        .execute();
  }
  from.close();
  console.log(
    `postgres: ${ROWS} results copied in through its triggers in ${round1((performance.now() - t) / 1000)} s`,
  );
}

const engines: Engine[] = [
  {
    name: "sqlite",
    async prepare() {
      const store = await ResultsStore.open({ path: seeded });
      return {
        env: { DATABASE_PATH: seeded },
        baseline: (query) => baseline(seeded, query),
        current: (query) => current(store, query),
      };
    },
  },
  {
    name: "postgres",
    // DATABASE_URL (an empty database), or a throwaway server from Debian's package.
    async prepare() {
      let url = process.env.DATABASE_URL;
      if (!url) {
        const server = await startPostgres();
        process.once("exit", () => server.stop());
        url = await server.database();
      }
      const store = await ResultsStore.open({ url });
      await copyToPostgres(store);
      await sql`ANALYZE`.execute(store.database.db);
      return { env: { DATABASE_URL: url }, current: (query) => current(store, query) };
    },
  },
];

const summaries: string[] = [];
for (const engine of engines) {
  const { env, baseline: before, current: after } = await engine.prepare();
  const requests = kinds(day(Math.min(7, DAYS - 1)));
  if (before && BASELINE > 0) {
    console.log(`${engine.name} before (the old queries, in-process, ${BASELINE} runs each):`);
    for (const [kind, query] of requests.filter(([, q]) => !q.includes("asOf")))
      console.log(line(kind, timeSync(before(query), BASELINE)));
  }
  console.log(`${engine.name} now (the same, in-process, ${REQUESTS} runs each):`);
  for (const [kind, query] of requests) console.log(line(kind, await timeAsync(after(query), REQUESTS)));
  const server = await startServerProcess({ LOG_LEVEL: "warn", ...env });
  process.once("exit", () => server.child.kill("SIGKILL")); // never left behind, even when this bench dies
  const all: number[] = [];
  console.log(`${engine.name} now (GET /api/leaderboard over HTTP from the real server, ${REQUESTS} each):`);
  for (const [kind, query] of requests) {
    await timeHttp(`${server.url}/api/leaderboard?${query}`, 5); // warm-up
    const ms = await timeHttp(`${server.url}/api/leaderboard?${query}`, REQUESTS);
    all.push(...ms);
    console.log(line(kind, ms));
  }
  server.child.kill("SIGTERM");
  await server.exited;
  summaries.push(
    JSON.stringify({
      rows: ROWS,
      engine: engine.name,
      p50_ms: round1(quantile(all, 0.5)),
      p99_ms: round1(quantile(all, 0.99)),
    }),
  );
}
for (const summary of summaries) console.log(summary);
process.exit(0);
