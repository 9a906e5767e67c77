// A match room made with a teacher key, against a real server: unknown, revoked and malformed keys
// fail the create with a sentence (and make no room); a good key files the room's matches under
// the teacher, and the key itself reaches no client (no frame, no state) and no log line. A store
// that cannot be read fails the create (a teacher's room, a homework) with a sentence, logged.
import { refusalMessage } from "../../shared/refusals";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { ErrorCode, matchMaker } from "@colyseus/core";
import { MATCH_ROOM } from "../../shared/protocol";
import { log } from "../../server/log";
import { openHomework } from "../../server/homework-room";
import { teacherOf } from "../../server/room-teacher";
import { openDatabase } from "../../server/store/database";
import { TeacherStore } from "../../server/teacher-store";
import { capturingClient, createMatch, framesOf, inPhase, joinMatch } from "./players";
import { teacherHttp } from "./teacher-http";
import { useGameServer } from "./test-server";

let colyseus: ColyseusTestServer;
useGameServer((booted) => (colyseus = booted));
const http = teacherHttp(() => colyseus);

afterEach(() => vi.restoreAllMocks());

describe("a room made with a teacher key", () => {
  it("refuses an unknown, a revoked or a malformed key, and makes no room", async () => {
    const unknown = "tk-AAAAAAAAAAAAAAAAAAAAAAAA";
    await expect(colyseus.sdk.create(MATCH_ROOM, { name: "Ada", teacherKey: unknown })).rejects.toThrow(
      refusalMessage({ code: "teacher-key-unknown" }),
    );
    const key = await http.newKey();
    await http.revoke(key);
    await expect(colyseus.sdk.create(MATCH_ROOM, { name: "Ada", teacherKey: key })).rejects.toThrow(
      refusalMessage({ code: "teacher-key-revoked" }),
    );
    await expect(colyseus.sdk.create(MATCH_ROOM, { name: "Ada", teacherKey: "tk-short" })).rejects.toThrow(
      refusalMessage({ code: "teacher-key-malformed" }),
    );
    expect(await matchMaker.query({ name: MATCH_ROOM })).toHaveLength(0);
  });

  it("files its matches under the teacher, and the key goes nowhere else", async () => {
    const logged: unknown[] = [];
    for (const level of ["info", "warn", "error"] as const) {
      vi.spyOn(log, level).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
    const key = await http.newKey();
    const sdk = capturingClient(colyseus);
    const host = await createMatch(colyseus, { name: "Ms Rivera", teacherKey: key }, sdk);
    const student = await joinMatch(colyseus, host.room.state.code, { name: "Ada" }, sdk);
    host.room.send("settings", { rounds: 1, tuningSeconds: 10 });
    host.room.send("start", {});
    await Promise.all([host, student].map((p) => p.until(inPhase("tuning"), "tuning")));
    host.room.send("lockIn", {});
    student.room.send("lockIn", {});
    await Promise.all([host, student].map((p) => p.until(inPhase("reveal"), "the reveal")));

    const report = await http.report(key, `?match=${host.room.state.matchId}`);
    expect(report.rows.map((r) => r.name).sort()).toEqual(["Ada", "Ms Rivera"]);
    expect(report.rounds[0].curve).toHaveLength(12); // with the round's U-curve

    for (const player of [host, student]) {
      for (const frame of framesOf(player).frames) expect(Buffer.from(frame.bytes).includes(key)).toBe(false);
      expect(JSON.stringify(player.room.state.toJSON())).not.toContain(key);
    }
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain(key);
  });
});

describe("a store that cannot be read at create", () => {
  it("fails the room with a refusal code instead of the database's error, and logs it without the key", async () => {
    const gone = await openDatabase({ path: ":memory:" });
    await gone.close(); // as when PostgreSQL cannot be reached
    const teachers = new TeacherStore(gone);
    const errors = vi.spyOn(log, "error");
    const key = "tk-AAAAAAAAAAAAAAAAAAAAAAAA";
    await expect(teacherOf(teachers, key)).rejects.toMatchObject({
      code: ErrorCode.APPLICATION_ERROR,
      message: refusalMessage({ code: "teacher-keys-store-failed" }),
    });
    const homework = {
      name: "Ada",
      assignment: "3f2b8c1e-0000-4000-8000-000000000000",
      device: "ada-device-000000001",
    };
    await expect(openHomework(teachers, homework, new Date())).rejects.toMatchObject({
      code: ErrorCode.APPLICATION_ERROR,
      message: refusalMessage({ code: "homework-store-failed" }),
    });
    expect(errors.mock.calls.map(([event]) => event)).toEqual(["teacher-key-not-checked", "homework-not-read"]);
    expect(JSON.stringify(errors.mock.calls)).not.toContain(key);
    // A malformed key is refused before the store is asked.
    await expect(teacherOf(teachers, "tk-short")).rejects.toMatchObject({ code: ErrorCode.MATCHMAKE_INVALID_CRITERIA });
  });
});
