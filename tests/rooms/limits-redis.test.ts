// Limits across processes: with REDIS_URL, two real game processes sharing a real redis-server
// count one address's rooms, failed joins and teacher keys together (the allowance is not doubled),
// and /watch's listing (Colyseus's LobbyRoom, through the Redis presence and driver) shows the
// public rooms of both. A Redis that fails makes the limits step aside, not lock people out.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Client, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import { DAILY_ROOM, LOBBY_ROOM, MATCH_ROOM } from "../../shared/protocol";
import type { MatchState } from "../../shared/state";
import { TEACHER_KEYS_PER_HOUR } from "../../server/teacher-api";
import { RedisWindow, limitsRedis } from "../../server/redis-window";
import { checkRedis } from "../../server/scale-out";
import { freePort, startServerProcess, until, type ServerProcess } from "../../tools/server-process";
import { hasRedis, startRedisServer } from "./redis-server";

if (!hasRedis && process.env.CI !== "true") {
  console.warn(
    "\n*** SKIPPING the Redis limits test: redis-server is not installed (apt-get install redis-server). ***\n",
  );
}

const ROOMS = 3;
const SOLO_ROOMS = 2;
const FAILED_JOINS = 4;
type Listing = { roomId: string; publicAddress?: string; private?: boolean };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(hasRedis || process.env.CI === "true")("limits across processes with Redis", () => {
  let redis: ChildProcess;
  let admin: Redis;
  const servers: ServerProcess[] = [];
  const clients: Client[] = [];
  const opened: Room[] = [];
  /** Keeps a room to leave before the next test (its messages are not this file's concern). */
  const keep = <T extends Room>(room: T): T => {
    room.onMessage("*", () => undefined);
    opened.push(room);
    return room;
  };

  beforeAll(async () => {
    const port = await freePort();
    redis = startRedisServer(port);
    const url = `redis://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      if (
        await checkRedis(url).then(
          () => true,
          () => i > 50,
        )
      )
        break;
      await sleep(100);
    }
    admin = new Redis(url);
    admin.on("error", () => undefined);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push(
        await startServerProcess({
          REDIS_URL: url,
          PORT: String(port),
          PUBLIC_ADDRESS: `localhost:${port}`,
          ROOMS_PER_ADDRESS: String(ROOMS),
          SOLO_ROOMS_PER_ADDRESS: String(SOLO_ROOMS),
          FAILED_JOINS_PER_ADDRESS: String(FAILED_JOINS),
        }),
      );
      clients.push(new Client(servers[i].url));
    }
  });
  beforeEach(async () => {
    await Promise.all(opened.splice(0).map((r) => r.leave().catch(() => undefined)));
    const keys = await admin.keys("sg:limit:*");
    if (keys.length > 0) await admin.del(...keys); // each test starts with the whole allowance
  });
  afterAll(() => {
    admin?.disconnect();
    for (const s of servers) s.child.kill("SIGKILL");
    redis?.kill("SIGKILL");
  });

  /** The counts kept in Redis under `sg:limit:<name>:…` (one key per address). */
  const counted = async (name: string) => {
    const keys = await admin.keys(`sg:limit:${name}:*`);
    return Promise.all(keys.map((k) => admin.zcard(k)));
  };
  /**
   * Waits until `n` events are counted: the server records a creation or a failed join once it has
   * answered it, so the client may hear the answer a moment before the count lands in Redis.
   */
  const countedAll = async (name: string, n: number) => {
    for (let t = 0; t < 50 && (await counted(name))[0] !== n; t++) await sleep(20);
  };

  it("lists on /watch the public rooms of both processes, whichever process the lobby is joined through", async () => {
    const lobbies = await Promise.all(clients.map((c) => c.joinOrCreate(LOBBY_ROOM, {})));
    lobbies.forEach(keep);
    const listed = lobbies.map((lobby) => {
      const rooms = new Map<string, Listing>();
      lobby.onMessage("rooms", (list: Listing[]) => list.forEach((r) => rooms.set(r.roomId, r)));
      lobby.onMessage("+", ([id, room]: [string, Listing]) => rooms.set(id, room));
      lobby.onMessage("-", (id: string) => rooms.delete(id));
      return rooms;
    });
    // Colyseus places each new room on the least busy process: a few rooms land on both.
    const homes = new Set<string>();
    const codes: string[] = [];
    for (let i = 0; i < ROOMS && homes.size < 2; i++) {
      const host = keep(await clients[i % 2].create<MatchState>(MATCH_ROOM, { name: `Host ${i}` }));
      await until(host, (s) => Boolean(s.code), "the room");
      host.send("roomSettings", { visibility: "public" });
      codes.push(host.state.code);
      for (let t = 0; t < 50 && !listed.every((l) => l.has(host.state.code)); t++) await sleep(100);
      homes.add(listed[0].get(host.state.code)?.publicAddress ?? "unlisted");
      await sleep(1100); // Colyseus shares each process's room count about once a second
    }
    const addresses = servers.map((s) => s.url.replace("http://", ""));
    expect([...homes].sort()).toEqual([...addresses].sort());
    for (const rooms of listed) expect(codes.every((c) => rooms.has(c) && !rooms.get(c)!.private)).toBe(true);
  });

  it("refuses rooms created alternately on both processes after the one shared allowance", async () => {
    for (let i = 0; i < ROOMS; i++) keep(await clients[i % 2].create(MATCH_ROOM, { name: `Host ${i}` }));
    await countedAll("rooms", ROOMS);
    for (const client of clients)
      await expect(client.create(MATCH_ROOM, { name: "One too many" })).rejects.toThrow(
        /\{"code":"too-many-rooms","params":\{"seconds":\d+\}\}/,
      );
    expect(await counted("rooms")).toEqual([ROOMS]);
  });

  it("counts solo rooms apart, shared the same way", async () => {
    for (let i = 0; i < SOLO_ROOMS; i++) keep(await clients[i % 2].create(DAILY_ROOM, { name: `Solo ${i}` }));
    await countedAll("solo-rooms", SOLO_ROOMS);
    for (const client of clients)
      await expect(client.create(DAILY_ROOM, { name: "Solo 3" })).rejects.toThrow(/"too-many-rooms"/);
    expect(await counted("solo-rooms")).toEqual([SOLO_ROOMS]);
    keep(await clients[0].create(MATCH_ROOM, { name: "Host" })); // match rooms have their own
  });

  it("refuses failed joins made alternately on both processes after the one shared allowance", async () => {
    for (let i = 0; i < FAILED_JOINS; i++)
      await expect(clients[i % 2].joinById(`ZZZZ${"ABCD"[i]}`, { name: "Guesser" })).rejects.toThrow(/not found/);
    await countedAll("failed-joins", FAILED_JOINS);
    for (const client of clients)
      await expect(client.joinById("EEEEE", { name: "Guesser" })).rejects.toThrow(/"too-many-failed-joins"/);
    expect(await counted("failed-joins")).toEqual([FAILED_JOINS]);
  });

  const newKey = (server: ServerProcess) => fetch(`${server.url}/api/teacher/keys`, { method: "POST" });

  it(`makes at most ${TEACHER_KEYS_PER_HOUR} teacher keys per address an hour across both processes`, async () => {
    for (let i = 0; i < TEACHER_KEYS_PER_HOUR; i++) expect((await newKey(servers[i % 2])).status).toBe(201);
    for (const server of servers) {
      const over = await newKey(server);
      expect(over.status).toBe(429);
      expect(((await over.json()) as { error: string }).error).toBe("teacher-keys-too-many");
    }
    expect(await counted("teacher-keys")).toEqual([TEACHER_KEYS_PER_HOUR]);
  });

  it("a window on an unreachable Redis counts nothing and answers within its timeout", async () => {
    const dead = limitsRedis(`redis://127.0.0.1:${await freePort()}`);
    const window = new RedisWindow(dead, "test", 1, 60_000);
    const started = Date.now();
    await window.add("a", started);
    expect(await window.full("a", started)).toBe(false);
    expect(Date.now() - started).toBeLessThan(3000);
    dead.disconnect();
  });

  it("fails open when Redis is gone: the limit steps aside, with a warning, and nobody is locked out", async () => {
    for (let i = 0; i < TEACHER_KEYS_PER_HOUR; i++) await newKey(servers[i % 2]);
    expect((await newKey(servers[0])).status).toBe(429);
    admin.disconnect();
    redis.kill("SIGKILL"); // the last test: the processes' rooms need Redis too
    const started = Date.now();
    expect((await newKey(servers[0])).status).toBe(201);
    expect(Date.now() - started).toBeLessThan(3000);
    await vi.waitFor(() => expect(servers[0].output()).toMatch(/redis-limit-skipped/), { timeout: 5000 });
  });
});
