// The live histogram of locked picks: how many players locked in at each detail level (counts
// only, from `pickCounts`). One element (#pick-histogram) moves between the tuning panel and the
// projector view.
import { html, render } from "lit-html";
import { MAX_LEVEL } from "../../shared/ladder-levels";
import { formatNumber, t } from "../i18n/i18n";

export function renderHistogram(counts: number[] | undefined, playing: number, el: HTMLElement): void {
  const values = Array.from({ length: MAX_LEVEL }, (_, i) => Math.max(0, Math.floor(counts?.[i] ?? 0)));
  const total = values.reduce((a, b) => a + b, 0);
  el.dataset.total = String(total);
  el.dataset.counts = values.join(",");
  const top = Math.max(1, ...values);
  el.setAttribute("role", "img");
  el.setAttribute(
    "aria-label",
    t("tuning.histogramLabel", {
      levels: values.map((v, i) => t("tuning.histogramLevel", { level: i + 1, count: v })).join(", "),
    }),
  );
  render(
    html`
    <p class="histogram-title">${t("tuning.histogramTitle", { total, playing })}</p>
    <div class="histogram-bars">${values.map(
      (v, i) => html`
      <div class="histogram-col" data-level=${i + 1} data-count=${v}>
        <span class="histogram-count">${v ? formatNumber(v) : ""}</span>
        <div class="histogram-track"><div class="histogram-bar${v ? "" : " empty"}" style="height: ${(v / top) * 100}%"></div></div>
        <span class="histogram-level">${formatNumber(i + 1)}</span>
      </div>`,
    )}</div>
    <p class="histogram-axis">${t("tuning.histogramAxis")}</p>`,
    el,
  );
}
