// A cheater's attack on B. Three real clients (host, player, spectator) record every byte they
// receive before the reveal, along with what anyone may fetch meanwhile (the public room listing,
// the HTTP API). Then every string and number in it is tried, in every public way the game offers,
// as what fixes a round: as a practice seed, as a round id under the room's settings, and every
// 64-hex string as B's key beside every id. If any of them generates the B the reveal then shows,
// the attack has rebuilt B, and the test fails. Positive controls run the same attack on
// transcripts that do leak (the way the game leaked before: a public value B follows from), and
// it must succeed there.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { Protocol } from "@colyseus/sdk";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";
import { useGameServer } from "./test-server";
import { capturingClient, createMatch, framesOf, inPhase, joinMatch, type TestPlayer } from "./players";
import { catalogOfKinds } from "../../shared/spirals";
import { generateRound, type Difficulty } from "../../shared/round";
import { practiceOpening, publicRoundKey, type RoundKey } from "../../shared/round-key";
import { roundOf } from "../../shared/round-proof";
import { fromWire } from "../../shared/round-messages";
import { LOBBY_ROOM, type RevealMessage } from "../../shared/protocol";
import type { SpiralKind } from "../../shared/catalog";

let colyseus: ColyseusTestServer;
const SECRET = "the-test-round-secret-0123456789";
useGameServer((booted) => (colyseus = booted), { roundSecret: SECRET });

/** Every string and number in a value, however deep. */
function leaves(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") out.add(String(value));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      leaves(v, out);
    }
  return out;
}

/** Printable runs in raw bytes (what `strings` would show), for anything no decoder surfaced. */
function printableRuns(bytes: Uint8Array, out: Set<string>): void {
  let run = "";
  for (const b of [...bytes, 0]) {
    if (b >= 0x20 && b < 0x7f) run += String.fromCharCode(b);
    else {
      if (run.length >= 4) out.add(run);
      run = "";
    }
  }
}

/** A ROOM_DATA frame's decoded payload (messages), else undefined. */
function messagePayload(bytes: Uint8Array): unknown {
  const buf = Buffer.from(bytes);
  if (buf[0] !== Protocol.ROOM_DATA) return undefined;
  const it = { offset: 1 };
  const type = decode.stringCheck(buf, it) ? decode.string(buf, it) : decode.number(buf, it);
  return { type, payload: buf.byteLength > it.offset ? unpack(buf.subarray(it.offset)) : undefined };
}

interface Settings {
  kinds: SpiralKind[];
  difficulty: Difficulty;
}
interface Target {
  name: string;
  x: number[];
  y: number[];
}

const matches = (b: { spiral: { name: string }; points: { x: number[]; y: number[] } }, target: Target) =>
  b.spiral.name === target.name &&
  b.points.x.every((x, i) => Math.abs(x - target.x[i]) < 1e-4 && Math.abs(b.points.y[i] - target.y[i]) < 1e-4);

/**
 * Tries every candidate in every public way to fix a round; returns how B was rebuilt, or
 * undefined. `target` is B as the reveal showed it (drawing coordinates).
 */
export function rebuildB(candidates: Set<string>, settings: Settings, target: Target): string | undefined {
  const catalog = catalogOfKinds(settings.kinds);
  const tryKey = (key: RoundKey, how: string) =>
    matches(generateRound(catalog, key, { difficulty: settings.difficulty }).b, target) ? how : undefined;
  const hex64 = [...candidates].filter((c) => /^[0-9a-f]{64}$/i.test(c)).map((c) => c.toLowerCase());
  const ids = [...candidates].filter((c) => c.length <= 80);
  for (const c of ids) {
    const found =
      (matches(roundOf(practiceOpening(c)).b, target) && `practice seed ${JSON.stringify(c)}`) ||
      tryKey(publicRoundKey(c), `round id ${JSON.stringify(c)}`) ||
      hex64
        .map((h) => tryKey({ id: c, hidden: h }, `id ${JSON.stringify(c)} with key ${h.slice(0, 8)}…`))
        .find(Boolean);
    if (found) return found;
  }
  return undefined;
}

describe("a cheater rebuilding B from what clients receive", () => {
  it("cannot, from any string or number three clients, the listing or the API give out before the reveal", async () => {
    const sdk = capturingClient(colyseus, (state) => (state as any)?.toJSON?.());
    const ada = await createMatch(colyseus, { name: "Ada" }, sdk);
    const code = ada.room.state.code;
    const bo = await joinMatch(colyseus, code, { name: "Bo" }, sdk);
    const eve = await joinMatch(colyseus, code, { name: "Eve", spectator: true }, sdk);
    const clients: TestPlayer[] = [ada, bo, eve];

    // Anyone may watch the public listing.
    const listing = new Set<string>();
    const lobby = await colyseus.sdk.joinOrCreate(LOBBY_ROOM);
    lobby.onMessage("*", (type: unknown, payload: unknown) => leaves([type, payload], listing));
    ada.room.send("roomSettings", { visibility: "public" });
    ada.room.send("settings", {
      rounds: 1,
      tuningSeconds: 30,
      kinds: ["shell", "galaxy", "plant"],
      difficulty: "hard",
    });
    ada.room.send("start", {});
    await Promise.all(clients.map((p) => p.until(inPhase("tuning"), "tuning")));
    ada.room.send("pick", { level: 5 });
    bo.room.send("pick", { level: 8 });
    await new Promise((r) => setTimeout(r, 300));

    // … and the HTTP API, while the round is live.
    const http = new Set<string>();
    for (const path of [
      "/healthz",
      "/api/leaderboard?board=daily",
      "/api/leaderboard?board=alltime",
      `/api/daily/${new Date().toISOString().slice(0, 10)}/opening`,
    ]) {
      const answer = await colyseus.http.get(path).then(
        (r: any) => r.data,
        (e: any) => e.data,
      );
      leaves(answer, http);
    }

    ada.room.send("lockIn", {});
    bo.room.send("lockIn", {});
    await Promise.all(clients.map((p) => p.until(inPhase("reveal"), "the reveal")));

    const candidates = new Set<string>([...listing, ...http, code]);
    let bytes = 0;
    for (const player of clients) {
      const { frames } = framesOf(player);
      const reveal = frames.findIndex(
        (f) => (messagePayload(f.bytes) as { type?: string } | undefined)?.type === "reveal",
      );
      expect(reveal).toBeGreaterThan(0);
      for (const frame of frames.slice(0, reveal)) {
        bytes += frame.bytes.byteLength;
        leaves(messagePayload(frame.bytes), candidates);
        leaves(frame.seen, candidates);
        printableRuns(frame.bytes, candidates);
      }
    }
    const revealed = fromWire(ada.reveals[0] as RevealMessage);
    const settings: Settings = { kinds: ["shell", "galaxy", "plant"], difficulty: "hard" };
    const target = revealed.b;
    console.log(
      `the attack tries ${candidates.size} distinct strings and numbers from ${bytes} bytes before the reveal`,
    );
    expect(candidates.size).toBeGreaterThan(1000); // it did see the round: A, the fits, the cue, names, the commitment
    expect(rebuildB(candidates, settings, target)).toBeUndefined();
    expect([...candidates].filter((c) => c.includes(SECRET) || c.includes(revealed.opening!.hidden))).toEqual([]);

    // Positive control: with the opening the reveal publishes, the same attack does rebuild B.
    const opening = revealed.opening!;
    expect(rebuildB(new Set([...candidates, opening.id, opening.hidden]), settings, target)).toMatch(
      /^id .* with key /,
    );
    await lobby.leave();
  });

  it("does rebuild B from a transcript that leaks the way the game once did", () => {
    // Before round keys, the round message carried the seed B followed from (and practice
    // replayed any seed): a public value is enough.
    const settings: Settings = {
      kinds: ["shell", "galaxy", "cyclone", "plant", "horn", "other"],
      difficulty: "normal",
    };
    const leaked = roundOf(practiceOpening("3f2b8c1e-round-seed:1")).b;
    const target = { name: leaked.spiral.name, x: leaked.points.x, y: leaked.points.y };
    expect(rebuildB(new Set(["Ada", "3f2b8c1e-round-seed:1", "0.25"]), settings, target)).toBe(
      'practice seed "3f2b8c1e-round-seed:1"',
    );
    expect(rebuildB(new Set(["Ada", "0.25"]), settings, target)).toBeUndefined();
    // A daily whose B followed from its date alone.
    const daily = generateRound(catalogOfKinds(settings.kinds), publicRoundKey("daily:2026-11-30"), {
      difficulty: "normal",
    }).b;
    expect(
      rebuildB(new Set(["daily:2026-11-30"]), settings, {
        name: daily.spiral.name,
        x: daily.points.x,
        y: daily.points.y,
      }),
    ).toMatch(/"daily:2026-11-30"/);
  });
});
