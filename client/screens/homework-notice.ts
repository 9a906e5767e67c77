// A homework attempt's line above its rounds: resuming ("Resuming at round 3 of 5"), practice
// ("You already finished this homework…"), or that the teacher sees it; at the podium, the result.
import { html, nothing, render } from "lit-html";
import type { HomeworkMessage, Phase } from "../../shared/protocol";

export interface HomeworkNoticeView {
  homework: HomeworkMessage;
  phase: Phase;
  round: number;
  points: number;
}

const PRACTICE = "You already finished this homework: this attempt is practice and does not count.";

export function homeworkNoticeText(v: HomeworkNoticeView): string {
  const { homework: h, phase, round, points } = v;
  if (phase === "podium")
    return h.counts
      ? `Homework done: ${points} points. Your teacher sees your result.`
      : `Practice finished: ${points} points. Your first attempt is the one that counts.`;
  if (!h.counts) return PRACTICE;
  const resumeAt = h.roundsDone + 1;
  if (h.roundsDone > 0 && round <= resumeAt) return `Resuming at round ${resumeAt} of ${h.rounds}.`;
  return "Your teacher sees this attempt. You can leave and open the link again to go on.";
}

export function renderHomeworkNotice(v: HomeworkNoticeView | undefined, box: HTMLElement): void {
  box.hidden = !v;
  box.dataset.counts = v ? String(v.homework.counts) : "";
  render(v ? html`<strong>${v.homework.title}</strong> · ${homeworkNoticeText(v)}` : nothing, box);
}
