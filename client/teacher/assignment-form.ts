// The new homework form: title, rounds, kinds, difficulty, a deadline typed in a chosen time zone
// (shown with its offset, and in the viewer's time), generated names only. Its limits come from
// shared/teacher.ts; the server's refusal is shown in words under the button.
import { html, nothing, type TemplateResult } from "lit-html";
import { SPIRAL_KINDS } from "../../shared/catalog";
import { DIFFICULTIES } from "../../shared/difficulties";
import { ASSIGNMENT_MAX_DAYS, ASSIGNMENT_ROUNDS, ASSIGNMENT_TITLE_MAX } from "../../shared/teacher";
import { language, t } from "../i18n/i18n";
import {
  browserZone,
  formatInZone,
  localDate,
  offsetLabel,
  timeZones,
  zonedInstant,
  zoneOffsetMinutes,
} from "./deadline";
import type { AssignmentDraft, TeacherState } from "./teacher-state";
import { kindLabel } from "../screens/settings-summary";

export interface FormActions {
  draft(change: Partial<AssignmentDraft>): void;
  submit(): void;
}

let zoneLabels: Map<string, string> | undefined;
/** Each zone with its offset today ("Asia/Kolkata (UTC+05:30)"), worked out once. */
function zoneLabel(zone: string): string {
  if (!zoneLabels) {
    const now = Date.now();
    zoneLabels = new Map(
      timeZones().map((z) => [z, `${z.replace(/_/g, " ")} (${offsetLabel(zoneOffsetMinutes(z, now))})`]),
    );
  }
  return zoneLabels.get(zone) ?? zone;
}

/** When the deadline falls, in its zone (with that day's offset) and, if different, the viewer's. */
function when(d: AssignmentDraft): TemplateResult {
  const iso = zonedInstant(d.date, d.time, d.timeZone);
  if (!iso) return html`<p class="small muted" id="deadline-when">${t("teacher.pickDateTime")}</p>`;
  const offset = offsetLabel(zoneOffsetMinutes(d.timeZone, Date.parse(iso)));
  const mine = browserZone();
  const due = t("teacher.deadlineDue", { when: formatInZone(iso, d.timeZone, language()), offset, zone: d.timeZone });
  return html`<p class="small" id="deadline-when" data-testid="deadline-when" data-deadline=${iso}>
    ${due}${
      mine === d.timeZone
        ? nothing
        : html` <span class="muted">${t("teacher.deadlineMine", { when: formatInZone(iso, mine, language()), zone: mine })}</span>`
    }
  </p>`;
}

export function assignmentForm(s: Readonly<TeacherState>, act: FormActions): TemplateResult {
  const d = s.draft;
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  const toggleKind = (kind: string, on: boolean) =>
    act.draft({ kinds: SPIRAL_KINDS.filter((k) => (k === kind ? on : d.kinds.includes(k))) });
  return html`<section class="card assignment-card no-print">
    <h2>${t("teacher.newHomework")}</h2>
    <p class="small muted">${t("teacher.newHomeworkLede")}</p>
    <form class="assignment-form" novalidate aria-describedby="assignment-error" @submit=${(e: Event) => {
      e.preventDefault();
      act.submit();
    }}>
      <label class="wide-field">${t("teacher.fieldTitle")}
        <input name="title" data-testid="assignment-title" maxlength=${ASSIGNMENT_TITLE_MAX} required .value=${d.title}
          @input=${(e: Event) => act.draft({ title: value(e) })} />
      </label>
      <label>${t("teacher.fieldRounds")}
        <input name="rounds" data-testid="assignment-rounds" type="number" min=${ASSIGNMENT_ROUNDS.min}
          max=${ASSIGNMENT_ROUNDS.max} step="1" required .value=${String(d.rounds)}
          @input=${(e: Event) => act.draft({ rounds: Number(value(e)) })} />
      </label>
      <label class="wide-field">${t("teacher.fieldRoundsFrom")}
        <select name="set" data-testid="assignment-set" @change=${(e: Event) => {
          // A set's rounds, once each (at most the homework's limit); the catalog's default otherwise.
          const set = (s.sets ?? []).find((x) => x.id === value(e));
          const rounds = set ? Math.min(set.rounds, ASSIGNMENT_ROUNDS.max) : ASSIGNMENT_ROUNDS.default;
          act.draft({ set: value(e), rounds });
        }}>
          <option value="" ?selected=${!d.set}>${t("teacher.roundsFromCatalog")}</option>
          ${(s.sets ?? []).map(
            (set) =>
              html`<option value=${set.id} ?selected=${d.set === set.id}>${t("teacher.roundsFromSet", { name: set.name, rounds: set.rounds })}</option>`,
          )}
        </select>
      </label>
      <label>${t("teacher.fieldDifficulty")}
        <select name="difficulty" data-testid="assignment-difficulty"
          @change=${(e: Event) => act.draft({ difficulty: value(e) as AssignmentDraft["difficulty"] })}>
          ${DIFFICULTIES.map((x) => html`<option value=${x} ?selected=${x === d.difficulty}>${t(`teacher.difficultyOption.${x}`)}</option>`)}
        </select>
      </label>
      <fieldset class="kinds wide-field" data-testid="assignment-kinds" ?hidden=${Boolean(d.set)}>
        <legend>${t("teacher.fieldKinds")}</legend>
        ${SPIRAL_KINDS.map(
          (
            kind,
          ) => html`<label class="check kind"><input type="checkbox" value=${kind} .checked=${d.kinds.includes(kind)}
            @change=${(e: Event) => toggleKind(kind, (e.target as HTMLInputElement).checked)} />${kindLabel(kind)}</label>`,
        )}
      </fieldset>
      <label>${t("teacher.fieldDay")}
        <input name="date" data-testid="assignment-date" type="date" required min=${localDate(0)}
          max=${localDate(ASSIGNMENT_MAX_DAYS)} .value=${d.date} @input=${(e: Event) => act.draft({ date: value(e) })} />
      </label>
      <label>${t("teacher.fieldTime")}
        <input name="time" data-testid="assignment-time" type="time" required .value=${d.time}
          @input=${(e: Event) => act.draft({ time: value(e) })} />
      </label>
      <label class="wide-field">${t("teacher.fieldZone")}
        <select name="timeZone" data-testid="assignment-zone" @change=${(e: Event) => act.draft({ timeZone: value(e) })}>
          ${timeZones().map((z) => html`<option value=${z} ?selected=${z === d.timeZone}>${zoneLabel(z)}</option>`)}
        </select>
      </label>
      <div class="wide-field">${when(d)}</div>
      <label class="check wide-field"><input type="checkbox" data-testid="assignment-friendly" .checked=${d.friendlyNames}
        @change=${(e: Event) => act.draft({ friendlyNames: (e.target as HTMLInputElement).checked })} />
        ${t("teacher.fieldFriendly")}</label>
      <button type="submit" class="primary wide wide-field" data-testid="new-assignment" ?disabled=${s.formBusy}>
        ${s.formBusy ? t("teacher.making") : t("teacher.makeHomework")}</button>
      <p id="assignment-error" class="error wide-field" data-testid="assignment-error" role="alert"
        ?hidden=${!s.formError}>${s.formError?.() ?? ""}</p>
    </form>
  </section>`;
}
