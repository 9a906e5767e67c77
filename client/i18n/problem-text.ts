// The HTTP APIs' refusals in words: the server answers `{ error: "<code>", params?, field? }`
// (shared/problems.ts) and the page words it here, in the language shown, from
// client/locales/<lang>/problems.json (key = the code). A schema refusal (`invalid-query`,
// `invalid-settings`, `invalid-set`) carries its reason as a code in params; it is worded first and
// put in the sentence ("rounds.0.cue: at most 160 characters"). A code this page does not know
// (a newer server) is still shown, in a generic sentence with the code.
import type { Problem } from "../../shared/problems";
import { t } from "./i18n";
import { ENGLISH } from "./messages";

const known = (code: string) => ENGLISH.has(`problems.${code}`);

/** One code's sentence with its params; undefined when there is no such code or a param is missing. */
function worded(code: string, params: Record<string, string | number>): string | undefined {
  if (!known(code)) return undefined;
  try {
    return t(`problems.${code}`, params);
  } catch {
    return undefined; // a param the message needs is missing: the generic sentence below
  }
}

/** The refusal in the current language. */
export function describeProblem(body: Problem): string {
  const params: Record<string, string | number> = { ...body.params };
  if (body.field !== undefined && params.field === undefined) params.field = body.field;
  if (typeof params.reason === "string")
    params.reason = worded(params.reason, params) ?? t("problems.unknown", { code: params.reason });
  return worded(body.error, params) ?? t("problems.unknown", { code: body.error });
}
