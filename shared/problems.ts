// A refusal as data, not as a sentence: the HTTP APIs answer `{ error: "<code>", params?, field? }`
// and the schemas' messages are codes too; the client words them (client/i18n/problem-text.ts,
// messages in client/locales/en/problems.json, key = the code).
//
// A zod issue becomes a reason: its message when the schema gave a code (`"text-too-short"`), else
// `zod-<issue code>` (`"zod-too-big"`) with the facts zod's own English sentence is made of.
import type { z } from "zod";
import { factsOf, type RefusalParams } from "./refusals";

/** What a parameter may be: a fact, never a sentence (the rooms' refusals take the same). */
export type ProblemParams = RefusalParams;

/** A refusal: its code, the facts it is worded with, and the field it is about (a dotted path). */
export interface Problem {
  error: string;
  params?: ProblemParams;
  field?: string;
}

/** A code: lower-case letters, digits and dashes. */
export const PROBLEM_CODE = /^[a-z0-9-]+$/;

type Issue = z.core.$ZodIssue;

/** A value as zod's English shows it in a list ("a", 1, null). */
const shown = (value: unknown) => (typeof value === "string" ? JSON.stringify(value) : String(value));

/** The type zod names for what it received (its `parsedType`, NaN and ±Infinity shown as they are). */
function typeOf(input: unknown): string {
  if (typeof input === "number") return Number.isFinite(input) ? "number" : String(input);
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  if (input instanceof Date) return "date";
  return typeof input;
}

/** The facts of a too_big / too_small issue: the bound and how it binds. */
const bound = (issue: { inclusive?: boolean; exact?: boolean }) =>
  issue.exact ? "exact" : issue.inclusive ? "inclusive" : "exclusive";

/** An issue as a reason code and its facts. */
export function issueReason(issue: Issue): { reason: string; params: ProblemParams } {
  const params: ProblemParams = issue.code === "custom" && issue.params ? factsOf(issue.params) : {};
  switch (issue.code) {
    case "too_big":
      Object.assign(params, { origin: issue.origin ?? "value", max: Number(issue.maximum), bound: bound(issue) });
      break;
    case "too_small":
      Object.assign(params, { origin: issue.origin ?? "value", min: Number(issue.minimum), bound: bound(issue) });
      break;
    case "invalid_type":
      Object.assign(params, { expected: issue.expected, received: typeOf(issue.input) });
      break;
    case "invalid_value":
      Object.assign(params, { values: issue.values.map(shown).join("|"), count: issue.values.length });
      break;
    case "unrecognized_keys":
      Object.assign(params, { keys: issue.keys.map(shown).join(", "), count: issue.keys.length });
      break;
    case "invalid_format": {
      params.format = issue.format;
      const facts = issue as unknown as Record<string, unknown>;
      for (const fact of ["pattern", "prefix", "suffix", "includes"])
        if (typeof facts[fact] === "string") params[fact] = facts[fact];
      break;
    }
    case "not_multiple_of":
      params.divisor = Number(issue.divisor);
      break;
    case "invalid_key":
    case "invalid_element":
      params.origin = issue.origin;
      break;
  }
  const reason = PROBLEM_CODE.test(issue.message) ? issue.message : `zod-${issue.code.replace(/_/g, "-")}`;
  return { reason, params };
}

/**
 * The first issue of a failed parse as a refusal: `code` (e.g. "invalid-query") with params
 * `{ field, reason, ...the reason's facts }` and the field (`what` when the issue has no path).
 */
export function issueProblem(error: z.ZodError, what: string, code: string): Problem & { field: string } {
  const issue = error.issues[0];
  const field = issue.path.map(String).join(".") || what;
  const { reason, params } = issueReason(issue);
  return { error: code, params: { ...params, field, reason }, field };
}
