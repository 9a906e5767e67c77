// Match rooms against a real Colyseus server with real SDK clients: a whole match scored by
// the shared scoring, secrecy of picks and B, late joiners, leavers and the host leaving.
import { describe, expect, it } from "vitest";
import { commitmentOf } from "../../shared/round-key";
import type { ColyseusTestServer } from "@colyseus/testing";
import { roundPoints } from "../../shared/scoring";
import { MAX_PLAYERS } from "../../shared/protocol";
import { createMatch, hiddenErrors, inPhase, joinMatch, type TestPlayer } from "./players";
import { useGameServer } from "./test-server";
import { refusalOf } from "./refusals";

let colyseus: ColyseusTestServer;

useGameServer((booted) => (colyseus = booted));

async function playRound(players: TestPlayer[], levels: number[]): Promise<void> {
  await Promise.all(players.map((p) => p.until(inPhase("tuning"), "tuning")));
  players.forEach((p, i) => p.room.send("pick", { level: levels[i] }));
  players.forEach((p) => p.room.send("lockIn", {}));
  await Promise.all(players.map((p) => p.until(inPhase("reveal"), "the reveal")));
}

describe("a match room", () => {
  it("refuses create options that are the server's own (a room's kind, its clock)", async () => {
    // Colyseus merges a client's create options under the room's own: the join schema refuses them too.
    expect(await refusalOf(colyseus.sdk.create("match", { name: "Ada", mode: "daily", now: 0 }))).toEqual({
      code: "join-invalid",
      params: { reason: "option-invalid", field: "mode, now" },
    });
  });

  it("plays a whole match of 3 whose points are the shared scoring of their picks", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    const code = host.room.state.code;
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);
    const bo = await joinMatch(colyseus, code.toLowerCase().toUpperCase(), { name: "Bo" });
    const cy = await joinMatch(colyseus, code, { name: "Cy" });
    const players = [host, bo, cy];

    host.room.send("settings", { rounds: 2, tuningSeconds: 10 });
    await host.until((s) => s.rounds === 2 && s.tuningSeconds === 10, "the settings");
    host.room.send("start", {});
    await Promise.all(players.map((p) => p.until(inPhase("training"), "training")));

    const picks = [
      [2, 5, 9],
      [12, 3, 3],
    ];
    const expected = new Map<string, number>();
    for (const [r, levels] of picks.entries()) {
      await playRound(players, levels);
      // Recomputed here from the opening published at the reveal, which must match the commitment.
      const opening = host.reveals[r].opening!;
      expect(commitmentOf(opening)).toBe(host.rounds[r].commitment);
      const errors = await hiddenErrors(opening);
      const best = Math.min(...errors.values());
      for (const [i, p] of players.entries()) {
        const reveal = p.reveals[r];
        expect(reveal.round).toBe(r + 1);
        expect(reveal.results).toHaveLength(3);
        const mine = reveal.results.find((x) => x.sessionId === p.room.sessionId)!;
        expect(mine.level).toBe(levels[i]);
        expect(mine.hiddenError).toBe(errors.get(levels[i]));
        expect(mine.points).toBe(roundPoints(errors.get(levels[i])!, best));
        expected.set(p.room.sessionId, (expected.get(p.room.sessionId) ?? 0) + mine.points);
      }
      host.room.send("next", {}); // the host skips the rest of the reveal
    }
    await Promise.all(players.map((p) => p.until(inPhase("podium"), "the podium")));
    for (const p of players) {
      for (const [sessionId, points] of expected) expect(p.room.state.players.get(sessionId)!.points).toBe(points);
    }
    // Ranks follow points, the same for everyone.
    const byRank = [...host.room.state.players.values()].sort((a, b) => a.rank - b.rank);
    expect(byRank.map((p) => p.points)).toEqual([...expected.values()].sort((a, b) => b - a));

    host.room.send("playAgain", {});
    await Promise.all(
      players.map((p) =>
        p.until((s) => s.phase === "lobby" && [...s.players.values()].every((x) => x.points === 0), "the lobby again"),
      ),
    );
    expect(host.room.state.players.size).toBe(3);
  });

  it("keeps each pick and B secret until the reveal", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    const bo = await joinMatch(colyseus, host.room.state.code, { name: "Bo" });
    const watcher = await joinMatch(colyseus, host.room.state.code, { name: "Eve", spectator: true });
    host.room.send("settings", { tuningSeconds: 10 });
    host.room.send("start", {});
    await Promise.all([host, bo, watcher].map((p) => p.until(inPhase("tuning"), "tuning")));

    host.room.send("pick", { level: 7 });
    bo.room.send("pick", { level: 4 });
    await host.until((s) => s.players.get(host.room.sessionId)!.pick === 7, "my own pick");
    await bo.until((s) => s.players.get(bo.room.sessionId)!.pick === 4, "my own pick");
    const server = colyseus.getRoomById(host.room.state.code);
    expect((server.state as any).players.get(host.room.sessionId).pick).toBe(7);
    // Others see neither the pick nor its reveal copy; the spectator sees no pick at all.
    expect(bo.room.state.players.get(host.room.sessionId)!.pick).toBeUndefined();
    expect(watcher.room.state.players.get(host.room.sessionId)!.pick).toBeUndefined();
    expect(watcher.room.state.players.get(bo.room.sessionId)!.pick).toBeUndefined();
    expect(bo.room.state.players.get(host.room.sessionId)!.revealedPick).toBe(0);
    // The round message has A and the fits, never B.
    for (const p of [host, bo, watcher]) {
      expect(p.rounds).toHaveLength(1);
      expect(Object.keys(p.rounds[0]).sort()).toEqual(["a", "commitment", "cue", "fits", "round"]);
      expect(p.messages.map((m) => m.type)).not.toContain("reveal");
    }
    // A spectator cannot pick.
    watcher.room.send("pick", { level: 3 });
    expect((await watcher.nextError()).code).toBe("not-allowed");

    host.room.send("lockIn", {});
    bo.room.send("lockIn", {});
    await Promise.all([host, bo, watcher].map((p) => p.until(inPhase("reveal"), "the reveal")));
    await bo.until((s) => s.players.get(host.room.sessionId)!.revealedPick === 7, "the revealed pick");
    expect(watcher.reveals[0].results.map((r) => r.level).sort()).toEqual([4, 7]);
    expect(watcher.reveals[0].b.x).toHaveLength(140);
  });

  it("lets a late joiner watch the current round and play from the next", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    host.room.send("settings", { rounds: 2, tuningSeconds: 10 });
    host.room.send("start", {});
    await host.until(inPhase("tuning"), "tuning");

    const late = await joinMatch(colyseus, host.room.state.code, { name: "Late" });
    expect(late.room.state.players.get(late.room.sessionId)!.playing).toBe(false);
    await late.until(() => late.rounds.length === 1, "the current round's view");
    late.room.send("pick", { level: 5 });
    expect((await late.nextError()).code).toBe("not-allowed");

    host.room.send("lockIn", {}); // the only player in the round: the round ends at once
    await late.until(inPhase("reveal"), "the reveal");
    expect(late.reveals[0].results.map((r) => r.name)).toEqual(["Ada"]);
    host.room.send("next", {});

    await playRound([host, late], [3, 6]);
    expect(late.reveals[1].results.map((r) => r.name).sort()).toEqual(["Ada", "Late"]);
    const earned = late.reveals[1].results.find((r) => r.name === "Late")!.points;
    await late.until((s) => s.players.get(late.room.sessionId)!.points === earned, "the late joiner's points");
  });

  it("ends the round without a player who leaves, and forgets them", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    const bo = await joinMatch(colyseus, host.room.state.code, { name: "Bo" });
    const cy = await joinMatch(colyseus, host.room.state.code, { name: "Cy" });
    host.room.send("start", {});
    await Promise.all([host, bo, cy].map((p) => p.until(inPhase("tuning"), "tuning")));
    host.room.send("lockIn", {});
    bo.room.send("lockIn", {});
    await host.until((s) => s.lockedCount === 2 && s.playingCount === 3, "2 of 3 locked");
    await cy.room.leave();
    // Everyone left in the round has locked in, so the reveal comes without waiting for the timer.
    await host.until(inPhase("reveal"), "the reveal");
    expect(host.reveals[0].results.map((r) => r.name).sort()).toEqual(["Ada", "Bo"]);
    expect([...host.room.state.players.values()].map((p) => p.name).sort()).toEqual(["Ada", "Bo"]);
  });

  it("passes the host role on when the host leaves", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    const bo = await joinMatch(colyseus, host.room.state.code, { name: "Bo" });
    const cy = await joinMatch(colyseus, host.room.state.code, { name: "Cy" });
    expect(bo.room.state.hostId).toBe(host.room.sessionId);
    bo.room.send("start", {});
    expect(await bo.nextError()).toEqual({
      code: "not-allowed",
      params: { reason: "host-only", type: "start" },
      type: "start",
    });

    await host.room.leave();
    await bo.until((s) => s.hostId === bo.room.sessionId, "Bo as host");
    await cy.until((s) => s.hostId === bo.room.sessionId, "Bo as host");
    bo.room.send("start", {});
    await cy.until(inPhase("training"), "training");
  });

  it("refuses a 61st player and anyone joining a finished match, with a reason", async () => {
    const host = await createMatch(colyseus, { name: "P0" });
    const code = host.room.state.code;
    const others = await Promise.all(
      Array.from({ length: MAX_PLAYERS - 1 }, (_, i) => colyseus.sdk.joinById(code, { name: `P${i + 1}` })),
    );
    expect(await refusalOf(colyseus.sdk.joinById(code, { name: "One too many" }))).toEqual({
      code: "room-full",
      params: { max: 60, who: "players" },
    });
    const watcher = await joinMatch(colyseus, code, { name: "Eve", spectator: true });
    expect(watcher.room.state.players.size).toBe(MAX_PLAYERS);
    await Promise.all(others.map((room) => room.leave()));

    host.room.send("settings", { rounds: 1, tuningSeconds: 10 });
    host.room.send("start", {});
    await playRound([host], [1]);
    host.room.send("next", {});
    await host.until(inPhase("podium"), "the podium");
    expect(await refusalOf(colyseus.sdk.joinById(code, { name: "Latecomer" }))).toEqual({ code: "match-finished" });
  });

  it("counts rooms and clients in the health check", async () => {
    const host = await createMatch(colyseus, { name: "Ada" });
    await joinMatch(colyseus, host.room.state.code, { name: "Bo" });
    const { data } = await colyseus.http.get("/healthz");
    expect(data).toMatchObject({ ok: true, rooms: 1, clients: 2 });
  });

  it("validates API parameters", async () => {
    const status = (path: string) =>
      colyseus.http.get(path).then(
        (r: { statusCode: number }) => r.statusCode,
        (e: { statusCode: number }) => e.statusCode,
      );
    expect(await status("/api/matches/not-a-uuid")).toBe(400);
    expect(await status(`/api/matches/${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`)).toBe(404);
    expect(await status("/api/nothing-here")).toBe(404);
  });

  it("answers bad input with a clear error and changes nothing", async () => {
    const host = await createMatch(colyseus, { name: "  Ada   Lovelace " });
    expect(host.room.state.players.get(host.room.sessionId)!.name).toBe("Ada Lovelace");
    host.room.send("settings", { rounds: 21 });
    expect((await host.nextError()).params).toMatchObject({ reason: "bad-field", type: "settings", path: "rounds" });
    host.room.send("settings", { rounds: 3, cheat: true });
    expect((await host.nextError()).code).toBe("invalid-message");
    host.room.send("teleport", {});
    expect((await host.nextError()).params).toEqual({ reason: "unknown-type", name: '"teleport"' });
    host.room.send("pick", { level: 4 });
    expect((await host.nextError()).code).toBe("wrong-phase");
    // Nobody acts for someone else: a message names no player, and extra fields are refused.
    host.room.send("settings", { rounds: 3, sessionId: "someone-else" });
    expect((await host.nextError()).params).toMatchObject({ reason: "bad-field", path: "sessionId" });
    expect(host.room.state.rounds).toBe(5);

    await expect(colyseus.sdk.joinById("ZZZZZ", { name: "Bo" })).rejects.toThrow(/not found/);
    expect(await refusalOf(colyseus.sdk.joinById(host.room.state.code, { name: "" }))).toEqual({
      code: "name-refused",
      params: { reason: "name-empty", action: "join" },
    });
    const twin = await joinMatch(colyseus, host.room.state.code, { name: "ada lovelace" });
    expect(twin.room.state.players.get(twin.room.sessionId)!.name).toBe("ada lovelace 2");
    // Look-alikes count as the same name (TR39 skeletons): Cyrillic А, then fullwidth letters.
    const cyrillic = await joinMatch(colyseus, host.room.state.code, { name: "Аda Lovelace" });
    expect(cyrillic.room.state.players.get(cyrillic.room.sessionId)!.name).toBe("Аda Lovelace 3");
    const fullwidth = await joinMatch(colyseus, host.room.state.code, { name: "ＡＤＡ ＬＯＶＥＬＡＣＥ" });
    expect(fullwidth.room.state.players.get(fullwidth.room.sessionId)!.name).toBe("ＡＤＡ ＬＯＶＥＬＡＣＥ 4");
    const other = await joinMatch(colyseus, host.room.state.code, { name: "Ida Lovelace" });
    expect(other.room.state.players.get(other.room.sessionId)!.name).toBe("Ida Lovelace");
  });
});
