// What /teacher shows, in one typed store: the key and what the server said of it, the key's
// overview, the report chosen in the address (?report=match:ID | assignment:ID | all) and the new
// assignment form's draft.
import { DIFFICULTIES } from "../../shared/difficulties";
import { SPIRAL_KINDS } from "../../shared/catalog";
import { ASSIGNMENT_ROUNDS, type ClassReport, type TeacherOverview } from "../../shared/teacher";
import type { SetSummary } from "../../shared/round-set";
import { t } from "../i18n/i18n";
import { Store } from "../store";
import { browserZone, localDate } from "./deadline";

/** A sentence made in the language shown when it is drawn (so a language change rewords it). */
export type Words = () => string;

/** Which report the address asks for. */
export type ReportChoice = { kind: "match" | "assignment"; id: string } | { kind: "all" };

/**
 * "none": no key in this browser; "checking": asking the server; "ok"; "refused": the server does
 * not know the key or it was revoked (it is forgotten, `refusal` says why).
 */
export type KeyStatus = "none" | "checking" | "ok" | "refused";

export interface AssignmentDraft {
  title: string;
  rounds: number;
  kinds: string[];
  difficulty: (typeof DIFFICULTIES)[number];
  /** The deadline's wall clock in `timeZone`: "YYYY-MM-DD" and "HH:MM". */
  date: string;
  time: string;
  timeZone: string;
  friendlyNames: boolean;
  /** Rounds from one of the key's round sets (its id); "" for the catalog's kinds. */
  set?: string;
}

export interface ReportView {
  choice: ReportChoice;
  data?: ClassReport;
  /** The server's refusal, or why it could not be reached. */
  error?: Words;
}

export interface TeacherState {
  key?: string;
  keyStatus: KeyStatus;
  refusal?: Words;
  /** The key is masked on screen (for a projected page). */
  keyMasked: boolean;
  overview?: TeacherOverview;
  report?: ReportView;
  /** The status dot: loading, live (refreshing every few seconds), or not updating. */
  live: "true" | "false" | "error";
  /** "Make a key" or "Revoke" is on its way. */
  keyBusy: boolean;
  draft: AssignmentDraft;
  formBusy: boolean;
  formError?: Words;
  /** The key's round sets (made on /create). */
  sets?: SetSummary[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The report `?report=` names; undefined for none or a malformed one. */
export function choiceFromUrl(params: URLSearchParams): ReportChoice | undefined {
  const raw = params.get("report");
  if (raw === "all") return { kind: "all" };
  const m = /^(match|assignment):(.+)$/.exec(raw ?? "");
  return m && UUID.test(m[2]) ? { kind: m[1] as "match" | "assignment", id: m[2].toLowerCase() } : undefined;
}

/** The `?report=` value of a choice. */
export const choiceParam = (c: ReportChoice): string => (c.kind === "all" ? "all" : `${c.kind}:${c.id}`);

export const sameChoice = (a: ReportChoice | undefined, b: ReportChoice | undefined): boolean =>
  (a && choiceParam(a)) === (b && choiceParam(b));

/** The form as it opens: every kind, a week from today at 17:00 in this browser's zone. */
export const defaultDraft = (): AssignmentDraft => ({
  title: t("teacher.defaultTitle"),
  rounds: ASSIGNMENT_ROUNDS.default,
  kinds: [...SPIRAL_KINDS],
  difficulty: "normal",
  date: localDate(7),
  time: "17:00",
  timeZone: browserZone(),
  friendlyNames: false,
  set: "",
});

export function teacherStore(choice: ReportChoice | undefined): Store<TeacherState> {
  return new Store<TeacherState>({
    keyStatus: "none",
    keyMasked: false,
    live: "false",
    keyBusy: false,
    report: choice && { choice },
    draft: defaultDraft(),
    formBusy: false,
  });
}
