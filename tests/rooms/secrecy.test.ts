// Secrecy on the wire: before the reveal, no byte any client receives contains B's points or
// another player's pick. Two players and a spectator record every WebSocket frame their socket
// delivers, from the join to the reveal; the frames are then checked against the hidden values.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { Protocol } from "@colyseus/sdk";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";
import { useGameServer } from "./test-server";
import { roundOf } from "../../shared/round-proof";
import { COORDINATE_SCALE } from "../../shared/round-messages";
import type { MatchState } from "../../shared/state";
import { capturingClient, createMatch, framesOf, inPhase, joinMatch, type Frame, type TestPlayer } from "./players";

let colyseus: ColyseusTestServer;

useGameServer((booted) => (colyseus = booted));

// ---- B's points, in every encoding they could travel in ------------------------------------

const bytesOf = (size: number, write: (b: Buffer) => void) => {
  const b = Buffer.alloc(size);
  write(b);
  return b;
};
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** How one number is written: msgpack (what Colyseus messages use), bare floats (schema, typed arrays), JSON. */
const ENCODINGS: { name: string; one: (v: number) => Buffer; joiner?: Buffer }[] = [
  {
    name: "msgpack float64",
    one: (v) =>
      bytesOf(9, (b) => {
        b[0] = 0xcb;
        b.writeDoubleBE(v, 1);
      }),
  },
  {
    name: "msgpack float32",
    one: (v) =>
      bytesOf(5, (b) => {
        b[0] = 0xca;
        b.writeFloatBE(v, 1);
      }),
  },
  { name: "float64 LE", one: (v) => bytesOf(8, (b) => b.writeDoubleLE(v)) },
  { name: "float64 BE", one: (v) => bytesOf(8, (b) => b.writeDoubleBE(v)) },
  { name: "float32 LE", one: (v) => bytesOf(4, (b) => b.writeFloatLE(v)) },
  { name: "float32 BE", one: (v) => bytesOf(4, (b) => b.writeFloatBE(v)) },
  { name: "JSON text", one: (v) => Buffer.from(JSON.stringify(v)), joiner: Buffer.from(",") },
  { name: "msgpack int (x10^4)", one: (v) => msgpackInt(Math.round(v * COORDINATE_SCALE)) }, // the wire's coordinates
];

/** A whole number as msgpack writes it: the shortest form. */
function msgpackInt(v: number): Buffer {
  if (v >= 0 && v < 0x80) return Buffer.from([v]);
  if (v < 0 && v >= -0x20) return Buffer.from([v & 0xff]);
  if (v >= 0 && v < 0x100) return Buffer.from([0xcc, v]);
  if (v >= 0 && v < 0x10000)
    return bytesOf(3, (b) => {
      b[0] = 0xcd;
      b.writeUInt16BE(v, 1);
    });
  if (v >= -0x80 && v < 0)
    return bytesOf(2, (b) => {
      b[0] = 0xd0;
      b.writeInt8(v, 1);
    });
  if (v >= -0x8000 && v < 0)
    return bytesOf(3, (b) => {
      b[0] = 0xd1;
      b.writeInt16BE(v, 1);
    });
  return bytesOf(5, (b) => {
    b[0] = 0xd2;
    b.writeInt32BE(v, 1);
  });
}

interface Pattern {
  what: string;
  bytes: Buffer;
}

/**
 * Byte patterns that would give B away. A full-precision float64 (or its JSON text) is unique
 * on its own, so each point is searched alone. A value rounded to 4 decimals (or a float32) can
 * legitimately equal one of A's or the fits' values, so those are searched as runs of 5
 * consecutive values of B (along x, along y, and as x/y pairs), leaving out runs near the
 * centre: there the coordinates are tiny and change by 0.0003 a step, and a fit over A once
 * matched 3 of them to 4 decimals (-0.0105, -0.0102, -0.0099) by chance.
 */
function bPatterns(b: { x: number[]; y: number[] }): Pattern[] {
  const xy = b.x.flatMap((x, i) => [x, b.y[i]]);
  const sequences = { "B.x": b.x, "B.y": b.y, "B's (x, y) pairs": xy };
  const patterns: Pattern[] = [];
  for (const [valuesName, round] of [
    ["raw", (v: number) => v],
    ["4 dp", round4],
  ] as const) {
    for (const encoding of ENCODINGS) {
      const unique =
        valuesName === "raw" &&
        (encoding.name.startsWith("float64") || encoding.name === "msgpack float64" || encoding.name === "JSON text");
      const run = unique ? 1 : 5;
      for (const [seqName, values] of Object.entries(sequences)) {
        if (unique && seqName === "B's (x, y) pairs") continue; // the same single values as B.x and B.y
        const chunks = values.map((v) => encoding.one(round(v)));
        for (let i = 0; i + run <= chunks.length; i++) {
          if (!unique && values.slice(i, i + run).some((v) => Math.abs(v) < 0.02)) continue;
          const parts = chunks
            .slice(i, i + run)
            .flatMap((c, k) => (k > 0 && encoding.joiner ? [encoding.joiner, c] : [c]));
          patterns.push({ what: `${encoding.name} of ${seqName} (${valuesName})`, bytes: Buffer.concat(parts) });
        }
      }
    }
  }
  return patterns;
}

/** Which kinds of B pattern occur in `bytes` (empty: none). */
function findB(patterns: Pattern[], bytes: Uint8Array): string[] {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Set<string>();
  for (const p of patterns) if (!found.has(p.what) && haystack.indexOf(p.bytes) >= 0) found.add(p.what);
  return [...found];
}

// ---- Frames ----------------------------------------------------------------------------------

/** A ROOM_DATA frame's message type and msgpack payload; undefined for any other frame. */
function roomData(frame: Frame): { type: string | number; payload: unknown } | undefined {
  const buf = Buffer.from(frame.bytes);
  if (buf[0] !== Protocol.ROOM_DATA) return undefined;
  const it = { offset: 1 };
  const type = decode.stringCheck(buf, it) ? decode.string(buf, it) : decode.number(buf, it);
  return { type, payload: buf.byteLength > it.offset ? unpack(buf.subarray(it.offset)) : undefined };
}

/** Every key anywhere in a decoded message. */
function keysIn(value: unknown, keys = new Set<string>()): Set<string> {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      keysIn(v, keys);
    }
  }
  return keys;
}

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
      // server's clock, which carries nothing but the time.
      const all = before.map(roomData).filter((m) => m !== undefined);
      for (const m of all.filter((m) => m.type === "clock")) expect(Object.keys(m.payload as object)).toEqual(["now"]);
      const messages = all.filter((m) => m.type !== "clock");
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
