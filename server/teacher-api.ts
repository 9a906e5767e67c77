// The teacher's HTTP API: keys, the class report (JSON and CSV), homework assignments, and the
// public page of an assignment. The key travels only in `Authorization: Bearer`, never in a URL
// (URLs end up in logs); nothing here logs a request. Every refusal is `{ error: "<code>", params? }`
// (shared/problems.ts; the page words it) and changes nothing.
// The store answers asynchronously (SQLite or PostgreSQL): Express 5 hands a handler's rejected
// promise to the error handler at the end, which logs the failure and answers 500 with a code.
import { clientAddress } from "./client-address";
import express from "express";
import { z } from "zod";
import { REPORT_CSV_COLUMNS, reportCsvRows } from "../shared/class-report";
import { canonicalKinds, replayPath } from "../shared/round-key";
import type { Difficulty } from "../shared/round";
import {
  ASSIGNMENT_MAX_DAYS,
  ASSIGNMENTS_PER_KEY,
  assignmentSettingsSchema,
  type AssignmentPublic,
} from "../shared/teacher";
import { toCsv } from "./csv";
import { roundKey } from "./round-secret";
import type { StoredAssignment, TeacherStore } from "./teacher-store";
import type { Redis } from "ioredis";
import { AddressWindow } from "./address-window";
import { RedisWindow } from "./redis-window";
import { log } from "./log";
import { teacherKeyGate } from "./teacher-key-gate";
import { issueProblem, type Problem } from "../shared/problems";

/** Keys one address may make per hour. */
export const TEACHER_KEYS_PER_HOUR = 20;
const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;
/** A request body's size at most. */
const BODY_MAX_KB = 4;

const reportQuery = z
  .strictObject({
    match: z.uuid("match-id-format").optional(),
    assignment: z.uuid("assignment-id-format").optional(),
  })
  .refine((q) => !(q.match && q.assignment), "report-match-and-assignment");

/** Why a deadline cannot be taken (its instant in UTC in params), or undefined when it is ahead and within ASSIGNMENT_MAX_DAYS. */
export function deadlineRefusal(deadline: string, now: Date): Problem | undefined {
  const at = Date.parse(deadline);
  const utc = new Date(at).toISOString();
  if (at <= now.getTime()) return { error: "deadline-passed", params: { deadline: utc }, field: "deadline" };
  if (at > now.getTime() + ASSIGNMENT_MAX_DAYS * DAY_MS)
    return {
      error: "deadline-too-far",
      params: { deadline: utc, maxDays: ASSIGNMENT_MAX_DAYS },
      field: "deadline",
    };
  return undefined;
}

/** An assignment as anyone with its link sees it: each round's replay only once it closed. */
export function publicAssignment(a: StoredAssignment, now: Date, secret: string): AssignmentPublic {
  const closed = now.getTime() >= Date.parse(a.deadline);
  const { id, title, rounds, kinds, difficulty, deadline, timeZone, friendlyNames } = a;
  const shown: AssignmentPublic = { id, title, rounds, kinds, difficulty, deadline, timeZone, friendlyNames, closed };
  // A homework from a round set has no replay links: its rounds are not the catalog's (issue 18).
  if (!closed || a.setRounds) return shown;
  const reveals = a.roundIds.map((roundId, i) => ({
    round: i + 1,
    replay: replayPath({
      ...roundKey(secret, roundId),
      difficulty: difficulty as Difficulty,
      kinds: canonicalKinds(kinds),
    }),
  }));
  return { ...shown, reveals };
}

/** With `redis`, the key limit is counted there, so all processes share one allowance per address. */
export function teacherApiRouter(
  teachers: TeacherStore,
  now: () => Date,
  secret: string,
  redis?: Redis,
  trustedProxies: ReadonlySet<string> = new Set(),
): express.Router {
  const api = express.Router();
  const keysMade = redis
    ? new RedisWindow(redis, "teacher-keys", TEACHER_KEYS_PER_HOUR, HOUR_MS)
    : new AddressWindow(TEACHER_KEYS_PER_HOUR, HOUR_MS);
  const json = express.json({ limit: `${BODY_MAX_KB}kb` });
  const refuse = (res: express.Response, status: number, error: string, params?: Problem["params"]) =>
    void res.status(status).json({ error, params } satisfies Problem); // (JSON drops a missing params)

  const withKey = teacherKeyGate(teachers);

  const teacherOf = (res: express.Response) => res.locals.teacherId as string;

  api.post("/teacher/keys", async (req, res) => {
    const address = clientAddress(req, trustedProxies);
    const at = Date.now();
    if (await keysMade.full(address, at)) {
      const retryAfter = await keysMade.retryAfter(address, at);
      res.set("Retry-After", String(retryAfter));
      return refuse(res, 429, "teacher-keys-too-many", { minutes: Math.ceil(retryAfter / 60) });
    }
    await keysMade.add(address, at);
    const made = await teachers.createKey();
    res.set("Cache-Control", "no-store").status(201).json({ key: made });
  });

  api.get("/teacher", withKey, async (_req, res) => void res.json(await teachers.overview(teacherOf(res))));

  api.delete("/teacher", withKey, async (_req, res) => {
    await teachers.revoke(teacherOf(res));
    res.json({ revoked: true });
  });

  const report: express.RequestHandler = async (req, res) => {
    const query = reportQuery.safeParse(req.query);
    if (!query.success) {
      const { error, params } = issueProblem(query.error, "query", "invalid-query");
      return refuse(res, 400, error, params);
    }
    const found = await teachers.report(teacherOf(res), query.data);
    if (!found) return refuse(res, 404, query.data.match ? "report-match-unknown" : "report-assignment-unknown");
    if (!req.path.endsWith(".csv")) return void res.json(found);
    const name = query.data.match ?? query.data.assignment ?? "all";
    res.type("text/csv; charset=utf-8").attachment(`shell-and-galaxy-report-${name}.csv`);
    res.send(toCsv(reportCsvRows(found), REPORT_CSV_COLUMNS));
  };
  api.get("/teacher/report", withKey, report);
  api.get("/teacher/report.csv", withKey, report);

  api.post("/teacher/assignments", json, withKey, async (req, res) => {
    const settings = assignmentSettingsSchema.safeParse(req.body);
    if (!settings.success) {
      const { error, params } = issueProblem(settings.error, "settings", "invalid-settings");
      return refuse(res, 400, error, params);
    }
    const late = deadlineRefusal(settings.data.deadline, now());
    if (late) return refuse(res, 400, late.error, late.params);
    const teacherId = teacherOf(res);
    if ((await teachers.assignmentCount(teacherId)) >= ASSIGNMENTS_PER_KEY)
      return refuse(res, 429, "assignments-too-many", { max: ASSIGNMENTS_PER_KEY });
    res.status(201).json(await teachers.createAssignment(teacherId, settings.data, now()));
  });

  api.get("/assignments/:id", async (req, res) => {
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) return refuse(res, 400, "assignment-link-format");
    const assignment = await teachers.assignment(id.data);
    if (!assignment) return refuse(res, 404, "assignment-unknown");
    res.json(publicAssignment(assignment, now(), secret));
  });

  // A body too big or not JSON (express.json's errors) gets a code too, not an HTML page, and
  // so does a store that failed (PostgreSQL unreachable, a locked file): logged, then a 500.
  api.use(
    (
      error: { type?: string; status?: number },
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (error.type === "entity.too.large") return refuse(res, 413, "body-too-large", { maxKb: BODY_MAX_KB });
      if (error.type === "entity.parse.failed") return refuse(res, 400, "body-not-json");
      if (error.status && error.status >= 400 && error.status < 500)
        return refuse(res, error.status, "body-unreadable");
      if (!req.route) return next(error); // not one of these routes' (an earlier middleware's)
      // The path only: no query, no header (a key never reaches a log line).
      log.error("teacher-api-failed", { method: req.method, path: req.baseUrl + req.path, error });
      if (res.headersSent) return next(error);
      refuse(res, 500, "teacher-store-down");
    },
  );
  return api;
}
