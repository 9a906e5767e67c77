// Round sets over HTTP (`/api/sets…`): save, list, read, delete, share. The teacher key travels
// only in `Authorization: Bearer`; every set is checked with the zod schema of shared/round-set.ts
// (the same checks the /create page makes), and every refusal is `{ error: "<code>", params?, field }`
// (shared/problems.ts; the page words it) and changes
// nothing. A set is read only by its owner's key; a share link's token lets another teacher key
// read a copy to import (GET /api/shared-sets/:token, a key needed: see SECURITY.md).
import express from "express";
import { z } from "zod";
import { SPIRAL_KINDS } from "../shared/catalog";
import { SET_LIMITS, SHARE_TOKEN_PATTERN, checkSet, setRoundSpecs, sharedSetPath } from "../shared/round-set";
import { ASSIGNMENT_ROUNDS, ASSIGNMENTS_PER_KEY, assignmentSettingsSchema } from "../shared/teacher";
import { deadlineRefusal } from "./teacher-api";
import { log } from "./log";
import type { SetsStore } from "./sets-store";
import type { TeacherStore } from "./teacher-store";
import { teacherKeyGate } from "./teacher-key-gate";
import { issueProblem, type Problem, type ProblemParams } from "../shared/problems";

type Refuse = (res: express.Response, status: number, error: string, field: string, params?: ProblemParams) => void;
const refuse: Refuse = (res, status, error, field, params) =>
  void res.status(status).json({ error, params, field } satisfies Problem); // (JSON drops a missing params)

const setId = z.uuid();

export function setsApiRouter(teachers: TeacherStore, sets: SetsStore, now: () => Date): express.Router {
  const api = express.Router();
  // A pretty-printed export may be twice its compact size; the compact size is held to maxBytes.
  const json = express.json({ limit: SET_LIMITS.maxBytes * 2 });
  const withKey = teacherKeyGate(teachers);
  const teacherOf = (res: express.Response) => res.locals.teacherId as string;
  const idOf = (req: express.Request, res: express.Response): string | undefined => {
    const id = setId.safeParse(req.params.id);
    if (!id.success) return void refuse(res, 400, "set-id-format", "id");
    return id.data;
  };
  const noSet = (res: express.Response) => refuse(res, 404, "set-unknown", "id");

  api.post("/sets", json, withKey, async (req, res) => {
    const checked = checkSet(req.body);
    if (!checked.ok) return refuse(res, 400, checked.error, checked.field, checked.params);
    const saved = await sets.save(teacherOf(res), checked.set, now());
    if (!saved.ok) return refuse(res, saved.reason === "too-many" ? 429 : 413, saved.error, saved.field, saved.params);
    res.status(201).json(saved.summary);
  });

  api.get("/sets", withKey, async (_req, res) => void res.json({ sets: await sets.list(teacherOf(res)) }));

  api.get("/sets/:id", withKey, async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    const found = await sets.get(teacherOf(res), id);
    if (!found) return noSet(res);
    res.json(found);
  });

  api.delete("/sets/:id", withKey, async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    if (!(await sets.remove(teacherOf(res), id))) return noSet(res);
    res.json({ deleted: true });
  });

  api.post("/sets/:id/share", withKey, async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    const token = await sets.share(teacherOf(res), id);
    if (!token) return noSet(res);
    res.status(201).json({ share: token, link: sharedSetPath(token) });
  });

  api.delete("/sets/:id/share", withKey, async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    if (!(await sets.unshare(teacherOf(res), id))) return noSet(res);
    res.json({ shared: false });
  });

  // Homework from a set: the assignment's settings (title, deadline, time zone, names; rounds
  // default to the set's, at most ASSIGNMENT_ROUNDS.max, and repeat it when more), its rounds
  // copied from the set now, so editing or deleting the set later changes nothing.
  api.post("/sets/:id/assignments", express.json({ limit: "4kb" }), withKey, async (req, res) => {
    const id = idOf(req, res);
    if (!id) return;
    const teacherId = teacherOf(res);
    const found = await sets.get(teacherId, id);
    if (!found) return noSet(res);
    const body: unknown = req.body;
    if (typeof body !== "object" || body === null || Array.isArray(body))
      return refuse(res, 400, "settings-not-object", "(settings)");
    const defaults = {
      rounds: Math.min(found.set.rounds.length, ASSIGNMENT_ROUNDS.max),
      kinds: [...SPIRAL_KINDS],
      difficulty: "normal",
    };
    const settings = assignmentSettingsSchema.safeParse({ ...defaults, ...body });
    if (!settings.success) {
      const { error, params, field } = issueProblem(settings.error, "(settings)", "invalid-settings");
      return refuse(res, 400, error, field, params);
    }
    const late = deadlineRefusal(settings.data.deadline, now());
    if (late) return refuse(res, 400, late.error, "deadline", late.params);
    if ((await teachers.assignmentCount(teacherId)) >= ASSIGNMENTS_PER_KEY)
      return refuse(res, 429, "assignments-too-many", "(key)", { max: ASSIGNMENTS_PER_KEY });
    const made = await teachers.createAssignment(teacherId, settings.data, now(), setRoundSpecs(found.set));
    res.status(201).json({ ...made, set: { id, name: found.summary.name } });
  });

  api.get("/shared-sets/:token", withKey, async (req, res) => {
    if (!SHARE_TOKEN_PATTERN.test(req.params.token as string)) return refuse(res, 400, "share-token-format", "token");
    const set = await sets.shared(req.params.token as string);
    if (!set) return refuse(res, 404, "shared-set-unknown", "token");
    res.json({ set });
  });

  // A body too big or not JSON gets a code and a field too, and so does a store that failed.
  api.use(
    (
      error: { type?: string; status?: number },
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (!req.path.startsWith("/sets") && !req.path.startsWith("/shared-sets")) return next(error);
      if (error.type === "entity.too.large")
        return refuse(res, 413, "set-body-too-large", "(set)", { maxKb: SET_LIMITS.maxBytes / 1024 });
      if (error.type === "entity.parse.failed") return refuse(res, 400, "body-not-json", "(set)");
      if (error.status && error.status >= 400 && error.status < 500)
        return refuse(res, error.status, "body-unreadable", "(set)");
      log.error("sets-api-failed", { method: req.method, path: req.baseUrl + req.path, error });
      if (res.headersSent) return next(error);
      refuse(res, 500, "sets-store-down", "(server)");
    },
  );
  return api;
}
