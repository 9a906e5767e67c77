// Scale-out with Redis: two server processes share rooms through Colyseus's Redis presence and
// driver. A player on one process joins by code a room that lives on the other and plays a round.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { MATCH_ROOM } from "../../shared/protocol";
import type { MatchState } from "../../shared/state";
import { freePort, startServerProcess, until, type ServerProcess } from "../../tools/server-process";
import { recordReveals } from "./players";
import { hasRedis, startRedisServer } from "./redis-server";

if (!hasRedis && process.env.CI !== "true") {
  console.warn(
    "\n*** SKIPPING the Redis scale-out test: redis-server is not installed (apt-get install redis-server; .ci/run does). ***\n",
  );
}

describe.runIf(hasRedis || process.env.CI === "true")("scale-out with Redis", () => {
  let redis: ChildProcess;
  let redisUrl: string;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    const port = await freePort();
    redis = startRedisServer(port);
    redisUrl = `redis://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push(
        await startServerProcess({ REDIS_URL: redisUrl, PORT: String(port), PUBLIC_ADDRESS: `localhost:${port}` }),
      );
    }
  });
  afterAll(() => {
    for (const s of servers) s.child.kill("SIGKILL");
    redis?.kill("SIGKILL");
  });

  it("lets a player on one process join by code, and play in, a room on the other", async () => {
    const roomsPerProcess = () =>
      Promise.all(
        servers.map((s) =>
          fetch(`${s.url}/healthz`)
            .then((r) => r.json())
            .then((h) => h.rooms as number),
        ),
      );
    const host = await new Client(servers[0].url).create<MatchState>(MATCH_ROOM, { name: "Ada" });
    await until(host, (s) => Boolean(s.code), "the room");
    // Colyseus places a new room on the least busy process: find it, and join through the other.
    const counts = await roomsPerProcess();
    expect(counts.sort()).toEqual([0, 1]);
    const home = (await roomsPerProcess()).indexOf(1);
    const other = servers[1 - home];
    const guest = await new Client(other.url).joinById<MatchState>(host.roomId, { name: "Bo" });
    await until(guest, (s) => s.players.size === 2, "both players");
    const reveals = recordReveals(guest);
    host.onMessage("*", () => undefined);
    guest.onMessage("*", () => undefined);

    host.send("settings", { rounds: 1, tuningSeconds: 10 });
    host.send("start", {});
    await until(guest, (s) => s.phase === "tuning", "tuning");
    guest.send("pick", { level: 6 });
    guest.send("lockIn", {});
    host.send("lockIn", {});
    await until(guest, (s) => s.phase === "reveal", "the reveal");
    expect(reveals[0].results.find((r) => r.name === "Bo")?.level).toBe(6);
    // The room still lives on its process; the other only found it through Redis.
    expect((await roomsPerProcess())[home]).toBe(1);
    expect((await roomsPerProcess())[1 - home]).toBe(0);
    await Promise.all([host.leave(), guest.leave()]);
  });

  it("says so and exits when Redis cannot be reached, instead of hanging", async () => {
    const deadPort = await freePort();
    const started = Date.now();
    await expect(startServerProcess({ REDIS_URL: `redis://127.0.0.1:${deadPort}` })).rejects.toThrow(
      /redis-unreachable[\s\S]*cannot reach Redis/,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
