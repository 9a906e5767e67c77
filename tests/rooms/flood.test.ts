// Flooding: a client sending 1,000 messages a second is throttled (an `error` with code
// `rate-limited`), then dropped (close code 4429), while an honest player's latency stays normal.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { Protocol, type Room as SDKRoom } from "@colyseus/sdk";
import { CLOSE_FLOODING } from "../../shared/protocol";
import { FLOOD_LIMITS } from "../../server/flood-guard";
import { useGameServer } from "./test-server";
import { createMatch, inPhase, joinMatch, type TestPlayer } from "./players";

let colyseus: ColyseusTestServer;

useGameServer((booted) => (colyseus = booted));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

/** One round trip: send a pick and wait until the player's own state shows it (only they see it). */
async function pickRoundTrip(player: TestPlayer, level: number): Promise<number> {
  const started = performance.now();
  player.room.send("pick", { level });
  await player.until((s) => s.players.get(player.room.sessionId)!.pick === level, `own pick ${level}`, 5000);
  return performance.now() - started;
}

/** `count` round trips, paced to stay well inside the honest budget of 20 messages a second. */
async function latencies(player: TestPlayer, count: number, levels: Iterator<number>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    samples.push(await pickRoundTrip(player, levels.next().value));
    await sleep(60);
  }
  return samples;
}

function* cycleLevels(): Generator<number> {
  for (let level = 2; ; level = level === 12 ? 1 : level + 1) yield level;
}

interface FloodReport {
  name: string;
  sent: number;
  /** ms from the first message to the `rate-limited` error, and to the close. */
  throttledAfter?: number;
  droppedAfter?: number;
  closeCode?: number;
}

/** Sends `perSecond` pick messages a second (in batches every 10 ms) until the room drops it. */
function flood(player: TestPlayer, perSecond = 1000): Promise<FloodReport> {
  const report: FloodReport = { name: player.room.state.players.get(player.room.sessionId)!.name, sent: 0 };
  const started = performance.now();
  return new Promise((resolve) => {
    const stopWatchingErrors = player.room.onMessage("error", (e: { code: string }) => {
      if (e.code === "rate-limited" && report.throttledAfter === undefined)
        report.throttledAfter = performance.now() - started;
    });
    player.room.onLeave((code) => {
      clearInterval(timer);
      stopWatchingErrors();
      report.closeCode = code;
      report.droppedAfter = performance.now() - started;
      resolve(report);
    });
    const timer = setInterval(() => {
      for (let i = 0; i < perSecond / 100; i++) {
        if (!player.room.connection.isOpen) return;
        player.room.send("pick", { level: 1 + (report.sent % 12) });
        report.sent++;
      }
    }, 10);
  });
}

describe("flooding", () => {
  it("throttles, then drops a client sending 1,000 messages a second, while another player's latency stays normal", async () => {
    const honest = await createMatch(colyseus, { name: "Honest" });
    const code = honest.room.state.code;
    // The flood guard drops a 1,000/s flooder within about 150 ms, too short to time 20 round
    // trips, so the flooders take turns: each floods at 1,000/s until it is dropped, then the next starts.
    const flooders: TestPlayer[] = [];
    for (let i = 0; i < 20; i++) flooders.push(await joinMatch(colyseus, code, { name: `Flooder ${i + 1}` }));
    honest.room.send("settings", { rounds: 1, tuningSeconds: 180 });
    honest.room.send("start", {});
    await Promise.all([honest, ...flooders].map((p) => p.until(inPhase("tuning"), "tuning")));
    const levels = cycleLevels();

    const baseline = await latencies(honest, 20, levels);

    const reports: FloodReport[] = [];
    let measuring = true;
    const floods = (async () => {
      for (const flooder of flooders) {
        if (!measuring) break;
        reports.push(await flood(flooder));
      }
    })();
    await sleep(20); // the first flooder is under way
    const during = await latencies(honest, 20, levels);
    const floodStillOn = reports.length < flooders.length;
    measuring = false;
    await floods;

    console.log(
      `honest pick round trip, median of 20: ${median(baseline).toFixed(1)} ms before the flood, ${median(during).toFixed(1)} ms during it (max ${Math.max(...during).toFixed(1)} ms)`,
    );
    const range = (xs: (number | undefined)[]) =>
      `${Math.min(...(xs as number[])).toFixed(0)}–${Math.max(...(xs as number[])).toFixed(0)}`;
    console.log(
      `${reports.length} flooders in turn at 1,000 msg/s: each sent ${range(reports.map((r) => r.sent))} messages, was throttled after ${range(reports.map((r) => r.throttledAfter))} ms and dropped after ${range(reports.map((r) => r.droppedAfter))} ms, close codes ${[...new Set(reports.map((r) => r.closeCode))].join(", ")}`,
    );

    expect(floodStillOn, "every sample was taken while a flooder was flooding").toBe(true);
    for (const r of reports) {
      expect(r.throttledAfter, `${r.name} got a rate-limited error`).toBeDefined();
      expect(r.closeCode, `${r.name} was dropped for flooding`).toBe(CLOSE_FLOODING);
      expect(r.throttledAfter!).toBeLessThan(r.droppedAfter!);
      // Dropped once it has had its burst and more than `dropAfter` ignored messages, within a second.
      expect(r.sent).toBeGreaterThan(FLOOD_LIMITS.burst + FLOOD_LIMITS.dropAfter);
      expect(r.droppedAfter!).toBeLessThan(1000);
    }
    const dropped = flooders.slice(0, reports.length).map((f) => f.room.sessionId);
    const server = colyseus.getRoomById(code) as any;
    await honest.until((s) => dropped.every((id) => !s.players.has(id)), "the flooders gone from the players");
    for (const id of dropped) expect(server.state.players.has(id)).toBe(false);

    // The honest player is still connected, still in the round, and as quick as before.
    expect(honest.room.connection.isOpen).toBe(true);
    expect(server.state.players.get(honest.room.sessionId).connected).toBe(true);
    expect(honest.errors.filter((e) => e.code === "rate-limited")).toEqual([]);
    expect(median(during)).toBeLessThan(Math.max(50, 5 * median(baseline)));
    expect(await pickRoundTrip(honest, 12)).toBeLessThan(1000);
  });

  // The flood guard sits in the room's "*" message handler, which only sees ROOM_DATA and
  // ROOM_DATA_BYTES frames. ROOM_REQUEST frames (`room.request()`), PING frames and ROOM_INPUT
  // frames never reach it: Colyseus's own cap (MatchRoom.maxMessagesPerSecond) drops those.
  const bypasses: [string, (room: SDKRoom) => void][] = [
    [
      "request",
      (room) => {
        room.request("pick", { level: 3 }).catch(() => undefined);
      },
    ],
    ["ping", (room) => room.ping(() => undefined)],
    ["input", (room) => room.connection.send(Uint8Array.of(Protocol.ROOM_INPUT_RELIABLE))],
  ];
  for (const [kind, send] of bypasses) {
    it(`drops a client sending 1,000 ${kind} frames a second too`, async () => {
      const host = await createMatch(colyseus, { name: "Honest" });
      const flooder = await joinMatch(colyseus, host.room.state.code, { name: "Flooder" });
      let closeCode: number | undefined;
      flooder.room.onLeave((code) => {
        closeCode = code;
      });
      let sent = 0;
      const started = performance.now();
      while (closeCode === undefined && performance.now() - started < 1500) {
        for (let i = 0; i < 10 && flooder.room.connection.isOpen; i++, sent++) send(flooder.room);
        await sleep(10);
      }
      console.log(
        `${kind} flood: ${sent} frames in ${(performance.now() - started).toFixed(0)} ms, close code ${closeCode ?? "none (still connected)"}`,
      );
      expect(closeCode, `a client sending ${kind} frames at 1,000/s is disconnected`).toBeDefined();
    });
  }
});
