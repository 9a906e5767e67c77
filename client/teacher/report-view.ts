// The class report: what it covers, the class's share of each label (a drawn bar), per round the
// U-curve beside the class's picks, and one line per student and round (data-testid="report-row",
// its data-* attributes are the page contract). Labels are words and colours, never colour alone.
import { html, nothing, type TemplateResult } from "lit-html";
import { MAX_LEVEL } from "../../shared/ladder-levels";
import type { ClassReport, ReportRow, ReportSource } from "../../shared/teacher";
import { formatDate, formatNumber, t } from "../i18n/i18n";
import { chartLegend, labelText, picksChart, sharesBar, uCurve } from "./charts";
import type { ReportView } from "./teacher-state";

export interface ReportActions {
  csv(): void;
  print(): void;
  close(): void;
}

/** A source's label in the language shown: a match's room and start (UTC), a homework's title as typed. */
export function sourceText(source: ReportSource): string {
  if (source.kind !== "match" || !source.code || !source.startedAt) return source.label;
  const at = new Date(source.startedAt);
  return t("teacher.matchSource", {
    code: source.code,
    day: at.getUTCDate(),
    month: formatDate(at, { month: "short", timeZone: "UTC" }),
    year: String(at.getUTCFullYear()),
    time: at.toISOString().slice(11, 16),
  });
}

/** The report's heading: everything of the key, a match's label or the homework's title. */
export const reportTitle = (view: ReportView): string | undefined =>
  view.data &&
  (view.choice.kind === "all" || !view.data.sources[0] ? t("teacher.allTitle") : sourceText(view.data.sources[0]));

const error = (e: number | null) =>
  e === null ? "–" : formatNumber(e, { minimumSignificantDigits: 3, maximumSignificantDigits: 3 });

function row(r: ReportRow): TemplateResult {
  return html`<tr data-testid="report-row" data-name=${r.name} data-round=${r.round} data-level=${r.level}
    data-best-level=${r.bestLevel} data-points=${r.points} data-label=${r.label}>
    <th scope="row" class="name" data-col=${t("teacher.colStudent")}>${r.name}</th>
    <td data-col=${t("teacher.colRound")}>${formatNumber(r.round)}</td>
    <td data-col=${t("teacher.colLevel")}>${formatNumber(r.level)}</td>
    <td data-col=${t("teacher.colBest")}>${formatNumber(r.bestLevel)}</td>
    <td class="num" data-col=${t("teacher.colTrain")}>${error(r.trainError)}</td>
    <td class="num" data-col=${t("teacher.colValidation")}>${error(r.validationError)}</td>
    <td class="num" data-col=${t("teacher.colHidden")}>${error(r.hiddenError)}</td>
    <td class="num" data-col=${t("teacher.colPoints")}>${formatNumber(r.points)}</td>
    <td data-col=${t("teacher.colLabel")}><span class="fit-chip fill-${r.label}">${labelText(r.label)}</span></td>
  </tr>`;
}

/** The rows, under one heading per source when the report covers several. */
function table(report: ClassReport): TemplateResult {
  const many = report.sources.length > 1;
  const bySource = many
    ? report.sources.map((s) => ({ label: sourceText(s), rows: report.rows.filter((r) => r.source === s.id) }))
    : [{ label: "", rows: report.rows }];
  return html`<table class="report-table">
    <thead>
      <tr>
        <th scope="col">${t("teacher.colStudent")}</th><th scope="col">${t("teacher.colRound")}</th>
        <th scope="col">${t("teacher.colLevel")}</th><th scope="col">${t("teacher.colBest")}</th>
        <th scope="col" class="num">${t("teacher.headTrain")}</th><th scope="col" class="num">${t("teacher.headValidation")}</th>
        <th scope="col" class="num">${t("teacher.headHidden")}</th><th scope="col" class="num">${t("teacher.colPoints")}</th>
        <th scope="col">${t("teacher.colLabel")}</th>
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
  const labels = new Map(report.sources.map((s) => [s.id, sourceText(s)]));
  const many = report.sources.length > 1;
  return html`${report.rounds.map((r) => {
    const levels = Math.max(MAX_LEVEL, r.picks.length, ...r.curve.map((c) => c.level));
    const picked = r.picks.reduce((a, b) => a + b, 0);
    return html`<figure class="round-figure" data-testid="report-round" data-round=${r.round}>
      <figcaption>
        <strong>${
          many
            ? t("teacher.sourceRound", { source: labels.get(r.source) ?? "", round: r.round })
            : t("teacher.round", { round: r.round })
        }</strong>
        <span class="muted">${t("teacher.roundBest", { level: r.bestLevel, picks: picked })}</span>
      </figcaption>
      <div class="round-charts">${uCurve(r.curve, r.bestLevel, levels)} ${picksChart(r, levels)}</div>
    </figure>`;
  })}`;
}

export function reportSection(view: ReportView, act: ReportActions): TemplateResult {
  const report = view.data;
  const head = html`<div class="card-head">
    <h2 id="report-title">${reportTitle(view) ?? t("teacher.classReport")}</h2>
    <div class="report-tools no-print">
      <button type="button" data-testid="download-report-csv" ?disabled=${!report} @click=${act.csv}>${t("teacher.downloadCsv")}</button>
      <button type="button" data-testid="print-report" ?disabled=${!report} @click=${act.print}>${t("teacher.print")}</button>
      <button type="button" class="small-button" @click=${act.close}>${t("teacher.closeReport")}</button>
    </div>
  </div>`;
  if (!report) {
    return html`<section id="report" class="card report" aria-labelledby="report-title">
      ${head}
      ${
        view.error
          ? html`<p class="error" data-testid="report-error" role="alert">${view.error()}</p>`
          : html`<p class="muted">${t("teacher.loadingReport")}</p>`
      }
    </section>`;
  }
  // What it covers, unless the title already says it (a single match's report).
  const covers = report.sources.filter((s) => s.label !== report.title).map(sourceText);
  return html`<section id="report" class="card report" aria-labelledby="report-title">
    ${head}
    ${
      covers.length || !report.sources.length
        ? html`<p class="muted report-covers">${covers.join(" · ") || t("teacher.nothingPlayed")}</p>`
        : nothing
    }
    ${view.error ? html`<p class="error" role="alert">${view.error()}</p>` : nothing}
    ${
      report.rows.length
        ? html`<h3 class="sub">${t("teacher.theClass", { students: report.students, picks: report.rows.length })}</h3>
          ${sharesBar(report.shares)}
          <p class="small muted">${t("teacher.labelsExplained")}</p>
          <h3 class="sub">${t("teacher.eachRound")}</h3>
          ${chartLegend()} ${rounds(report)}
          <h3 class="sub">${t("teacher.eachStudent")}</h3>
          ${table(report)}`
        : html`<p class="empty-state" data-testid="report-empty">${t("teacher.noResults")}</p>`
    }
  </section>`;
}
