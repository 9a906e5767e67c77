// The live plot of a traced arm in (θ, log r): a logarithmic spiral is a straight line there, so
// the points and the fitted line show at a glance how plain the arm is.
import { svg, html, nothing } from "lit-html";
import type { PolarArm, SpiralFit } from "../../shared/tracer";
import { formatNumber, t } from "../i18n/i18n";

const W = 360,
  H = 220,
  PAD = { left: 44, right: 10, top: 10, bottom: 34 };

export function polarPlot(arm: PolarArm, fit: SpiralFit | undefined) {
  const n = arm.theta.length;
  if (n === 0) return html`<p class="plot-empty" data-testid="plot-empty">${t("create.plotEmpty")}</p>`;
  const tMax = Math.max(2 * Math.PI, ...arm.theta);
  const lMin = Math.min(0, ...arm.logr),
    lMax = Math.max(0.5, ...arm.logr);
  const x = (t: number) => PAD.left + (t / tMax) * (W - PAD.left - PAD.right);
  const y = (l: number) => H - PAD.bottom - ((l - lMin) / (lMax - lMin || 1)) * (H - PAD.top - PAD.bottom);
  const turnTicks = Array.from({ length: Math.floor(tMax / (2 * Math.PI)) + 1 }, (_, i) => i * 2 * Math.PI);
  const line = fit && fit.points >= 2 ? [0, tMax].map((t) => ({ t, l: fit.intercept + fit.slope * t })) : [];
  return html`<svg
    class="polar-plot"
    data-testid="polar-plot"
    data-points=${n}
    viewBox="0 0 ${W} ${H}"
    role="img"
    aria-label=${t("create.plotLabel")}
  >
    <rect x=${PAD.left} y=${PAD.top} width=${W - PAD.left - PAD.right} height=${H - PAD.top - PAD.bottom} class="plot-frame" />
    ${turnTicks.map(
      (turn) =>
        svg`<line x1=${x(turn)} x2=${x(turn)} y1=${PAD.top} y2=${H - PAD.bottom} class="plot-grid" />
        <text x=${x(turn)} y=${H - PAD.bottom + 14} class="plot-tick" text-anchor="middle">${formatNumber(Math.round(turn / (2 * Math.PI)))}</text>`,
    )}
    <text x=${(W + PAD.left) / 2} y=${H - 4} class="plot-label" text-anchor="middle">${t("create.plotTheta")}</text>
    <text x="12" y=${(H - PAD.bottom) / 2} class="plot-label" text-anchor="middle" transform="rotate(-90 12 ${(H - PAD.bottom) / 2})">${t("create.plotLogr")}</text>
    ${
      line.length
        ? svg`<line class="plot-fit" x1=${x(line[0].t)} y1=${y(line[0].l)} x2=${x(line[1].t)} y2=${y(line[1].l)} />`
        : nothing
    }
    ${arm.theta.map((t, i) => svg`<circle class="plot-point" cx=${x(t)} cy=${y(arm.logr[i])} r="2.5" />`)}
  </svg>`;
}
