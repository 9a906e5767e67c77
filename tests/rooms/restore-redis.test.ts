// Rooms restored across processes with Redis, with a real redis-server and real game processes:
// - the process hosting a room is killed (SIGKILL) in the second round's tuning; the other
//   process, finding the owner's heartbeat gone, rebuilds the room under the same code; the
//   players rejoin it there with their seat tokens (same names, seats, points, pick and lock-in)
//   and finish the match. The time from the kill to the room and to the players is printed.
// - the process hosting four rooms is killed while two others run: their watchers race for the
//   orphans; each is restored exactly once and stays one room after their next scans; each
//   player rejoins through either process.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ColyseusSDK, type Room } from "@colyseus/sdk";
import { Redis } from "ioredis";
import { MATCH_ROOM, type JoinOptions } from "../../shared/protocol";
import type { MatchState } from "../../shared/state";
import { freePort, startServerProcess, type ServerProcess } from "../../tools/server-process";
import { hasRedis, startRedisServer } from "./redis-server";

if (!hasRedis && process.env.CI !== "true") {
  console.warn(
    "\n*** SKIPPING the Redis restore test: redis-server is not installed (apt-get install redis-server). ***\n",
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 100 ms until it returns something truthy, for at most `ms`. */
async function poll<T>(check: () => Promise<T> | T, what: string, ms = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await Promise.resolve(check()).catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** A game process and its checkpoint owner id (PROCESS_ID, from its log). */
type Game = ServerProcess & { id: string };

/** A player: the SDK room and every message, recorded from the first frame (the seat token comes with the join). */
interface Player {
  room: Room<any, MatchState>;
  messages: { type: string; payload: Record<string, unknown> }[];
  name: string;
}

class RecordingSDK extends ColyseusSDK {
  inbox: Player["messages"] = [];
  protected createRoom<T>(roomName: string, rootSchema?: any): Room<any, T> {
    const room = super.createRoom<T>(roomName, rootSchema);
    room.reconnection.enabled = false; // the process is gone: the player rejoins by code instead
    room.onMessage("*", (type, payload) => this.inbox.push({ type: String(type), payload: payload ?? {} }));
    return room;
  }
}

async function enter(url: string, how: "create" | string, options: JoinOptions): Promise<Player> {
  const sdk = new RecordingSDK(url);
  const room =
    how === "create" ? await sdk.create<MatchState>(MATCH_ROOM, options) : await sdk.joinById<MatchState>(how, options);
  await poll(() => room.state?.code, "the room state", 10_000);
  return { room, messages: sdk.inbox, name: options.name };
}

const seatToken = (p: Player): Promise<string> =>
  poll(
    () => p.messages.filter((m) => m.type === "seat").at(-1)?.payload.token as string,
    `${p.name}'s seat token`,
    10_000,
  );

function until(p: Player, check: (s: MatchState) => boolean, what: string, ms = 30_000): Promise<MatchState> {
  return poll(() => (p.room.state && check(p.room.state) ? p.room.state : undefined), what, ms);
}

/** Name, seat and points of everyone, by seat. */
const seats = (s: MatchState) =>
  [...s.players.values()]
    .map((p) => ({ name: p.name, seat: p.seat, points: p.points }))
    .sort((a, b) => a.seat - b.seat);

const roomsOn = async (g: Game): Promise<number> => (await (await fetch(`${g.url}/healthz`)).json()).rooms;

/** Rejoins by code with the seat token, as the client does when its process is gone (0.5 s, 1 s, then every 2 s). */
async function rejoin(url: string, code: string, name: string, seat: string, ms = 30_000): Promise<Player> {
  const deadline = Date.now() + ms;
  for (const wait of [500, 1000, ...Array(100).fill(2000)]) {
    try {
      return await enter(url, code, { name, seat });
    } catch (error) {
      if (Date.now() + wait > deadline) throw new Error(`${name} could not rejoin ${code}`, { cause: error });
      await sleep(wait);
    }
  }
  throw new Error("unreachable");
}

describe.runIf(hasRedis || process.env.CI === "true")("rooms restored across processes with Redis", () => {
  let redis: ChildProcess;
  let redisUrl: string;
  let kv: Redis;
  const games: Game[] = [];
  const secret = randomBytes(32).toString("hex"); // every process must make the same B from a round's id

  async function startGame(): Promise<Game> {
    const port = await freePort();
    const server = await startServerProcess({
      REDIS_URL: redisUrl,
      PORT: String(port),
      PUBLIC_ADDRESS: `localhost:${port}`,
      ROUND_SECRET: secret,
      LOG_LEVEL: "info", // the restore lines are read from the output
    });
    const game = Object.assign(server, { id: "" });
    games.push(game);
    game.id = await poll(() => /"event":"redis-checkpoints","process":"([^"]+)"/.exec(game.output())?.[1], "id", 5000);
    return game;
  }

  const restoredLines = (g: Game, code: string) =>
    g
      .output()
      .split("\n")
      .filter((line) => line.includes('"event":"orphan-restored"') && line.includes(`"room":"${code}"`));

  beforeAll(async () => {
    const port = await freePort();
    redis = startRedisServer(port);
    redisUrl = `redis://127.0.0.1:${port}`;
    kv = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    kv.on("error", () => undefined); // until redis-server listens
    await poll(() => kv.ping(), "redis-server", 10_000);
  });
  afterAll(() => {
    for (const g of games) g.child.kill("SIGKILL");
    kv?.disconnect();
    redis?.kill("SIGKILL");
  });

  const checkpointOf = async (code: string) => {
    const body = await kv.get(`sg:checkpoint:${code}`);
    return body ? JSON.parse(body) : undefined;
  };

  it("restores a room killed mid-round on the other process; the players rejoin with their seats and finish the match", async () => {
    const [first, second] = await Promise.all([startGame(), startGame()]);
    const host = await enter(first.url, "create", { name: "Ada" });
    const code = host.room.state.code;
    const guest = await enter(second.url, code, { name: "Bo" });
    const tokens = { Ada: await seatToken(host), Bo: await seatToken(guest) };

    host.room.send("settings", { rounds: 2, tuningSeconds: 60 });
    await until(host, (s) => s.rounds === 2 && s.tuningSeconds === 60, "the settings");
    host.room.send("start", {});
    await until(guest, (s) => s.phase === "tuning" && s.round === 1, "round 1");
    host.room.send("pick", { level: 4 });
    guest.room.send("pick", { level: 8 });
    host.room.send("lockIn", {});
    guest.room.send("lockIn", {});
    await until(guest, (s) => s.phase === "reveal" && s.round === 1, "reveal 1");
    host.room.send("next", {});
    await until(guest, (s) => s.phase === "tuning" && s.round === 2, "round 2");
    host.room.send("pick", { level: 5 });
    guest.room.send("pick", { level: 9 });
    host.room.send("lockIn", {});
    await until(guest, (s) => s.lockedCount === 1, "Ada's lock-in");
    const before = seats(guest.room.state);
    expect(before.map((p) => p.name)).toEqual(["Ada", "Bo"]);
    expect(before.some((p) => p.points > 0)).toBe(true);

    // Redis holds the room's checkpoint, with the lock-in, owned by the process that hosts it.
    const home = (await roomsOn(first)) === 1 ? first : second;
    const other = home === first ? second : first;
    expect(await roomsOn(other)).toBe(0);
    const saved = await poll(
      async () =>
        (await checkpointOf(code))?.players.some((p: { name: string; locked: boolean }) => p.name === "Ada" && p.locked)
          ? true
          : false,
      "the lock-in's checkpoint in Redis",
      5000,
    );
    expect(saved).toBe(true);
    expect((await checkpointOf(code)).owner).toBe(home.id);
    expect(await kv.sismember("sg:checkpoints", code)).toBe(1);

    const killedAt = Date.now();
    home.child.kill("SIGKILL");
    const roomBack = poll(async () => ((await roomsOn(other)) === 1 ? Date.now() : 0), "the room on the other process");
    const [ada, bo] = await Promise.all([
      rejoin(other.url, code, "Ada", tokens.Ada),
      rejoin(other.url, code, "Bo", tokens.Bo),
    ]);
    const playersBack = Date.now();
    const restoredAfter = (await roomBack) - killedAt;
    console.log(
      `Redis restore: room ${code} rebuilt on the other process ${restoredAfter} ms after SIGKILL; both players back in their seats ${playersBack - killedAt} ms after it`,
    );
    expect(await home.exited).toBe("SIGKILL");

    // Same room, same seats and totals, the round resumes with Ada's lock-in and both picks.
    for (const p of [ada, bo]) {
      const s = await until(
        p,
        (s) => s.players.size === 2 && [...s.players.values()].every((x) => x.connected),
        "both",
      );
      expect(s.code).toBe(code);
      expect(seats(s)).toEqual(before);
      await poll(
        () => p.messages.some((m) => m.type === "restored" && m.payload.reason === "restart"),
        "restored",
        5000,
      );
    }
    const resumed = await until(bo, (s) => s.phase === "tuning" && s.round === 2, "round 2 resumed");
    expect(resumed.lockedCount).toBe(1);
    expect(restoredLines(other, code)).toHaveLength(1);
    await poll(async () => (await checkpointOf(code))?.owner === other.id, "the checkpoint owned by the other", 5000);

    bo.room.send("lockIn", {});
    const reveal = await until(bo, (s) => s.phase === "reveal" && s.round === 2, "reveal 2");
    const byName = new Map([...reveal.players.values()].map((p) => [p.name, p]));
    expect(byName.get("Ada")!.revealedPick).toBe(5);
    expect(byName.get("Bo")!.revealedPick).toBe(9);
    for (const p of before) expect(byName.get(p.name)!.points).toBe(p.points + byName.get(p.name)!.roundPoints);
    ada.room.send("next", {});
    await until(bo, (s) => s.phase === "podium", "the podium");

    // Everyone leaves: the room is disposed normally and its checkpoint leaves Redis too.
    await Promise.all([ada.room.leave(), bo.room.leave()]);
    await poll(async () => (await kv.sismember("sg:checkpoints", code)) === 0, "the checkpoint removed", 10_000);
    expect(await kv.exists(`sg:checkpoint:${code}`)).toBe(0);
  });

  it("lets exactly one of two processes that race for each orphan restore it", async () => {
    // The one live process (the survivor of the test above, or a new one) hosts four rooms in tuning.
    expect(games.filter((g) => g.child.exitCode === null && g.child.signalCode === null).length).toBeLessThan(2);
    const host = games.find((g) => g.child.exitCode === null && g.child.signalCode === null) ?? (await startGame());
    const players = await Promise.all(["Ada", "Bo", "Cy", "Di"].map((name) => enter(host.url, "create", { name })));
    const codes = players.map((p) => p.room.state.code);
    const tokens = await Promise.all(players.map(seatToken));
    for (const p of players) p.room.send("settings", { rounds: 1, tuningSeconds: 60 });
    await Promise.all(players.map((p) => until(p, (s) => s.rounds === 1, "the settings")));
    for (const p of players) p.room.send("start", {});
    await Promise.all(players.map((p) => until(p, (s) => s.phase === "tuning", "tuning")));
    for (const code of codes)
      await poll(async () => (await checkpointOf(code))?.phase === "tuning", "the tuning checkpoint", 5000);

    // Two more processes, live before the kill (as in a real cluster): their scans race for the orphans.
    const racers = await Promise.all([startGame(), startGame()]);
    expect(await Promise.all(racers.map(roomsOn))).toEqual([0, 0]);
    host.child.kill("SIGKILL");
    const counts = () => Promise.all(racers.map(roomsOn));
    const total = async () => (await counts()).reduce((a, b) => a + b);
    await poll(async () => (await total()) === codes.length, "the rooms restored", 20_000);
    await sleep(6000); // three more scans each
    expect(await total()).toBe(codes.length);
    for (const code of codes) {
      const by = racers.filter((r) => restoredLines(r, code).length > 0);
      expect(by).toHaveLength(1);
      expect(restoredLines(by[0], code)).toHaveLength(1);
      expect((await checkpointOf(code)).owner).toBe(by[0].id);
    }
    // Each room lives on the process that claimed it (not placed elsewhere by the matchmaker).
    expect(await counts()).toEqual(racers.map((r) => codes.filter((code) => restoredLines(r, code).length).length));
    const lost = racers.map((r) => r.output().split('"event":"orphan-claimed-elsewhere"').length - 1);
    console.log(
      `Redis race: ${codes.length} orphans restored once each, split ${(await counts()).join(" + ")} between two processes; claims lost to the other: ${lost.join(" + ")}`,
    );

    // Through either process, a player takes the seat back in the room wherever it now lives.
    for (const [i, code] of codes.entries()) {
      const back = await rejoin(racers[i % 2].url, code, players[i].name, tokens[i], 10_000);
      const s = await until(back, (s) => s.players.size === 1 && s.phase === "tuning", `${players[i].name} back`);
      expect([...s.players.values()][0].name).toBe(players[i].name);
      await back.room.leave();
    }
  });

  it("restores on the other process a room whose process was stopped with SIGTERM", async () => {
    const live = games.filter((g) => g.child.exitCode === null && g.child.signalCode === null);
    while (live.length < 2) live.push(await startGame());
    const ada = await enter(live[0].url, "create", { name: "Ada" });
    const code = ada.room.state.code;
    const token = await seatToken(ada);
    ada.room.send("settings", { rounds: 1, tuningSeconds: 60 });
    await until(ada, (s) => s.rounds === 1, "the settings");
    ada.room.send("start", {});
    await until(ada, (s) => s.phase === "tuning", "tuning");
    ada.room.send("pick", { level: 7 });
    await poll(async () => (await checkpointOf(code))?.phase === "tuning", "the tuning checkpoint", 5000);
    const home = (await roomsOn(live[0])) === 1 ? live[0] : live[1];
    const other = home === live[0] ? live[1] : live[0];

    const stoppedAt = Date.now();
    home.child.kill("SIGTERM");
    expect(await home.exited).toBe(0);
    await poll(() => ada.messages.some((m) => m.payload.code === "server-restarting"), "the restarting notice", 5000);
    expect(await kv.sismember("sg:checkpoints", code)).toBe(1); // a shutdown keeps the checkpoint
    const back = await rejoin(other.url, code, "Ada", token);
    console.log(
      `Redis restore after SIGTERM: Ada back in room ${code} on the other process ${Date.now() - stoppedAt} ms after it`,
    );
    const s = await until(back, (s) => s.phase === "tuning" && s.players.size === 1, "tuning again");
    expect([...s.players.values()][0].name).toBe("Ada");
    expect([...s.players.values()][0].pick).toBe(7);
    back.room.send("lockIn", {});
    await until(back, (s) => s.phase === "reveal", "the reveal");
    await back.room.leave();
  });
});
