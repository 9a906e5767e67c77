// The teacher key at the door of the teacher's routes (server/teacher-api.ts, server/sets-api.ts):
// only in `Authorization: Bearer`, checked against the store; refusals are `{ error: "<code>", field }`
// (the page words the code: client/i18n/problem-text.ts).
import type express from "express";
import { TEACHER_KEY_PATTERN } from "../shared/teacher";
import type { TeacherStore } from "./teacher-store";

type KeyRefusal = "teacher-key-missing" | "teacher-key-revoked" | "teacher-key-unknown";

const refuse = (res: express.Response, status: number, error: KeyRefusal, field: string) =>
  void res.status(status).json({ error, field });

/** Checks the Bearer key; the handler after it finds the teacher in res.locals.teacherId. */
export function teacherKeyGate(teachers: TeacherStore): express.RequestHandler {
  return async (req, res, next) => {
    res.set("Cache-Control", "no-store"); // a teacher's data stays out of shared caches
    const [, key] = /^Bearer +(\S+) *$/i.exec(req.get("authorization") ?? "") ?? [];
    if (!key || !TEACHER_KEY_PATTERN.test(key)) {
      res.set("WWW-Authenticate", "Bearer");
      return refuse(res, 401, "teacher-key-missing", "authorization");
    }
    const check = await teachers.checkKey(key);
    if (!check.ok)
      return refuse(
        res,
        403,
        check.reason === "revoked" ? "teacher-key-revoked" : "teacher-key-unknown",
        "authorization",
      );
    res.locals.teacherId = check.teacherId;
    next();
  };
}
