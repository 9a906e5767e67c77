// The teacher API's calls from /teacher. The key goes only in the Authorization header
// (keyHeaders), never in a URL; a refusal comes back as a code (`{ error, params?, field? }`),
// worded here in the page's language (describeProblem).
import type { AssignmentSettings, AssignmentSummary, ClassReport, TeacherOverview } from "../../shared/teacher";
import { t } from "../i18n/i18n";
import { describeProblem } from "../i18n/problem-text";
import type { Problem } from "../../shared/problems";
import { keyHeaders } from "../teacher-key";
import { Worded } from "../ui";
import type { ReportChoice } from "./teacher-state";

/** The server said no: `status` tells a refused key (401/403) from a missing report (404). */
export class ApiRefusal extends Worded {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(() => (problem?.error ? describeProblem(problem) : t("teacher.refusedHttp", { status })));
  }
}

interface Call {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

async function call(key: string, path: string, init: Call = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { cache: "no-store", ...init, headers: { ...keyHeaders(key), ...init.headers } });
  } catch {
    throw new Worded(() => t("teacher.unreachable"));
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => undefined)) as Problem | undefined;
  throw new ApiRefusal(res.status, body);
}

async function json<T>(res: Promise<Response>): Promise<T> {
  const body = (await (await res).json().catch(() => undefined)) as T | undefined;
  if (body === undefined) throw new Worded(() => t("teacher.unreadable"));
  return body;
}

/** The report's query: ?match=ID, ?assignment=ID, or nothing for everything of the key. */
const reportQuery = (c: ReportChoice) => (c.kind === "all" ? "" : `?${c.kind}=${encodeURIComponent(c.id)}`);

export const getOverview = (key: string) => json<TeacherOverview>(call(key, "/api/teacher"));

export const getReport = (key: string, choice: ReportChoice) =>
  json<ClassReport>(call(key, `/api/teacher/report${reportQuery(choice)}`));

export const revokeKey = (key: string) => json<{ revoked: boolean }>(call(key, "/api/teacher", { method: "DELETE" }));

export const createAssignment = (key: string, settings: AssignmentSettings) =>
  json<AssignmentSummary>(
    call(key, "/api/teacher/assignments", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(settings),
    }),
  );

/** The report's CSV as a file to save, named as the server names it. */
export async function getReportCsv(key: string, choice: ReportChoice): Promise<{ blob: Blob; filename: string }> {
  const res = await call(key, `/api/teacher/report.csv${reportQuery(choice)}`, { headers: { accept: "text/csv" } });
  const named = /filename="?([^";]+)"?/.exec(res.headers.get("content-disposition") ?? "");
  return { blob: await res.blob(), filename: named?.[1] ?? "class-report.csv" };
}
