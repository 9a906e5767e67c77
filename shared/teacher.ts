// The teacher's side of the game, as data: the teacher key, homework assignments and the class
// report's shapes, with the zod schemas the server checks them with. No accounts: a key is the
// only credential, sent in an `Authorization: Bearer` header (never in a URL the server logs).
// The schemas' messages are codes (shared/problems.ts), worded by the client.
import { z } from "zod";
import { SPIRAL_KINDS } from "./catalog";
import { DIFFICULTIES } from "./difficulties";

/** A teacher key: "tk-" and 24 base64url characters (144 random bits). */
export const TEACHER_KEY_PATTERN = /^tk-[A-Za-z0-9_-]{24}$/;
export const teacherKeySchema = z.string().regex(TEACHER_KEY_PATTERN, "teacher-key-format");

/** A browser's own random id (kept in its storage): who may resume homework, who was removed from a room. */
export const DEVICE_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
export const deviceSchema = z.string().regex(DEVICE_PATTERN, "device-id-format");

/** Homework's limits. */
export const ASSIGNMENT_ROUNDS = { min: 1, max: 10, default: 3 } as const;
export const ASSIGNMENT_TITLE_MAX = 60;
/** A deadline is at most this many days ahead. */
export const ASSIGNMENT_MAX_DAYS = 90;
/** Assignments one key may make. */
export const ASSIGNMENTS_PER_KEY = 200;

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** What a teacher sends to make an assignment (POST /api/teacher/assignments). */
export const assignmentSettingsSchema = z.strictObject({
  title: z
    .string()
    .max(200)
    .transform((s) => s.trim().replace(/\s+/g, " "))
    .refine((s) => !/[\p{Cc}\p{Cf}<>]/u.test(s), "title-characters")
    .refine((s) => [...s].length <= ASSIGNMENT_TITLE_MAX, {
      message: "title-too-long",
      params: { max: ASSIGNMENT_TITLE_MAX },
    })
    .default("Homework"),
  rounds: z.number().int().min(ASSIGNMENT_ROUNDS.min).max(ASSIGNMENT_ROUNDS.max),
  kinds: z
    .array(z.enum(SPIRAL_KINDS))
    .min(1)
    .max(SPIRAL_KINDS.length)
    .refine((k) => new Set(k).size === k.length, "kinds-repeated"),
  difficulty: z.enum(DIFFICULTIES),
  /** An instant with its offset, e.g. "2026-12-08T17:00:00-05:00" (checked to be ahead, within ASSIGNMENT_MAX_DAYS). */
  deadline: z.iso.datetime({ offset: true }),
  /** The IANA zone the deadline is shown in, e.g. "America/New_York". */
  timeZone: z.string().max(64).refine(isTimeZone, "time-zone-unknown"),
  /** Students pick from generated names and cannot type one. */
  friendlyNames: z.boolean().default(false),
});
export type AssignmentSettings = z.output<typeof assignmentSettingsSchema>;

/** What anyone with an assignment's link may know of it. */
interface AssignmentFacts {
  id: string;
  title: string;
  rounds: number;
  kinds: string[];
  difficulty: string;
  /** ISO instant (UTC, "…Z"). */
  deadline: string;
  timeZone: string;
  friendlyNames: boolean;
}

/** An assignment as its teacher sees it. */
export interface AssignmentSummary extends AssignmentFacts {
  createdAt: string;
  /** The students' link, a path: "/homework/<id>". */
  link: string;
  /** Students with a counted attempt (finished or not), and how many finished it. */
  students: number;
  finished: number;
}

/** An assignment as anyone with its link sees it (GET /api/assignments/:id). */
export interface AssignmentPublic extends AssignmentFacts {
  closed: boolean;
  /** Only once closed: each round's replay link (the page that shows its A and B). */
  reveals?: { round: number; replay: string }[];
}

/** A match made with the key, as its teacher sees it. */
export interface TeacherMatch {
  id: string;
  code: string;
  startedAt: string;
  finishedAt: string | null;
  rounds: number;
  /** Rounds finished and stored. */
  played: number;
  players: number;
}

/** GET /api/teacher */
export interface TeacherOverview {
  createdAt: string;
  matches: TeacherMatch[];
  assignments: AssignmentSummary[];
}

/** Where a pick sits against the round's best level. */
export type FitLabel = "underfit" | "overfit" | "on-target";
export const FIT_LABELS: readonly FitLabel[] = ["underfit", "on-target", "overfit"];

/** Below the best level is underfit, above it overfit. */
export const fitLabel = (level: number, bestLevel: number): FitLabel =>
  level < bestLevel ? "underfit" : level > bestLevel ? "overfit" : "on-target";

/** One level of a stored round: the U-curve's points. */
export interface LevelErrors {
  level: number;
  trainError: number;
  validationError: number;
  hiddenError: number;
}

/** One student's pick in one round. Errors are null for rounds stored before reports existed. */
export interface ReportRow {
  /** The match id, or the assignment's id for homework (all its counted attempts). */
  source: string;
  name: string;
  round: number;
  level: number;
  bestLevel: number;
  trainError: number | null;
  validationError: number | null;
  hiddenError: number;
  points: number;
  label: FitLabel;
}

/** One round of one source: its U-curve and the class's picks. */
export interface ReportRound {
  source: string;
  round: number;
  bestLevel: number;
  /** Empty for rounds stored before reports existed. */
  curve: LevelErrors[];
  /** picks[i] = students who picked level i + 1. */
  picks: number[];
}

/** A match or an assignment (or the whole key), as its report shows it. */
export interface ReportSource {
  id: string;
  kind: "match" | "homework";
  /** "Room ABCDE, 1 Dec 2026 14:05" or the assignment's title. */
  label: string;
  /** A match's room code and start (ISO time), for a page to word its label in its language. */
  code?: string;
  startedAt?: string;
}

/** GET /api/teacher/report (?match=ID | ?assignment=ID | neither: everything of the key). */
export interface ClassReport {
  title: string;
  sources: ReportSource[];
  rows: ReportRow[];
  rounds: ReportRound[];
  /** Share of rows with each label, 0–1 (all 0 with no rows). */
  shares: Record<FitLabel, number>;
  students: number;
}

/** The path a student opens. */
export const assignmentPath = (id: string) => `/homework/${id}`;
