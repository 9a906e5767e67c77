// Homework against a real server and the teacher's real HTTP API: a student plays an assignment
// alone, leaves and resumes on the same device, a second attempt is practice, every student gets
// the same A and B, deadlines (given in other zones) close it to the millisecond, and B reaches
// no student before their own reveal. The server's clock is the test's.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { HOMEWORK_ROOM, type HomeworkMessage, type JoinOptions } from "../../shared/protocol";
import { bPatterns, findB, keysIn, roomData } from "./b-on-the-wire";
import { capturingClient, createMatch, framesOf, inPhase, type TestPlayer } from "./players";
import { teacherHttp } from "./teacher-http";
import { useGameServer } from "./test-server";
import { refusalOf } from "./refusals";
import { nameRefused, type Refusal } from "../../shared/refusals";

let clock = new Date("2026-01-15T12:00:00.000Z");
let colyseus: ColyseusTestServer;
useGameServer((booted) => (colyseus = booted), {
  now: () => clock,
  addressLimits: { roomsPerWindow: 1000, failedJoinsPerWindow: 1000 },
});
const http = teacherHttp(() => colyseus);

const DEADLINE = "2026-01-15T17:00:00-05:00"; // 22:00 UTC, 17:00 in New York (standard time)
const DEVICE = { ada: "device-of-ada-000001", bo: "device-of-bo-0000001", cy: "device-of-cy-0000001" };

/** A teacher's key and a fresh assignment (New York's deadline unless told). */
async function assignment(settings: object = {}) {
  const key = await http.newKey();
  const made = await http.newAssignment(key, { deadline: DEADLINE, timeZone: "America/New_York", ...settings });
  return { key, id: made.id };
}

const open = (options: JoinOptions, sdk = colyseus.sdk): Promise<TestPlayer> =>
  createMatch(colyseus, options, sdk, HOMEWORK_ROOM);

const homeworkOf = (player: TestPlayer): HomeworkMessage =>
  player.messages.find((m) => m.type === "homework")!.payload as HomeworkMessage;

const me = (player: TestPlayer) => player.room.state.players.get(player.room.sessionId)!;

/** Plays round `round` at `level`; resolves at its reveal, with the student's result. */
async function play(player: TestPlayer, round: number, level: number) {
  await player.until((s) => s.phase === "tuning" && s.round === round, `tuning round ${round}`);
  player.room.send("pick", { level });
  player.room.send("lockIn", {});
  await player.until((s) => s.phase === "reveal" && s.round === round, `the reveal of round ${round}`);
  await player.until(() => player.reveals.some((r) => r.round === round), "the reveal's rows");
  return player.reveals.find((r) => r.round === round)!.results[0];
}

describe("homework", () => {
  it("is played alone through the assignment's rounds, each stored for the teacher", async () => {
    const { key, id } = await assignment({ rounds: 2, kinds: ["galaxy", "shell"], difficulty: "hard" });
    const ada = await open({ name: "Ada", assignment: id, device: DEVICE.ada });
    const state = ada.room.state;
    expect(homeworkOf(ada)).toEqual({ title: "Spirals, week 2", counts: true, roundsDone: 0, rounds: 2 });
    expect([state.mode, state.rounds, state.tuningSeconds, state.difficulty]).toEqual(["homework", 2, 180, "hard"]);
    expect([...state.kinds]).toEqual(["shell", "galaxy"]);
    expect(ada.room.state.code).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);

    const first = await play(ada, 1, 3);
    ada.room.send("roomSettings", { visibility: "public" }); // a host control: homework has none
    expect(await ada.nextError()).toMatchObject({
      code: "not-allowed",
      params: { reason: "no-host-controls", mode: "homework" },
    });
    // The opening (which fixes B) waits for the deadline: other students have yet to play this B.
    expect(ada.reveals[0].opening).toBeUndefined();
    expect(ada.reveals[0].openingAfter).toBe("2026-01-15T22:00:00.000Z");
    ada.room.send("next", {});
    const second = await play(ada, 2, 8);
    ada.room.send("next", {});
    await ada.until(inPhase("podium"), "the podium");
    expect(me(ada).points).toBe(first.points + second.points);

    const report = await http.report(key, `?assignment=${id}`);
    expect(report.rows.map((r) => [r.name, r.round, r.level, r.points])).toEqual([
      ["Ada", 1, 3, first.points],
      ["Ada", 2, 8, second.points],
    ]);
    expect(report.rows.map((r) => r.hiddenError)).toEqual([first.hiddenError, second.hiddenError]);
    expect(report.rows[0].trainError).toBe(ada.rounds[0].fits[2].trainError);
    expect(report.rounds.map((r) => r.curve.length)).toEqual([12, 12]);
    expect(report.rounds[1].curve[7].hiddenError).toBe(second.hiddenError);
  });

  it("resumes on the same device at the next round, with the same total; another device starts afresh", async () => {
    const { key, id } = await assignment({ rounds: 3 });
    const bo = await open({ name: "Bo", assignment: id, device: DEVICE.bo });
    const first = await play(bo, 1, 4);
    await bo.room.leave(); // the tab closes during the reveal: round 1 is already stored

    const back = await open({ name: "Bo", assignment: id, device: DEVICE.bo });
    expect(homeworkOf(back)).toEqual({ title: "Spirals, week 2", counts: true, roundsDone: 1, rounds: 3 });
    expect(me(back).points).toBe(first.points);
    await back.until((s) => s.phase === "tuning", "tuning");
    expect([back.room.state.round, back.rounds[0].round]).toEqual([2, 2]);
    // Mid-round, a leave loses only the unscored round: it comes back the same (same A).
    const roundTwoA = back.rounds[0].a;
    await back.room.leave();
    const again = await open({ name: "Bo", assignment: id, device: DEVICE.bo });
    expect(homeworkOf(again).roundsDone).toBe(1);
    const second = await play(again, 2, 6);
    expect(again.rounds[0].a).toEqual(roundTwoA);
    again.room.send("next", {});
    const third = await play(again, 3, 9);
    expect(me(again).points).toBe(first.points + second.points + third.points);

    const elsewhere = await open({ name: "Bo", assignment: id, device: "another-device-0001" });
    expect(homeworkOf(elsewhere)).toMatchObject({ counts: true, roundsDone: 0 });
    expect(me(elsewhere).points).toBe(0);
    await elsewhere.room.leave();

    const report = await http.report(key, `?assignment=${id}`);
    expect(report.rows.map((r) => [r.name, r.round, r.level])).toEqual([
      ["Bo", 1, 4],
      ["Bo", 2, 6],
      ["Bo", 3, 9],
    ]);
  });

  it("makes a second complete attempt practice: it plays, and the report does not change", async () => {
    const { key, id } = await assignment({ rounds: 1 });
    const cy = await open({ name: "Cy", assignment: id, device: DEVICE.cy });
    await play(cy, 1, 5);
    cy.room.send("next", {});
    await cy.until(inPhase("podium"), "the podium");
    const counted = await http.report(key, `?assignment=${id}`);
    expect(counted.rows.map((r) => [r.name, r.level])).toEqual([["Cy", 5]]);

    const practice = await open({ name: "Cy", assignment: id, device: DEVICE.cy });
    expect(homeworkOf(practice)).toEqual({ title: "Spirals, week 2", counts: false, roundsDone: 0, rounds: 1 });
    await play(practice, 1, 11);
    practice.room.send("next", {});
    await practice.until(inPhase("podium"), "the podium");
    expect(await http.report(key, `?assignment=${id}`)).toEqual(counted);
    // The same B as the counted attempt: the practice replays the very round.
    expect(practice.reveals[0].b).toEqual(cy.reveals[0].b);
  });

  it("gives every student the same A and B", async () => {
    const { id } = await assignment({ rounds: 1 });
    const ada = await open({ name: "Ada", assignment: id, device: DEVICE.ada });
    const bo = await open({ name: "Bo", assignment: id, device: DEVICE.bo });
    expect(ada.room.state.code).not.toBe(bo.room.state.code); // a room each
    await Promise.all([play(ada, 1, 2), play(bo, 1, 10)]);
    expect(bo.rounds[0].a.x).toEqual(ada.rounds[0].a.x);
    expect(bo.rounds[0].a.y).toEqual(ada.rounds[0].a.y);
    expect(bo.rounds[0].commitment).toBe(ada.rounds[0].commitment);
    expect(bo.reveals[0].b).toEqual(ada.reveals[0].b);
    // And another assignment plays other rounds.
    const other = await assignment({ rounds: 1 });
    const cy = await open({ name: "Cy", assignment: other.id, device: DEVICE.cy });
    await cy.until(inPhase("tuning"), "tuning");
    expect(cy.rounds[0].commitment).not.toBe(ada.rounds[0].commitment);
  });

  it("closes at the deadline to the millisecond, says when in the teacher's zone, and stores no late round", async () => {
    const { key, id } = await assignment({ rounds: 1 });
    clock = new Date("2026-01-15T21:59:59.999Z");
    const late = await open({ name: "Ada", assignment: id, device: DEVICE.ada });
    await late.until(inPhase("tuning"), "tuning");
    clock = new Date("2026-01-15T22:00:00.000Z");
    // The client words it in the teacher's zone: "This homework closed on 15 Jan 2026, 17:00 America/New_York time (…)".
    expect(
      await refusalOf(colyseus.sdk.create(HOMEWORK_ROOM, { name: "Bo", assignment: id, device: DEVICE.bo })),
    ).toEqual({ code: "homework-closed", params: { deadline: "2026-01-15T22:00:00.000Z", zone: "America/New_York" } });
    // The round begun in time but scored after the deadline is revealed, not stored.
    await play(late, 1, 6);
    expect((await http.report(key, `?assignment=${id}`)).rows).toEqual([]);
    // A deadline given with another offset, where the date differs from UTC's.
    clock = new Date("2026-01-15T12:00:00.000Z");
    const kiritimati = await assignment({ deadline: "2026-01-16T10:00:00+14:00", timeZone: "Pacific/Kiritimati" });
    clock = new Date("2026-01-15T19:59:59.999Z");
    await (await open({ name: "Cy", assignment: kiritimati.id, device: DEVICE.cy })).room.leave();
    clock = new Date("2026-01-15T20:00:00.000Z");
    expect(
      await refusalOf(colyseus.sdk.create(HOMEWORK_ROOM, { name: "Cy", assignment: kiritimati.id, device: DEVICE.cy })),
    ).toEqual({
      code: "homework-closed",
      params: { deadline: "2026-01-15T20:00:00.000Z", zone: "Pacific/Kiritimati" },
    });
    clock = new Date("2026-01-15T12:00:00.000Z");
  });

  it("refuses an unknown homework, a missing device and names the assignment does not take", async () => {
    const { key, id } = await assignment({ rounds: 1, friendlyNames: true });
    const refused: [object, Refusal][] = [
      [{ name: "Ada", assignment: crypto.randomUUID(), device: DEVICE.ada }, { code: "homework-not-found" }],
      [{ name: "Ada", assignment: "not-a-uuid", device: DEVICE.ada }, { code: "homework-not-found" }],
      [{ name: "Curious Nautilus", assignment: id }, { code: "no-device-id" }],
      [{ name: "Curious Nautilus", assignment: id, device: "short" }, { code: "no-device-id" }],
      [{ name: "Ada", assignment: id, device: DEVICE.ada }, nameRefused("name-generated-only")],
    ];
    for (const [options, refusal] of refused) {
      expect(await refusalOf(colyseus.sdk.create(HOMEWORK_ROOM, options)), JSON.stringify(options)).toEqual(refusal);
    }
    const typed = await assignment({ rounds: 1 });
    expect(
      await refusalOf(colyseus.sdk.create(HOMEWORK_ROOM, { name: "b1tch", assignment: typed.id, device: DEVICE.ada })),
    ).toEqual(nameRefused("name-not-allowed"));
    // Nothing was started by a refusal; a generated name is taken.
    const nautilus = await open({ name: "Curious Nautilus", assignment: id, device: DEVICE.ada });
    expect(homeworkOf(nautilus)).toMatchObject({ counts: true, roundsDone: 0 });
    await play(nautilus, 1, 3);
    expect((await http.report(key, `?assignment=${id}`)).rows.map((r) => r.name)).toEqual(["Curious Nautilus"]);
    // Nobody else gets into a student's room.
    await expect(colyseus.sdk.joinById(nautilus.room.state.code, { name: "Eve", spectator: true })).rejects.toThrow();
  });

  it("sends the student no byte of B before their own reveal", async () => {
    const { id } = await assignment({ rounds: 1 });
    const ada = await open({ name: "Ada", assignment: id, device: DEVICE.ada }, capturingClient(colyseus));
    await ada.until(inPhase("tuning"), "tuning");
    // B as the server holds it (the reveal publishes no opening to rebuild it from before the deadline).
    const server = colyseus.getRoomById(ada.room.state.code) as unknown as {
      rounds: { current: { round: { b: { points: { x: number[]; y: number[] } } } } };
    };
    const b = server.rounds.current.round.b.points;
    ada.room.send("pick", { level: 7 });
    ada.room.send("lockIn", {});
    await ada.until(inPhase("reveal"), "the reveal");

    const { frames } = framesOf(ada);
    const reveal = frames.findIndex((f) => roomData(f)?.type === "reveal");
    expect(reveal).toBeGreaterThan(0);
    const patterns = bPatterns(b);
    const before = frames.slice(0, reveal);
    expect(before.map((f) => findB(patterns, f.bytes)).flat()).toEqual([]);
    expect(findB(patterns, frames[reveal].bytes)).toContain("msgpack int (x10^4) of B.x (raw)"); // the detector works
    const messages = before.map(roomData).filter((m) => m !== undefined);
    expect([...new Set(messages.map((m) => m.type))].sort()).toEqual(["clock", "homework", "round", "seat"]);
    for (const m of messages)
      expect([...keysIn(m.payload)].filter((k) => ["hidden", "b", "opening"].includes(k))).toEqual([]);
  });
});
