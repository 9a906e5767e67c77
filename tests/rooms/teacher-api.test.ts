// The teacher's HTTP API against the real server: keys (made, checked, revoked), the overview and
// the class report of a real match and of homework, assignments with deadlines given in other
// time zones, the public assignment page, and every bad input refused with a code (worded by the
// page's describeProblem as the sentences these tests read).
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { parse } from "csv-parse/sync";
import { ResultsStore } from "../../server/results-store";
import { MatchRecords } from "../../server/match-records";
import { TeacherStore, type Attempt } from "../../server/teacher-store";
import { TEACHER_KEYS_PER_HOUR, teacherApiRouter } from "../../server/teacher-api";
import { log } from "../../server/log";
import { openDatabase } from "../../server/store/database";
import { roundKey } from "../../server/round-secret";
import { REPORT_CSV_COLUMNS } from "../../shared/class-report";
import { parseReplayToken, replayPath } from "../../shared/round-key";
import { pointsSum } from "../../shared/scoring";
import {
  ASSIGNMENTS_PER_KEY,
  assignmentSettingsSchema,
  TEACHER_KEY_PATTERN,
  fitLabel,
  type AssignmentPublic,
  type AssignmentSummary,
  type ClassReport,
  type TeacherOverview,
} from "../../shared/teacher";
import { describeProblem } from "../../client/i18n/problem-text";
import type { Problem } from "../../shared/problems";
import { createMatch, inPhase, joinMatch } from "./players";
import { useGameServer } from "./test-server";

const databasePath = join(mkdtempSync(join(tmpdir(), "teacher-api-")), "results.sqlite");
const roundSecret = "teacher-api-test-secret-0123456789";
let clock = new Date("2026-03-10T12:00:00.000Z");
let colyseus: ColyseusTestServer;
useGameServer((booted) => (colyseus = booted), { databasePath, roundSecret, now: () => clock });

// A second connection to the server's file, to look at what it stored (and to store rounds as a room does).
let results: ResultsStore;
let teachers: TeacherStore;
beforeAll(async () => {
  results = await ResultsStore.open({ path: databasePath });
  teachers = new TeacherStore(results.database);
});
afterAll(() => results.close());

/** A reply; a refusal's body is `{ error: "<code>", params? }`, and `words` is it as the page words it. */
interface Reply<T = Problem> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  words?: string;
}

async function api<T = Problem>(
  method: string,
  path: string,
  options: { key?: string; authorization?: string; body?: unknown; raw?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.authorization) headers.authorization = options.authorization;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] = "application/json";
  const port = (colyseus.server as unknown as { port: number }).port;
  const response = await fetch(`http://127.0.0.1:${port}/api${path}`, { method, headers, body });
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : undefined;
  const words = json?.error ? describeProblem(json as Problem) : undefined;
  return { status: response.status, headers: response.headers, body: json, text, words };
}

/** Keys made over HTTP in this file (the per-address limit counts them all; the last test uses the rest). */
let keysMade = 0;
async function newKey(): Promise<string> {
  const reply = await api<{ key: string }>("POST", "/teacher/keys");
  expect(reply.status).toBe(201);
  keysMade += 1;
  return reply.body.key;
}

/** What the file knows a key by: its SHA-256, in hex. */
const teacherIdOf = (key: string) => createHash("sha256").update(key).digest("hex");

const settings = (deadline: string, more: object = {}) => ({
  title: "Spirals, week 2",
  rounds: 2,
  kinds: ["galaxy", "shell"],
  difficulty: "hard",
  deadline,
  timeZone: "Pacific/Honolulu",
  ...more,
});

describe("teacher keys", () => {
  it("makes a key that opens the teacher's overview; the file keeps only its SHA-256", async () => {
    const key = await newKey();
    expect(key).toMatch(TEACHER_KEY_PATTERN);
    const overview = await api<TeacherOverview>("GET", "/teacher", { key });
    expect(overview.status).toBe(200);
    expect(overview.headers.get("cache-control")).toBe("no-store");
    expect(overview.body).toEqual({ createdAt: expect.any(String), matches: [], assignments: [] });
    expect(await teachers.checkKey(key)).toEqual({ ok: true, teacherId: teacherIdOf(key) });
    // The key is in no file beside the database (the file, its WAL).
    const dir = join(databasePath, "..");
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes(key), file).toBe(false);
  });

  it("refuses a missing or malformed header (401), an unknown key (403), a revoked one (403) and then changes nothing", async () => {
    const key = await newKey();
    for (const authorization of [undefined, "Bearer", "Bearer tk-short", `Basic ${key}`, `Bearer ${key}x`]) {
      const reply = await api("GET", "/teacher", { authorization });
      expect(reply.status, authorization).toBe(401);
      expect(reply.body.error).toBe("teacher-key-missing");
      expect(reply.words).toMatch(/Authorization: Bearer/);
      expect(reply.headers.get("www-authenticate")).toBe("Bearer");
    }
    // In the URL it is not read (URLs get logged).
    expect((await api("GET", `/teacher?key=${key}`)).status).toBe(401);
    const unknown = await api("GET", "/teacher", { key: "tk-AAAAAAAAAAAAAAAAAAAAAAAA" });
    expect(unknown).toMatchObject({ status: 403, body: { error: "teacher-key-unknown" } });
    expect(unknown.words).toMatch(/^This teacher key is not known/);

    expect((await api("POST", "/teacher/assignments", { key, body: settings("2026-03-11T00:00:00Z") })).status).toBe(
      201,
    );
    expect(await api("DELETE", "/teacher", { key })).toMatchObject({ status: 200, body: { revoked: true } });
    const revoked = /^This teacher key was revoked/;
    for (const [method, path] of [
      ["GET", "/teacher"],
      ["GET", "/teacher/report"],
      ["GET", "/teacher/report.csv"],
      ["DELETE", "/teacher"],
    ]) {
      const reply = await api(method, path, { key });
      expect(reply.status, path).toBe(403);
      expect(reply.body.error).toBe("teacher-key-revoked");
      expect(reply.words).toMatch(revoked);
    }
    const late = await api("POST", "/teacher/assignments", { key, body: settings("2026-03-11T00:00:00Z") });
    expect(late).toMatchObject({ status: 403, body: { error: "teacher-key-revoked" } });
    expect(late.words).toMatch(revoked);
    expect(await teachers.assignmentCount(teacherIdOf(key))).toBe(1);
  });
});

describe("assignments", () => {
  it("takes a deadline given in another zone up to the minute, and keeps it as a UTC instant", async () => {
    const key = await newKey();
    // 12:00 UTC is 02:00 in Honolulu (-10:00): a minute ahead is taken, a minute ago and now are not.
    const ahead = await api<AssignmentSummary>("POST", "/teacher/assignments", {
      key,
      body: settings("2026-03-10T02:01:00-10:00"),
    });
    expect(ahead.status).toBe(201);
    expect(ahead.body).toEqual({
      id: expect.any(String),
      title: "Spirals, week 2",
      rounds: 2,
      kinds: ["galaxy", "shell"],
      difficulty: "hard",
      deadline: "2026-03-10T12:01:00.000Z",
      timeZone: "Pacific/Honolulu",
      friendlyNames: false,
      createdAt: clock.toISOString(),
      link: `/homework/${ahead.body.id}`,
      students: 0,
      finished: 0,
    });
    for (const deadline of ["2026-03-10T01:59:00-10:00", "2026-03-10T02:00:00-10:00"]) {
      const past = await api("POST", "/teacher/assignments", { key, body: settings(deadline) });
      expect(past.status, deadline).toBe(400);
      expect(past.body).toMatchObject({ error: "deadline-passed", params: { deadline: expect.any(String) } });
      expect(past.words).toMatch(/^deadline: .* has already passed/);
    }
    // Written in Tokyo's offset, shown in New York: the instant is what counts.
    const tokyo = await api<AssignmentSummary>("POST", "/teacher/assignments", {
      key,
      body: settings("2026-03-11T09:00:00+09:00", { timeZone: "America/New_York", friendlyNames: true }),
    });
    expect(tokyo.body).toMatchObject({
      deadline: "2026-03-11T00:00:00.000Z",
      timeZone: "America/New_York",
      friendlyNames: true,
    });
    // ASSIGNMENT_MAX_DAYS (90) ahead is the last moment taken.
    const last = await api<AssignmentSummary>("POST", "/teacher/assignments", {
      key,
      body: settings("2026-06-08T02:00:00-10:00"),
    });
    expect(last.status).toBe(201);
    const far = await api("POST", "/teacher/assignments", { key, body: settings("2026-06-08T02:01:00-10:00") });
    expect(far).toMatchObject({ status: 400, body: { error: "deadline-too-far", params: { maxDays: 90 } } });
    expect(far.words).toMatch(/more than 90 days ahead/);

    const overview = await api<TeacherOverview>("GET", "/teacher", { key });
    expect(overview.body.assignments.map((a) => a.id).sort()).toEqual(
      [ahead.body.id, tokyo.body.id, last.body.id].sort(),
    );
  });

  it("shows anyone with the link the assignment, and each round's replay only once it closed", async () => {
    const key = await newKey();
    const made = await api<AssignmentSummary>("POST", "/teacher/assignments", {
      key,
      body: settings("2026-03-10T13:00:00Z"),
    });
    const open = await api<AssignmentPublic>("GET", `/assignments/${made.body.id}`);
    expect(open.status).toBe(200);
    expect(open.body).toEqual({
      id: made.body.id,
      title: "Spirals, week 2",
      rounds: 2,
      kinds: ["galaxy", "shell"],
      difficulty: "hard",
      deadline: "2026-03-10T13:00:00.000Z",
      timeZone: "Pacific/Honolulu",
      friendlyNames: false,
      closed: false,
    });
    const { roundIds } = (await teachers.assignment(made.body.id))!;
    expect(open.text).not.toContain(roundIds[0]); // the rounds' ids stay secret until the deadline

    const before = clock;
    clock = new Date("2026-03-10T13:00:00Z");
    try {
      const closed = await api<AssignmentPublic>("GET", `/assignments/${made.body.id}`);
      expect(closed.body.closed).toBe(true);
      expect(closed.body.reveals).toEqual(
        roundIds.map((id, i) => ({
          round: i + 1,
          replay: replayPath({ ...roundKey(roundSecret, id), difficulty: "hard", kinds: ["shell", "galaxy"] }),
        })),
      );
      const opening = parseReplayToken(decodeURIComponent(closed.body.reveals![1].replay.split("=")[1]))!;
      expect(opening).toMatchObject({ id: roundIds[1], difficulty: "hard", kinds: ["shell", "galaxy"] });
    } finally {
      clock = before;
    }
  });

  it("refuses forged ids, malformed settings, bad JSON and big bodies with a code, and stores nothing", async () => {
    const key = await newKey();
    const malformed = await api("GET", "/assignments/not-a-uuid");
    expect(malformed).toMatchObject({ status: 400, body: { error: "assignment-link-format" } });
    expect(malformed.words).toMatch(/UUID/);
    const forged = await api("GET", "/assignments/3f2b8c1e-0000-4000-8000-000000000000");
    expect(forged).toMatchObject({ status: 404, body: { error: "assignment-unknown" } });
    expect(forged.words).toMatch(/^No homework has that link/);

    const good = settings("2026-03-11T00:00:00Z");
    const bad: [object, RegExp][] = [
      [{ ...good, rounds: 0 }, /^rounds: /],
      [{ ...good, rounds: "3" }, /^rounds: /],
      [{ ...good, kinds: ["dragon"] }, /^kinds\.0: /],
      [{ ...good, kinds: ["shell", "shell"] }, /^kinds: each kind once/],
      [{ ...good, difficulty: "extreme" }, /^difficulty: /],
      [{ ...good, deadline: "tomorrow" }, /^deadline: /],
      [{ ...good, deadline: "2026-03-11T00:00:00" }, /^deadline: /], // no offset: which zone?
      [{ ...good, timeZone: "Mars/Olympus_Mons" }, /^timeZone: not a time zone/],
      [{ ...good, title: "<script>alert(1)</script>" }, /^title: /],
      [{ ...good, title: "x".repeat(61) }, /^title: a title has at most 60 characters/],
      [{ ...good, teacherId: "someone else" }, /^settings: .*teacherId/],
      [[good], /^settings: /],
    ];
    for (const [body, error] of bad) {
      const reply = await api("POST", "/teacher/assignments", { key, body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error, JSON.stringify(body)).toBe("invalid-settings");
      expect(reply.words, JSON.stringify(body)).toMatch(error);
    }
    const notJson = await api("POST", "/teacher/assignments", { key, raw: "{ not json" });
    expect(notJson).toMatchObject({ status: 400, body: { error: "body-not-json" } });
    expect(notJson.words).toBe("The request body is not valid JSON.");
    const big = await api("POST", "/teacher/assignments", { key, body: { ...good, title: "x".repeat(5000) } });
    expect(big).toMatchObject({ status: 413, body: { error: "body-too-large", params: { maxKb: 4 } } });
    expect(big.words).toBe("A request body is at most 4 KB.");
    expect(await teachers.assignmentCount(teacherIdOf(key))).toBe(0);
  });

  it(`makes at most ${ASSIGNMENTS_PER_KEY} assignments per key`, async () => {
    const key = await newKey();
    const teacherId = teacherIdOf(key);
    const ahead = assignmentSettingsSchema.parse(settings("2026-03-11T00:00:00Z"));
    for (let i = 0; i < ASSIGNMENTS_PER_KEY; i++) await teachers.createAssignment(teacherId, ahead, clock);
    const over = await api("POST", "/teacher/assignments", { key, body: settings("2026-03-11T00:00:00Z") });
    expect(over).toMatchObject({ status: 429, body: { error: "assignments-too-many", params: { max: 200 } } });
    expect(over.words).toMatch(/at most 200 assignments/);
    expect(await teachers.assignmentCount(teacherId)).toBe(ASSIGNMENTS_PER_KEY);
    // Another key is not held back by this one's count.
    const other = await api("POST", "/teacher/assignments", {
      key: await newKey(),
      body: settings("2026-03-11T00:00:00Z"),
    });
    expect(other.status).toBe(201);
  });
});

/** A U-curve as a room stores it: errors that say their level. */
const curve = Array.from({ length: 12 }, (_, i) => ({
  level: i + 1,
  trainError: 1 / (i + 1),
  validationError: 0.01 * Math.abs(i - 4) + 0.02,
  hiddenError: 0.01 * Math.abs(i - 5) + 0.03,
}));
const row = (sessionId: string, name: string, seat: number, level: number, points: number, total = points) => ({
  sessionId,
  name,
  seat,
  level,
  hiddenError: curve[level - 1].hiddenError,
  points,
  speedBonus: 0,
  sum: pointsSum(curve[level - 1].hiddenError, curve[5].hiddenError), // level 6 is the best
  total,
});
const opening = (id: string) => ({
  ...roundKey(roundSecret, id),
  difficulty: "normal" as const,
  kinds: ["shell" as const],
});

describe("the class report", () => {
  it("reports a real match played with the key: each student's pick per round, labelled, as JSON and CSV", async () => {
    const key = await newKey();
    const host = await createMatch(colyseus, { name: "Ada", teacherKey: key });
    const code = host.room.state.code;
    const players = [
      host,
      await joinMatch(colyseus, code, { name: "Bo" }),
      await joinMatch(colyseus, code, { name: "Cy" }),
    ];
    await createMatch(colyseus, { name: "Other" }); // a room without the key: not this teacher's
    host.room.send("settings", { rounds: 2, tuningSeconds: 10 });
    await host.until((s) => s.rounds === 2, "the settings");
    host.room.send("start", {});
    for (const [r, levels] of [
      [2, 5, 9],
      [12, 3, 3],
    ].entries()) {
      await Promise.all(players.map((p) => p.until((s) => s.phase === "tuning" && s.round === r + 1, "tuning")));
      players.forEach((p, i) => p.room.send("pick", { level: levels[i] }));
      players.forEach((p) => p.room.send("lockIn", {}));
      await Promise.all(players.map((p) => p.until(inPhase("reveal"), "the reveal")));
      await host.until(() => host.reveals.length === r + 1, "the reveal's rows");
      host.room.send("next", {});
    }
    await host.until(inPhase("podium"), "the podium");
    const matchId = host.room.state.matchId;

    const overview = await api<TeacherOverview>("GET", "/teacher", { key });
    expect(overview.body.matches).toEqual([
      {
        id: matchId,
        code,
        startedAt: expect.any(String),
        finishedAt: expect.any(String),
        rounds: 2,
        played: 2,
        players: 3,
      },
    ]);

    const report = await api<ClassReport>("GET", `/teacher/report?match=${matchId}`, { key });
    expect(report.status).toBe(200);
    expect(report.body.sources).toEqual([
      {
        id: matchId,
        kind: "match",
        label: expect.stringMatching(`^Room ${code}, `),
        code,
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(report.body.students).toBe(3);
    const expected = host.reveals.flatMap((reveal) =>
      [...reveal.results]
        .sort((a, b) => ["Ada", "Bo", "Cy"].indexOf(a.name) - ["Ada", "Bo", "Cy"].indexOf(b.name)) // by seat
        .map((x) => {
          const hidden = reveal.hidden.find((h) => h.level === x.level)!;
          return {
            source: matchId,
            name: x.name,
            round: reveal.round,
            level: x.level,
            bestLevel: reveal.bestLevel,
            trainError: host.rounds[reveal.round - 1].fits.find((f) => f.level === x.level)!.trainError,
            validationError: hidden.validationError,
            hiddenError: x.hiddenError,
            points: x.points,
            label: fitLabel(x.level, reveal.bestLevel),
          };
        }),
    );
    expect(report.body.rows).toEqual(expected);
    expect(
      report.body.rounds.map((r) => [r.round, r.bestLevel, r.picks.reduce((a, b) => a + b), r.curve.length]),
    ).toEqual([
      [1, host.reveals[0].bestLevel, 3, 12],
      [2, host.reveals[1].bestLevel, 3, 12],
    ]);

    const csv = await api("GET", `/teacher/report.csv?match=${matchId}`, { key });
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="?shell-and-galaxy-report-/);
    const lines = parse(csv.text, { columns: true, cast: true }) as Record<string, string | number>[];
    expect(Object.keys(lines[0])).toEqual(REPORT_CSV_COLUMNS);
    expect(lines.map((l) => [l.name, l.round, l.level, l.best_level, l.hidden_error, l.points, l.label])).toEqual(
      expected.map((e) => [e.name, e.round, e.level, e.bestLevel, e.hiddenError, e.points, e.label]),
    );

    // Another key sees none of it.
    const other = await newKey();
    const elsewhere = await api("GET", `/teacher/report?match=${matchId}`, { key: other });
    expect(elsewhere).toMatchObject({ status: 404, body: { error: "report-match-unknown" } });
    expect(elsewhere.words).toBe("No match made with this teacher key has that id.");
    expect((await api<ClassReport>("GET", "/teacher/report", { key: other })).body.rows).toEqual([]);
  });

  it("reports homework's counted attempts only, and resumes an open attempt where it stopped", async () => {
    const key = await newKey();
    const teacherId = teacherIdOf(key);
    const records = new MatchRecords(results, "test");
    records.start("ABCDE", 1, 30, { teacherId });
    await records.saveRound(1, opening("m-1"), 5, [row("s1", "Ada", 0, 3, 600), row("s2", "Bo", 1, 5, 1000)], curve);
    await records.finish("Bo");
    const matchId = records.match!.id;

    const made = await api<AssignmentSummary>("POST", "/teacher/assignments", {
      key,
      body: settings("2026-03-11T00:00:00Z"),
    });
    const assignment = (await teachers.assignment(made.body.id))!;
    const play = async (attempt: Attempt, round: number, name: string, level: number) => {
      records.startAttempt(attempt, assignment);
      await records.saveRound(
        round,
        opening(assignment.roundIds[round - 1]),
        6,
        [row("x", name, 0, level, 100 * level)],
        curve,
      );
    };
    const zoeDevice = "zoe-device-000000001";
    const zoe = await teachers.resumeAttempt(assignment.id, zoeDevice, "Zoe", clock);
    expect(zoe).toEqual({ id: expect.any(String), counts: true, roundsDone: 0, total: 0 });
    await play(zoe, 1, "Zoe", 6);
    await play(zoe, 2, "Zoe", 7);
    await records.finish("Zoe");
    // Done: the next attempt of Zoe on that device is practice; under another name, or elsewhere, it counts.
    const practice = await teachers.resumeAttempt(assignment.id, zoeDevice, "Zoe", clock);
    expect(practice).toMatchObject({ counts: false, roundsDone: 0 });
    await play(practice, 1, "Zoe", 12);
    expect((await teachers.resumeAttempt(assignment.id, zoeDevice, "Zoé", clock)).counts).toBe(true);
    const ann = await teachers.resumeAttempt(assignment.id, "ann-device-000000001", "Ann", clock);
    await play(ann, 1, "Ann", 2);
    // Ann left after round 1: she comes back to the same attempt, at round 2 with her points.
    expect(await teachers.resumeAttempt(assignment.id, "ann-device-000000001", "Ann", clock)).toEqual({
      id: ann.id,
      counts: true,
      roundsDone: 1,
      total: 200,
    });
    // An attempt is stored under the device's hash, and is no public match (its openings hold B).
    const stored = await results.database.db
      .selectFrom("matches")
      .select(["device", "student", "counts"])
      .where("id", "=", ann.id)
      .executeTakeFirst();
    expect(stored).toEqual({
      device: createHash("sha256").update("ann-device-000000001").digest("hex"),
      student: "Ann",
      counts: 1,
    });
    expect(await results.match(ann.id)).toBeUndefined();
    expect((await api("GET", `/matches/${ann.id}`)).status).toBe(404);

    const homework = await api<ClassReport>("GET", `/teacher/report?assignment=${assignment.id}`, { key });
    expect(homework.body.title).toBe("Spirals, week 2");
    expect(homework.body.sources).toEqual([{ id: assignment.id, kind: "homework", label: "Spirals, week 2" }]);
    expect(homework.body.rows.map((r) => [r.name, r.round, r.level, r.label, r.points])).toEqual([
      ["Zoe", 1, 6, "on-target", 600],
      ["Ann", 1, 2, "underfit", 200],
      ["Zoe", 2, 7, "overfit", 700],
    ]);
    expect(homework.body.rows[0]).toMatchObject({
      trainError: curve[5].trainError,
      validationError: curve[5].validationError,
    });
    expect(homework.body.rounds[0].picks.slice(0, 7)).toEqual([0, 1, 0, 0, 0, 1, 0]); // the practice pick (12) is not there
    expect(homework.body.students).toBe(2);

    const csv = await api("GET", `/teacher/report.csv?assignment=${assignment.id}`, { key });
    const lines = parse(csv.text, { columns: true, cast: true }) as Record<string, string | number>[];
    expect(lines.map((l) => [l.source, l.kind, l.label_of_source, l.name, l.round, l.train_error])).toEqual([
      [assignment.id, "homework", "Spirals, week 2", "Zoe", 1, curve[5].trainError],
      [assignment.id, "homework", "Spirals, week 2", "Ann", 1, curve[1].trainError],
      [assignment.id, "homework", "Spirals, week 2", "Zoe", 2, curve[6].trainError],
    ]);

    const everything = await api<ClassReport>("GET", "/teacher/report", { key });
    expect(everything.body.sources.map((s) => s.id).sort()).toEqual([matchId, assignment.id].sort());
    expect(everything.body.rows).toHaveLength(5);
    expect(everything.body.students).toBe(4);

    const overview = await api<TeacherOverview>("GET", "/teacher", { key });
    expect(overview.body.matches.map((m) => m.id)).toEqual([matchId]); // attempts are not matches here
    expect(overview.body.assignments).toEqual([{ ...made.body, students: 3, finished: 1 }]); // Zoe, Zoé, Ann
  });

  it("refuses malformed, unknown and other keys' ids", async () => {
    const key = await newKey();
    const other = await newKey();
    const made = await api<AssignmentSummary>("POST", "/teacher/assignments", {
      key: other,
      body: settings("2026-03-11T00:00:00Z"),
    });
    const unknown = "3f2b8c1e-0000-4000-8000-000000000000";
    const cases: [string, number, RegExp][] = [
      [`?match=${unknown}`, 404, /^No match made with this teacher key/],
      [`?assignment=${unknown}`, 404, /^No assignment of this teacher key/],
      [`?assignment=${made.body.id}`, 404, /^No assignment of this teacher key/],
      ["?match=12345", 400, /^match: a match id is a UUID/],
      ["?assignment=../../etc", 400, /^assignment: an assignment id is a UUID/],
      [`?match=${unknown}&match=${unknown}`, 400, /^match: /],
      [`?match=${unknown}&assignment=${unknown}`, 400, /one match or one assignment, not both/],
      ["?key=tk-AAAAAAAAAAAAAAAAAAAAAAAA", 400, /key/],
    ];
    for (const [query, status, error] of cases)
      for (const path of ["/teacher/report", "/teacher/report.csv"]) {
        const reply = await api("GET", `${path}${query}`, { key });
        expect(reply.status, `${path}${query}`).toBe(status);
        expect(reply.body.error, `${path}${query}`).toMatch(
          /^(report-match-unknown|report-assignment-unknown|invalid-query)$/,
        );
        expect(reply.words, `${path}${query}`).toMatch(error);
      }
  });
});

describe("a store that fails", () => {
  it("answers 500 with a sentence and logs the failure, without the key; the server keeps answering", async () => {
    // The teacher API over a store whose connection is gone (as when PostgreSQL cannot be reached).
    const gone = await openDatabase({ path: join(mkdtempSync(join(tmpdir(), "teacher-api-gone-")), "gone.sqlite") });
    await gone.close();
    const app = express().use(
      "/api",
      teacherApiRouter(new TeacherStore(gone), () => clock, roundSecret),
    );
    const server = app.listen(0, "127.0.0.1");
    await new Promise((listening) => server.once("listening", listening));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const errors = vi.spyOn(log, "error");
    try {
      const key = "tk-AAAAAAAAAAAAAAAAAAAAAAAA";
      const asked: [string, string, RequestInit][] = [
        ["POST", "/teacher/keys", {}],
        ["GET", "/teacher", { headers: { authorization: `Bearer ${key}` } }],
        ["GET", "/teacher/report.csv", { headers: { authorization: `Bearer ${key}` } }],
        ["GET", "/assignments/3f2b8c1e-0000-4000-8000-000000000000", {}],
      ];
      for (const [method, path, init] of asked) {
        const reply = await fetch(`${base}${path}`, { method, ...init });
        expect(reply.status, path).toBe(500);
        expect(reply.headers.get("content-type"), path).toMatch(/^application\/json/);
        const body = (await reply.json()) as Problem;
        expect(body, path).toEqual({ error: "teacher-store-down" });
        expect(describeProblem(body)).toBe(
          "The server could not read or write its teacher data just now: try again in a minute.",
        );
      }
      expect(errors.mock.calls.map(([event, fields]) => [event, fields?.method, fields?.path])).toEqual(
        asked.map(([method, path]) => ["teacher-api-failed", method, `/api${path}`]),
      );
      expect(JSON.stringify(errors.mock.calls)).not.toContain(key);
      // A refusal that needs no store still gets its own answer.
      expect((await fetch(`${base}/teacher`)).status).toBe(401);
    } finally {
      errors.mockRestore();
      await new Promise((closed) => server.close(closed));
    }
  });
});

describe("key creation", () => {
  it(`makes at most ${TEACHER_KEYS_PER_HOUR} keys per address an hour`, async () => {
    while (keysMade < TEACHER_KEYS_PER_HOUR) await newKey();
    const over = await api("POST", "/teacher/keys");
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: "teacher-keys-too-many", params: { minutes: expect.any(Number) } });
    expect(over.words).toMatch(/^Too many teacher keys made from your network: try again in \d+ min\.$/);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(3000);
    const keys = await results.database.db.selectFrom("teacher_keys").select("id").execute();
    expect(keys).toHaveLength(TEACHER_KEYS_PER_HOUR);
  });
});
