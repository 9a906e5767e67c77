// Fuzz: at least 10,000 random and malformed messages (wrong types, NaN, huge numbers, deep
// objects, 1 MB strings, unknown types, raw garbage frames) from many clients during a match.
// The room stays up, the honest players finish the match, and their points are right.
// Reproducible: FUZZ_SEED=… picks the random draws (the interleaving still depends on timing).
import { describe, expect, it, vi } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { Protocol, type Room as SDKRoom } from "@colyseus/sdk";
import { pack } from "msgpackr";
import { useGameServer } from "./test-server";
import { Random } from "../../shared/random";
import { roundPoints } from "../../shared/scoring";
import { createMatch, hiddenErrors, inPhase, joinMatch } from "./players";

let colyseus: ColyseusTestServer;

// All fuzz clients share 127.0.0.1, and some joins are meant to fail: lift the per-address
// limit on failed joins (tests/rooms/address-limits.test.ts tests it) so they are not locked out.
useGameServer((booted) => (colyseus = booted), { addressLimits: { failedJoinsPerWindow: 1_000_000 } });

const SEED = process.env.FUZZ_SEED ?? "shell-and-galaxy-fuzz-1";
const FUZZ_CLIENTS = 20;
/** Each fuzz client's pace: under the flood guard's 20 a second, so the garbage gets through. */
const MESSAGES_PER_SECOND = 18;
const TARGET_MESSAGES = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
/** Progress on stdout directly (console is muted during the fuzz). */
const progress = (line: string) => process.stdout.write(`[fuzz] ${line}\n`);

// ---- Garbage ---------------------------------------------------------------------------------

const MB_STRING = "x".repeat(1 << 20);
const KNOWN_TYPES = ["settings", "start", "pick", "lockIn", "next", "playAgain"];
const ODD_TYPES = [
  "teleport",
  "",
  " pick",
  "PICK",
  "pick\u0000",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "reveal",
  "error",
  "round",
  "💥",
  "a".repeat(300),
];
const NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1,
  5,
  12,
  13,
  -1,
  0.5,
  5.5,
  1e308,
  -1e308,
  2 ** 31,
  2 ** 32,
  2 ** 53 + 2,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  -(2 ** 63),
];
const STRINGS = [
  "",
  "5",
  "12",
  "NaN",
  "pick",
  "<img src=x onerror=alert(1)>",
  "\u0000\u0007\u001b[2J",
  "\u202eevil",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "' OR 1=1 --",
];

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** A random value, from plausible to absurd. */
function garbage(rng: Random, depth = 0): unknown {
  const roll = rng.next();
  if (roll < 0.25) return rng.pick(NUMBERS);
  if (roll < 0.3) return rng.uniform(-1e6, 1e6);
  if (roll < 0.4) return rng.pick(STRINGS);
  if (roll < 0.43) return "y".repeat(Math.floor(rng.uniform(100, 3900))); // long, under the 4 KB frame limit
  if (roll < 0.46) return rng.pick([true, false, null, undefined]);
  if (roll < 0.5) return rng.pick([BigInt(2) ** BigInt(62), -(BigInt(2) ** BigInt(63)), BigInt(-1)]);
  if (roll < 0.54)
    return rng.pick([
      new Date(rng.uniform(-1e15, 1e15)),
      new Map([[1, 2]]),
      new Set([1, "a"]),
      new Uint8Array(16),
      new Float64Array([NaN, 1]),
      /re/g,
    ]);
  if (roll < 0.6) return deep(Math.floor(rng.uniform(10, 1200)), rng.pick([1, "x", null]), rng.next() < 0.5); // deep, still under 4 KB
  if (roll < 0.7 && depth < 3)
    return Array.from({ length: Math.floor(rng.uniform(0, 6)) }, () => garbage(rng, depth + 1));
  if (roll < 0.75) return Array.from({ length: 400 }, () => rng.uniform(-1, 1));
  if (depth < 3) {
    const keys = [
      "level",
      "rounds",
      "tuningSeconds",
      "spectator",
      "name",
      "__proto__",
      "constructor",
      "prototype",
      "sessionId",
      "points",
      "hostId",
    ];
    const object: Record<string, unknown> = {};
    for (let i = 0; i < Math.floor(rng.uniform(0, 4)); i++) object[rng.pick(keys)] = garbage(rng, depth + 1);
    return object;
  }
  return {};
}

/** A payload shaped like a real one, with one thing wrong (or nothing: some are valid). */
function nearMiss(rng: Random, type: string): unknown {
  const bad = () => rng.pick([...NUMBERS, ...STRINGS, null, [], {}, true]);
  switch (type) {
    case "pick":
      return rng.pick([
        { level: bad() },
        { level: Math.floor(rng.uniform(1, 13)) },
        { level: 3, extra: 1 },
        { Level: 3 },
        [3],
        3,
      ]);
    case "settings":
      return rng.pick([
        { rounds: bad() },
        { tuningSeconds: bad() },
        { rounds: 1, tuningSeconds: 10 },
        { rounds: 20, tuningSeconds: 180, x: 1 },
      ]);
    default:
      return rng.pick([{}, { x: 1 }, [], null, undefined, bad()]);
  }
}

/** A raw frame that skips the SDK's encoder: garbage bytes, bad msgpack, truncated frames, odd protocol codes. */
function rawFrame(rng: Random): Uint8Array | string {
  const header = (type: string) =>
    Buffer.concat([Buffer.from([Protocol.ROOM_DATA, 0xa0 | type.length]), Buffer.from(type)]);
  const random = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rng.next() * 256));
  const roll = rng.next();
  if (roll < 0.25) return random(Math.floor(rng.uniform(0, 64)));
  if (roll < 0.45)
    return Buffer.concat([
      Buffer.from([Math.floor(rng.uniform(0, 32)) | rng.pick([0, 0x20, 0x80, 0xe0])]),
      random(Math.floor(rng.uniform(0, 24))),
    ]);
  if (roll < 0.6) {
    // a well-formed message, cut short
    const whole = Buffer.concat([header(rng.pick(KNOWN_TYPES)), pack(garbage(rng))]);
    return whole.subarray(0, Math.floor(rng.uniform(1, whole.length)));
  }
  if (roll < 0.7)
    return Buffer.concat([
      header("pick"),
      Buffer.from(
        rng.pick([
          [0xdd, 0xff, 0xff, 0xff, 0xff],
          [0xdf, 0x7f, 0xff, 0xff, 0xff],
          [0xdb, 0xff, 0xff, 0xff, 0x00, 0x61],
          [0xd9, 0xff],
        ]),
      ),
    ]); // huge declared lengths
  if (roll < 0.78) return Buffer.concat([Buffer.from([Protocol.ROOM_DATA, 0xdb, 0xff, 0xff, 0xff, 0xff]), random(8)]); // a type string "4 GB long"
  if (roll < 0.86)
    return Buffer.concat([
      Buffer.from([
        rng.pick([
          Protocol.ROOM_REQUEST,
          Protocol.ROOM_DATA_BYTES,
          Protocol.PING,
          Protocol.JOIN_ROOM,
          Protocol.ROOM_INPUT_RELIABLE,
          Protocol.ROOM_INPUT_UNRELIABLE,
        ]),
      ]),
      random(Math.floor(rng.uniform(0, 16))),
    ]);
  if (roll < 0.93) return rng.pick(["hello", '{"type":"pick","level":3}', "\u0000", ""]); // text frames
  return Buffer.concat([
    header("pick"),
    Buffer.from([rng.pick([0xc1, 0xc4, 0xd4, 0xd7, 0xc7])]),
    random(Math.floor(rng.uniform(0, 4))),
  ]); // msgpack's unused byte, bin and ext types, cut short
}

// ---- Fuzz clients ----------------------------------------------------------------------------

interface FuzzStats {
  messages: number;
  viaSend: number;
  rawFrames: number;
  megabyteStrings: number;
  oversizeFrames: number;
  joins: number;
  refusedJoins: number;
  reconnects: number;
  failedReconnects: number;
  disconnects: Map<number, number>;
  errorReplies: Map<string, number>;
}

type Send = (room: SDKRoom) => "send" | "raw" | "mb" | "oversize";

/** One draw: what a fuzz client sends next. Rare draws get the sender disconnected (>4 KB frames, bad msgpack, a leave). */
function nextMessage(rng: Random): Send {
  const roll = rng.next();
  if (roll < 0.0012)
    return (room) => {
      room.send(rng.pick(KNOWN_TYPES), { level: MB_STRING });
      return "mb";
    };
  if (roll < 0.0024)
    return (room) => {
      room.send("pick", { level: 3, pad: "z".repeat(5000) });
      return "oversize";
    };
  if (roll < 0.0028)
    return (room) => {
      room.connection.send(Uint8Array.of(Protocol.LEAVE_ROOM));
      return "raw";
    };
  if (roll < 0.2)
    return (room) => {
      const frame = rawFrame(rng);
      (room.connection.transport as any).ws.send(frame);
      return "raw";
    };
  const type =
    rng.next() < 0.6
      ? rng.pick(KNOWN_TYPES)
      : rng.next() < 0.8
        ? rng.pick(ODD_TYPES)
        : rng.pick([0, -1, 13, 2 ** 40, 3.5]);
  const payload = rng.next() < 0.5 && typeof type === "string" ? nearMiss(rng, type) : garbage(rng);
  return (room) => {
    room.send(type as any, payload);
    return "send";
  };
}

const BAD_JOIN_OPTIONS = [
  { name: "" },
  { name: "\u0007bell" },
  { name: "n".repeat(300) },
  { name: 5 },
  { name: "Ok", spectator: "yes" },
  { name: "Ok", admin: true },
  {},
  { name: null },
];

/** Close codes after which the room holds the seat (it calls them drops), so the client may reconnect. */
const HELD_SEAT_CODES = new Set([1001, 1005, 1006, 1009, 4002]);

/**
 * One fuzz client: joins (as a player or a spectator, now and then with bad options), sends
 * garbage at its pace, and when the room disconnects it, takes its held seat back with its
 * reconnection token, as any client could (otherwise every drop would pin a seat for 60 s and
 * fill the room), or joins afresh.
 */
async function runFuzzClient(
  slot: number,
  code: string,
  rng: Random,
  stats: FuzzStats,
  stop: () => boolean,
): Promise<void> {
  let room: SDKRoom | undefined;
  let lastRefused = false;
  while (!stop()) {
    if (!room) {
      const options =
        rng.next() < 0.05
          ? rng.pick(BAD_JOIN_OPTIONS)
          : { name: `Fuzz ${slot}`, spectator: lastRefused || rng.next() < 0.4 };
      try {
        room = await withTimeout(colyseus.sdk.joinById(code, options as any), 5000, "join");
        stats.joins++;
        lastRefused = false;
      } catch {
        stats.refusedJoins++;
        lastRefused = true; // at the podium players are refused: come back as a spectator
        await sleep(100);
        continue;
      }
    }
    room.reconnection.enabled = false; // this loop reconnects, not the SDK
    room.onMessage("*", (type, payload: any) => {
      if (type === "error") stats.errorReplies.set(payload?.code, (stats.errorReplies.get(payload?.code) ?? 0) + 1);
    });
    let closed: number | undefined;
    room.onLeave((code) => {
      closed = code;
    });
    while (!stop() && closed === undefined) {
      if (room.connection.isOpen) {
        const send = nextMessage(rng);
        try {
          const kind = send(room);
          stats.messages++;
          if (kind === "raw") stats.rawFrames++;
          else stats.viaSend++;
          if (kind === "mb") stats.megabyteStrings++;
          if (kind === "oversize") stats.oversizeFrames++;
        } catch {
          /* the SDK could not encode it: not sent, not counted */
        }
      }
      await sleep(1000 / MESSAGES_PER_SECOND);
    }
    if (closed === undefined) {
      await withTimeout(room.leave(), 2000, "leave").catch(() => undefined);
      return;
    }
    stats.disconnects.set(closed, (stats.disconnects.get(closed) ?? 0) + 1);
    const token = room.reconnectionToken;
    room = undefined;
    if (HELD_SEAT_CODES.has(closed) && !stop()) {
      try {
        room = await withTimeout(colyseus.sdk.reconnect(token), 5000, "reconnect");
        stats.reconnects++;
      } catch {
        stats.failedReconnects++;
      }
    }
  }
  await (room as SDKRoom | undefined)?.leave().catch(() => undefined);
}

// ---- The match -------------------------------------------------------------------------------

describe("fuzzing a match", () => {
  it(`survives ${TARGET_MESSAGES.toLocaleString("en")}+ random and malformed messages, and scores the honest players right`, async () => {
    const started = Date.now();
    const rng = new Random(SEED);
    const ada = await createMatch(colyseus, { name: "Ada" });
    const code = ada.room.state.code;
    const honest = [
      ada,
      await joinMatch(colyseus, code, { name: "Bo" }),
      await joinMatch(colyseus, code, { name: "Cy" }),
    ];
    ada.room.send("settings", { rounds: 2, tuningSeconds: 15 });
    await ada.until((s) => s.rounds === 2 && s.tuningSeconds === 15, "the settings");

    // The server logs what it refuses (bad msgpack…): count it instead of printing thousands of stacks.
    const logged: string[] = [];
    const quiet = (...args: unknown[]) => {
      logged.push(String(args[0]).split("\n")[0].slice(0, 120));
    };
    const spies = [
      vi.spyOn(console, "error").mockImplementation(quiet),
      vi.spyOn(console, "warn").mockImplementation(quiet),
      vi.spyOn(console, "info").mockImplementation(() => undefined),
    ];

    const stats: FuzzStats = {
      messages: 0,
      viaSend: 0,
      rawFrames: 0,
      megabyteStrings: 0,
      oversizeFrames: 0,
      joins: 0,
      refusedJoins: 0,
      reconnects: 0,
      failedReconnects: 0,
      disconnects: new Map(),
      errorReplies: new Map(),
    };
    let matchOver = false;
    let duringMatch: number;
    let abort = false; // the match failed, or the fuzz ran far too long: stop at once
    const stop = () => abort || (matchOver && stats.messages >= TARGET_MESSAGES) || Date.now() - started > 90_000;
    const ticker = setInterval(
      () =>
        progress(
          `${((Date.now() - started) / 1000).toFixed(0)} s: ${stats.messages} messages, ${stats.joins} joins, ${[...stats.disconnects.values()].reduce((a, b) => a + b, 0)} disconnects; phase ${ada.room.state.phase}, round ${ada.room.state.round}`,
        ),
      5000,
    );
    const fuzzers = Array.from({ length: FUZZ_CLIENTS }, (_, slot) =>
      runFuzzClient(slot + 1, code, new Random(`${SEED}:${slot}`), stats, stop),
    );
    await sleep(1000); // the fuzz clients are in, some as players of the match

    const levels = [0, 1].map(() => honest.map(() => Math.floor(rng.uniform(1, 13))));
    try {
      ada.room.send("start", {});
      for (const [r, picks] of levels.entries()) {
        await Promise.all(
          honest.map((p) =>
            p.until((s) => s.phase === "tuning" && s.round === r + 1, `round ${r + 1}'s tuning`, 20_000),
          ),
        );
        honest.forEach((p, i) => p.room.send("pick", { level: picks[i] }));
        await Promise.all(
          honest.map((p, i) => p.until((s) => s.players.get(p.room.sessionId)!.pick === picks[i], "my own pick")),
        );
        // Ada and Bo lock in; Cy does not (the last pick counts), so each round runs its full 15 s
        // and the fuzz lands while the match is on.
        honest.slice(0, 2).forEach((p) => p.room.send("lockIn", {}));
        await Promise.all(
          honest.map((p) =>
            p.until((s) => s.phase === "reveal" && s.round === r + 1, `round ${r + 1}'s reveal`, 25_000),
          ),
        );
        ada.room.send("next", {});
      }
      await Promise.all(honest.map((p) => p.until(inPhase("podium"), "the podium")));
      duringMatch = stats.messages;
    } catch (error) {
      abort = true;
      throw error;
    } finally {
      matchOver = true;
      await Promise.all(fuzzers);
      clearInterval(ticker);
      spies.forEach((spy) => spy.mockRestore());
    }

    const disconnected = [...stats.disconnects.values()].reduce((a, b) => a + b, 0);
    console.log(
      `fuzz seed "${SEED}": ${stats.messages} messages (${duringMatch} before the podium) from ${FUZZ_CLIENTS} clients (${stats.viaSend} through room.send, ${stats.rawFrames} raw frames; ${stats.megabyteStrings} with 1 MB strings, ${stats.oversizeFrames} over 4 KB)`,
    );
    console.log(
      `fuzz clients: ${stats.joins} joins, ${stats.refusedJoins} refused; ${disconnected} disconnected (${stats.reconnects} took their seat back, ${stats.failedReconnects} could not), by close code: ${JSON.stringify(Object.fromEntries(stats.disconnects))}; error replies: ${JSON.stringify(Object.fromEntries(stats.errorReplies))}`,
    );
    const kinds = new Map<string, number>();
    for (const line of logged) kinds.set(line, (kinds.get(line) ?? 0) + 1);
    console.log(
      `server/SDK log lines during the fuzz: ${logged.length}, kinds: ${JSON.stringify(Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1]).slice(0, 12)))}`,
    );
    expect(stats.messages).toBeGreaterThanOrEqual(TARGET_MESSAGES);
    expect(stats.errorReplies.get("invalid-message")).toBeGreaterThan(1000); // refused with a reply, not silently

    // The room is up and unchanged by the fuzz: same host, same settings, at the podium.
    const server = colyseus.getRoomById(code) as any;
    expect(server).toBeDefined();
    expect(server.state.phase).toBe("podium");
    expect(server.state.hostId).toBe(ada.room.sessionId);
    expect([server.state.rounds, server.state.tuningSeconds]).toEqual([2, 15]);
    const { statusCode, data } = await colyseus.http.get("/healthz");
    expect(statusCode).toBe(200);
    expect(data).toMatchObject({ ok: true });
    expect(
      logged.filter((l) =>
        /did not train|onJoin error|onLeave error|onDrop error|onReconnect error|onAuth error/.test(l),
      ),
    ).toEqual([]);
    for (const p of honest) expect(p.room.connection.isOpen).toBe(true);

    // Their points are the shared scoring of their picks, recomputed here from the published openings.
    const totals = new Map<string, number>();
    for (const [r, picks] of levels.entries()) {
      const errors = await hiddenErrors(ada.reveals.find((m) => m.round === r + 1)!.opening!);
      const best = Math.min(...errors.values());
      for (const [i, p] of honest.entries()) {
        const points = roundPoints(errors.get(picks[i])!, best);
        const mine = p.reveals.find((m) => m.round === r + 1)!.results.find((x) => x.sessionId === p.room.sessionId)!;
        expect(mine).toMatchObject({ level: picks[i], hiddenError: errors.get(picks[i]), points });
        totals.set(p.room.sessionId, (totals.get(p.room.sessionId) ?? 0) + points);
      }
    }
    for (const p of honest) {
      for (const [id, points] of totals) expect(p.room.state.players.get(id)!.points).toBe(points);
    }
    console.log(
      `honest picks ${JSON.stringify(levels)} → points ${JSON.stringify([...totals.values()])}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);

  // A client the server itself disconnects for a malformed frame (Colyseus closes it with 4002;
  // its seat waits 3 s, as a reloaded tab's stale socket gets the same code) or an oversize one
  // (ws closes it with 1009) keeps no seat for long: otherwise 160 quick joins, each followed by
  // one bad frame, would fill the room with ghost seats for a minute.
  const kicks: [string, number, (room: SDKRoom) => void][] = [
    [
      "a malformed frame",
      4002,
      (room) => room.connection.send(Uint8Array.of(Protocol.ROOM_DATA, 0xa4, ...Buffer.from("pick"), 0x81)),
    ], // a map of 1 entry, cut short
    ["a frame over 4 KB", 1009, (room) => room.send("pick", { level: 3, pad: "z".repeat(5000) })],
  ];
  for (const [what, expectedCode, send] of kicks) {
    it(`keeps no seat for a client it disconnects for ${what}`, async () => {
      const host = await createMatch(colyseus, { name: "Ada" });
      const code = host.room.state.code;
      const mallory = await joinMatch(colyseus, code, { name: "Mallory" });
      await host.until((s) => s.players.has(mallory.room.sessionId), "Mallory in Ada's list");
      const left = new Promise<number>((resolve) => mallory.room.onLeave(resolve));
      send(mallory.room);
      expect(await withTimeout(left, 5000, "the disconnection")).toBe(expectedCode);
      expect(colyseus.getRoomById(code)).toBeDefined();
      await host.until((s) => !s.players.has(mallory.room.sessionId), "Mallory's seat to go", 6000);
    });
  }
});
