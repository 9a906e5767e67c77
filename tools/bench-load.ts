// Load harness: starts a server (or targets --url), fills rooms with bot players and spectators
// in separate processes (tools/load-bots.ts), plays N rounds, and prints what players felt and
// what the server spent. Last line: one JSON object.
// Usage: npm run bench:load -- --rooms 40 --players 30 --spectators 0 --rounds 10 [--tuning 10] [--bots 4] [--url http://host:port]
import { fork } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Client, type Room } from "@colyseus/sdk";
import { MATCH_ROOM } from "../shared/protocol";
import type { MatchState } from "../server/state";
import { startServerProcess } from "../tests/server-process";
import type { BotJob, BotPlan, BotReport } from "./load-bots";

const { values: args } = parseArgs({ options: {
  rooms: { type: "string", default: "1" }, players: { type: "string", default: "30" }, spectators: { type: "string", default: "0" },
  rounds: { type: "string", default: "3" }, tuning: { type: "string", default: "10" }, bots: { type: "string", default: "4" }, url: { type: "string" },
} });
const [ROOMS, PLAYERS, SPECTATORS, ROUNDS, TUNING, BOTS] = [args.rooms, args.players, args.spectators, args.rounds, args.tuning, args.bots].map(Number);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0;
};
const round1 = (v: number) => Math.round(v * 10) / 10;

/** The server's resident memory (MB) and CPU seconds so far, from /proc (Linux). */
function serverUsage(pid: number): { rssMb: number; cpuSeconds: number } {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return { rssMb: Math.round(rss), cpuSeconds: (Number(stat[11]) + Number(stat[12])) / 100 };
}

const server = args.url ? undefined : await startServerProcess({
  LOG_LEVEL: "warn", MAX_PLAYERS_PER_ROOM: String(Math.max(60, PLAYERS)), ROOMS_PER_ADDRESS: String(ROOMS + 10),
});
const url = args.url ?? server!.url;
console.log(`load: ${ROOMS} room(s) × ${PLAYERS} players + ${SPECTATORS} spectators, ${ROUNDS} rounds of ${TUNING} s tuning, ${BOTS} bot processes → ${url}`);

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
  return fork("tools/load-bots.ts", [], { execArgv: ["--import", "tsx"], env: { ...process.env, BOT_PLAN: JSON.stringify(plan) } });
});
const joined = await Promise.all(bots.map((bot) => new Promise<number>((resolve) => bot.once("message", (m: { joined: number }) => resolve(m.joined)))));
console.log(`joined: ${joined.reduce((a, b) => a + b, 0) + ROOMS} clients`);

// Play: hosts start, lock in after a second, go on 4 s into each reveal; memory after the first and last round.
const REVEAL_MS = 4000;
const cpuAtStart = server ? serverUsage(server.child.pid!).cpuSeconds : 0;
const started = performance.now();
const rssByRound: number[] = [];
for (const host of hosts) host.send("start", {});
await Promise.all(hosts.map((host, r) => new Promise<void>((resolve) => {
  let seen = "";
  host.onStateChange((s) => {
    const key = `${s.phase}:${s.round}`;
    if (key === seen) return;
    seen = key;
    if (s.phase === "tuning") setTimeout(() => host.send("lockIn", {}), 1000);
    if (s.phase === "reveal") setTimeout(() => host.send("next", {}), REVEAL_MS); // a host reading the results, then going on
    if (s.phase === "reveal" && r === 0 && server) rssByRound.push(serverUsage(server.child.pid!).rssMb);
    if (s.phase === "podium") resolve();
  });
})));
const seconds = (performance.now() - started) / 1000;
const cpu = server ? serverUsage(server.child.pid!).cpuSeconds - cpuAtStart : NaN;

const reports = await Promise.all(bots.map((bot) => new Promise<BotReport>((resolve) => {
  bot.on("message", (m: { report?: BotReport }) => m.report && resolve(m.report));
  bot.send({ stop: true });
})));
const all = reports.reduce((a, r) => ({
  latenciesMs: a.latenciesMs.concat(r.latenciesMs), errors: a.errors + r.errors, disconnects: a.disconnects + r.disconnects,
  tuning: a.tuning.concat(r.tuning), revealBytes: a.revealBytes.concat(r.revealBytes),
}));
const tuningSeconds = all.tuning.reduce((s, t) => s + t.seconds, 0);
const bytesPerClientS = tuningSeconds ? all.tuning.reduce((s, t) => s + t.bytes, 0) / tuningSeconds : 0;
const patchesPerS = tuningSeconds ? all.tuning.reduce((s, t) => s + t.patches, 0) / tuningSeconds : 0;
await Promise.all(hosts.map((h) => h.leave().catch(() => undefined)));
server?.child.kill("SIGTERM");

const rssFirst = rssByRound[0] ?? 0, rssLast = rssByRound.at(-1) ?? 0;
const summary = {
  clients: jobs.length + ROOMS,
  p50_ms: round1(quantile(all.latenciesMs, 0.5)), p95_ms: round1(quantile(all.latenciesMs, 0.95)), p99_ms: round1(quantile(all.latenciesMs, 0.99)),
  errors: all.errors, disconnects: all.disconnects,
  bytes_per_client_s: Math.round(bytesPerClientS),
  server_rss_mb_first_round: rssFirst, server_rss_mb_last_round: rssLast,
};
console.log(`actions measured: ${all.latenciesMs.length}; action→ack p50 ${summary.p50_ms} ms, p95 ${summary.p95_ms} ms, p99 ${summary.p99_ms} ms (max ${round1(Math.max(0, ...all.latenciesMs))})`);
console.log(`while tuning, per client: ${summary.bytes_per_client_s} B/s, ${round1(patchesPerS)} patches/s; reveal (message + patch) per player: median ${quantile(all.revealBytes, 0.5)} B, max ${Math.max(0, ...all.revealBytes)} B`);
console.log(`server: CPU ${round1(cpu)} s over ${round1(seconds)} s (${Math.round((100 * cpu) / seconds)}% of one core); RSS by round (MB): ${rssByRound.join(" ")}`);
console.log(`errors ${summary.errors}, disconnects ${summary.disconnects}`);
console.log(JSON.stringify(summary));
process.exit(0);
