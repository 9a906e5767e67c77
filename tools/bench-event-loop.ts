// Event-loop delay while 8 rooms start rounds at the same moment: ladders train in the worker
// pool, so the main thread's timers and patches keep their pace. Baseline in the same run: the
// same 8 ladders trained on the main thread, as a server without workers would.
// Usage: npm run bench:event-loop   (last line: JSON)
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { AddressInfo } from "node:net";
import { Client, type Room } from "@colyseus/sdk";
import { createGameServer } from "../server/game-server";
import { trainer } from "../server/trainer";
import { loadTf } from "../server/tf";
import { CATALOG } from "../shared/spirals";
import { generateRound } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { fitRound } from "../shared/round-ladder";
import { MATCH_ROOM } from "../shared/protocol";
import type { MatchState } from "../shared/state";

const ROOMS = 8;
const ms = (ns: number) => Math.round(ns / 1e4) / 100;

async function measure(run: () => Promise<void>): Promise<{ p50: number; p99: number; max: number; wall: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const started = performance.now();
  histogram.enable();
  await run();
  histogram.disable();
  return {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    wall: Math.round(performance.now() - started),
  };
}

const server = await createGameServer({ databasePath: ":memory:" });
await trainer.warmUp();
await server.listen(0);
const url = `http://localhost:${(server.transport.server!.address() as AddressInfo).port}`;

const hosts: Room<any, MatchState>[] = [];
for (let i = 0; i < ROOMS; i++) {
  const host = await new Client(url).create<MatchState>(MATCH_ROOM, { name: `Host ${i}` });
  host.onMessage("*", () => undefined);
  host.send("settings", { rounds: 1, tuningSeconds: 10 });
  hosts.push(host);
}
await new Promise((r) => setTimeout(r, 500));

const inTuning = (room: Room<any, MatchState>) =>
  new Promise<void>((resolve) => {
    const check = (s: MatchState) => {
      if (s.phase === "tuning") {
        room.onStateChange.remove(check);
        resolve();
      }
    };
    room.onStateChange(check);
  });
const pooled = await measure(async () => {
  const ready = hosts.map(inTuning);
  for (const host of hosts) host.send("start", {});
  await Promise.all(ready);
});

const tf = await loadTf();
const rounds = Array.from({ length: ROOMS }, (_, i) => generateRound(CATALOG, publicRoundKey(`bench-loop:${i}`)));
fitRound(tf, rounds[0]); // warm-up, like the pool's
const baseline = await measure(async () => {
  // One ladder per timer turn, as rooms starting together would queue them on one thread.
  for (const round of rounds)
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        fitRound(tf, round);
        resolve();
      }, 0),
    );
});

console.log(`8 rooms starting rounds together, event-loop delay on the main thread (ms):`);
console.log(
  `  worker pool (this server):   p50 ${pooled.p50}  p99 ${pooled.p99}  max ${pooled.max}  (all 8 in tuning after ${pooled.wall} ms)`,
);
console.log(
  `  baseline, main-thread fits:  p50 ${baseline.p50}  p99 ${baseline.p99}  max ${baseline.max}  (${baseline.wall} ms)`,
);
console.log(`  target: p99 ≤ 20 ms → ${pooled.p99 <= 20 ? "met" : "NOT met"}`);
console.log(
  JSON.stringify({
    rooms: ROOMS,
    pool_p99_ms: pooled.p99,
    pool_max_ms: pooled.max,
    baseline_p99_ms: baseline.p99,
    baseline_max_ms: baseline.max,
  }),
);
await Promise.all(hosts.map((h) => h.leave()));
await server.gracefullyShutdown(false);
await trainer.close();
process.exit(0);
