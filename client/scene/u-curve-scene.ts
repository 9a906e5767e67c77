// The U-curve: each detail level's hidden error (log scale) with everybody's picks stacked on it,
// with axes, tick labels and a legend in the picture (Okabe–Ito colours, and distinct marks).
import { PhaserView } from "./phaser-view";
import { COLOURS, CSS_COLOURS } from "./spiral-scene";
import { formatNumber, t } from "../i18n/i18n";

export interface UCurvePicture {
  hidden: { level: number; error: number }[];
  bestLevel: number;
  /** Every player's pick; `mine` marks this player's. */
  picks: { level: number; mine: boolean }[];
}

const W = 720;
const H = 480;
const PAD = { left: 104, right: 28, bottom: 84 };
/** The legend's row, at the top. */
const LEGEND_Y = 20;
/** Where the pick markers sit, above the plot. */
const BAND = 84;

export class UCurveView {
  private view: PhaserView;

  constructor(parent: HTMLElement) {
    this.view = new PhaserView(parent, W, H);
  }

  show({ hidden, bestLevel, picks }: UCurvePicture): void {
    const levels = hidden.map((h) => h.level);
    const logs = hidden.map((h) => Math.log10(Math.max(h.error, 1e-9)));
    const lo = Math.min(...logs);
    const hi = Math.max(...logs, lo + 1e-3);
    const span = hi - lo;
    const x0 = PAD.left,
      x1 = W - PAD.right,
      y0 = H - PAD.bottom,
      y1 = BAND + 40;
    const maxLevel = Math.max(...levels);
    const px = (level: number) => x0 + ((level - 1) / (maxLevel - 1)) * (x1 - x0);
    const py = (log: number) => y0 - 14 - ((log - lo) / span) * (y0 - 14 - y1);

    this.view.draw((g, label) => {
      // Axes with level ticks, and the lowest and highest error on the y axis.
      g.lineStyle(2, 0x5a6f96, 1);
      g.lineBetween(x0 - 10, y0, x1, y0);
      g.lineBetween(x0 - 10, y0, x0 - 10, y1 - 20);
      for (const level of levels) label(px(level), y0 + 22, formatNumber(level), { size: 26 });
      label((x0 + x1) / 2, H - 20, t("reveal.axisLevel"), { size: 26 });
      label(20, (y0 + y1) / 2, t("reveal.axisHiddenError"), { size: 24, angle: -90 });
      for (const v of span > 0.3 ? [lo, (lo + hi) / 2, hi] : [lo, hi]) {
        g.lineStyle(1, COLOURS.grid, 1);
        g.lineBetween(x0 - 10, py(v), x1, py(v));
        const tick = formatNumber(10 ** v, { minimumSignificantDigits: 2, maximumSignificantDigits: 2 });
        label(x0 - 16, py(v), tick, { size: 22, originX: 1 });
      }

      // The curve and one dot per level; a ring on the best.
      g.lineStyle(10, COLOURS.b, 0.15);
      g.beginPath();
      hidden.forEach((h, i) => (i ? g.lineTo(px(h.level), py(logs[i])) : g.moveTo(px(h.level), py(logs[i]))));
      g.strokePath();
      g.lineStyle(3, COLOURS.b, 1);
      g.beginPath();
      hidden.forEach((h, i) => (i ? g.lineTo(px(h.level), py(logs[i])) : g.moveTo(px(h.level), py(logs[i]))));
      g.strokePath();
      hidden.forEach((h, i) => {
        g.fillStyle(COLOURS.b, 1);
        g.fillCircle(px(h.level), py(logs[i]), 5);
      });
      const best = hidden.findIndex((h) => h.level === bestLevel);
      if (best >= 0) {
        g.lineStyle(4, COLOURS.best, 1);
        g.strokeCircle(px(bestLevel), py(logs[best]), 13);
        const right = bestLevel > maxLevel - 3;
        label(px(bestLevel) + (right ? -18 : 18), py(logs[best]) - 20, t("reveal.plotBest"), {
          size: 20,
          color: CSS_COLOURS.best,
          bold: true,
          originX: right ? 1 : 0,
        });
      }

      // The legend: each mark and what it means.
      let lx = 16;
      const item = (mark: (x: number) => number, text: string) => {
        lx = mark(lx) + 8;
        lx += label(lx, LEGEND_Y, text, { size: 19, originX: 0 }) + 22;
      };
      item((x) => {
        g.lineStyle(3, COLOURS.b, 1);
        g.lineBetween(x, LEGEND_Y, x + 24, LEGEND_Y);
        g.fillStyle(COLOURS.b, 1);
        g.fillCircle(x + 12, LEGEND_Y, 5);
        return x + 24;
      }, t("reveal.plotHidden"));
      item((x) => {
        g.fillStyle(COLOURS.fit, 1);
        g.fillTriangle(x, LEGEND_Y - 8, x + 18, LEGEND_Y - 8, x + 9, LEGEND_Y + 8);
        return x + 18;
      }, t("reveal.plotMine"));
      item((x) => {
        g.fillStyle(COLOURS.others, 1);
        g.fillTriangle(x, LEGEND_Y - 6, x + 14, LEGEND_Y - 6, x + 7, LEGEND_Y + 6);
        return x + 14;
      }, t("reveal.plotOthers"));
      item((x) => {
        g.lineStyle(3, COLOURS.best, 1);
        g.strokeCircle(x + 8, LEGEND_Y, 8);
        return x + 16;
      }, t("reveal.plotBestLevel"));

      // Picks: one marker per level in a band above the plot (orange if mine is there), the
      // number of players when more than one, and a faint guide down to the level's dot.
      const byLevel = new Map<number, { count: number; mine: boolean }>();
      for (const p of picks) {
        const entry = byLevel.get(p.level) ?? { count: 0, mine: false };
        byLevel.set(p.level, { count: entry.count + 1, mine: entry.mine || p.mine });
      }
      for (const [level, { count, mine }] of byLevel) {
        const i = hidden.findIndex((h) => h.level === level);
        if (i < 0) continue;
        const cx = px(level);
        const r = mine ? 13 : 10;
        g.lineStyle(2, mine ? COLOURS.fit : COLOURS.others, mine ? 0.6 : 0.3);
        g.lineBetween(cx, BAND + 10, cx, py(logs[i]) - 8);
        g.fillStyle(mine ? COLOURS.fit : COLOURS.others, 1);
        g.fillTriangle(cx - r, BAND - 8, cx + r, BAND - 8, cx, BAND + 10);
        const text = mine
          ? count > 1
            ? t("reveal.plotYouPlus", { others: count - 1 })
            : t("reveal.plotYou")
          : count > 1
            ? formatNumber(count)
            : "";
        if (text)
          label(cx, BAND - 24, text, { size: 20, color: mine ? CSS_COLOURS.fit : CSS_COLOURS.others, bold: mine });
      }
    });
  }

  refresh(): void {
    this.view.refresh();
  }
}
