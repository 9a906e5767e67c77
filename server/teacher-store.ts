// The teacher's side of the results file: keys (only their SHA-256 is kept, so the file cannot
// give a key away), homework assignments, and students' attempts at them. An attempt is a row of
// `matches` (code HOMEWORK) whose rounds are stored like any match's, so one report reads both.
import type Database from "better-sqlite3";
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
import { readReport, type ReportFilter } from "./teacher-report";

/** The room code stored for a homework attempt. */
export const HOMEWORK_CODE = "HOMEWORK";

export type KeyCheck = { ok: true; teacherId: string } | { ok: false; reason: "unknown" | "revoked" };

/** An assignment as the server keeps it: with its owner and each round's id (secret until the deadline). */
export type StoredAssignment = Omit<AssignmentSummary, "students" | "finished"> & {
  teacherId: string;
  roundIds: string[];
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

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS teacher_keys (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS assignments (
    id TEXT PRIMARY KEY,
    teacher_id TEXT NOT NULL REFERENCES teacher_keys(id),
    title TEXT NOT NULL,
    rounds INTEGER NOT NULL,
    kinds TEXT NOT NULL,
    difficulty TEXT NOT NULL,
    deadline TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    friendly_names INTEGER NOT NULL,
    round_ids TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS assignments_by_teacher ON assignments(teacher_id, created_at);
`;

/** An attempt is done when it reached the podium or stored all its rounds (the tab closed at the last reveal). */
const PLAYED = "(SELECT COUNT(*) FROM rounds r WHERE r.match_id = m.id)";
const DONE = `(m.finished_at IS NOT NULL OR ${PLAYED} >= m.rounds)`;

const SELECT_ASSIGNMENT = `SELECT id, teacher_id AS teacherId, title, rounds, kinds, difficulty, deadline,
  time_zone AS timeZone, friendly_names AS friendlyNames, round_ids AS roundIds, created_at AS createdAt FROM assignments`;

type AssignmentRow = Omit<StoredAssignment, "kinds" | "roundIds" | "friendlyNames" | "link"> & {
  kinds: string;
  roundIds: string;
  friendlyNames: number;
};

export class TeacherStore {
  constructor(private readonly db: Database.Database) {
    db.exec(SCHEMA);
  }

  /** A new key: "tk-" and 24 base64url characters (18 random bytes); only its hash is stored. */
  createKey(): string {
    const key = `tk-${randomBytes(18).toString("base64url")}`;
    this.db
      .prepare("INSERT INTO teacher_keys (id, created_at) VALUES (?, ?)")
      .run(sha256(key), new Date().toISOString());
    return key;
  }

  checkKey(key: string): KeyCheck {
    if (!TEACHER_KEY_PATTERN.test(key)) return { ok: false, reason: "unknown" };
    const teacherId = sha256(key);
    const row = this.db.prepare("SELECT revoked_at AS revokedAt FROM teacher_keys WHERE id = ?").get(teacherId) as
      { revokedAt: string | null } | undefined;
    if (!row) return { ok: false, reason: "unknown" };
    return row.revokedAt ? { ok: false, reason: "revoked" } : { ok: true, teacherId };
  }

  revoke(teacherId: string): void {
    this.db
      .prepare("UPDATE teacher_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
      .run(new Date().toISOString(), teacherId);
  }

  /** The key's matches (newest first, those with a stored round) and assignments. */
  overview(teacherId: string): TeacherOverview {
    const key = this.db.prepare("SELECT created_at AS createdAt FROM teacher_keys WHERE id = ?").get(teacherId) as
      { createdAt: string } | undefined;
    if (!key) throw new Error("no such teacher key");
    const matches = this.db
      .prepare(
        `SELECT m.id, m.code, m.started_at AS startedAt, m.finished_at AS finishedAt, m.rounds, ${PLAYED} AS played,
           (SELECT COUNT(DISTINCT x.session_id) FROM round_results x WHERE x.match_id = m.id) AS players
         FROM matches m WHERE m.teacher_id = ? AND m.assignment_id IS NULL ORDER BY m.started_at DESC`,
      )
      .all(teacherId) as TeacherOverview["matches"];
    const rows = this.db
      .prepare(`${SELECT_ASSIGNMENT} WHERE teacher_id = ? ORDER BY created_at DESC`)
      .all(teacherId) as AssignmentRow[];
    return { createdAt: key.createdAt, matches, assignments: rows.map((r) => this.summary(fromRow(r))) };
  }

  /** A new assignment; its settings were checked (deadline ahead, the key's count) by the caller. */
  createAssignment(teacherId: string, settings: AssignmentSettings, now: Date): AssignmentSummary {
    const id = randomUUID();
    const roundIds = Array.from({ length: settings.rounds }, () => randomUUID());
    this.db
      .prepare(
        `INSERT INTO assignments (id, teacher_id, title, rounds, kinds, difficulty, deadline, time_zone, friendly_names, round_ids, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        teacherId,
        settings.title,
        settings.rounds,
        JSON.stringify(settings.kinds),
        settings.difficulty,
        new Date(settings.deadline).toISOString(),
        settings.timeZone,
        settings.friendlyNames ? 1 : 0,
        JSON.stringify(roundIds),
        now.toISOString(),
      );
    return this.summary(this.assignment(id)!);
  }

  assignment(id: string): StoredAssignment | undefined {
    const row = this.db.prepare(`${SELECT_ASSIGNMENT} WHERE id = ?`).get(id) as AssignmentRow | undefined;
    return row && fromRow(row);
  }

  assignmentCount(teacherId: string): number {
    return (
      this.db.prepare("SELECT COUNT(*) AS n FROM assignments WHERE teacher_id = ?").get(teacherId) as { n: number }
    ).n;
  }

  /** The device's attempt for this name: the open one, else a new one (counts=false when a counted one was already finished). */
  resumeAttempt(assignmentId: string, device: string, name: string, now: Date): Attempt {
    const deviceId = sha256(device);
    return this.db.transaction((): Attempt => {
      const assignment = this.assignment(assignmentId);
      if (!assignment) throw new Error(`no assignment ${assignmentId}`);
      const attempts = this.db
        .prepare(
          `SELECT m.id, m.counts, ${DONE} AS done, ${PLAYED} AS played,
             (SELECT COALESCE(SUM(x.points), 0) FROM round_results x WHERE x.match_id = m.id) AS total
           FROM matches m WHERE m.assignment_id = ? AND m.device = ? AND m.student = ? ORDER BY m.started_at`,
        )
        .all(assignmentId, deviceId, name) as {
        id: string;
        counts: number;
        done: number;
        played: number;
        total: number;
      }[];
      const open = attempts.find((a) => !a.done);
      if (open) return { id: open.id, counts: open.counts === 1, roundsDone: open.played, total: open.total };
      // Those that stored every round but never reached the podium are over now.
      this.db
        .prepare(
          "UPDATE matches SET finished_at = ? WHERE assignment_id = ? AND device = ? AND student = ? AND finished_at IS NULL",
        )
        .run(now.toISOString(), assignmentId, deviceId, name);
      const attempt = { id: randomUUID(), counts: !attempts.some((a) => a.counts === 1), roundsDone: 0, total: 0 };
      this.db
        .prepare(
          `INSERT INTO matches (id, code, rounds, tuning_seconds, started_at, teacher_id, assignment_id, student, device, counts)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          attempt.id,
          HOMEWORK_CODE,
          assignment.rounds,
          HOMEWORK_TUNING_SECONDS,
          now.toISOString(),
          assignment.teacherId,
          assignment.id,
          name,
          deviceId,
          attempt.counts ? 1 : 0,
        );
      return attempt;
    })();
  }

  /** The report of one match, one assignment or everything of the key; undefined when that match/assignment is not the key's. */
  report(teacherId: string, filter: ReportFilter): ClassReport | undefined {
    return readReport(this.db, teacherId, filter);
  }

  private summary(a: StoredAssignment): AssignmentSummary {
    const { students, finished } = this.db
      .prepare(
        `SELECT COUNT(*) AS students, COALESCE(SUM(${DONE}), 0) AS finished
         FROM matches m WHERE m.assignment_id = ? AND m.counts = 1`,
      )
      .get(a.id) as { students: number; finished: number };
    const { teacherId: _, roundIds: __, ...shown } = a;
    return { ...shown, students, finished };
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
