// B on the wire: the byte patterns B's points would make in every encoding a frame could carry
// them in, and the decoding of a frame's room message: the detector of the secrecy tests (matches
// in secrecy.test.ts, homework in homework.test.ts).
import { Protocol } from "@colyseus/sdk";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";
import { COORDINATE_SCALE } from "../../shared/round-messages";
import type { Frame } from "./players";

// ---- B's points, in every encoding they could travel in ------------------------------------

const bytesOf = (size: number, write: (b: Buffer) => void) => {
  const b = Buffer.alloc(size);
  write(b);
  return b;
};
export const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** How one number is written: msgpack (what Colyseus messages use), bare floats (schema, typed arrays), JSON. */
export const ENCODINGS: { name: string; one: (v: number) => Buffer; joiner?: Buffer }[] = [
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

export interface Pattern {
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
export function bPatterns(b: { x: number[]; y: number[] }): Pattern[] {
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
export function findB(patterns: Pattern[], bytes: Uint8Array): string[] {
  const haystack = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Set<string>();
  for (const p of patterns) if (!found.has(p.what) && haystack.indexOf(p.bytes) >= 0) found.add(p.what);
  return [...found];
}

// ---- Frames ----------------------------------------------------------------------------------

/** A ROOM_DATA frame's message type and msgpack payload; undefined for any other frame. */
export function roomData(frame: Frame): { type: string | number; payload: unknown } | undefined {
  const buf = Buffer.from(frame.bytes);
  if (buf[0] !== Protocol.ROOM_DATA) return undefined;
  const it = { offset: 1 };
  const type = decode.stringCheck(buf, it) ? decode.string(buf, it) : decode.number(buf, it);
  return { type, payload: buf.byteLength > it.offset ? unpack(buf.subarray(it.offset)) : undefined };
}

/** Every key anywhere in a decoded message. */
export function keysIn(value: unknown, keys = new Set<string>()): Set<string> {
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      keysIn(v, keys);
    }
  }
  return keys;
}
