// A homework attempt's line above its rounds: resuming ("Resuming at round 3 of 5"), practice
// ("You already finished this homework…"), or that the teacher sees it; at the podium, the result.
import { html, nothing, render } from "lit-html";
import type { HomeworkMessage, Phase } from "../../shared/protocol";
import { t } from "../i18n/i18n";
import { formatPoints } from "../view-model";

export interface HomeworkNoticeView {
  homework: HomeworkMessage;
  phase: Phase;
  round: number;
  points: number;
}

/** Points as the game writes them: 2100 (no grouping), in the viewer's digits. */
const pointsParams = (points: number) => ({ points, shown: formatPoints(points) });

export function homeworkNoticeText(v: HomeworkNoticeView): string {
  const { homework: h, phase, round, points } = v;
  if (phase === "podium") return t(h.counts ? "homework.doneCounted" : "homework.donePractice", pointsParams(points));
  if (!h.counts) return t("homework.practiceAttempt");
  const resumeAt = h.roundsDone + 1;
  if (h.roundsDone > 0 && round <= resumeAt) return t("homework.resuming", { round: resumeAt, rounds: h.rounds });
  return t("homework.teacherSees");
}

export function renderHomeworkNotice(v: HomeworkNoticeView | undefined, box: HTMLElement): void {
  box.hidden = !v;
  box.dataset.counts = v ? String(v.homework.counts) : "";
  render(v ? html`<strong>${v.homework.title}</strong> · ${homeworkNoticeText(v)}` : nothing, box);
}
