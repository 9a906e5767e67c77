// /api/sets from the /create page: the browser's teacher key only in the Authorization header; a
// refusal comes back as a code and the field it names, worded in the page's language.
import type { RoundSet, RoundSetInput, SetSummary } from "../../shared/round-set";
import type { AssignmentSummary } from "../../shared/teacher";
import { t } from "../i18n/i18n";
import { describeProblem } from "../i18n/problem-text";
import { keyHeaders } from "../teacher-key";
import type { Problem } from "../../shared/problems";
import { Worded } from "../ui";

/** The server said no (status 0: it could not be reached); `words()` says why in the language shown. */
export class SetRefusal extends Worded {
  constructor(
    readonly status: number,
    words: () => string,
    readonly field?: string,
  ) {
    super(words);
  }
}

async function call<T>(key: string, path: string, method = "GET", body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      cache: "no-store",
      headers: { ...keyHeaders(key), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new SetRefusal(0, () => t("create.unreachable"));
  }
  const json = (await res.json().catch(() => undefined)) as (T & Partial<Problem>) | undefined;
  if (!res.ok || json === undefined) {
    const problem = json?.error ? (json as Problem) : undefined;
    const status = res.status;
    throw new SetRefusal(
      status,
      () => (problem ? describeProblem(problem) : t("create.refusedHttp", { status })),
      json?.field,
    );
  }
  return json;
}

export const saveSet = (key: string, set: RoundSetInput) => call<SetSummary>(key, "/api/sets", "POST", set);
export const listSets = (key: string) => call<{ sets: SetSummary[] }>(key, "/api/sets");
export const readSet = (key: string, id: string) =>
  call<{ summary: SetSummary; set: RoundSet }>(key, `/api/sets/${encodeURIComponent(id)}`);
export const deleteSet = (key: string, id: string) => call(key, `/api/sets/${encodeURIComponent(id)}`, "DELETE");
export const shareSet = (key: string, id: string) =>
  call<{ share: string; link: string }>(key, `/api/sets/${encodeURIComponent(id)}/share`, "POST");
/** Homework from a set: the assignment's settings (rounds default to the set's). */
export const setAssignment = (key: string, id: string, settings: unknown) =>
  call<AssignmentSummary>(key, `/api/sets/${encodeURIComponent(id)}/assignments`, "POST", settings);
export const sharedSet = (key: string, token: string) =>
  call<{ set: RoundSet }>(key, `/api/shared-sets/${encodeURIComponent(token)}`);
