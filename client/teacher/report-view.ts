// The class report: what it covers, the class's share of each label (a drawn bar), per round the
// U-curve beside the class's picks, and one line per student and round (data-testid="report-row",
// its data-* attributes are the page contract). Labels are words and colours, never colour alone.
import { html, nothing, type TemplateResult } from "lit-html";
import { MAX_LEVEL } from "../../shared/ladder-levels";
import type { ClassReport, ReportRow } from "../../shared/teacher";
import { chartLegend, LABEL_TEXT, picksChart, sharesBar, uCurve } from "./charts";
import type { ReportView } from "./teacher-state";

export interface ReportActions {
  csv(): void;
  print(): void;
  close(): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const error = (e: number | null) => (e === null ? "–" : e.toPrecision(3));

function row(r: ReportRow): TemplateResult {
  return html`<tr data-testid="report-row" data-name=${r.name} data-round=${r.round} data-level=${r.level}
    data-best-level=${r.bestLevel} data-points=${r.points} data-label=${r.label}>
    <th scope="row" class="name" data-col="Student">${r.name}</th>
    <td data-col="Round">${r.round}</td>
    <td data-col="Level">${r.level}</td>
    <td data-col="Best">${r.bestLevel}</td>
    <td class="num" data-col="Train">${error(r.trainError)}</td>
    <td class="num" data-col="Validation">${error(r.validationError)}</td>
    <td class="num" data-col="Hidden">${error(r.hiddenError)}</td>
    <td class="num" data-col="Points">${r.points}</td>
    <td data-col="Label"><span class="fit-chip fill-${r.label}">${LABEL_TEXT[r.label]}</span></td>
  </tr>`;
}

/** The rows, under one heading per source when the report covers several. */
function table(report: ClassReport): TemplateResult {
  const many = report.sources.length > 1;
  const bySource = many
    ? report.sources.map((s) => ({ label: s.label, rows: report.rows.filter((r) => r.source === s.id) }))
    : [{ label: "", rows: report.rows }];
  return html`<table class="report-table">
    <thead>
      <tr>
        <th scope="col">Student</th><th scope="col">Round</th><th scope="col">Level</th><th scope="col">Best</th>
        <th scope="col" class="num">Train error</th><th scope="col" class="num">Validation error</th>
        <th scope="col" class="num">Hidden error</th><th scope="col" class="num">Points</th><th scope="col">Label</th>
      </tr>
    </thead>
    ${bySource.map(
      (group) => html`<tbody>
        ${many && group.rows.length ? html`<tr class="source-head"><th colspan="9">${group.label}</th></tr>` : nothing}
        ${group.rows.map(row)}
      </tbody>`,
    )}
  </table>`;
}

function rounds(report: ClassReport): TemplateResult {
  const labels = new Map(report.sources.map((s) => [s.id, s.label]));
  const many = report.sources.length > 1;
  return html`${report.rounds.map((r) => {
    const levels = Math.max(MAX_LEVEL, r.picks.length, ...r.curve.map((c) => c.level));
    const picked = r.picks.reduce((a, b) => a + b, 0);
    return html`<figure class="round-figure" data-testid="report-round" data-round=${r.round}>
      <figcaption>
        <strong>${many ? `${labels.get(r.source) ?? ""} · ` : ""}Round ${r.round}</strong>
        <span class="muted">best level ${r.bestLevel} · ${plural(picked, "pick")}</span>
      </figcaption>
      <div class="round-charts">${uCurve(r.curve, r.bestLevel, levels)} ${picksChart(r, levels)}</div>
    </figure>`;
  })}`;
}

export function reportSection(view: ReportView, act: ReportActions): TemplateResult {
  const report = view.data;
  const head = html`<div class="card-head">
    <h2 id="report-title">${report?.title ?? "Class report"}</h2>
    <div class="report-tools no-print">
      <button type="button" data-testid="download-report-csv" ?disabled=${!report} @click=${act.csv}>Download CSV</button>
      <button type="button" data-testid="print-report" ?disabled=${!report} @click=${act.print}>Print</button>
      <button type="button" class="small-button" @click=${act.close}>Close report</button>
    </div>
  </div>`;
  if (!report) {
    return html`<section id="report" class="card report" aria-labelledby="report-title">
      ${head}
      ${
        view.error
          ? html`<p class="error" data-testid="report-error" role="alert">${view.error}</p>`
          : html`<p class="muted">Loading the report…</p>`
      }
    </section>`;
  }
  // What it covers, unless the title already says it (a single match's report).
  const covers = report.sources.map((s) => s.label).filter((label) => label !== report.title);
  return html`<section id="report" class="card report" aria-labelledby="report-title">
    ${head}
    ${
      covers.length || !report.sources.length
        ? html`<p class="muted report-covers">${covers.join(" · ") || "Nothing played yet."}</p>`
        : nothing
    }
    ${view.error ? html`<p class="error" role="alert">${view.error}</p>` : nothing}
    ${
      report.rows.length
        ? html`<h3 class="sub">The class: ${plural(report.students, "student")}, ${plural(report.rows.length, "pick")}</h3>
          ${sharesBar(report.shares)}
          <p class="small muted">Underfit: a lower detail level than the best one (too simple). Overfit: a higher one
            (it learned A's noise). On target: the best level, the lowest error on the hidden B.</p>
          <h3 class="sub">Each round</h3>
          ${chartLegend()} ${rounds(report)}
          <h3 class="sub">Each student</h3>
          ${table(report)}`
        : html`<p class="empty-state" data-testid="report-empty">No results yet: they appear here as students play
          (this report refreshes by itself).</p>`
    }
  </section>`;
}
