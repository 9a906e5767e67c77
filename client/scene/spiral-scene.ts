// The spiral view: a spiral arm drawn as points (held-out validation points hollow) and a fitted
// curve over it, on a framed chart with axes and a legend. Tuning shows A with the current
// level's fit, which morphs from level to level (~150 ms); the reveal is a moment: B fades in,
// the fit slides from A over B, and the gaps between B and the fit light up.
// Colours: the Okabe–Ito palette (colour-blind safe), and every series also differs in shape
// (A: dots, validation: rings, B: diamonds, fit: a thick line, gaps: thin lines).
import { easeInOut, easeOut, PhaserView, reducedMotion, tween, type Pen } from "./phaser-view";

/** Okabe–Ito: sky blue (A), orange (the fit, me), reddish purple (B), yellow (gaps), bluish green (best). */
export const COLOURS = {
  a: 0x56b4e9,
  fit: 0xe69f00,
  b: 0xcc79a7,
  gap: 0xf0e442,
  best: 0x009e73,
  others: 0xe8f1ff,
  grid: 0x1b2a4a,
  axis: 0x5a6f96,
} as const;
export const CSS_COLOURS = {
  a: "#56b4e9",
  fit: "#e69f00",
  b: "#cc79a7",
  gap: "#f0e442",
  best: "#009e73",
  others: "#e8f1ff",
} as const;

export interface SpiralPicture {
  points: { x: number[]; y: number[] };
  colour: number;
  /** Indices drawn hollow (A's validation split). */
  hollow?: Set<number>;
  curve?: { x: number[]; y: number[] };
  /** Draw the gaps between each point and the curve (B at the reveal). */
  gaps?: boolean;
}

const SIZE = 640;
/** The plot's square: left, top, side (room left for the legend above and the ticks below / left). */
const PLOT = { left: 62, top: 48, side: 556 };
const CX = PLOT.left + PLOT.side / 2;
const CY = PLOT.top + PLOT.side / 2;
const RADIUS = (PLOT.side / 2) * 0.92;
const MORPH_MS = 150;
const REVEAL = { fadeB: [0, 500], slide: [350, 1050], gaps: [1050, 1500] } as const;

interface Frame {
  k: number;
}

export class SpiralView {
  private view: PhaserView;
  private baseKey?: { points: SpiralPicture["points"]; colour: number; hollow?: Set<number> };
  /** The fit as shown now, in canvas pixels (x0, y0, x1, y1, …): where a morph starts from. */
  private shown?: Float32Array;
  private stop?: () => void;
  private gapsShown = false;

  constructor(parent: HTMLElement) {
    this.view = new PhaserView(parent, SIZE, SIZE);
  }

  /** Draws a picture; a new curve over the same points morphs from the old one. */
  show(picture: SpiralPicture): void {
    this.stop?.();
    this.stop = undefined;
    const frame = this.frameFor(picture.points);
    const sameBase =
      this.baseKey?.points === picture.points &&
      this.baseKey.colour === picture.colour &&
      this.baseKey.hollow === picture.hollow;
    if (!sameBase) {
      this.drawBase(picture, frame);
      this.drawPoints(picture, frame, 1);
    } else this.view.fade(1, 1);
    const target = picture.curve ? toPixels(picture.curve, frame) : undefined;
    const from = this.shown;
    const gaps = picture.gaps ? gapSegments(picture.points, target, frame) : undefined;
    if (gaps || this.gapsShown) this.view.paint(3, (g) => drawGaps(g, gaps), 1);
    this.gapsShown = Boolean(gaps);
    if (!target) {
      this.shown = undefined;
      this.view.paint(2, () => undefined);
      return;
    }
    if (sameBase && from && from.length === target.length && !reducedMotion()) {
      const current = new Float32Array(target.length);
      this.stop = tween(MORPH_MS, (t) => {
        mix(from, target, easeOut(t), current);
        this.shown = current;
        this.view.paint(2, (g) => drawCurve(g, current));
      });
      return;
    }
    this.shown = target;
    this.view.paint(2, (g) => drawCurve(g, target));
  }

  /**
   * The reveal: B's points fade in, the fit slides from where it is (the fit on A) to its place
   * over B, then the gaps light up; `done` runs at the end (at once with reduced motion).
   */
  reveal(picture: SpiralPicture, done?: () => void): void {
    this.stop?.();
    const frame = this.frameFor(picture.points);
    const target = picture.curve ? toPixels(picture.curve, frame) : undefined;
    const gaps = gapSegments(picture.points, target, frame);
    const from = this.shown;
    this.drawBase(picture, frame);
    if (reducedMotion() || !target || !from || from.length !== target.length) {
      this.drawPoints(picture, frame, 1);
      this.shown = target;
      this.view.paint(2, (g) => (target ? drawCurve(g, target) : undefined));
      this.view.paint(3, (g) => drawGaps(g, gaps), 1);
      this.gapsShown = Boolean(gaps);
      done?.();
      return;
    }
    this.drawPoints(picture, frame, 0);
    this.view.paint(3, (g) => drawGaps(g, gaps), 0);
    this.gapsShown = Boolean(gaps);
    const total = REVEAL.gaps[1];
    const phase = (ms: number, [a, b]: readonly [number, number]) => Math.min(1, Math.max(0, (ms - a) / (b - a)));
    const current = new Float32Array(target.length);
    this.stop = tween(
      total,
      (t) => {
        const ms = t * total;
        this.view.fade(1, easeOut(phase(ms, REVEAL.fadeB)));
        mix(from, target, easeInOut(phase(ms, REVEAL.slide)), current);
        this.shown = current;
        this.view.paint(2, (g) => drawCurve(g, current));
        this.view.fade(3, easeOut(phase(ms, REVEAL.gaps)));
      },
      () => {
        this.shown = target;
        done?.();
      },
    );
  }

  refresh(): void {
    this.view.refresh();
  }

  private frameFor(points: SpiralPicture["points"]): Frame {
    // Scale to the points (a wild high-level curve may leave the frame; the points never do).
    let extent = 1e-6;
    for (let i = 0; i < points.x.length; i++) extent = Math.max(extent, Math.abs(points.x[i]), Math.abs(points.y[i]));
    return { k: RADIUS / extent };
  }

  private drawBase(picture: SpiralPicture, frame: Frame): void {
    this.baseKey = { points: picture.points, colour: picture.colour, hollow: picture.hollow };
    const isB = picture.colour === COLOURS.b;
    const extent = RADIUS / frame.k;
    this.view.draw((g, label) => {
      // The chart: a frame, rings and cross hairs, ticks on the left and bottom axes.
      const { left, top, side } = PLOT;
      g.fillStyle(0x06122a, 1);
      g.fillRect(left, top, side, side);
      g.lineStyle(1, COLOURS.grid, 1);
      g.strokeCircle(CX, CY, RADIUS / 2);
      g.strokeCircle(CX, CY, RADIUS);
      g.lineBetween(CX, top, CX, top + side);
      g.lineBetween(left, CY, left + side, CY);
      g.lineStyle(2, COLOURS.axis, 1);
      g.strokeRect(left, top, side, side);
      const step = niceStep(extent);
      for (let v = -Math.floor(extent / step) * step; v <= extent + 1e-9; v += step) {
        const x = CX + v * frame.k;
        const y = CY - v * frame.k;
        g.lineBetween(x, top + side, x, top + side + 6);
        g.lineBetween(left - 6, y, left, y);
        const text = fmt(v);
        label(x, top + side + 18, text, { size: 15 });
        label(left - 9, y, text, { size: 15, originX: 1 });
      }
      label(left + side, top + side + 18, "x", { size: 17, originX: 1, bold: true });
      label(14, top + 10, "y", { size: 17, bold: true });

      // The legend, above the plot: each series' mark and name.
      let x = left;
      const y = 22;
      const item = (mark: (x: number) => number, text: string) => {
        x = mark(x) + 8;
        x += label(x, y, text, { size: 17, originX: 0 }) + 22;
      };
      if (isB) {
        item((x0) => {
          diamond(g, x0 + 7, y, 7, COLOURS.b);
          return x0 + 14;
        }, "B, the hidden spiral");
        item((x0) => {
          lineMark(g, x0, y, COLOURS.fit);
          return x0 + 26;
        }, "your fit on B");
        item((x0) => {
          g.lineStyle(2, COLOURS.gap, 1);
          g.lineBetween(x0, y + 6, x0 + 16, y - 6);
          return x0 + 16;
        }, "gaps");
      } else {
        item((x0) => {
          g.fillStyle(picture.colour, 1);
          g.fillCircle(x0 + 6, y, 6);
          return x0 + 12;
        }, "A: training points");
        if (picture.hollow?.size)
          item((x0) => {
            g.lineStyle(2, picture.colour, 1);
            g.strokeCircle(x0 + 6, y, 5.5);
            return x0 + 12;
          }, "validation");
        item((x0) => {
          lineMark(g, x0, y, COLOURS.fit);
          return x0 + 26;
        }, "the model's fit");
      }
    });
  }

  private drawPoints(picture: SpiralPicture, frame: Frame, alpha: number): void {
    const { points, colour, hollow } = picture;
    const isB = colour === COLOURS.b;
    this.view.paint(
      1,
      (g) => {
        for (let i = 0; i < points.x.length; i++) {
          const x = CX + points.x[i] * frame.k;
          const y = CY - points.y[i] * frame.k;
          if (isB) diamond(g, x, y, 5.5, colour);
          else if (hollow?.has(i)) {
            g.lineStyle(2, colour, 1);
            g.strokeCircle(x, y, 4.5);
          } else {
            g.fillStyle(colour, 0.95);
            g.fillCircle(x, y, 4);
          }
        }
      },
      alpha,
    );
  }
}

function toPixels(curve: { x: number[]; y: number[] }, frame: Frame): Float32Array {
  const out = new Float32Array(curve.x.length * 2);
  for (let i = 0; i < curve.x.length; i++) {
    out[2 * i] = CX + curve.x[i] * frame.k;
    out[2 * i + 1] = CY - curve.y[i] * frame.k;
  }
  return out;
}

function mix(a: Float32Array, b: Float32Array, t: number, out: Float32Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] + (b[i] - a[i]) * t;
}

/** The fit: a soft glow under a crisp line, so it reads as one smooth curve. */
function drawCurve(g: Pen, p: Float32Array): void {
  if (p.length < 4) return;
  for (const [width, alpha] of [
    [11, 0.18],
    [4, 1],
  ] as const) {
    g.lineStyle(width, COLOURS.fit, alpha);
    g.beginPath();
    g.moveTo(p[0], p[1]);
    for (let i = 2; i < p.length; i += 2) g.lineTo(p[i], p[i + 1]);
    g.strokePath();
  }
}

/** From each point to the nearest point of the curve (pixels): the gaps the hidden error sums. */
function gapSegments(
  points: SpiralPicture["points"],
  curve: Float32Array | undefined,
  frame: Frame,
): Float32Array | undefined {
  if (!curve || curve.length < 4) return undefined;
  const out = new Float32Array(points.x.length * 4);
  for (let i = 0; i < points.x.length; i++) {
    const x = CX + points.x[i] * frame.k;
    const y = CY - points.y[i] * frame.k;
    let best = Infinity,
      bx = x,
      by = y;
    for (let j = 0; j < curve.length; j += 2) {
      const d = (curve[j] - x) ** 2 + (curve[j + 1] - y) ** 2;
      if (d < best) {
        best = d;
        bx = curve[j];
        by = curve[j + 1];
      }
    }
    out.set([x, y, bx, by], 4 * i);
  }
  return out;
}

function drawGaps(g: Pen, s: Float32Array | undefined): void {
  if (!s) return;
  for (const [width, alpha] of [
    [7, 0.22],
    [2, 0.95],
  ] as const) {
    g.lineStyle(width, COLOURS.gap, alpha);
    for (let i = 0; i < s.length; i += 4) {
      if (Math.abs(s[i] - s[i + 2]) + Math.abs(s[i + 1] - s[i + 3]) < 1.5) continue;
      g.lineBetween(s[i], s[i + 1], s[i + 2], s[i + 3]);
    }
  }
}

function diamond(g: Pen, x: number, y: number, r: number, colour: number): void {
  g.fillStyle(colour, 1);
  g.fillTriangle(x - r, y, x, y - r, x + r, y);
  g.fillTriangle(x - r, y, x, y + r, x + r, y);
}

function lineMark(g: Pen, x: number, y: number, colour: number): void {
  g.lineStyle(9, colour, 0.2);
  g.lineBetween(x, y, x + 26, y);
  g.lineStyle(4, colour, 1);
  g.lineBetween(x, y, x + 26, y);
}

function niceStep(extent: number): number {
  const raw = extent / 2;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

function fmt(v: number): string {
  if (Math.abs(v) < 1e-9) return "0";
  return Number(v.toPrecision(2)).toString();
}
