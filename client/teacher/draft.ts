// The new homework form's draft as the API's settings, and why it cannot be sent yet (in words,
// before the server is asked: a half-typed date should not cost a round trip).
import { ASSIGNMENT_ROUNDS, type AssignmentSettings } from "../../shared/teacher";
import { t } from "../i18n/i18n";
import { zonedInstant } from "./deadline";
import type { AssignmentDraft } from "./teacher-state";

/** Why `d` cannot be sent at `now`; undefined when it can. */
export function draftProblem(d: AssignmentDraft, now = Date.now()): string | undefined {
  if (!d.title.trim()) return t("teacher.draftNoTitle");
  if (!Number.isInteger(d.rounds) || d.rounds < ASSIGNMENT_ROUNDS.min || d.rounds > ASSIGNMENT_ROUNDS.max)
    return t("teacher.draftRounds", { min: ASSIGNMENT_ROUNDS.min, max: ASSIGNMENT_ROUNDS.max });
  if (!d.kinds.length && !d.set) return t("teacher.draftNoKind");
  const deadline = zonedInstant(d.date, d.time, d.timeZone);
  if (!deadline) return t("teacher.draftNoDeadline");
  if (Date.parse(deadline) <= now) return t("teacher.draftPassed");
  return undefined;
}

/** The settings POST /api/teacher/assignments takes (call after draftProblem said nothing). */
export const draftSettings = (d: AssignmentDraft): AssignmentSettings => ({
  title: d.title,
  rounds: d.rounds,
  kinds: d.kinds as AssignmentSettings["kinds"],
  difficulty: d.difficulty,
  deadline: zonedInstant(d.date, d.time, d.timeZone) ?? "",
  timeZone: d.timeZone,
  friendlyNames: d.friendlyNames,
});
