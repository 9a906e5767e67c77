// Matchmaking limits per address, and the message size cap, against a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { MAX_MESSAGE_BYTES } from "../../server/game-server";
import { CODE_ALPHABET } from "../../shared/room-code";
import { createMatch, joinMatch } from "./players";
import { bootGameServer } from "./test-server";

let colyseus: ColyseusTestServer;
beforeAll(async () => {
  colyseus = await bootGameServer({
    addressLimits: { roomsPerWindow: 3, soloRoomsPerWindow: 2, failedJoinsPerWindow: 5 },
  });
});
afterAll(async () => {
  await colyseus.shutdown();
});

describe("message size", () => {
  it("disconnects a client whose message is over the cap, and the room goes on", async () => {
    const host = await createMatch(colyseus, { name: "Ada" }); // the first of the 3 rooms this address may create
    const big = await joinMatch(colyseus, host.room.state.code, { name: "Big" });
    const closed = new Promise<number>((resolve) => big.room.onLeave((code) => resolve(code)));
    big.room.send("pick", { level: 3, pad: "x".repeat(MAX_MESSAGE_BYTES) });
    expect(await closed).toBe(1009); // "message too big"
    await host.until((s) => s.players.size === 1, "Big gone");
    host.room.send("start", {});
    await host.until((s) => s.phase === "training", "the match going on");
    await host.room.leave();
  });
});

describe("limits per address", () => {
  it("caps rooms created from one address", async () => {
    const rooms = []; // one room was created above
    for (let i = 0; i < 2; i++) rooms.push(await createMatch(colyseus, { name: `Host ${i}` }));
    await expect(colyseus.sdk.create("match", { name: "Host 4" })).rejects.toThrow(
      /\{"code":"too-many-rooms","params":\{"seconds":\d+\}\}/,
    );
    await Promise.all(rooms.map((r) => r.room.leave()));
  });

  it("counts solo rooms (the daily, homework) apart, so a school's homework is not stopped by its matches", async () => {
    // This address has used up its match rooms above; solo rooms have their own allowance (2 here).
    const days = [];
    for (let i = 0; i < 2; i++) days.push(await colyseus.sdk.create("daily", { name: `Solo ${i}` }));
    await expect(colyseus.sdk.create("daily", { name: "Solo 3" })).rejects.toThrow(/"too-many-rooms"/);
    await Promise.all(days.map((r) => r.leave()));
  });

  it("rate-limits wrong codes, so codes cannot be found by guessing", async () => {
    const host = await colyseus.sdk.joinById("ZZZZZ", { name: "x" }).catch(() => undefined);
    expect(host).toBeUndefined(); // 1 failure
    const guesses = ["AAAAA", "BBBBB", "CCCCC", "DDDDD"];
    for (const code of guesses)
      await expect(colyseus.sdk.joinById(code, { name: "Guesser" })).rejects.toThrow(/not found/);
    // Five failures in the window: from now on even a real code is refused for a while.
    await expect(colyseus.sdk.joinById("EEEEE", { name: "Guesser" })).rejects.toThrow(/"too-many-failed-joins"/);
    // How many codes there are: 31^5, so with a thousand live rooms one guess in ~28,600 hits.
    expect(CODE_ALPHABET.length ** 5).toBe(28_629_151);
  });
});

describe("behind a proxy", () => {
  let proxied: ColyseusTestServer;
  beforeAll(async () => {
    proxied = await bootGameServer({ addressLimits: { roomsPerWindow: 1 }, trustedProxies: new Set(["127.0.0.1"]) });
  });
  afterAll(async () => {
    await proxied.shutdown();
  });
  const create = (realIp?: string) =>
    fetch(`http://127.0.0.1:${(proxied.server as unknown as { port: number }).port}/matchmake/create/match`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(realIp ? { "x-real-ip": realIp } : {}) },
      body: JSON.stringify({ name: "Ada" }),
    });

  it("counts each player by the X-Real-IP of a trusted proxy, and a header from anyone else not at all", async () => {
    expect((await create("203.0.113.7")).status).toBe(200);
    expect((await create("203.0.113.7")).status).toBe(429); // that player's one room
    expect((await create("198.51.100.4")).status).toBe(200); // another player behind the same proxy
    // The test server itself does not trust this process's own connections as a proxy.
    const direct = await fetch(
      `http://127.0.0.1:${(colyseus.server as unknown as { port: number }).port}/matchmake/create/match`,
      {
        method: "POST",
        headers: { "content-type": "application/json", "x-real-ip": "192.0.2.99" },
        body: JSON.stringify({ name: "Ada" }),
      },
    );
    expect(direct.status).toBe(429); // still this address, whose rooms were used up above
  });
});
