// Load harness: starts a server (or targets --url), fills rooms with bot players and spectators
// in separate processes (tools/load-bots.ts), plays N rounds, and prints what players felt and
// what the server spent. Last line: one JSON object.
// Usage: npm run bench:load -- --rooms 40 --players 30 --spectators 0 --rounds 10 [--tuning 10] [--bots 4] [--url http://host:port]
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
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

/** The server's CPU seconds so far, from /proc (Linux). */
function serverCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(stat[11]) + Number(stat[12])) / 100;
}

// The heap probe prints the server's memory after a full GC whenever it gets SIGWINCH.
const server = args.url
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
const url = args.url ?? server!.url;
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
console.log(JSON.stringify(summary));
process.exit(0);
