// The teacher store (server/teacher-store.ts) on both engines: a SQLite file and a throwaway
// PostgreSQL (tools/postgres-server.ts). Keys, assignments, homework attempts (new, resumed,
// practice after a finished counted one, two joins at once) and the class report of matches and
// homework rounds written through ResultsStore, as a room writes them. The same scenario runs on
// both engines, and what each answered is compared at the end: identical.
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResultsStore, type MatchRecord, type StoredResult } from "../server/results-store";
import { HOMEWORK_TUNING_SECONDS } from "../shared/match-flow";
import type { Engine } from "../server/store/database";
import { HOMEWORK_CODE, TeacherStore, type Attempt, type StoredAssignment } from "../server/teacher-store";
import { TEACHER_KEY_PATTERN, type AssignmentSettings } from "../shared/teacher";
import { startPostgres, type PostgresServer } from "../tools/postgres-server";

const ENGINES: Engine[] = ["sqlite", "postgres"];

let postgres: PostgresServer;
beforeAll(async () => {
  postgres = await startPostgres();
});
afterAll(() => postgres?.stop());

/** A new, empty store on `engine`. */
async function openStore(engine: Engine): Promise<ResultsStore> {
  if (engine === "postgres") return ResultsStore.open({ url: await postgres.database() });
  return ResultsStore.open({ path: join(mkdtempSync(join(tmpdir(), "teacher-engines-")), "results.sqlite") });
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const at = (minute: number) => new Date(Date.UTC(2025, 2, 10, 12, minute));

const settings = (title: string, rounds: number, more: Partial<AssignmentSettings> = {}): AssignmentSettings => ({
  title,
  rounds,
  kinds: ["galaxy", "shell"],
  difficulty: "hard",
  deadline: "2025-03-12T00:00:00.000Z",
  timeZone: "Pacific/Honolulu",
  friendlyNames: false,
  ...more,
});

/** A U-curve whose errors say their level. */
const curve = Array.from({ length: 12 }, (_, i) => ({
  level: i + 1,
  trainError: 1 / (i + 1),
  validationError: 0.01 * Math.abs(i - 4) + 0.02,
  hiddenError: 0.01 * Math.abs(i - 5) + 0.03,
}));
const result = (sessionId: string, name: string, seat: number, level: number, total = 100 * level): StoredResult => ({
  sessionId,
  name,
  seat,
  level,
  hiddenError: curve[level - 1].hiddenError,
  points: 100 * level,
  speedBonus: 0,
  total,
});

/** A homework attempt's round, written as the room writes it (its match row exists already). */
async function playHomework(
  results: ResultsStore,
  assignment: StoredAssignment,
  attempt: Attempt,
  round: number,
  name: string,
  level: number,
) {
  const match: MatchRecord = {
    id: attempt.id,
    code: HOMEWORK_CODE,
    rounds: assignment.rounds,
    tuningSeconds: HOMEWORK_TUNING_SECONDS,
    startedAt: at(0).toISOString(),
    teacherId: assignment.teacherId,
    assignmentId: assignment.id,
    counts: attempt.counts,
  };
  await results.saveRound(match, {
    round,
    opening: `opening-${round}`,
    bestLevel: 6,
    levels: curve,
    results: [result("solo", name, 0, level)],
  });
}

/**
 * What each engine answered, with the values that differ by nature between two runs (random ids
 * and keys, times written as "now") replaced by stable labels in order of appearance.
 */
const answers: Partial<Record<Engine, unknown[]>> = {};
const started = Date.now();
function normalized(values: unknown[]): unknown {
  const labels = new Map<string, string>();
  const label = (value: string, kind: string) => {
    if (!labels.has(value)) labels.set(value, `${kind}-${labels.size}`);
    return labels.get(value)!;
  };
  return JSON.parse(
    JSON.stringify(values, (_key, value: unknown) => {
      if (typeof value !== "string") return value;
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) return label(value, "id");
      if (/^[0-9a-f]{64}$/.test(value) || TEACHER_KEY_PATTERN.test(value)) return label(value, "key");
      if (/^\d{4}-\d\d-\d\dT/.test(value) && Date.parse(value) >= started - 1000) return "(written now)";
      return value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => label(id, "id"));
    }),
  );
}

describe.each(ENGINES)("the teacher store on %s", (engine) => {
  let results: ResultsStore;
  let teachers: TeacherStore;
  const seen: unknown[] = [];
  /** Notes an answer for the comparison of the engines, and gives it back. */
  const note = <T>(answer: T): T => {
    seen.push(answer);
    return answer;
  };
  beforeAll(async () => {
    results = await openStore(engine);
    teachers = new TeacherStore(results.database);
    expect(results.database.engine).toBe(engine);
  });
  afterAll(async () => {
    answers[engine] = seen;
    await results?.close();
  });

  it("makes, checks and revokes keys, and keeps only their SHA-256", async () => {
    const key = await teachers.createKey();
    expect(key).toMatch(TEACHER_KEY_PATTERN);
    expect(note(await teachers.checkKey(key))).toEqual({ ok: true, teacherId: sha256(key) });
    expect(note(await teachers.checkKey("tk-AAAAAAAAAAAAAAAAAAAAAAAA"))).toEqual({ ok: false, reason: "unknown" });
    expect(note(await teachers.checkKey("not a key"))).toEqual({ ok: false, reason: "unknown" });
    const stored = await results.database.db.selectFrom("teacher_keys").selectAll().execute();
    expect(stored).toEqual([{ id: sha256(key), created_at: expect.any(String), revoked_at: null }]);

    await teachers.revoke(sha256(key));
    expect(note(await teachers.checkKey(key))).toEqual({ ok: false, reason: "revoked" });
    const [{ revoked_at: first }] = await results.database.db.selectFrom("teacher_keys").select("revoked_at").execute();
    await teachers.revoke(sha256(key)); // a second revoke keeps the first moment
    const [{ revoked_at: again }] = await results.database.db.selectFrom("teacher_keys").select("revoked_at").execute();
    expect(again).toBe(first);
    await expect(teachers.overview(sha256("tk-never-made-000000000000"))).rejects.toThrow("no such teacher key");
  });

  it("stores assignments and lists them newest first with their students", async () => {
    const key = await teachers.createKey();
    const teacherId = sha256(key);
    expect(await teachers.assignmentCount(teacherId)).toBe(0);
    const first = note(await teachers.createAssignment(teacherId, settings("Spirals, week 1", 2), at(0)));
    expect(first).toEqual({
      id: expect.any(String),
      title: "Spirals, week 1",
      rounds: 2,
      kinds: ["galaxy", "shell"],
      difficulty: "hard",
      deadline: "2025-03-12T00:00:00.000Z",
      timeZone: "Pacific/Honolulu",
      friendlyNames: false,
      createdAt: at(0).toISOString(),
      link: `/homework/${first.id}`,
      students: 0,
      finished: 0,
    });
    const second = note(
      await teachers.createAssignment(
        teacherId,
        settings("Überanpassung", 3, { friendlyNames: true, deadline: "2025-03-11T09:00:00+09:00" }),
        at(1),
      ),
    );
    expect(second).toMatchObject({ friendlyNames: true, deadline: "2025-03-11T00:00:00.000Z", rounds: 3 });
    const stored = note(await teachers.assignment(second.id))!;
    expect(stored).toMatchObject({ teacherId, friendlyNames: true, kinds: ["galaxy", "shell"] });
    expect(stored.roundIds).toHaveLength(3);
    expect(new Set(stored.roundIds).size).toBe(3);
    expect(await teachers.assignment("3f2b8c1e-0000-4000-8000-000000000000")).toBeUndefined();
    expect(await teachers.assignmentCount(teacherId)).toBe(2);
    expect(await teachers.assignmentCount(sha256("someone else"))).toBe(0);

    const overview = note(await teachers.overview(teacherId));
    expect(overview.matches).toEqual([]);
    expect(overview.assignments).toEqual([second, first]);
  });

  it("resumes an open attempt, makes practice after a finished counted one, and one attempt for tabs joining at once", async () => {
    const teacherId = sha256(await teachers.createKey());
    const made = await teachers.createAssignment(teacherId, settings("Attempts", 2), at(0));
    const assignment = (await teachers.assignment(made.id))!;
    const device = "zoe-device-000000001";

    const zoe = note(await teachers.resumeAttempt(assignment.id, device, "Zoe", at(1)));
    expect(zoe).toEqual({ id: expect.any(String), counts: true, roundsDone: 0, total: 0 });
    const stored = await results.database.db
      .selectFrom("matches")
      .select(["code", "rounds", "tuning_seconds", "teacher_id", "assignment_id", "student", "device", "counts"])
      .where("id", "=", zoe.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      code: HOMEWORK_CODE,
      rounds: 2,
      tuning_seconds: HOMEWORK_TUNING_SECONDS,
      teacher_id: teacherId,
      assignment_id: assignment.id,
      student: "Zoe",
      device: sha256(device), // the device id itself is not kept
      counts: 1,
    });
    expect(note(await teachers.resumeAttempt(assignment.id, device, "Zoe", at(2)))).toEqual(zoe); // nothing played yet

    await playHomework(results, assignment, zoe, 1, "Zoe", 4);
    expect(note(await teachers.resumeAttempt(assignment.id, device, "Zoe", at(3)))).toEqual({
      id: zoe.id,
      counts: true,
      roundsDone: 1,
      total: 400,
    });
    // Every round stored, the tab closed before the podium: the attempt is over, the next is practice.
    await playHomework(results, assignment, zoe, 2, "Zoe", 7);
    const practice = note(await teachers.resumeAttempt(assignment.id, device, "Zoe", at(4)));
    expect(practice).toEqual({ id: expect.any(String), counts: false, roundsDone: 0, total: 0 });
    expect(practice.id).not.toBe(zoe.id);
    const finished = await results.database.db
      .selectFrom("matches")
      .select("finished_at")
      .where("id", "=", zoe.id)
      .executeTakeFirstOrThrow();
    expect(finished.finished_at).toBe(at(4).toISOString());
    // Under another name on that device, or on another device, it counts.
    expect(note(await teachers.resumeAttempt(assignment.id, device, "Zoé", at(5))).counts).toBe(true);
    expect(note(await teachers.resumeAttempt(assignment.id, "zoe-tablet-000000001", "Zoe", at(5))).counts).toBe(true);
    // A finished practice attempt makes another practice one.
    await results.finishMatch(practice.id);
    expect(note(await teachers.resumeAttempt(assignment.id, device, "Zoe", at(6))).counts).toBe(false);

    // Tabs of one student join at the same moment (on PostgreSQL each on its own pooled connection,
    // opened beforehand): one attempt, which all of them play.
    const tabs = 6;
    await Promise.all(Array.from({ length: tabs }, () => teachers.assignmentCount(teacherId)));
    const all = await Promise.all(
      Array.from({ length: tabs }, () => teachers.resumeAttempt(assignment.id, "ann-device-000000001", "Ann", at(7))),
    );
    expect(new Set(all.map((a) => a.id)).size).toBe(1);
    const anns = await results.database.db
      .selectFrom("matches")
      .select("id")
      .where("assignment_id", "=", assignment.id)
      .where("student", "=", "Ann")
      .execute();
    expect(anns).toEqual([{ id: all[0].id }]);

    await expect(teachers.resumeAttempt("3f2b8c1e-0000-4000-8000-000000000000", device, "Zoe", at(8))).rejects.toThrow(
      "no assignment 3f2b8c1e-0000-4000-8000-000000000000",
    );
    expect(note((await teachers.overview(teacherId)).assignments)).toEqual([
      { ...made, students: 4, finished: 1 }, // Zoe (done), Zoé, Zoe on the tablet, Ann; practice does not count
    ]);
  });

  it("reports the key's matches and counted homework rounds, in the order they were played", async () => {
    const teacherId = sha256(await teachers.createKey());
    const otherTeacher = sha256(await teachers.createKey());
    // Two matches of the key started at the same moment (written in this order), and one of another key.
    const matches: MatchRecord[] = ["ROOM1", "ROOM2", "ROOM3"].map((code, i) => ({
      id: `0000000${i}-aaaa-4aaa-8aaa-000000000000`,
      code,
      rounds: 2,
      tuningSeconds: 30,
      startedAt: at(10).toISOString(),
      teacherId: i < 2 ? teacherId : otherTeacher,
    }));
    // Written in the opposite order of their ids, so neither id order nor chance puts them right.
    matches.reverse();
    for (const [i, match] of matches.entries()) {
      await results.saveMatch(match);
      await results.saveRound(match, {
        round: 1,
        opening: `match-${i}`,
        bestLevel: 5,
        levels: curve,
        results: [result(`s-${i}-b`, "Bo", 1, 5 + i), result(`s-${i}-a`, "Ada", 0, 3)],
      });
    }
    await results.finishMatch(matches[0].id, "Bo");
    const [firstMatch, secondMatch] = [matches[1], matches[2]]; // the key's, in the order written

    const made = await teachers.createAssignment(teacherId, settings("Homework", 2), at(5));
    const assignment = (await teachers.assignment(made.id))!;
    // Three attempts started in the same millisecond: the report keeps the order they were made in.
    const uma = await teachers.resumeAttempt(assignment.id, "uma-device-000000001", "Uma", at(11));
    const tom = await teachers.resumeAttempt(assignment.id, "tom-device-000000001", "Tom", at(11));
    await playHomework(results, assignment, tom, 1, "Tom", 9);
    await playHomework(results, assignment, uma, 1, "Uma", 6);
    await playHomework(results, assignment, uma, 2, "Uma", 5);
    await results.finishMatch(uma.id);
    const umaAgain = await teachers.resumeAttempt(assignment.id, "uma-device-000000001", "Uma", at(11));
    expect(umaAgain.counts).toBe(false);
    await playHomework(results, assignment, umaAgain, 1, "Uma", 12); // practice: not in reports

    const all = note(await teachers.report(teacherId, {}))!;
    expect(all.title).toBe("Every match and homework made with this teacher key");
    expect(all.sources.map((s) => [s.id, s.kind])).toEqual([
      [assignment.id, "homework"], // made at 12:05, before the matches (12:10)
      [firstMatch.id, "match"],
      [secondMatch.id, "match"],
    ]);
    expect(all.sources[1].label).toMatch(/^Room ROOM2, /);
    expect(all.rows.map((r) => [r.source, r.name, r.round, r.level, r.points, r.label])).toEqual([
      [assignment.id, "Uma", 1, 6, 600, "on-target"],
      [assignment.id, "Tom", 1, 9, 900, "overfit"],
      [assignment.id, "Uma", 2, 5, 500, "underfit"],
      [firstMatch.id, "Ada", 1, 3, 300, "underfit"],
      [firstMatch.id, "Bo", 1, 6, 600, "overfit"],
      [secondMatch.id, "Ada", 1, 3, 300, "underfit"],
      [secondMatch.id, "Bo", 1, 7, 700, "overfit"],
    ]);
    expect(all.rows[0]).toMatchObject({ trainError: curve[5].trainError, validationError: curve[5].validationError });
    expect(all.students).toBe(4);

    const one = note(await teachers.report(teacherId, { match: secondMatch.id }))!;
    expect(one.sources).toEqual([
      {
        id: secondMatch.id,
        kind: "match",
        label: expect.stringMatching(/^Room ROOM1, /),
        code: "ROOM1",
        startedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    expect(one.title).toBe(one.sources[0].label);
    expect(one.rows.map((r) => r.name)).toEqual(["Ada", "Bo"]);
    const homework = note(await teachers.report(teacherId, { assignment: assignment.id }))!;
    expect(homework.title).toBe("Homework");
    expect(homework.rounds.map((r) => [r.round, r.picks.reduce((a, b) => a + b)])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    // Another key's match, an unknown id: not this key's.
    expect(await teachers.report(teacherId, { match: matches[0].id })).toBeUndefined();
    expect(await teachers.report(teacherId, { assignment: "3f2b8c1e-0000-4000-8000-000000000000" })).toBeUndefined();
    expect(await teachers.report(otherTeacher, { assignment: assignment.id })).toBeUndefined();
    expect(note(await teachers.report(otherTeacher, {}))!.rows).toHaveLength(2);

    const overview = note(await teachers.overview(teacherId));
    expect(overview.matches).toEqual([
      // Newest first: the same start, so the one written last first.
      {
        id: secondMatch.id,
        code: "ROOM1",
        startedAt: at(10).toISOString(),
        finishedAt: null,
        rounds: 2,
        played: 1,
        players: 2,
      },
      {
        id: firstMatch.id,
        code: "ROOM2",
        startedAt: at(10).toISOString(),
        finishedAt: null,
        rounds: 2,
        played: 1,
        players: 2,
      },
    ]);
    expect(overview.assignments).toEqual([{ ...made, students: 2, finished: 1 }]);
  });
});

describe("both engines", () => {
  it("answered the same scenario identically", () => {
    expect(answers.sqlite).toBeDefined();
    expect(answers.postgres).toBeDefined();
    expect(answers.sqlite!.length).toBeGreaterThan(20);
    expect(normalized(answers.postgres!)).toEqual(normalized(answers.sqlite!));
  });
});
