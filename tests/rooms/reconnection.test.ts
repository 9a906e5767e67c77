// Reconnection against a real server with real SDK clients, using the game client's own
// reconnection settings (client/reconnection.ts):
// - a killed socket (the server-side WebSocket terminated: no close frame, the client sees 1006)
//   during tuning: the SDK comes back by itself into the same session, seat, name, points and
//   pick; the others see `connected` go false then true; the round finishes normally;
// - a seat reclaimed with the reconnection token by a brand-new SDK client (a closed tab), also
//   while the old connection still looks alive (a reload the server has not noticed yet);
// - tokens that must not work (a consented leave, a seat whose wait ran out, a used-up token)
//   are refused with a clear error, and a SDK that cannot get back in gives up with code 4003.
import { afterAll, describe, expect, it, vi } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import type { Room as SDKRoom } from "@colyseus/sdk";
import { RECONNECT_SECONDS } from "../../server/match-room";
import type { MatchState } from "../../shared/state";
import { RECONNECTION, SEAT_HELD_MS, retryDelays, tuneReconnection } from "../../client/reconnection";
import { createMatch, inPhase, joinMatch, recordReveals, type TestPlayer } from "./players";
import { freshClient, useGameServer } from "./test-server";

let colyseus: ColyseusTestServer;
const tally = { tried: 0, restored: 0, expired: 0, refused: 0 };

useGameServer((booted) => (colyseus = booted));
afterAll(() => {
  console.log(
    `reconnection figures: ${tally.tried} reconnections tried within the wait, ${tally.restored} restored into the same seat; ${tally.expired} tried after the seat expired (refused, SDK gave up with 4003); ${tally.refused} bad tokens refused with a clear error`,
  );
});

type Seat = { name: string; seat: number; points: number };
const seatOf = (state: MatchState, sessionId: string): Seat => {
  const p = state.players.get(sessionId)!;
  return { name: p.name, seat: p.seat, points: p.points };
};

/** Terminates the server side of a client's WebSocket: no close frame, like a pulled cable. */
function killSocket(code: string, sessionId: string): void {
  const room = colyseus.getRoomById(code);
  const client = room.clients.find((c) => c.sessionId === sessionId);
  if (!client) throw new Error(`no connected client ${sessionId} in room ${code}`);
  (client.ref as unknown as { terminate(): void }).terminate();
}

/** Resolves with the drop's close code and then with the SDK's own reconnection. */
function watchReconnection(room: SDKRoom<any, MatchState>) {
  const dropped = new Promise<number>((resolve) => room.onDrop.once((code) => resolve(code)));
  const back = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no reconnection within 15 s")), 15_000);
    room.onReconnect.once(() => {
      clearTimeout(timer);
      resolve();
    });
    room.onLeave.once((code, reason) => {
      clearTimeout(timer);
      reject(new Error(`left instead (${code}: ${reason})`));
    });
  });
  return { dropped, back };
}

async function startMatch(names: string[], rounds: number): Promise<TestPlayer[]> {
  const host = await createMatch(colyseus, { name: names[0] });
  const others = [];
  for (const name of names.slice(1)) others.push(await joinMatch(colyseus, host.room.state.code, { name }));
  const players = [host, ...others];
  for (const p of players) tuneReconnection(p.room); // what client/net.ts does with every room
  host.room.send("settings", { rounds, tuningSeconds: 120 }); // long: every round here ends by lock-in
  await host.until((s) => s.rounds === rounds && s.tuningSeconds === 120, "the settings");
  host.room.send("start", {});
  return players;
}

/** Everyone picks and locks in; resolves at the reveal. */
async function playRound(players: TestPlayer[], levels: number[]): Promise<void> {
  await Promise.all(players.map((p) => p.until(inPhase("tuning"), "tuning")));
  players.forEach((p, i) => p.room.send("pick", { level: levels[i] }));
  players.forEach((p) => p.room.send("lockIn", {}));
  await Promise.all(players.map((p) => p.until(inPhase("reveal"), "the reveal")));
}

/** Plays round 1 (so everyone has points), then waits in round 2's tuning. */
async function intoSecondRound(players: TestPlayer[]): Promise<void> {
  await playRound(
    players,
    players.map((_, i) => 3 + i),
  );
  await Promise.all(
    players.map((p) => p.until((s) => [...s.players.values()].every((x) => x.points > 0), "points after round 1")),
  );
  players[0].room.send("next", {});
  await Promise.all(players.map((p) => p.until((s) => s.phase === "tuning" && s.round === 2, "round 2's tuning")));
}

describe("reconnection", () => {
  it("retries for longer than the server holds a seat", () => {
    expect(RECONNECT_SECONDS * 1000).toBe(SEAT_HELD_MS);
    const total = retryDelays().reduce((a, b) => a + b, 0);
    console.log(
      `client retry schedule: ${RECONNECTION.maxRetries} tries over ${(total / 1000).toFixed(1)} s (${retryDelays().slice(0, 4).join(", ")}, … ms); min uptime ${RECONNECTION.minUptime} ms`,
    );
    expect(total).toBeGreaterThan(SEAT_HELD_MS);
    expect(total).toBeLessThan(SEAT_HELD_MS + 15_000);
  });

  it("brings a killed socket back by itself into the same seat, name, points and pick", async () => {
    const players = await startMatch(["Ada", "Bo", "Cy"], 2);
    const [host, bo, cy] = players;
    const code = host.room.state.code;
    await intoSecondRound(players);

    bo.room.send("pick", { level: 7 });
    await bo.until((s) => s.players.get(bo.room.sessionId)!.pick === 7, "Bo's pick on the server");
    const boId = bo.room.sessionId;
    const before = seatOf(host.room.state, boId);
    expect(before.points).toBeGreaterThan(0);
    const boToken = bo.room.reconnectionToken;

    // Kill Bo's socket.
    const watch = watchReconnection(bo.room);
    tally.tried++;
    killSocket(code, boId);
    expect(await watch.dropped).toBe(1006);
    await host.until((s) => s.players.get(boId)?.connected === false, "Bo shown as disconnected");
    await cy.until((s) => s.players.get(boId)?.connected === false, "Bo shown as disconnected");
    await watch.back;
    tally.restored++;
    await host.until((s) => s.players.get(boId)?.connected === true, "Bo shown as connected again");

    // Same session, seat, name, points; the own pick is visible again; no second seat anywhere.
    expect(bo.room.sessionId).toBe(boId);
    expect(bo.room.reconnectionToken).not.toBe(boToken); // a fresh token after every reconnect
    await bo.until((s) => s.players.get(boId)?.pick === 7, "Bo's own pick after reconnecting");
    expect(seatOf(bo.room.state, boId)).toEqual(before);
    expect(seatOf(host.room.state, boId)).toEqual(before);
    expect(host.room.state.players.size).toBe(3);
    expect(bo.room.state.phase).toBe("tuning");
    expect(bo.room.state.round).toBe(2);

    // Two players killed at once (the host among them): both back, the host still the host.
    const both = [host, cy].map((p) => watchReconnection(p.room));
    tally.tried += 2;
    killSocket(code, host.room.sessionId);
    killSocket(code, cy.room.sessionId);
    await Promise.all(both.map((w) => w.back));
    tally.restored += 2;
    await bo.until((s) => [...s.players.values()].every((p) => p.connected), "everyone connected again");
    expect(bo.room.state.hostId).toBe(host.room.sessionId);

    // The round ends normally; Bo's held pick (sent before the kill, never again) is what counts.
    host.room.send("pick", { level: 2 });
    cy.room.send("pick", { level: 11 });
    for (const p of players) p.room.send("lockIn", {});
    await Promise.all(players.map((p) => p.until(inPhase("reveal"), "the reveal")));
    await bo.until(() => bo.reveals.length === 2, "round 2's reveal");
    const mine = bo.reveals[1].results.find((r) => r.sessionId === boId)!;
    expect(mine.level).toBe(7);
    expect(mine.name).toBe("Bo");
    await host.until((s) => s.players.get(boId)!.points === before.points + mine.points, "Bo's points after round 2");

    // A kill during the reveal: the reveal comes again on reconnecting, and the match ends normally.
    const again = watchReconnection(bo.room);
    tally.tried++;
    killSocket(code, boId);
    await again.back;
    tally.restored++;
    await bo.until(() => bo.reveals.length === 3, "the reveal sent again after reconnecting");
    expect(bo.reveals[2]).toEqual(bo.reveals[1]);
    host.room.send("next", {});
    await Promise.all(players.map((p) => p.until(inPhase("podium"), "the podium")));
    expect(seatOf(bo.room.state, boId)).toEqual({ ...before, points: before.points + mine.points });
  });

  it("gives a seat back to a new client holding its token (a closed tab), even before the old socket is noticed", async () => {
    const players = await startMatch(["Ada", "Bo"], 2);
    const [host, bo] = players;
    const code = host.room.state.code;
    await intoSecondRound(players);
    bo.room.send("pick", { level: 5 });
    await bo.until((s) => s.players.get(bo.room.sessionId)!.pick === 5, "Bo's pick on the server");
    const boId = bo.room.sessionId;
    const before = seatOf(host.room.state, boId);

    // The tab is closed: that client is gone for good (it will not reconnect by itself).
    bo.room.reconnection.enabled = false;
    const token = bo.room.reconnectionToken;
    const gone = new Promise<number>((resolve) => bo.room.onLeave.once((c) => resolve(c)));
    killSocket(code, boId);
    await gone;
    await host.until((s) => s.players.get(boId)?.connected === false, "Bo shown as disconnected");

    // The link opened again: a brand-new SDK client with the token kept in the browser.
    tally.tried++;
    const tab2 = tuneReconnection(await freshClient(colyseus).reconnect<MatchState>(token));
    tally.restored++;
    expect(tab2.sessionId).toBe(boId);
    const round2 = new Promise<any>((resolve) => tab2.onMessage("round", resolve));
    const state = await new Promise<MatchState>((resolve) => {
      const check = (s: MatchState) => {
        if (s.players?.get(boId)?.pick === 5) resolve(s);
      };
      if (tab2.state) check(tab2.state);
      tab2.onStateChange(check);
    });
    expect(seatOf(state, boId)).toEqual(before);
    expect(state.phase).toBe("tuning");
    expect((await round2).round).toBe(2); // the round's fits come again, for the tuning screen
    await host.until((s) => s.players.get(boId)?.connected === true, "Bo connected again");
    expect(host.room.state.players.size).toBe(2);

    // A reload the server has not noticed yet: the old connection is still open when the new page
    // reconnects with the (current) token. The server closes the stale one and keeps one seat.
    const staleClosed = new Promise<number>((resolve) => tab2.onLeave.once((c) => resolve(c)));
    tab2.reconnection.enabled = false; // the stale page is gone; its SDK must not fight back
    tally.tried++;
    const tab3 = tuneReconnection(await freshClient(colyseus).reconnect<MatchState>(tab2.reconnectionToken));
    tally.restored++;
    expect(await staleClosed).toBe(4002);
    expect(tab3.sessionId).toBe(boId);
    await new Promise<void>((resolve) => {
      const check = (s: MatchState) => {
        if (s.players?.get(boId)?.pick === 5) resolve();
      };
      if (tab3.state) check(tab3.state);
      tab3.onStateChange(check);
    });
    await host.until((s) => s.players.get(boId)?.connected === true, "Bo connected again");
    expect(host.room.state.players.size).toBe(2);
    expect(seatOf(tab3.state, boId)).toEqual(before);

    // The round finishes with Bo's held pick.
    const reveals = recordReveals(tab3);
    tab3.onMessage("round", () => undefined);
    host.room.send("lockIn", {});
    tab3.send("lockIn", {});
    await host.until(() => reveals.length === 1, "Bo's reveal");
    expect(reveals[0].results.find((r) => r.sessionId === boId)).toMatchObject({ level: 5, name: "Bo" });
    await tab3.leave(true);
  });

  it("refuses tokens of a consented leave, of an expired seat and used-up tokens, with a clear error", async () => {
    const players = await startMatch(["Ada", "Bo", "Cy"], 1);
    const [host, bo, cy] = players;
    const code = host.room.state.code;
    await Promise.all(players.map((p) => p.until(inPhase("tuning"), "tuning")));
    const fresh = () => freshClient(colyseus);
    const refusal = async (token: string) => {
      tally.refused++;
      return fresh()
        .reconnect(token)
        .then(
          () => "accepted!",
          (e: Error & { code?: number }) => `${e.code}: ${e.message}`,
        );
    };

    // A consented leave frees the seat at once; its token is refused.
    const boToken = bo.room.reconnectionToken;
    await bo.room.leave(true);
    await host.until((s) => s.players.size === 2, "Bo's seat freed");
    expect(await refusal(boToken)).toBe("524: reconnection token invalid or expired.");

    // A token replaced by a reconnection is used up.
    const cyToken = cy.room.reconnectionToken;
    const w = watchReconnection(cy.room);
    tally.tried++;
    killSocket(code, cy.room.sessionId);
    await w.back;
    tally.restored++;
    expect(await refusal(cyToken)).toBe("524: reconnection token invalid or expired.");

    // An expired seat. The room holds a seat RECONNECT_SECONDS (60 s); this test shortens that one
    // wait to 1 s instead of sleeping a minute. Cy's SDK tries again only after 2.5 s, when the
    // seat is gone: the server refuses it, and the SDK gives up with 4003 (the client then goes
    // home with an error). The seat is freed for the others.
    const room = colyseus.getRoomById(code);
    const allow = room.allowReconnection.bind(room);
    const asked: unknown[] = [];
    const spy = vi.spyOn(room, "allowReconnection").mockImplementation((client, seconds) => {
      asked.push(seconds);
      return allow(client, 1);
    });
    Object.assign(cy.room.reconnection, { delay: 2_500, minDelay: 2_500, maxDelay: 2_500, maxRetries: 3 });
    const cyId = cy.room.sessionId;
    const expiredToken = cy.room.reconnectionToken;
    const left = new Promise<number>((resolve) => cy.room.onLeave.once((c) => resolve(c)));
    tally.expired++;
    killSocket(code, cyId);
    await host.until((s) => !s.players.has(cyId), "Cy's seat freed after the wait", 10_000);
    expect(asked).toEqual([RECONNECT_SECONDS]);
    expect(await refusal(expiredToken)).toBe("524: reconnection token invalid or expired.");
    expect(await left).toBe(4003);
    spy.mockRestore();

    // Made-up tokens, and a room that does not exist.
    expect(await refusal(`${code}:not-a-token`)).toBe("524: reconnection token invalid or expired.");
    expect(await refusal("ZZZZZ:whatever")).toBe('522: room "ZZZZZ" has been disposed.');

    // The host plays on alone, and the name is free for whoever joins next (as a new player).
    host.room.send("lockIn", {});
    await host.until(inPhase("reveal"), "the reveal");
    const newcomer = await joinMatch(colyseus, code, { name: "Bo" });
    expect(newcomer.room.state.players.get(newcomer.room.sessionId)).toMatchObject({
      name: "Bo",
      points: 0,
      playing: false,
    });
  });
});
