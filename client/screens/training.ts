// Training: the round's ladder trains (on the server, or in this page for practice); a progress bar.
import { html, render } from "lit-html";
import { MAX_LEVEL } from "../../shared/ladder-levels";
import { t } from "../i18n/i18n";

export interface TrainingView {
  title: string;
  /** 0–100. */
  progress: number;
  /** The match's settings, or what practice says about where it trains. */
  summary: string;
}

export function renderTraining(v: TrainingView, root: HTMLElement): void {
  const pct = Math.max(0, Math.min(100, v.progress));
  render(
    html`
    <h2 id="training-title">${v.title}</h2>
    <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${pct} id="training-bar">
      <div id="training-fill" style="width: ${pct}%"></div></div>
    <p class="muted">${t("tuning.trainingNote", { count: MAX_LEVEL })}</p>
    <p id="match-summary" class="small muted">${v.summary}</p>`,
    root,
  );
}
