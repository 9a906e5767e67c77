// /teacher as one lit-html template of its store: the key's card, the chosen report (first, so a
// projector shows it at the top), then the key's classes beside the new homework form.
import { html, nothing, type TemplateResult } from "lit-html";
import { assignmentForm, type FormActions } from "./assignment-form";
import { keyCard, type KeyActions } from "./key-view";
import { overviewCard, type OverviewActions } from "./overview-view";
import { reportSection, type ReportActions } from "./report-view";
import type { TeacherState } from "./teacher-state";
import { setsCard } from "./sets-view";

export type TeacherActions = KeyActions & OverviewActions & ReportActions & FormActions;

export function teacherPage(s: Readonly<TeacherState>, act: TeacherActions): TemplateResult {
  const working = s.key && s.keyStatus !== "refused";
  return html`${keyCard(s, act)}
  ${working && s.report ? reportSection(s.report, act) : nothing}
  ${
    working
      ? html`<div class="teacher-grid">
        ${overviewCard(s.overview, s.report?.choice, s.live, act)} ${assignmentForm(s, act)}
      </div>
      ${setsCard(s.sets)}`
      : nothing
  }`;
}
