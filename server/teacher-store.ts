// The teacher's side of the store: keys (only their SHA-256 is kept, so the store cannot give a
// key away), homework assignments, and students' attempts at them. An attempt is a row of
// `matches` (code HOMEWORK) whose rounds are stored like any match's, so one report reads both.
// Its tables are made by the store's migrations (server/store/migrations-*.ts); every query here
// runs unchanged on SQLite and PostgreSQL (server/store/database.ts).
import { sql, type Kysely } from "kysely";
import { randomBytes, randomUUID } from "node:crypto";
import { sha256Of as sha256 } from "./seat-tokens";
import { HOMEWORK_TUNING_SECONDS } from "../shared/match-flow";
import {
  assignmentPath,
  TEACHER_KEY_PATTERN,
  type AssignmentSettings,
  type AssignmentSummary,
  type ClassReport,
  type TeacherOverview,
} from "../shared/teacher";
import type { StoreDatabase } from "./store/database";
import type { SetRoundSpec } from "../shared/round-set";
import type { Tables } from "./store/tables";
import { insertionOrder, readReport, type ReportFilter } from "./teacher-report";

/** The room code stored for a homework attempt. */
export const HOMEWORK_CODE = "HOMEWORK";

export type KeyCheck = { ok: true; teacherId: string } | { ok: false; reason: "unknown" | "revoked" };

/** An assignment as the server keeps it: with its owner and each round's id (secret until the deadline). */
export type StoredAssignment = Omit<AssignmentSummary, "students" | "finished"> & {
  teacherId: string;
  roundIds: string[];
  /** Rounds from a teacher's set (copied when the assignment was made): round i plays setRounds[i mod length]. */
  setRounds?: SetRoundSpec[];
};

/** Where a student stands in a homework: the attempt to play under, and how far it got. */
export interface Attempt {
  id: string;
  /** False for practice: this name on this device already finished a counted attempt. */
  counts: boolean;
  roundsDone: number;
  /** Points of the rounds done. */
  total: number;
}

// Over a match row `m`. Counts and sums are numbers on both engines (PostgreSQL's pool parses
// its BIGINTs); a condition becomes 0/1 through CASE, as PostgreSQL has no SUM of a boolean.
const PLAYED = sql<number>`(SELECT COUNT(*) FROM rounds r WHERE r.match_id = m.id)`;
/** An attempt is done when it reached the podium or stored all its rounds (the tab closed at the last reveal). */
const DONE = sql<number>`(CASE WHEN m.finished_at IS NOT NULL OR ${PLAYED} >= m.rounds THEN 1 ELSE 0 END)`;
const POINTS = sql<number>`(SELECT COALESCE(SUM(x.points), 0) FROM round_results x WHERE x.match_id = m.id)`;
const PLAYERS = sql<number>`(SELECT COUNT(DISTINCT x.session_id) FROM round_results x WHERE x.match_id = m.id)`;
// Over an assignment row `a`: its counted attempts, and those done.
const STUDENTS = sql<number>`(SELECT COUNT(*) FROM matches m WHERE m.assignment_id = a.id AND m.counts = 1)`;
const FINISHED = sql<number>`(SELECT COALESCE(SUM(${DONE}), 0) FROM matches m WHERE m.assignment_id = a.id AND m.counts = 1)`;

type Db = Kysely<Tables>;

/** The assignments' columns as StoredAssignment names them (JSON and 0/1 still raw). */
const selectAssignments = (db: Db) =>
  db
    .selectFrom("assignments as a")
    .select([
      "a.id",
      "a.teacher_id as teacherId",
      "a.title",
      "a.rounds",
      "a.kinds",
      "a.difficulty",
      "a.deadline",
      "a.time_zone as timeZone",
      "a.friendly_names as friendlyNames",
      "a.round_ids as roundIds",
      "a.created_at as createdAt",
    ]);

type AssignmentRow = Omit<StoredAssignment, "kinds" | "roundIds" | "friendlyNames" | "link"> & {
  kinds: string;
  roundIds: string;
  friendlyNames: number;
};

export class TeacherStore {
  constructor(private readonly store: StoreDatabase) {}

  private get db(): Db {
    return this.store.db;
  }

  /** A new key: "tk-" and 24 base64url characters (18 random bytes); only its hash is stored. */
  async createKey(): Promise<string> {
    const key = `tk-${randomBytes(18).toString("base64url")}`;
    await this.db
      .insertInto("teacher_keys")
      .values({ id: sha256(key), created_at: new Date().toISOString() })
      .execute();
    return key;
  }

  async checkKey(key: string): Promise<KeyCheck> {
    if (!TEACHER_KEY_PATTERN.test(key)) return { ok: false, reason: "unknown" };
    const teacherId = sha256(key);
    const row = await this.db
      .selectFrom("teacher_keys")
      .select("revoked_at")
      .where("id", "=", teacherId)
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "unknown" };
    return row.revoked_at ? { ok: false, reason: "revoked" } : { ok: true, teacherId };
  }

  async revoke(teacherId: string): Promise<void> {
    await this.db
      .updateTable("teacher_keys")
      .set({ revoked_at: new Date().toISOString() })
      .where("id", "=", teacherId)
      .where("revoked_at", "is", null)
      .execute();
  }

  /** The key's matches (newest first, those with a stored round) and assignments. */
  async overview(teacherId: string): Promise<TeacherOverview> {
    const key = await this.db
      .selectFrom("teacher_keys")
      .select("created_at")
      .where("id", "=", teacherId)
      .executeTakeFirst();
    if (!key) throw new Error("no such teacher key");
    const matches = await this.db
      .selectFrom("matches as m")
      .select([
        "m.id",
        "m.code",
        "m.started_at as startedAt",
        "m.finished_at as finishedAt",
        "m.rounds",
        PLAYED.as("played"),
        PLAYERS.as("players"),
      ])
      .where("m.teacher_id", "=", teacherId)
      .where("m.assignment_id", "is", null)
      .orderBy("m.started_at", "desc")
      .orderBy(insertionOrder(this.store.engine), "desc") // matches started in the same millisecond
      .execute();
    const assignments = await this.summaries(teacherId);
    return { createdAt: key.created_at, matches, assignments };
  }

  /** A new assignment; its settings were checked (deadline ahead, the key's count) by the caller. */
  async createAssignment(
    teacherId: string,
    settings: AssignmentSettings,
    now: Date,
    setRounds?: SetRoundSpec[],
  ): Promise<AssignmentSummary> {
    const id = randomUUID();
    const roundIds = Array.from({ length: settings.rounds }, () => randomUUID());
    await this.db
      .insertInto("assignments")
      .values({
        id,
        teacher_id: teacherId,
        title: settings.title,
        rounds: settings.rounds,
        kinds: JSON.stringify(settings.kinds),
        difficulty: settings.difficulty,
        deadline: new Date(settings.deadline).toISOString(),
        time_zone: settings.timeZone,
        friendly_names: settings.friendlyNames ? 1 : 0,
        round_ids: JSON.stringify(roundIds),
        created_at: now.toISOString(),
        ...(setRounds ? { set_rounds: JSON.stringify(setRounds) } : {}),
      })
      .execute();
    const [made] = await this.summaries(teacherId, id);
    return made;
  }

  /** An assignment, with its rounds from a set when it has them (read here only: summaries leave them out). */
  async assignment(id: string): Promise<StoredAssignment | undefined> {
    const row = await selectAssignments(this.db)
      .select("a.set_rounds as setRounds")
      .where("a.id", "=", id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { setRounds, ...rest } = row;
    return { ...fromRow(rest), ...(setRounds ? { setRounds: JSON.parse(setRounds) as SetRoundSpec[] } : {}) };
  }

  async assignmentCount(teacherId: string): Promise<number> {
    const { n } = await this.db
      .selectFrom("assignments")
      .select(sql<number>`COUNT(*)`.as("n"))
      .where("teacher_id", "=", teacherId)
      .executeTakeFirstOrThrow();
    return n;
  }

  /**
   * The device's attempt for this name: the open one, else a new one (counts=false when a counted
   * one was already finished). One transaction; on PostgreSQL the assignment's row is locked in it,
   * so two joins at once of one student wait for each other and find the same attempt (SQLite's
   * one connection runs transactions one at a time already).
   */
  async resumeAttempt(assignmentId: string, device: string, name: string, now: Date): Promise<Attempt> {
    const deviceId = sha256(device);
    return this.db.transaction().execute(async (trx): Promise<Attempt> => {
      let find = trx.selectFrom("assignments").select(["id", "teacher_id", "rounds"]).where("id", "=", assignmentId);
      if (this.store.engine === "postgres") find = find.forUpdate();
      const assignment = await find.executeTakeFirst();
      if (!assignment) throw new Error(`no assignment ${assignmentId}`);
      const attempts = await trx
        .selectFrom("matches as m")
        .select(["m.id", "m.counts", DONE.as("done"), PLAYED.as("played"), POINTS.as("total")])
        .where("m.assignment_id", "=", assignmentId)
        .where("m.device", "=", deviceId)
        .where("m.student", "=", name)
        .orderBy("m.started_at")
        .orderBy(insertionOrder(this.store.engine))
        .execute();
      const open = attempts.find((a) => a.done === 0);
      if (open) return { id: open.id, counts: open.counts === 1, roundsDone: open.played, total: open.total };
      // Those that stored every round but never reached the podium are over now.
      await trx
        .updateTable("matches")
        .set({ finished_at: now.toISOString() })
        .where("assignment_id", "=", assignmentId)
        .where("device", "=", deviceId)
        .where("student", "=", name)
        .where("finished_at", "is", null)
        .execute();
      const attempt = { id: randomUUID(), counts: !attempts.some((a) => a.counts === 1), roundsDone: 0, total: 0 };
      await trx
        .insertInto("matches")
        .values({
          id: attempt.id,
          code: HOMEWORK_CODE,
          rounds: assignment.rounds,
          tuning_seconds: HOMEWORK_TUNING_SECONDS,
          started_at: now.toISOString(),
          teacher_id: assignment.teacher_id,
          assignment_id: assignment.id,
          student: name,
          device: deviceId,
          counts: attempt.counts ? 1 : 0,
        })
        .execute();
      return attempt;
    });
  }

  /** The report of one match, one assignment or everything of the key; undefined when that match/assignment is not the key's. */
  report(teacherId: string, filter: ReportFilter): Promise<ClassReport | undefined> {
    return readReport(this.store, teacherId, filter);
  }

  /** The key's assignments (or the one with `id`), newest first, with their students and finished attempts. */
  private async summaries(teacherId: string, id?: string): Promise<AssignmentSummary[]> {
    let query = selectAssignments(this.db)
      .select([STUDENTS.as("students"), FINISHED.as("finished")])
      .where("a.teacher_id", "=", teacherId);
    if (id) query = query.where("a.id", "=", id);
    const rows = await query.orderBy("a.created_at", "desc").orderBy("a.id").execute();
    return rows.map(({ students, finished, ...row }) => {
      const { teacherId: _, roundIds: __, ...shown } = fromRow(row);
      return { ...shown, students, finished };
    });
  }
}

function fromRow(row: AssignmentRow): StoredAssignment {
  return {
    ...row,
    kinds: JSON.parse(row.kinds) as string[],
    roundIds: JSON.parse(row.roundIds) as string[],
    friendlyNames: row.friendlyNames === 1,
    link: assignmentPath(row.id),
  };
}
