// Secrecy on the wire: before the reveal, no byte any client receives contains B's points or
// another player's pick. Two players and a spectator record every WebSocket frame their socket
// delivers, from the join to the reveal; the frames are then checked against the hidden values.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { useGameServer } from "./test-server";
import { roundOf } from "../../shared/round-proof";
import type { MatchState } from "../../shared/state";
import { capturingClient, createMatch, framesOf, inPhase, joinMatch, type TestPlayer } from "./players";
import { ENCODINGS, bPatterns, findB, keysIn, roomData, round4 } from "./b-on-the-wire";

let colyseus: ColyseusTestServer;

useGameServer((booted) => (colyseus = booted));

/** What a client's decoded state shows of everyone's picks after each frame. */
type PicksSeen = Record<string, { pick: number | undefined; revealedPick: number }>;
const picksSeen = (state: MatchState | undefined): PicksSeen =>
  Object.fromEntries(
    [...(state?.players?.entries() ?? [])].map(([id, p]) => [id, { pick: p.pick, revealedPick: p.revealedPick }]),
  );

const revealIndex = (player: TestPlayer) => framesOf(player).frames.findIndex((f) => roomData(f)?.type === "reveal");

describe("secrecy on the wire", () => {
  it("sends no client a byte of B's points or another player's pick before the reveal", async () => {
    const sdk = capturingClient(colyseus, picksSeen);
    const ada = await createMatch(colyseus, { name: "Ada" }, sdk);
    const code = ada.room.state.code;
    const bo = await joinMatch(colyseus, code, { name: "Bo" }, sdk);
    const eve = await joinMatch(colyseus, code, { name: "Eve", spectator: true }, sdk);
    const clients = { Ada: ada, Bo: bo, Eve: eve };
    const picks = new Map([
      [ada.room.sessionId, 11],
      [bo.room.sessionId, 4],
    ]); // distinctive final picks

    expect(ada.room.state.showPicksLive).toBe(false); // the default: picks stay secret until the reveal
    ada.room.send("settings", { rounds: 1, tuningSeconds: 30 });
    ada.room.send("start", {});
    await Promise.all(Object.values(clients).map((p) => p.until(inPhase("tuning"), "tuning")));
    // Both change their minds a few times; every pick they make must stay theirs.
    for (const [level, other] of [
      [6, 9],
      [2, 7],
      [11, 4],
    ]) {
      ada.room.send("pick", { level });
      bo.room.send("pick", { level: other });
      await ada.until((s) => s.players.get(ada.room.sessionId)!.pick === level, `Ada's own pick ${level}`);
      await bo.until((s) => s.players.get(bo.room.sessionId)!.pick === other, `Bo's own pick ${other}`);
    }
    await new Promise((r) => setTimeout(r, 300)); // a few more patches, in case one leaks a pick late
    ada.room.send("lockIn", {});
    bo.room.send("lockIn", {});
    for (const p of Object.values(clients)) {
      await p.until(
        (s) => s.phase === "reveal" && [...picks].every(([id, level]) => s.players.get(id)!.revealedPick === level),
        "the reveal and the revealed picks",
      );
    }

    // The hidden values: B regenerated from the opening published at the reveal (checked against
    // the room's own secret copy), and the picks as the server holds them.
    const server = colyseus.getRoomById(code) as any;
    const b = roundOf(ada.reveals[0].opening!).b.points;
    expect(server.rounds.current.round.b.points.x).toEqual(b.x);
    expect(server.rounds.current.round.b.points.y).toEqual(b.y);
    for (const [id, level] of picks) expect(server.state.players.get(id).pick).toBe(level);
    const patterns = bPatterns(b);

    // The detector finds B in every encoding it looks for (so a clean result means something).
    for (const encoding of ENCODINGS) {
      for (const round of [(v: number) => v, round4]) {
        const values = b.x.map(round);
        const written = Buffer.concat(
          values.flatMap((v, i) => (i > 0 && encoding.joiner ? [encoding.joiner, encoding.one(v)] : [encoding.one(v)])),
        );
        expect(
          findB(patterns, written).some((w) => w.startsWith(`${encoding.name} of B.x`)),
          encoding.name,
        ).toBe(true);
      }
    }

    for (const [name, player] of Object.entries(clients)) {
      const { frames } = framesOf(player);
      const reveal = revealIndex(player);
      expect(reveal, `${name} got the reveal`).toBeGreaterThan(0);
      const before = frames.slice(0, reveal);
      const others = [...picks.keys()].filter((id) => id !== player.room.sessionId);
      const bytes = before.reduce((n, f) => n + f.bytes.byteLength, 0);
      console.log(
        `${name}: ${before.length} frames (${bytes} bytes) before the reveal, ${frames.length - reveal} from it on`,
      );

      // (a) B: in no frame before the reveal, in all its encodings; the reveal frame does carry it.
      const leaks = before.map((f, i) => ({ i, found: findB(patterns, f.bytes) })).filter((l) => l.found.length > 0);
      expect(leaks, `${name}: frames before the reveal that contain B`).toEqual([]);
      expect(findB(patterns, frames[reveal].bytes)).toEqual(
        expect.arrayContaining(["msgpack int (x10^4) of B.x (raw)", "msgpack int (x10^4) of B.y (raw)"]),
      );

      // (b) Picks, in the decoded messages: only the round message before the reveal (pick counts
      // go out only when the host shows picks live, which this room does not), besides the
      // server's clock, which carries nothing but the time, and the player's own seat token.
      const all = before.map(roomData).filter((m) => m !== undefined);
      for (const m of all.filter((m) => m.type === "clock")) expect(Object.keys(m.payload as object)).toEqual(["now"]);
      for (const m of all.filter((m) => m.type === "seat")) expect(Object.keys(m.payload as object)).toEqual(["token"]);
      const messages = all.filter((m) => m.type !== "clock" && m.type !== "seat");
      expect(messages[0]?.type, `${name}'s first message`).toBe("round");
      expect([...new Set(messages.map((m) => m.type))], `${name}'s messages before the reveal`).toEqual(["round"]);
      for (const m of messages) {
        expect(
          [...keysIn(m.payload)].filter((k) =>
            ["pick", "revealedPick", "results", "hidden", "b", "sessionId"].includes(k),
          ),
        ).toEqual([]);
        for (const id of others) expect(JSON.stringify(m.payload)).not.toContain(id);
      }
      // … and in the decoded state after every frame: nobody else's pick, no revealed pick.
      for (const [i, frame] of before.entries()) {
        const seen = frame.seen as PicksSeen;
        for (const id of others) {
          if (!seen[id]) continue; // not joined yet
          expect({ frame: i, id, ...seen[id] }).toEqual({ frame: i, id, pick: undefined, revealedPick: 0 });
        }
      }
      // Positive controls: the same decoding does see a player's own pick before the reveal, and
      // everybody's pick once it is revealed (in the state, and so in the results rebuilt from it).
      if (picks.has(player.room.sessionId)) {
        expect(
          before.some((f) => (f.seen as PicksSeen)[player.room.sessionId]?.pick === picks.get(player.room.sessionId)),
        ).toBe(true);
      }
      for (const id of others) {
        expect(player.reveals[0].results.find((r) => r.sessionId === id)?.level).toBe(picks.get(id));
        expect(frames.slice(reveal).some((f) => (f.seen as PicksSeen)[id]?.revealedPick === picks.get(id))).toBe(true);
      }
    }
  });
});
