// A match survives its server: real server processes on one SQLite file (a fixed ROUND_SECRET)
// and real SDK clients. Killed mid-tuning (SIGKILL, SIGTERM), the room comes back under its code
// in the next process; players take their seats back with their seat tokens (names, seats, points,
// picks and lock-ins intact), the round resumes at tuning with the same A and B and a fresh timer,
// and its points are what a direct scoring of the same round id gives. Also: a room lost at its
// reveal (nothing scored or saved twice), the daily and homework rooms, and a room idle too long.
import { refusalMessage } from "../../shared/refusals";
import { afterEach, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { Client, type Room } from "@colyseus/sdk";
import { dailyRoundId, utcDate } from "../../shared/daily";
import {
  DAILY_ROOM,
  HOMEWORK_ROOM,
  MATCH_ROOM,
  SEAT_TOKEN_PATTERN,
  type ErrorMessage,
  type RevealMessage,
  type RoundMessage,
} from "../../shared/protocol";
import { SPIRAL_KINDS } from "../../shared/catalog";
import type { RoundOpening } from "../../shared/round-key";
import { roundPoints } from "../../shared/scoring";
import type { MatchState } from "../../shared/state";
import { roundKey } from "../../server/round-secret";
import { RESTORE_IDLE_LIMIT_MS } from "../../server/restore";
import { roomCheckpointSchema } from "../../server/checkpoint";
import { ResultsStore } from "../../server/results-store";
import { startServerProcess, tempDatabasePath, type ServerProcess } from "../../tools/server-process";
import { hiddenErrors } from "./players";

const SECRET = "restore-test-secret-0123456789abcdef";
/** Old clients' reconnections fail against the new process: no address limit may stop the rejoins. */
const ENV = { ROUND_SECRET: SECRET, FAILED_JOINS_PER_ADDRESS: "10000", ROOMS_PER_ADDRESS: "10000" };

const started: ServerProcess[] = [];
afterEach(() => {
  for (const s of started.splice(0)) s.child.kill("SIGKILL");
});

async function start(databasePath: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess({ ...ENV, DATABASE_PATH: databasePath, ...env });
  started.push(server);
  return server;
}

/** One SDK connection and everything it was sent. */
interface Seat {
  name: string;
  room: Room<any, MatchState>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the SDK's own type
  messages: { type: string; payload: unknown }[];
  left?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's own type
function watch(name: string, room: Room<any, MatchState>): Seat {
  const seat: Seat = { name, room, messages: [] };
  room.reconnection.enabled = false; // the SDK's own token dies with the process; the seat token is tested here
  room.onMessage("*", (type, payload) => seat.messages.push({ type: String(type), payload }));
  room.onLeave((code) => (seat.left = code));
  return seat;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(check: () => T | undefined | false, what: string, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const messagesOf = <T>(seat: Seat, type: string): T[] =>
  seat.messages.filter((m) => m.type === type).map((m) => m.payload as T);
const tokenOf = (seat: Seat) => waitFor(() => messagesOf<{ token: string }>(seat, "seat")[0]?.token, "a seat token");
const me = (seat: Seat) => seat.room.state.players.get(seat.room.sessionId)!;
/** Waits for the decoded state to satisfy `check` (a state still being decoded has no players yet). */
const inState = (seat: Seat, check: (s: MatchState) => boolean, what: string) =>
  waitFor(() => seat.room.state?.players !== undefined && check(seat.room.state), `${seat.name}: ${what}`);
const lastRound = (seat: Seat) => messagesOf<RoundMessage>(seat, "round").at(-1)!;

/** Points a pick earns on this round's B, computed here from what fixes the round (no bonus). */
async function directPoints(opening: RoundOpening, level: number): Promise<number> {
  const errors = await hiddenErrors(opening);
  return roundPoints(errors.get(level)!, Math.min(...errors.values()));
}

/** The room's checkpoint row, read from the file. */
function checkpointRow(databasePath: string, code: string) {
  const db = new Database(databasePath);
  try {
    return db.prepare("SELECT owner, saved_at AS savedAt, body FROM room_checkpoints WHERE code = ?").get(code) as
      { owner: string; savedAt: number; body: string } | undefined;
  } finally {
    db.close();
  }
}

/** Three players and a projector; round 1 played; in round 2's tuning Cy has picked, Ada and Bo locked in. */
async function matchInRoundTwo(server: ServerProcess) {
  const sdk = new Client(server.url);
  const ada = watch("Ada", await sdk.create<MatchState>(MATCH_ROOM, { name: "Ada" }));
  const code = ada.room.roomId;
  const bo = watch("Bo", await sdk.joinById<MatchState>(code, { name: "Bo" }));
  const cy = watch("Cy", await sdk.joinById<MatchState>(code, { name: "Cy" }));
  const projector = watch("Projector", await sdk.joinById<MatchState>(code, { name: "Projector", spectator: true }));
  const players = [ada, bo, cy];
  const tokens = await Promise.all(players.map(tokenOf));
  for (const token of tokens) expect(token).toMatch(SEAT_TOKEN_PATTERN);
  expect(messagesOf(projector, "seat")).toEqual([]); // a spectator has no seat
  await inState(cy, (s) => s.players.size === 3, "three players");

  ada.room.send("settings", { rounds: 2, tuningSeconds: 60 });
  ada.room.send("start", {});
  await inState(ada, (s) => s.phase === "tuning" && s.round === 1, "round 1");
  for (const [seat, level] of [
    [ada, 3],
    [bo, 6],
    [cy, 9],
  ] as const) {
    seat.room.send("pick", { level });
    seat.room.send("lockIn", {});
  }
  await inState(ada, (s) => s.phase === "reveal" && s.round === 1, "the reveal of round 1");
  await inState(cy, (s) => s.phase === "reveal" && me(cy).points > 0, "round 1's points");
  ada.room.send("next", {});
  await inState(ada, (s) => s.phase === "tuning" && s.round === 2, "round 2");
  cy.room.send("pick", { level: 2 });
  await sleep(1300); // a pick is on disk within a second
  ada.room.send("pick", { level: 4 });
  ada.room.send("lockIn", {});
  bo.room.send("pick", { level: 7 });
  bo.room.send("lockIn", {});
  // A lock-in is on disk before the patch that shows it: the kill may come right after.
  await inState(ada, (s) => s.lockedCount === 2, "two lock-ins shown");
  const before = {
    round: lastRound(ada),
    points: new Map(players.map((p) => [p.name, me(p).points])),
    seats: new Map(players.map((p) => [p.name, me(p).seat])),
  };
  return { code, players, projector, tokens, before };
}

/** The same room in the new process: the seats taken back, the round resumed and finished, the podium. */
async function comeBack(
  server: ServerProcess,
  databasePath: string,
  lost: Awaited<ReturnType<typeof matchInRoundTwo>>,
): Promise<void> {
  const { code, tokens, before } = lost;
  const health = await (await fetch(`${server.url}/healthz`)).json();
  expect(health.rooms).toBe(1);
  const sdk = new Client(server.url);
  const names = ["Ada", "Bo", "Cy"];
  const rejoinedAt = Date.now();
  const [ada, bo, cy] = await Promise.all(
    names.map(async (name, i) =>
      watch(name, await sdk.joinById<MatchState>(code, { name: `${name} again`, seat: tokens[i] })),
    ),
  );
  const players = [ada, bo, cy];
  for (const seat of players) await inState(seat, (s) => s.players.has(seat.room.sessionId), "its seat");
  console.log(`three seats taken back ${Date.now() - rejoinedAt} ms after the rejoins began`);
  for (const [i, seat] of players.entries()) {
    expect(await tokenOf(seat)).toBe(tokens[i]); // the same token, told again
    expect(messagesOf(seat, "restored")).toEqual([{ reason: "restart" }]);
    expect(me(seat).name).toBe(names[i]); // the seat's name, not the one typed
    expect(me(seat).seat).toBe(before.seats.get(names[i]));
    expect(me(seat).points).toBe(before.points.get(names[i]));
  }
  expect(ada.room.state.hostId).toBe(ada.room.sessionId);
  expect([me(ada).locked, me(bo).locked, me(cy).locked]).toEqual([true, true, false]);
  expect(me(cy).pick).toBe(2); // Cy's own pick, as only Cy sees it
  await expect(sdk.joinById(code, { name: "Eve", seat: "A".repeat(24) })).rejects.toThrow(
    refusalMessage({ code: "seat-gone" }),
  );
  const projector = watch("Projector", await sdk.joinById<MatchState>(code, { name: "Projector", spectator: true }));
  await waitFor(() => messagesOf(projector, "restored").length === 1, "the projector's restored message");

  // Round 2 resumes at tuning: the same A and the same commitment to B, a fresh full timer.
  await inState(ada, (s) => s.phase === "tuning" && s.round === 2, "round 2's tuning again");
  const round = lastRound(ada);
  expect(round.round).toBe(2);
  expect(round.commitment).toBe(before.round.commitment);
  expect(round.a).toEqual(before.round.a);
  expect(round.fits.map((f) => f.validationError)).toEqual(before.round.fits.map((f) => f.validationError));
  expect(ada.room.state.deadline - rejoinedAt).toBeGreaterThan(55_000);
  expect(ada.room.state.lockedCount).toBe(2);

  cy.room.send("pick", { level: 9 });
  cy.room.send("lockIn", {});
  await inState(ada, (s) => s.phase === "reveal" && s.round === 2, "round 2's reveal");
  const reveal = await waitFor(() => messagesOf<RevealMessage>(ada, "reveal").at(-1), "the reveal message");
  for (const [seat, level] of [
    [ada, 4],
    [bo, 7],
    [cy, 9],
  ] as const) {
    await inState(seat, () => me(seat).revealedPick === level, `${seat.name}'s revealed pick`);
    expect(me(seat).roundPoints).toBe(await directPoints(reveal.opening!, level));
    expect(me(seat).points).toBe(before.points.get(seat.name)! + me(seat).roundPoints);
  }

  ada.room.send("next", {});
  await inState(ada, (s) => s.phase === "podium", "the podium");
  await waitFor(() => messagesOf(ada, "podium").length === 1, "the podium message");
  const store = await ResultsStore.open({ path: databasePath });
  const [match] = await store.matchesByCode(code);
  const rounds = await store.rounds(match.id);
  await store.close();
  expect(rounds.map((r) => r.round)).toEqual([1, 2]);
  expect(rounds[1].results.map((r) => [r.name, r.level, r.total])).toEqual(
    players.map((p) => [p.name, me(p).revealedPick, me(p).points]),
  );
  for (const seat of [...players, projector]) await seat.room.leave();
  await waitFor(() => !checkpointRow(databasePath, code), "the checkpoint removed once everyone left");
}

describe("restore after a restart", () => {
  it("SIGKILL mid-tuning: the players take their seats back and the match finishes with the same points", async () => {
    const databasePath = tempDatabasePath();
    const first = await start(databasePath);
    const lost = await matchInRoundTwo(first);
    const row = checkpointRow(databasePath, lost.code)!;
    const saved = JSON.parse(row.body);
    expect(saved).toMatchObject({ phase: "tuning", round: 2, version: 1 });
    expect(roomCheckpointSchema.safeParse(saved).success).toBe(true); // strict: no field beyond the schema's
    // Only what fixes the round with the secret: never B's seed, never a seat token itself.
    expect(row.body).not.toContain(roundKey(SECRET, saved.roundId).hidden);
    for (const token of lost.tokens) expect(row.body).not.toContain(token);
    expect(saved.players.map((p: { locked: boolean; pick: number }) => [p.locked, p.pick])).toEqual([
      [true, 4],
      [true, 7],
      [false, 2],
    ]);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    const killedAt = Date.now();
    const second = await start(databasePath);
    console.log(`restarted and listening ${Date.now() - killedAt} ms after the kill`);
    await comeBack(second, databasePath, lost);
  });

  it("SIGTERM mid-tuning: the clients are told, the process exits 0, and the match goes on in the next one", async () => {
    const databasePath = tempDatabasePath();
    const first = await start(databasePath);
    const lost = await matchInRoundTwo(first);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    for (const seat of [...lost.players, lost.projector]) {
      const told = await waitFor(() => messagesOf<ErrorMessage>(seat, "error").at(-1), "the restarting message");
      expect(told).toEqual({ code: "server-restarting" });
      await waitFor(() => seat.left === 4001, `${seat.name} closed with 4001`);
    }
    const second = await start(databasePath);
    await comeBack(second, databasePath, lost);
  });

  it("a room lost at its reveal shows that reveal again, with nothing scored or saved twice", async () => {
    const databasePath = tempDatabasePath();
    const first = await start(databasePath);
    const sdk = new Client(first.url);
    const ada = watch("Ada", await sdk.create<MatchState>(MATCH_ROOM, { name: "Ada" }));
    const code = ada.room.roomId;
    const bo = watch("Bo", await sdk.joinById<MatchState>(code, { name: "Bo" }));
    const tokens = [await tokenOf(ada), await tokenOf(bo)];
    ada.room.send("settings", { rounds: 1, speedBonus: true });
    ada.room.send("start", {});
    await inState(ada, (s) => s.phase === "tuning", "tuning");
    bo.room.send("pick", { level: 5 });
    bo.room.send("lockIn", {});
    await sleep(300);
    ada.room.send("pick", { level: 8 });
    ada.room.send("lockIn", {});
    await inState(bo, (s) => s.phase === "reveal" && me(bo).points > 0, "the reveal");
    await inState(ada, (s) => s.phase === "reveal" && me(ada).revealedPick === 8, "Ada's reveal");
    const shown = await waitFor(() => messagesOf<RevealMessage>(bo, "reveal")[0], "the reveal message");
    const points = [me(ada).points, me(bo).points];
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await start(databasePath);
    const sdk2 = new Client(second.url);
    const again = await Promise.all(
      tokens.map(async (seat, i) => watch(`#${i}`, await sdk2.joinById<MatchState>(code, { name: "x", seat }))),
    );
    await inState(again[1], (s) => s.phase === "reveal", "the reveal again");
    const reveal = await waitFor(() => messagesOf<RevealMessage>(again[1], "reveal")[0], "the reveal message");
    expect(reveal).toEqual(shown);
    expect(again.map((seat) => me(seat).points)).toEqual(points);
    expect(me(again[1]).revealedPick).toBe(5);
    expect(messagesOf<RoundMessage>(again[1], "round")[0].round).toBe(1); // its A, to draw the reveal on
    again[0].room.send("next", {});
    await inState(again[0], (s) => s.phase === "podium", "the podium");
    const store = await ResultsStore.open({ path: databasePath });
    const [match] = await store.matchesByCode(code);
    const rounds = await store.rounds(match.id);
    await store.close();
    expect(rounds).toHaveLength(1);
    expect(rounds[0].results.map((r) => r.total)).toEqual(points);
    expect(second.output()).not.toContain("round-not-saved");
  });

  it("the daily challenge and homework come back with their rounds", async () => {
    const databasePath = tempDatabasePath();
    const first = await start(databasePath);
    const sdk = new Client(first.url);
    const device = "device-of-hana-000001";
    // A teacher's assignment, over the real API.
    const api = (path: string, init: RequestInit = {}) => fetch(`${first.url}/api${path}`, init).then((r) => r.json());
    const { key } = await api("/teacher/keys", { method: "POST" });
    const assignment = await api("/teacher/assignments", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        title: "Restart",
        rounds: 1,
        kinds: ["shell", "galaxy"],
        difficulty: "normal",
        timeZone: "UTC",
        deadline: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    });
    const dee = watch("Dee", await sdk.create<MatchState>(DAILY_ROOM, { name: "Dee" }));
    const hana = watch(
      "Hana",
      await sdk.create<MatchState>(HOMEWORK_ROOM, { name: "Hana", assignment: assignment.id, device }),
    );
    const tokens = [await tokenOf(dee), await tokenOf(hana)];
    await inState(dee, (s) => s.phase === "tuning", "the daily's tuning");
    await inState(hana, (s) => s.phase === "tuning", "the homework's tuning");
    const before = [lastRound(dee), lastRound(hana)];
    dee.room.send("pick", { level: 6 });
    hana.room.send("pick", { level: 3 });
    await sleep(1300);
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await start(databasePath);
    const sdk2 = new Client(second.url);
    await expect(
      sdk2.joinById(hana.room.roomId, { name: "Hana", device: "device-of-someone-else", seat: tokens[1] }),
    ).rejects.toThrow(refusalMessage({ code: "homework-other-student" }));
    const dee2 = watch("Dee", await sdk2.joinById<MatchState>(dee.room.roomId, { name: "Dee", seat: tokens[0] }));
    const hana2 = watch(
      "Hana",
      await sdk2.joinById<MatchState>(hana.room.roomId, { name: "Hana", device, seat: tokens[1] }),
    );
    for (const [i, seat] of [dee2, hana2].entries()) {
      await inState(seat, (s) => s.phase === "tuning", "tuning again");
      expect(lastRound(seat).commitment).toBe(before[i].commitment);
      expect(lastRound(seat).a).toEqual(before[i].a);
      expect(messagesOf(seat, "restored")).toEqual([{ reason: "restart" }]);
    }
    expect([me(dee2).pick, me(hana2).pick]).toEqual([6, 3]);
    expect(messagesOf(hana2, "homework")).toHaveLength(1);
    dee2.room.send("lockIn", {});
    hana2.room.send("lockIn", {});
    await inState(dee2, (s) => s.phase === "reveal" && me(dee2).points > 0, "the daily's reveal");
    await inState(hana2, (s) => s.phase === "reveal" && me(hana2).points > 0, "the homework's reveal");

    // Their B is not published at the reveal (others play it later): scored here from the secret and the id.
    const daily = {
      ...roundKey(SECRET, dailyRoundId(utcDate(new Date()))),
      difficulty: "normal",
      kinds: [...SPIRAL_KINDS],
    };
    expect(me(dee2).points).toBe(await directPoints(daily as RoundOpening, 6));
    const db = new Database(databasePath, { readonly: true });
    const { roundIds } = db
      .prepare("SELECT round_ids AS roundIds FROM assignments WHERE id = ?")
      .get(assignment.id) as {
      roundIds: string;
    };
    const dailyScores = db.prepare("SELECT COUNT(*) AS n FROM daily_scores WHERE name = 'Dee'").get() as { n: number };
    db.close();
    const homework = { ...roundKey(SECRET, JSON.parse(roundIds)[0]), difficulty: "normal", kinds: ["shell", "galaxy"] };
    expect(me(hana2).points).toBe(await directPoints(homework as RoundOpening, 3));
    expect(dailyScores.n).toBe(1);
  });

  it("costs a 30-player room about 11 KB and a millisecond or less per checkpoint", async () => {
    const databasePath = tempDatabasePath();
    const server = await start(databasePath, { LOG_LEVEL: "info" }); // the room's cost is an info line
    const sdk = new Client(server.url);
    const device = (i: number) => `device-of-player-${String(i).padStart(4, "0")}`;
    const host = watch("Host", await sdk.create<MatchState>(MATCH_ROOM, { name: "Player 1", device: device(1) }));
    const code = host.room.roomId;
    const guests = await Promise.all(
      Array.from({ length: 29 }, async (_, i) =>
        watch(`P${i + 2}`, await sdk.joinById<MatchState>(code, { name: `Player ${i + 2}`, device: device(i + 2) })),
      ),
    );
    const everyone = [host, ...guests];
    await inState(host, (s) => s.players.size === 30, "30 players");
    host.room.send("settings", { rounds: 1, tuningSeconds: 60, speedBonus: true });
    host.room.send("start", {});
    await inState(host, (s) => s.phase === "tuning", "tuning");
    for (const [i, seat] of everyone.entries()) {
      seat.room.send("pick", { level: 1 + (i % 12) });
      seat.room.send("lockIn", {});
      await sleep(20); // lock-ins spread over a few batches
    }
    await inState(host, (s) => s.phase === "reveal", "the reveal");
    const bytes = Buffer.byteLength(checkpointRow(databasePath, code)!.body);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    const disposed = server
      .output()
      .split("\n")
      .filter((line) => line.includes('"room-disposed"') && line.includes(code))
      .map(
        (line) =>
          JSON.parse(line) as { checkpoints: { writes: number; maxBytes: number; totalMs: number; maxMs: number } },
      )[0];
    const { writes, maxBytes, totalMs, maxMs } = disposed.checkpoints;
    console.log(
      `checkpoint of a 30-player room at its reveal: ${bytes} bytes (largest ${maxBytes}); ` +
        `${writes} writes, ${(totalMs / writes).toFixed(3)} ms mean, ${maxMs.toFixed(3)} ms max (SQLite WAL, no fsync: it survives a kill)`,
    );
    expect(maxBytes).toBeLessThan(16_000);
    expect(totalMs / writes).toBeLessThan(5);
  });

  it("does not restore a room idle for longer than the limit, and deletes its checkpoint", async () => {
    const databasePath = tempDatabasePath();
    const first = await start(databasePath);
    const sdk = new Client(first.url);
    const ada = watch("Ada", await sdk.create<MatchState>(MATCH_ROOM, { name: "Ada" }));
    const token = await tokenOf(ada);
    const code = ada.room.roomId;
    await waitFor(() => checkpointRow(databasePath, code), "the lobby's checkpoint");
    first.child.kill("SIGKILL");
    await first.exited;
    const db = new Database(databasePath);
    const back = RESTORE_IDLE_LIMIT_MS + 60_000;
    db.prepare(
      "UPDATE room_checkpoints SET saved_at = saved_at - ?, body = json_set(body, '$.savedAt', json_extract(body, '$.savedAt') - ?)",
    ).run(back, back);
    db.close();

    const second = await start(databasePath);
    expect((await (await fetch(`${second.url}/healthz`)).json()).rooms).toBe(0);
    await expect(new Client(second.url).joinById(code, { name: "Ada", seat: token })).rejects.toThrow(/not found/);
    expect(checkpointRow(databasePath, code)).toBeUndefined();
  });
});
