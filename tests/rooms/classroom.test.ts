// Classroom and spectator features against a real server: host-only actions, kicking, pause,
// skip and end, live picks, the public room listing, the daily challenge's clock, results as
// CSV and the leaderboard API.
import { refusalMessage } from "../../shared/refusals";
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { parse } from "csv-parse/sync";
import {
  DAILY_ROOM,
  LOBBY_ROOM,
  type DailyMessage,
  type PickCountsMessage,
  type PodiumMessage,
} from "../../shared/protocol";
import type { RevealView } from "../../shared/reveal-view";
import { commitmentOf } from "../../shared/round-key";
import { verifyOpening } from "../../shared/round-proof";
import { fromWire } from "../../shared/round-messages";
import { secondsLeft } from "../../shared/clock";
import { createMatch, inPhase, joinMatch, type TestPlayer } from "./players";
import { useGameServer } from "./test-server";

let colyseus: ColyseusTestServer;
let clock = new Date("2026-11-26T12:00:00Z");

useGameServer((booted) => (colyseus = booted), { now: () => clock });

async function roomOf3(): Promise<TestPlayer[]> {
  const host = await createMatch(colyseus, { name: "Teacher" });
  const a = await joinMatch(colyseus, host.room.state.code, { name: "Ana" });
  const b = await joinMatch(colyseus, host.room.state.code, { name: "Ben" });
  return [host, a, b];
}

const messagesOf = <T>(p: TestPlayer, type: string) =>
  p.messages.filter((m) => m.type === type).map((m) => m.payload as T);

describe("host controls", () => {
  it("refuses every host action from anyone else", async () => {
    const [host, ana] = await roomOf3();
    const attempts: [string, object][] = [
      ["settings", { kinds: ["galaxy"] }],
      ["roomSettings", { locked: true }],
      ["kick", { sessionId: host.room.sessionId }],
      ["start", {}],
      ["endMatch", {}],
    ];
    for (const [type, payload] of attempts) {
      ana.room.send(type, payload);
      expect(await ana.nextError(), type).toMatchObject({ code: "not-allowed", type });
    }
    expect(host.room.state.players.size).toBe(3);
    expect(host.room.state.locked).toBe(false);
    expect([...host.room.state.kinds]).toHaveLength(6);
  });

  it("sets kinds, difficulty, speed bonus and lock; kicks with a reason and keeps no seat", async () => {
    const [host, ana, ben] = await roomOf3();
    host.room.send("settings", { kinds: ["galaxy", "shell"], difficulty: "hard", speedBonus: true });
    host.room.send("roomSettings", { locked: true });
    await ana.until((s) => s.difficulty === "hard" && s.speedBonus && s.locked && s.kinds.length === 2, "the settings");
    expect([...ana.room.state.kinds]).toEqual(["shell", "galaxy"]);
    await expect(colyseus.sdk.joinById(host.room.state.code, { name: "Late" })).rejects.toThrow(/is locked/);

    const closed = new Promise<[number, string | undefined]>((resolve) =>
      ben.room.onLeave((code, reason) => resolve([code, reason])),
    );
    host.room.send("kick", { sessionId: ben.room.sessionId });
    expect(await closed).toEqual([4403, refusalMessage({ code: "kicked", params: { room: host.room.state.code } })]);
    expect(ben.errors.at(-1)?.code).toBe("kicked");
    await host.until((s) => s.players.size === 2, "Ben gone");
    await expect(colyseus.sdk.reconnect(ben.room.reconnectionToken)).rejects.toThrow();
  });

  it("pauses and resumes the clock, skips to the reveal, ends the match with a shake-up", async () => {
    const [host, ana, ben] = await roomOf3();
    host.room.send("settings", { rounds: 3, tuningSeconds: 30, speedBonus: true });
    host.room.send("start", {});
    await host.until(inPhase("tuning"), "tuning");
    ana.room.send("pick", { level: 4 });
    ana.room.send("lockIn", {});
    host.room.send("pause", { paused: true });
    await host.until((s) => s.paused, "paused");
    // Paused: no deadline, the time left held (and the countdown every client draws stands still).
    const frozen = host.room.state.pausedLeft;
    expect(host.room.state.deadline).toBe(0);
    expect(frozen).toBeGreaterThan(25_000);
    expect(frozen).toBeLessThanOrEqual(30_000);
    await new Promise((r) => setTimeout(r, 2200));
    expect(host.room.state.pausedLeft).toBe(frozen);
    expect(secondsLeft(host.room.state, Date.now())).toBe(Math.ceil(frozen / 1000));
    const resumed = Date.now();
    host.room.send("pause", { paused: false });
    await host.until((s) => !s.paused && s.deadline > 0, "the clock running again");
    // Resumed from where it stopped: the new deadline is the time that was left, from now.
    expect(host.room.state.deadline - resumed).toBeGreaterThan(frozen - 1000);
    expect(host.room.state.deadline - resumed).toBeLessThan(frozen + 1000);
    expect(host.room.state.pausedLeft).toBe(0);

    host.room.send("skip", {});
    await ben.until(inPhase("reveal"), "the reveal");
    const reveal = ben.reveals[0];
    const anaResult = reveal.results.find((r) => r.name === "Ana")!;
    expect(anaResult.speedBonus).toBeGreaterThan(0); // locked in early
    expect(reveal.results.find((r) => r.name === "Ben")!.speedBonus).toBe(0); // never locked in
    expect(reveal.shakeUp.rows.map((r) => r.name).sort()).toEqual(["Ana", "Ben", "Teacher"]);
    expect(reveal.shakeUp.meanShift).toBeGreaterThanOrEqual(0);

    host.room.send("endMatch", {});
    await ana.until(inPhase("podium"), "the podium");
    await ana.until(() => messagesOf<PodiumMessage>(ana, "podium").length === 1, "the podium message");
    const [podium] = messagesOf<PodiumMessage>(ana, "podium");
    expect(podium.matchId).toBe(host.room.state.matchId);
    expect(podium.shakeUp.rows).toHaveLength(3);
  });

  it("sends no picks or counts before the reveal, unless the host shows picks live", async () => {
    const [host, ana, ben] = await roomOf3();
    const watcher = await joinMatch(colyseus, host.room.state.code, { name: "Eve", spectator: true });
    host.room.send("start", {});
    await Promise.all([host, ana, ben, watcher].map((p) => p.until(inPhase("tuning"), "tuning")));
    ana.room.send("pick", { level: 9 });
    ana.room.send("lockIn", {});
    await host.until((s) => s.lockedCount === 1, "Ana locked in");
    // With the public `locked` flags, counts would tell the host who picked what: none are sent.
    for (const p of [host, ben, watcher]) expect(messagesOf(p, "pickCounts")).toEqual([]);
    expect(watcher.room.state.players.get(ana.room.sessionId)!.pick).toBeUndefined();

    host.room.send("roomSettings", { showPicksLive: true });
    await watcher.until((s) => s.players.get(ana.room.sessionId)!.pick === 9, "Ana's pick, shown live");
    for (const p of [host, ben, watcher]) {
      await p.until(
        () => messagesOf<PickCountsMessage>(p, "pickCounts").some((m) => m.counts[8] === 1),
        "the counts, shown live",
      );
    }
  });
});

describe("results and listings", () => {
  it("stores a match whose CSV parses back to the stored results", async () => {
    const [host, ana, ben] = await roomOf3();
    host.room.send("settings", { rounds: 2, tuningSeconds: 10 });
    host.room.send("start", {});
    for (let r = 1; r <= 2; r++) {
      await host.until((s) => s.phase === "tuning" && s.round === r, `round ${r}`);
      [host, ana, ben].forEach((p, i) => p.room.send("pick", { level: 2 + i * r }));
      [host, ana, ben].forEach((p) => p.room.send("lockIn", {}));
      await host.until((s) => s.phase === "reveal" && s.round === r, `reveal ${r}`);
      host.room.send("next", {});
    }
    await host.until(inPhase("podium"), "the podium");
    const id = host.room.state.matchId;
    const csv = await colyseus.http.get(`/api/matches/${id}.csv`);
    expect(csv.headers["content-type"]).toMatch(/^text\/csv/);
    const rows = parse(csv.data as string, { columns: true, cast: true }) as Record<string, string | number>[];
    const { data } = await colyseus.http.get(`/api/matches/${id}`);
    const stored = (
      data as { rounds: { round: number; bestLevel: number; opening: string; results: Record<string, unknown>[] }[] }
    ).rounds.flatMap((r) =>
      r.results.map((x) => ({
        round: r.round,
        opening: r.opening,
        best_level: r.bestLevel,
        name: x.name,
        level: x.level,
        hidden_error: x.hiddenError,
        points: x.points,
        total: x.total,
      })),
    );
    expect(
      rows.map((r) => ({
        round: r.round,
        opening: r.opening,
        best_level: r.best_level,
        name: r.name,
        level: r.level,
        hidden_error: r.hidden_error,
        points: r.points,
        total: r.total,
      })),
    ).toEqual(stored);
    expect(rows).toHaveLength(6);
    expect((data as { match: { winner: string } }).match.winner).toBe(
      [...host.room.state.players.values()].find((p) => p.rank === 1)!.name,
    );
  });

  it("lists public rooms live as they open, start and close; private ones never", async () => {
    const lobby = await colyseus.sdk.joinOrCreate(LOBBY_ROOM);
    const listed = new Map<string, { metadata: { phase: string; players: number } }>();
    lobby.onMessage("rooms", (rooms: { roomId: string; metadata: any }[]) =>
      rooms.forEach((r) => listed.set(r.roomId, r)),
    );
    lobby.onMessage("+", ([id, room]: [string, { metadata: any }]) => listed.set(id, room));
    lobby.onMessage("-", (id: string) => listed.delete(id));
    const eventually = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(check(), what).toBe(true);
    };

    const hidden = await createMatch(colyseus, { name: "Private" });
    const host = await createMatch(colyseus, { name: "Public" });
    await new Promise((r) => setTimeout(r, 300));
    expect(listed.size).toBe(0); // rooms start private
    host.room.send("roomSettings", { visibility: "public" });
    await eventually(() => listed.get(host.room.state.code)?.metadata.phase === "lobby", "the public room listed");
    const guest = await joinMatch(colyseus, host.room.state.code, { name: "Guest" });
    await eventually(() => listed.get(host.room.state.code)?.metadata.players === 2, "the player count");
    host.room.send("start", {});
    await eventually(
      () => ["training", "tuning"].includes(listed.get(host.room.state.code)?.metadata.phase ?? ""),
      "the phase",
    );
    expect(listed.has(hidden.room.state.code)).toBe(false);
    await Promise.all([host, guest, hidden].map((p) => p.room.leave())); // everyone leaves: the rooms close
    await eventually(() => listed.size === 0, "the closed room gone");
  });
});

describe("daily challenge and leaderboards", () => {
  async function playDaily(
    name: string,
    level: number,
  ): Promise<{ commitment: string; reveal: RevealView; daily: DailyMessage }> {
    const player = await createMatch(colyseus, { name }, colyseus.sdk, DAILY_ROOM);
    await player.until(inPhase("tuning"), "tuning");
    player.room.send("pick", { level });
    player.room.send("lockIn", {});
    await player.until(() => messagesOf(player, "daily").length === 1, "the daily standing");
    const result = {
      commitment: player.rounds[0].commitment,
      reveal: player.reveals[0],
      daily: messagesOf<DailyMessage>(player, "daily")[0],
    };
    await player.room.leave();
    return result;
  }

  const getJson = (path: string) =>
    colyseus.http.get(path).then(
      (r: any) => ({ status: r.statusCode, body: r.data }),
      (e: any) => ({ status: e.statusCode, body: e.data }),
    );

  it("has one round per UTC day for everyone, changing at midnight, whose opening waits for the day's end", async () => {
    clock = new Date("2026-11-26T23:59:58Z");
    const first = await playDaily("Ana", 3);
    const second = await playDaily("Ben", 3);
    expect(second.commitment).toBe(first.commitment);
    expect(first.daily.date).toBe("2026-11-26");
    // The day is still running: its reveal shows B but not what fixed it, and neither does the API.
    expect(first.reveal.opening).toBeUndefined();
    expect(first.reveal.openingAfter).toBe("2026-11-27T00:05:00.000Z"); // the day's end, and time to finish its last round
    const early = await getJson("/api/daily/2026-11-26/opening");
    expect(early.status).toBe(403);
    expect(early.body.error).toBe("daily-not-published");
    expect((await getJson("/api/daily/2026-12-25/opening")).status).toBe(403);
    expect((await getJson("/api/daily/26-11-2026/opening")).status).toBe(400);

    clock = new Date("2026-11-27T00:00:01Z");
    const third = await playDaily("Ana", 3);
    expect(third.commitment).not.toBe(first.commitment);
    expect(third.daily).toMatchObject({ date: "2026-11-27", rank: 1, players: 1 });
    expect((await getJson("/api/daily/2026-11-26/opening")).status).toBe(403); // a round begun at 23:59 may still be on
    clock = new Date("2026-11-27T00:05:00Z");
    // Yesterday is over: its opening is public, matches the commitment and rebuilds the B that was shown.
    const past = await getJson("/api/daily/2026-11-26/opening");
    expect(past.status).toBe(200);
    expect(past.body.commitment).toBe(first.commitment);
    expect(commitmentOf(past.body.opening)).toBe(first.commitment);
    expect(verifyOpening(first.commitment, past.body.opening, fromWire(first.reveal).b)).toEqual({ ok: true });
    expect(past.body.replay).toMatch(/^\/\?replay=/);
  });

  it("serves validated, paginated daily and all-time boards", async () => {
    clock = new Date("2026-12-01T10:00:00Z");
    const scores = [
      await playDaily("Cy", 1),
      await playDaily("Di", 5),
      await playDaily("Ed", 9),
      await playDaily("Cy", 5),
    ];
    // Each name's best, and when they first reached it (ties go to whoever got there first).
    const best = new Map<string, [points: number, at: number]>();
    for (const [i, name] of ["Cy", "Di", "Ed", "Cy"].entries()) {
      if (scores[i].daily.points > (best.get(name)?.[0] ?? -1)) best.set(name, [scores[i].daily.points, i]);
    }
    const ordered = [...best]
      .sort((p, q) => q[1][0] - p[1][0] || p[1][1] - q[1][1])
      .map(([name, [points]]) => [name, points]);

    const get = (q: string) => getJson(`/api/leaderboard?${q}`);
    const page1 = await get("board=daily&date=2026-12-01&limit=2");
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(3);
    expect(page1.body.rows.map((r: any) => [r.name, r.points])).toEqual(ordered.slice(0, 2));
    const page2 = await get("board=daily&date=2026-12-01&limit=2&offset=2");
    expect(page2.body.rows.map((r: any) => [r.name, r.points])).toEqual(ordered.slice(2));
    expect((await get("board=daily")).body.date).toBe("2026-12-01"); // today by the server's clock
    const alltime = await get("board=alltime&limit=100");
    expect(alltime.body.rows.length).toBeGreaterThanOrEqual(4);
    expect(alltime.body.rows[0].points).toBeGreaterThanOrEqual(alltime.body.rows.at(-1).points);

    for (const bad of [
      "board=weekly",
      "board=daily&date=2026-02-30",
      "board=daily&date=yesterday",
      "board=daily&limit=0",
      "board=daily&limit=101",
      "board=daily&offset=-1",
      "board=daily&limit=1e3",
      "board=daily&sort=name",
      "",
      "board=daily&limit=2&limit=3",
    ]) {
      const response = await get(bad);
      expect(response.status, bad).toBe(400);
      expect(typeof response.body.error, bad).toBe("string");
    }
  });
});
