// The Redis mirror of checkpoints against a real redis-server, in this process: saves reach Redis
// in order and the last one wins, a save never waits for Redis (not even while Redis is down),
// the heartbeat lives 5 s and is refreshed, and stop() flushes the writes and leaves the
// heartbeat to expire.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { PROCESS_ID } from "../../server/checkpoint";
import { lobbyCheckpoint } from "../checkpoint-fixture";
import { CheckpointStore } from "../../server/checkpoint-store";
import { openDatabase, type StoreDatabase } from "../../server/store/database";
import { HEARTBEAT_TTL_MS, startRedisCheckpoints } from "../../server/checkpoint-redis";
import { freePort } from "../../tools/server-process";
import { hasRedis, startRedisServer } from "./redis-server";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(check: () => Promise<T>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

describe.runIf(hasRedis || process.env.CI === "true")("the Redis mirror of checkpoints", () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let kv: Redis;
  let database: StoreDatabase;
  let store: CheckpointStore;

  const startRedis = async () => {
    redis = startRedisServer(port);
    await poll(() => kv.ping(), "redis-server");
  };
  const roundIn = async (code: string) => JSON.parse((await kv.get(`sg:checkpoint:${code}`)) ?? "null")?.round;

  beforeAll(async () => {
    port = await freePort();
    kv = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 1 });
    kv.on("error", () => undefined); // while redis-server is down on purpose
    await startRedis();
    database = await openDatabase({ path: ":memory:" });
    store = new CheckpointStore(database);
  });
  afterAll(async () => {
    kv.disconnect();
    redis?.kill("SIGKILL");
    await database.close();
  });

  it("mirrors in order without holding the room, through a Redis outage, and stops cleanly", async () => {
    const mirror = await startRedisCheckpoints(`redis://127.0.0.1:${port}`, store);
    const heartbeat = `sg:process:${PROCESS_ID}`;
    const ttl = await kv.pttl(heartbeat);
    expect(ttl).toBeGreaterThan(HEARTBEAT_TTL_MS - 1000);
    expect(ttl).toBeLessThanOrEqual(HEARTBEAT_TTL_MS);

    // A burst: the last save wins, and the earlier ones never land after it.
    for (let round = 1; round <= 50; round++) store.save(lobbyCheckpoint("BURST1", round));
    await poll(async () => (await roundIn("BURST1")) === 50, "the last of the burst");
    expect(await kv.smembers("sg:checkpoints")).toEqual(["BURST1"]);
    expect(await kv.hget("sg:checkpoint-owners", "BURST1")).toBe(PROCESS_ID);
    store.save(lobbyCheckpoint("GONE12", 1));
    store.remove("GONE12");
    await poll(
      async () => (await kv.sismember("sg:checkpoints", "GONE12")) === 0 && (await roundIn("BURST1")) === 50,
      "",
    );
    expect(await kv.exists("sg:checkpoint:GONE12")).toBe(0);

    // Redis dies: saves still return at once; when it is back the newest one lands.
    redis!.kill("SIGKILL");
    await sleep(200);
    const started = performance.now();
    for (let round = 51; round <= 150; round++) store.save(lobbyCheckpoint("BURST1", round));
    const savingMs = performance.now() - started;
    console.log(`100 checkpoint saves with Redis down took ${savingMs.toFixed(1)} ms in the room (SQLite included)`);
    expect(savingMs).toBeLessThan(500);
    await sleep(1000);
    await startRedis(); // empty: nothing was persisted
    await poll(async () => (await roundIn("BURST1")) === 150, "the newest save after the outage", 15_000);
    await poll(async () => (await kv.exists(heartbeat)) === 1, "the heartbeat again", 3000);
    await sleep(500);
    expect(await roundIn("BURST1")).toBe(150);

    // stop(): the writes made just before it land; the heartbeat is left to expire.
    store.save(lobbyCheckpoint("BURST1", 151));
    await mirror.stop();
    expect(await roundIn("BURST1")).toBe(151);
    expect(await kv.pttl(heartbeat)).toBeGreaterThan(0);
    await poll(async () => (await kv.exists(heartbeat)) === 0, "the heartbeat to expire", HEARTBEAT_TTL_MS + 1000);
  });
});
