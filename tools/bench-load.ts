// Load harness: starts a server (or targets --url), fills rooms with bot players and spectators
// in separate processes (tools/load-bots.ts), plays N rounds, and prints what players felt and
// what the server spent. Last line: one JSON object.
// Usage: npm run bench:load -- --rooms 40 --players 30 --spectators 0 --rounds 10 [--tuning 10] [--bots 4] [--url http://host:port]
// Against a cluster from deploy/local-cluster.sh: `--cluster DIR` (its CLUSTER_DIR) plays through its
// front door and adds, over the play (start → podium): CPU and memory of every process (game
// processes, nginx, Redis, PostgreSQL, the bots), rooms per game process, Redis commands and
// PostgreSQL commits and rows written per room per minute. The same by hand: --url, --pids,
// --redis URL, --database-url URL.
import { fork } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import pg from "pg";
import { MATCH_ROOM } from "../shared/protocol";
import type { MatchState } from "../shared/state";
import { startServerProcess } from "./server-process";
import type { BotJob, BotPlan, BotReport } from "./load-bots";

const { values: args } = parseArgs({
  options: {
    rooms: { type: "string", default: "1" },
    players: { type: "string", default: "30" },
    spectators: { type: "string", default: "0" },
    rounds: { type: "string", default: "3" },
    tuning: { type: "string", default: "10" },
    bots: { type: "string", default: "4" },
    url: { type: "string" },
    cluster: { type: "string" },
    pids: { type: "string" },
    redis: { type: "string" },
    "database-url": { type: "string" },
  },
});
const [ROOMS, PLAYERS, SPECTATORS, ROUNDS, TUNING, BOTS] = [
  args.rooms,
  args.players,
  args.spectators,
  args.rounds,
  args.tuning,
  args.bots,
].map(Number);

/** The q-quantile (q = 1: the largest; no spread into Math.max, there may be 100,000 values). */
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
};
const round1 = (v: number) => Math.round(v * 10) / 10;

/** The fields of /proc/PID/stat after the command's name (index 0 is field 3, the state). */
const procStat = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");

/** The server's CPU seconds so far, from /proc (Linux), its threads (the training workers) included. */
function serverCpuSeconds(pid: number): number {
  const stat = procStat(pid);
  return (Number(stat[11]) + Number(stat[12])) / 100;
}

/** CPU seconds of a process's main thread alone (its event loop; the training workers are other threads). */
function mainThreadCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(stat[11]) + Number(stat[12])) / 100;
}

/** CPU seconds of a process and its live children (PostgreSQL's backends are children of the postmaster). */
function treeCpuSeconds(pid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const child = Number(entry);
      if (child === pid || Number(procStat(child)[1]) === pid) total += serverCpuSeconds(child);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Resident memory (MB) of a process and its live children, from /proc/PID/status (no GC first). */
function treeRssMb(pid: number): number {
  let kb = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const child = Number(entry);
      if (child !== pid && Number(procStat(child)[1]) !== pid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return Math.round(kb / 1024);
}

// A cluster from deploy/local-cluster.sh: its front door, processes, Redis and PostgreSQL.
const cluster = args.cluster ? clusterOf(args.cluster) : undefined;
function clusterOf(dir: string) {
  const state = Object.fromEntries(
    readFileSync(join(dir, "state.env"), "utf8")
      .trim()
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  const pids: Record<string, number> = {};
  for (const name of ["gs-1", "gs-2", "nginx", "redis", "postgres"])
    if (existsSync(join(dir, `${name}.pid`))) pids[name] = Number(readFileSync(join(dir, `${name}.pid`), "utf8"));
  const games = ["gs-1", "gs-2"].map((name, i) => ({ name, url: `http://127.0.0.1:${state[`GS${i + 1}_PORT`]}` }));
  return { url: state.FRONT_URL, redisUrl: state.REDIS_URL, databaseUrl: state.DATABASE_URL, pids, games };
}
const watchedPids: Record<string, number> = {
  ...cluster?.pids,
  ...Object.fromEntries(
    (args.pids ?? "")
      .split(",")
      .filter(Boolean)
      .map((pid) => [`pid ${pid}`, Number(pid)]),
  ),
};
const redisUrl = args.redis ?? cluster?.redisUrl;
const databaseUrl = args["database-url"] ?? cluster?.databaseUrl;

/** Redis's command counts by command, and its network bytes (INFO commandstats, INFO stats). */
async function redisCounts(url: string) {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const commands: Record<string, number> = {};
    for (const m of (await redis.info("commandstats")).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm))
      commands[m[1]] = Number(m[2]);
    const stats = await redis.info("stats");
    const num = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, "m").exec(stats)?.[1] ?? 0);
    const memory = Number(/^used_memory:(\d+)/m.exec(await redis.info("memory"))?.[1] ?? 0);
    return { commands, inBytes: num("total_net_input_bytes"), outBytes: num("total_net_output_bytes"), memory };
  } finally {
    redis.disconnect();
  }
}

/** PostgreSQL's counters for the database: commits, rows written, WAL position. */
async function pgCounts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT xact_commit::bigint AS commits, tup_inserted::bigint AS inserted, tup_updated::bigint AS updated,
              tup_deleted::bigint AS deleted, pg_current_wal_lsn()::text AS lsn,
              pg_database_size(current_database())::bigint AS size
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    const r = rows[0] as Record<string, string>;
    return {
      commits: Number(r.commits),
      inserted: Number(r.inserted),
      updated: Number(r.updated),
      deleted: Number(r.deleted),
      lsn: r.lsn,
      size: Number(r.size),
    };
  } finally {
    await client.end();
  }
}
async function walBytesBetween(url: string, from: string, to: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::bigint AS bytes", [to, from]);
    return Number((rows[0] as { bytes: string }).bytes);
  } finally {
    await client.end();
  }
}

// The heap probe prints the server's memory after a full GC whenever it gets SIGWINCH.
const server =
  args.url || cluster
    ? undefined
    : await startServerProcess(
        {
          LOG_LEVEL: "warn",
          MAX_PLAYERS_PER_ROOM: String(Math.max(60, PLAYERS)),
          ROOMS_PER_ADDRESS: String(ROOMS + 10),
        },
        ["--expose-gc", "--import", "./tools/heap-probe.mjs"],
      );
type Memory = { rssMb: number; heapUsedMb: number; externalMb: number };
const memoryByRound = () =>
  [...server!.output().matchAll(/heap-probe (\{.*\})/g)].map((m) => JSON.parse(m[1]) as Memory);
const url = args.url ?? cluster?.url ?? server!.url;
console.log(
  `load: ${ROOMS} room(s) × ${PLAYERS} players + ${SPECTATORS} spectators, ${ROUNDS} rounds of ${TUNING} s tuning, ${BOTS} bot processes → ${url}`,
);

// One host per room, here; everyone else in the bot processes.
const hosts: Room<any, MatchState>[] = [];
for (let r = 0; r < ROOMS; r++) {
  const host = await new Client(url).create<MatchState>(MATCH_ROOM, { name: `Host ${r}` });
  host.onMessage("*", () => undefined);
  host.send("settings", { rounds: ROUNDS, tuningSeconds: TUNING });
  hosts.push(host);
}
await new Promise((r) => setTimeout(r, 300));
const jobs: BotJob[] = hosts.flatMap((h, r) => [
  ...Array.from({ length: PLAYERS - 1 }, (_, i) => ({ code: h.roomId, name: `Bot ${r}-${i + 1}`, spectator: false })),
  ...Array.from({ length: SPECTATORS }, (_, i) => ({ code: h.roomId, name: `Watcher ${r}-${i + 1}`, spectator: true })),
]);
const bots = Array.from({ length: BOTS }, (_, b) => {
  const plan: BotPlan = { url, jobs: jobs.filter((_, i) => i % BOTS === b), seed: `load:${b}`, tuningSeconds: TUNING };
  return fork("tools/load-bots.ts", [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BOT_PLAN: JSON.stringify(plan) },
  });
});
const joined = await Promise.all(
  bots.map(
    (bot) => new Promise<number>((resolve) => bot.once("message", (m: { joined: number }) => resolve(m.joined))),
  ),
);
console.log(`joined: ${joined.reduce((a, b) => a + b, 0) + ROOMS} clients`);

// Play: hosts start, lock in after a second, go on 4 s into each reveal; memory after the first and last round.
const REVEAL_MS = 4000;
const cpuAtStart = server ? serverCpuSeconds(server.child.pid!) : 0;
if (server) watchedPids.server = server.child.pid!;
for (const [b, bot] of bots.entries()) watchedPids[`bot ${b + 1}`] = bot.pid!;
const treeCpuAtStart = Object.fromEntries(Object.entries(watchedPids).map(([k, pid]) => [k, treeCpuSeconds(pid)]));
// The game servers' event loops: one thread each, what saturates first.
const gamePids = Object.entries(watchedPids).filter(([k]) => k === "server" || k.startsWith("gs-"));
const mainCpuAtStart = Object.fromEntries(gamePids.map(([k, pid]) => [k, mainThreadCpuSeconds(pid)]));
const rssPeak: Record<string, number> = {};
const sampleRss = () => {
  for (const [k, pid] of Object.entries(watchedPids)) rssPeak[k] = Math.max(rssPeak[k] ?? 0, treeRssMb(pid));
};
sampleRss();
const rssSampler = setInterval(sampleRss, 1000);
const roomsByGame: Record<string, number> = {};
if (cluster)
  for (const g of cluster.games)
    roomsByGame[g.name] = ((await (await fetch(`${g.url}/healthz`)).json()) as { rooms: number }).rooms;
const redisAtStart = redisUrl ? await redisCounts(redisUrl) : undefined;
const pgAtStart = databaseUrl ? await pgCounts(databaseUrl) : undefined;
const started = performance.now();
for (const host of hosts) host.send("start", {});
await Promise.all(
  hosts.map(
    (host, r) =>
      new Promise<void>((resolve) => {
        let seen = "";
        host.onStateChange((s) => {
          const key = `${s.phase}:${s.round}`;
          if (key === seen) return;
          seen = key;
          if (s.phase === "tuning") setTimeout(() => host.send("lockIn", {}), 1000);
          if (s.phase === "reveal") setTimeout(() => host.send("next", {}), REVEAL_MS); // a host reading the results, then going on
          if (s.phase === "reveal" && r === 0) server?.child.kill("SIGWINCH");
          if (s.phase === "podium") resolve();
        });
      }),
  ),
);
const seconds = (performance.now() - started) / 1000;
const cpu = server ? serverCpuSeconds(server.child.pid!) - cpuAtStart : NaN;
clearInterval(rssSampler);
const mainCpu = Object.fromEntries(
  gamePids.map(([k, pid]) => [k, round1(mainThreadCpuSeconds(pid) - mainCpuAtStart[k])]),
);
const treeCpu = Object.fromEntries(
  Object.entries(watchedPids).map(([k, pid]) => [k, round1(treeCpuSeconds(pid) - treeCpuAtStart[k])]),
);
const redisAtEnd = redisUrl ? await redisCounts(redisUrl) : undefined;
// PostgreSQL's backends report their counters at most once a second, and when idle after 10 s.
if (databaseUrl) await new Promise((r) => setTimeout(r, 11_000));
const pgAtEnd = databaseUrl ? await pgCounts(databaseUrl) : undefined;
const roomMinutes = (ROOMS * seconds) / 60;
const memory = server ? memoryByRound() : [];

const reports = await Promise.all(
  bots.map(
    (bot) =>
      new Promise<BotReport>((resolve) => {
        bot.on("message", (m: { report?: BotReport }) => m.report && resolve(m.report));
        bot.send({ stop: true });
      }),
  ),
);
const all = reports.reduce((a, r) => ({
  latenciesMs: a.latenciesMs.concat(r.latenciesMs),
  errors: a.errors + r.errors,
  disconnects: a.disconnects + r.disconnects,
  tuning: a.tuning.concat(r.tuning),
  revealBytes: a.revealBytes.concat(r.revealBytes),
}));
const tuningSeconds = all.tuning.reduce((s, t) => s + t.seconds, 0);
const bytesPerClientS = tuningSeconds ? all.tuning.reduce((s, t) => s + t.bytes, 0) / tuningSeconds : 0;
const patchesPerS = tuningSeconds ? all.tuning.reduce((s, t) => s + t.patches, 0) / tuningSeconds : 0;
await Promise.all(hosts.map((h) => h.leave().catch(() => undefined)));
server?.child.kill("SIGTERM");

const summary = {
  clients: jobs.length + ROOMS,
  p50_ms: round1(quantile(all.latenciesMs, 0.5)),
  p95_ms: round1(quantile(all.latenciesMs, 0.95)),
  p99_ms: round1(quantile(all.latenciesMs, 0.99)),
  errors: all.errors,
  disconnects: all.disconnects,
  bytes_per_client_s: Math.round(bytesPerClientS),
  reveal_bytes_per_player: quantile(all.revealBytes, 0.5),
  server_rss_mb_first_round: memory[0]?.rssMb ?? null,
  server_rss_mb_last_round: memory.at(-1)?.rssMb ?? null,
  server_heap_mb_first_round: memory[0]?.heapUsedMb ?? null,
  server_heap_mb_last_round: memory.at(-1)?.heapUsedMb ?? null,
};
console.log(
  `actions measured: ${all.latenciesMs.length}; action→ack p50 ${summary.p50_ms} ms, p95 ${summary.p95_ms} ms, p99 ${summary.p99_ms} ms (max ${round1(quantile(all.latenciesMs, 1))})`,
);
console.log(
  `while tuning, per client: ${summary.bytes_per_client_s} B/s, ${round1(patchesPerS)} patches/s; reveal (message + patch) per player: median ${summary.reveal_bytes_per_player} B, max ${quantile(all.revealBytes, 1)} B`,
);
console.log(
  `server: CPU ${round1(cpu)} s over ${round1(seconds)} s (${Math.round((100 * cpu) / seconds)}% of one core)`,
);
if (memory.length) {
  console.log(
    `server memory at each reveal, after a full GC (MB): RSS ${memory.map((m) => m.rssMb).join(" ")}; heap used ${memory.map((m) => m.heapUsedMb).join(" ")}`,
  );
}
console.log(`errors ${summary.errors}, disconnects ${summary.disconnects}`);

// Per process, and the shared services, when watched (a cluster, or --pids/--redis/--database-url).
const extra: Record<string, unknown> = {};
if (Object.keys(watchedPids).length) {
  extra.cpu_s_by_process = treeCpu;
  extra.cpu_pct_by_process = Object.fromEntries(
    Object.entries(treeCpu).map(([k, v]) => [k, Math.round((100 * v) / seconds)]),
  );
  extra.rss_mb_peak_by_process = rssPeak;
  extra.main_thread_cpu_pct = Object.fromEntries(
    Object.entries(mainCpu).map(([k, v]) => [k, Math.round((100 * v) / seconds)]),
  );
  extra.play_seconds = round1(seconds);
  console.log(
    `CPU over ${round1(seconds)} s of play, % of one core: ${Object.entries(
      extra.cpu_pct_by_process as Record<string, number>,
    )
      .map(([k, v]) => `${k} ${v}%`)
      .join(", ")}`,
  );
  console.log(
    `main thread (event loop) CPU, % of one core: ${Object.entries(extra.main_thread_cpu_pct as Record<string, number>)
      .map(([k, v]) => `${k} ${v}%`)
      .join(", ")}`,
  );
  console.log(
    `peak RSS (MB, no GC): ${Object.entries(rssPeak)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
}
if (cluster) {
  extra.rooms_by_process = roomsByGame;
  console.log(`rooms by game process at the start of play: ${JSON.stringify(roomsByGame)}`);
}
if (redisAtStart && redisAtEnd) {
  const delta: Record<string, number> = {};
  for (const [cmd, calls] of Object.entries(redisAtEnd.commands)) {
    const d = calls - (redisAtStart.commands[cmd] ?? 0);
    if (d > 0) delta[cmd] = d;
  }
  const total = Object.values(delta).reduce((a, b) => a + b, 0);
  extra.redis_ops_per_room_min = round1(total / roomMinutes);
  extra.redis_ops_per_room_min_by_command = Object.fromEntries(
    Object.entries(delta)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => [k, round1(v / roomMinutes)]),
  );
  extra.redis_bytes_in_per_room_min = Math.round((redisAtEnd.inBytes - redisAtStart.inBytes) / roomMinutes);
  extra.redis_bytes_out_per_room_min = Math.round((redisAtEnd.outBytes - redisAtStart.outBytes) / roomMinutes);
  extra.redis_used_memory_mb = round1(redisAtEnd.memory / 1048576);
  console.log(
    `Redis: ${extra.redis_ops_per_room_min} commands per room per minute (${Object.entries(
      extra.redis_ops_per_room_min_by_command as Record<string, number>,
    )
      .slice(0, 8)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ", ",
      )}), ${extra.redis_bytes_in_per_room_min} B in and ${extra.redis_bytes_out_per_room_min} B out per room per minute`,
  );
}
if (databaseUrl && pgAtStart && pgAtEnd) {
  const rows =
    pgAtEnd.inserted + pgAtEnd.updated + pgAtEnd.deleted - pgAtStart.inserted - pgAtStart.updated - pgAtStart.deleted;
  const wal = await walBytesBetween(databaseUrl, pgAtStart.lsn, pgAtEnd.lsn);
  extra.pg_commits_per_room_min = round1((pgAtEnd.commits - pgAtStart.commits) / roomMinutes);
  extra.pg_rows_written_per_room_min = round1(rows / roomMinutes);
  extra.pg_rows_inserted_per_room_min = round1((pgAtEnd.inserted - pgAtStart.inserted) / roomMinutes);
  extra.pg_wal_kb_per_room_min = round1(wal / 1024 / roomMinutes);
  extra.pg_database_mb = round1(pgAtEnd.size / 1048576);
  console.log(
    `PostgreSQL: ${extra.pg_commits_per_room_min} commits, ${extra.pg_rows_written_per_room_min} rows written (${extra.pg_rows_inserted_per_room_min} inserted), ${extra.pg_wal_kb_per_room_min} kB of WAL per room per minute`,
  );
}
console.log(JSON.stringify({ ...summary, ...extra }));
process.exit(0);
