// The report's pictures as SVG (drawn, scalable to a projector or a printed page, no canvas):
// the class's label shares as one bar (HTML, so its text never stretches), and per round the U-curve (train, validation and hidden
// error per level, log scale, the best level marked) beside the class's picks per level. Lines
// differ by dash as well as colour, bars carry their numbers: readable without colour.
import { html, svg, nothing, type SVGTemplateResult, type TemplateResult } from "lit-html";
import { FIT_LABELS, fitLabel, type FitLabel, type LevelErrors, type ReportRound } from "../../shared/teacher";
import { formatList, formatNumber, t } from "../i18n/i18n";

/** A fit label ("underfit", "on-target", "overfit") in words. */
export const labelText = (label: FitLabel): string => t(`teacher.fit.${label}`);

const W = 400;
const H = 250;
const PAD = { left: 62, right: 12, top: 22, bottom: 42 };
const X0 = PAD.left;
const X1 = W - PAD.right;
const Y0 = H - PAD.bottom;
const Y1 = PAD.top;

const pct = (share: number) => t("teacher.percent", { value: Math.round(share * 100) });

/** The shares of underfit, on target and overfit as one bar, each part with its share, then a legend. */
export function sharesBar(shares: Record<FitLabel, number>): TemplateResult {
  const words = formatList(FIT_LABELS.map((l) => t("teacher.shareOf", { label: labelText(l), share: pct(shares[l]) })));
  return html`<div class="shares-bar" data-testid="shares-bar" role="img" aria-label=${words}>
      ${FIT_LABELS.map((l) =>
        shares[l] > 0
          ? html`<span class="share fill-${l}" style="flex-basis: ${shares[l] * 100}%"
              >${shares[l] >= 0.1 ? pct(shares[l]) : ""}</span>`
          : nothing,
      )}
    </div>
    <ul class="shares-legend">
      ${FIT_LABELS.map(
        (l) => html`<li><span class="swatch fill-${l}"></span>${labelText(l)} <strong>${pct(shares[l])}</strong></li>`,
      )}
    </ul>`;
}

const levelX = (level: number, levels: number) => X0 + ((level - 0.5) / levels) * (X1 - X0);

function levelAxis(levels: number, name: string): SVGTemplateResult {
  const ticks = Array.from({ length: levels }, (_, i) => i + 1).filter((l) => levels <= 12 || l % 2 === 1);
  return svg`<line class="axis" x1=${X0} y1=${Y0} x2=${X1} y2=${Y0} />
    <line class="axis" x1=${X0} y1=${Y0} x2=${X0} y2=${Y1} />
    ${ticks.map((l) => svg`<text class="tick" x=${levelX(l, levels)} y=${Y0 + 16} text-anchor="middle">${formatNumber(l)}</text>`)}
    <text class="axis-name" x=${(X0 + X1) / 2} y=${H - 6} text-anchor="middle">${t("teacher.axisLevel")}</text>
    <text class="axis-name" transform="translate(12 ${(Y0 + Y1) / 2}) rotate(-90)" text-anchor="middle">${name}</text>`;
}

const SERIES = [
  { key: "trainError", css: "train", name: "teacher.seriesTrain" },
  { key: "validationError", css: "validation", name: "teacher.seriesValidation" },
  { key: "hiddenError", css: "hidden", name: "teacher.seriesHidden" },
] as const;

/** The U-curve of one round: each error per level on a log scale, the best level marked. */
export function uCurve(curve: LevelErrors[], bestLevel: number, levels: number): TemplateResult {
  if (!curve.length) {
    return html`<p class="chart-missing muted">${t("teacher.noCurve")}</p>`;
  }
  const logOf = (e: number) => Math.log10(Math.max(e, 1e-9));
  const all = curve.flatMap((c) => SERIES.map((s) => logOf(c[s.key])));
  const hi = Math.max(...all);
  // A near-zero train error would squash the rest: three decades below the top are enough.
  const lo = Math.min(Math.max(Math.min(...all), hi - 3), hi - 0.1);
  const y = (e: number) => Y0 - 6 - ((Math.max(logOf(e), lo) - lo) / (hi - lo)) * (Y0 - 6 - Y1);
  const ticks = [lo, (lo + hi) / 2, hi];
  const best = curve.find((c) => c.level === bestLevel);
  const bx = levelX(bestLevel, levels);
  const lines = SERIES.map(({ key, css }) => {
    const d = curve.map((c, i) => `${i ? "L" : "M"}${levelX(c.level, levels).toFixed(1)} ${y(c[key]).toFixed(1)}`);
    return svg`<path class="curve curve-${css}" d=${d.join(" ")} />
      ${css === "hidden" ? curve.map((c) => svg`<circle class="dot-hidden" cx=${levelX(c.level, levels)} cy=${y(c.hiddenError)} r="3.5" />`) : nothing}`;
  });
  return html`<svg class="chart u-curve" data-testid="u-curve" viewBox="0 0 ${W} ${H}" role="img"
    aria-label=${t("teacher.uCurveLabel", { best: bestLevel })}>
    ${ticks.map(
      (tick) => svg`<line class="grid" x1=${X0} x2=${X1} y1=${y(10 ** tick)} y2=${y(10 ** tick)} />
        <text class="tick" x=${X0 - 5} y=${y(10 ** tick) + 4} text-anchor="end">${formatNumber(10 ** tick, { minimumSignificantDigits: 2, maximumSignificantDigits: 2 })}</text>`,
    )}
    ${levelAxis(levels, t("teacher.axisErrorLog"))}
    <line class="best-line" x1=${bx} x2=${bx} y1=${Y0} y2=${Y1 - 8} />
    ${lines}
    ${best ? svg`<circle class="best-ring" cx=${bx} cy=${y(best.hiddenError)} r="8" />` : nothing}
    <text class="best-text" x=${bx + (bestLevel > levels - 3 ? -6 : 6)} y=${Y1 - 8}
      text-anchor=${bestLevel > levels - 3 ? "end" : "start"}>${t("teacher.bestAt", { level: bestLevel })}</text>
  </svg>`;
}

/** The class's picks per level, each bar in its label's colour with its count, the best level marked. */
export function picksChart(round: ReportRound, levels: number): TemplateResult {
  const top = Math.max(1, ...round.picks);
  const slot = (X1 - X0) / levels;
  const bars = round.picks.map((count, i) => {
    const level = i + 1;
    if (!count) return nothing;
    const h = (count / top) * (Y0 - Y1 - 14);
    const x = levelX(level, levels) - slot * 0.38;
    return svg`<rect class="bar fill-${fitLabel(level, round.bestLevel)}" x=${x} y=${Y0 - h} width=${slot * 0.76} height=${h} />
      <text class="bar-count" x=${levelX(level, levels)} y=${Y0 - h - 4} text-anchor="middle">${formatNumber(count)}</text>`;
  });
  const bx = levelX(round.bestLevel, levels);
  const total = round.picks.reduce((a, b) => a + b, 0);
  return html`<svg class="chart picks" data-testid="picks-chart" viewBox="0 0 ${W} ${H}" role="img"
    aria-label=${t("teacher.picksLabel", { total, best: round.bestLevel })}>
    <rect class="best-band" x=${bx - slot / 2} y=${Y1 - 8} width=${slot} height=${Y0 - Y1 + 8} />
    ${levelAxis(levels, t("teacher.axisStudents"))} ${bars}
    <text class="best-text" x=${bx} y=${Y1 - 10} text-anchor="middle">${t("teacher.best")}</text>
  </svg>`;
}

/** What the lines and bars mean, once above the rounds. */
export const chartLegend = (): TemplateResult =>
  html`<ul class="chart-legend">
    ${SERIES.map(
      (s) =>
        html`<li><svg viewBox="0 0 30 10" aria-hidden="true"><path class="curve curve-${s.css}" d="M1 5 L29 5" /></svg
          >${t(s.name)}</li>`,
    )}
    <li><svg viewBox="0 0 20 20" aria-hidden="true"><circle class="best-ring" cx="10" cy="10" r="7" /></svg>${t(
      "teacher.legendBest",
    )}</li>
    <li>${t("teacher.legendBars")}</li>
  </ul>`;
