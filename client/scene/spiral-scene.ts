// The spiral view: a spiral arm drawn as points (held-out validation points hollow) and a fitted
// curve over it, on a framed chart with axes and a legend. Tuning shows A with the current
// level's fit, which morphs from level to level (~150 ms), over the picture of A's object (a
// Phaser canvas texture painted by ./pictures, unless the player chose "data only"); the reveal
// is a moment: B appears as its object, dissolves into its points, the fit slides from A over B
// (resampled when the two curves have different lengths), and the gaps light up.
// Colours: the Okabe–Ito palette (colour-blind safe), and every series also differs in shape
// (A: dots, validation: rings, B: diamonds, fit: a thick line, gaps: thin lines).
import { easeInOut, easeOut, PhaserView, reducedMotion, tween, type Pen } from "./phaser-view";
import { entryFor, isKind, paintPicture } from "./pictures";
import { morphSlowdown, onPicturesShown, picturesShown } from "./pictures/mode";
import { formatNumber, t } from "../i18n/i18n";

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
  /** The arm; its name and kind (a round's ArmView has them) choose the picture of its object. */
  points: { x: number[]; y: number[]; name?: string; kind?: string };
  colour: number;
  /** Indices drawn hollow (A's validation split). */
  hollow?: Set<number>;
  curve?: { x: number[]; y: number[] };
  /** Draw the gaps between each point and the curve (B at the reveal). */
  gaps?: boolean;
}

const SIZE = 640;
const HALO = 0x040a1a;
/** The plot's square: left, top, side (room left for the legend above and the ticks below / left). */
const PLOT = { left: 62, top: 48, side: 556 };
const CX = PLOT.left + PLOT.side / 2;
const CY = PLOT.top + PLOT.side / 2;
const RADIUS = (PLOT.side / 2) * 0.92;
const MORPH_MS = 150;
/**
 * The reveal, in ms: B appears as its object, holds, then dissolves into its points; the fit
 * slides over them; the gaps light up.
 */
type Timeline = Record<"object" | "dissolve" | "slide" | "gaps", readonly [number, number]>;
const REVEAL: Timeline = {
  object: [0, 400],
  dissolve: [950, 1650],
  slide: [1500, 2100],
  gaps: [2100, 2450],
};
/** Without a picture (an unknown kind) the points simply fade in, as before pictures. */
const REVEAL_PLAIN: Timeline = { object: [0, 0], dissolve: [0, 500], slide: [350, 1050], gaps: [1050, 1500] };
/** The picture's opacity behind the points (picture view), and as the object alone at the reveal. */
const PICTURE_BEHIND = 0.75;

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
  /** The picture of the arm's object (kind:name), "" when none. */
  private pictureKey = "";
  /** Paints that picture (in the plot's square), if there is one. */
  private painter?: (ctx: CanvasRenderingContext2D) => void;
  /**
   * Where the picture is: baked into the base under the points (tuning: nothing more to draw each
   * frame), or on its own layer (4) so the reveal can fade it.
   */
  private onLayer = false;
  private lastBase?: { picture: SpiralPicture; frame: Frame };

  constructor(private readonly parent: HTMLElement) {
    this.view = new PhaserView(parent, SIZE, SIZE);
    onPicturesShown(() => {
      this.parent.dataset.pictureShown = String(picturesShown() && this.pictureKey !== "");
      const morphing = this.parent.dataset.morph === "object" || this.parent.dataset.morph === "dissolve";
      if (this.onLayer) {
        if (!morphing) this.view.fade(4, this.behind());
      } else if (this.lastBase) this.drawBase(this.lastBase.picture, this.lastBase.frame);
    });
  }

  /** The picture's opacity behind the points, now. */
  private behind(): number {
    return picturesShown() && this.pictureKey ? PICTURE_BEHIND : 0;
  }

  /** Chooses the picture of the arm's object (its kind and catalog entry); `onLayer`: see the field. */
  private choosePicture(points: SpiralPicture["points"], frame: Frame, onLayer: boolean): void {
    const kind = points.kind;
    const key = kind && isKind(kind) ? `${kind}:${points.name ?? ""}` : "";
    this.pictureKey = key;
    this.onLayer = onLayer;
    this.parent.dataset.picture = key ? kind : "";
    this.parent.dataset.pictureShown = String(picturesShown() && key !== "");
    this.painter =
      !kind || !isKind(kind)
        ? undefined
        : (ctx) => {
            paintPicture(ctx, {
              kind,
              entry: entryFor(points.name),
              x: points.x,
              y: points.y,
              k: frame.k,
              cx: CX,
              cy: CY,
              box: { left: PLOT.left, top: PLOT.top, side: PLOT.side },
              seed: `${points.name ?? kind}:${points.x.length}:${points.x[0] ?? 0}`,
            });
          };
    // The layer holds the picture only while it is used (each shown layer costs a quad a frame).
    const painter = this.painter;
    this.view.paintCanvas((ctx) => {
      if (!onLayer || !painter) return false;
      painter(ctx);
      return true;
    }, 0);
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
      this.choosePicture(picture.points, frame, false);
      this.drawBase(picture, frame);
      this.drawPoints(picture, frame, 1);
    } else {
      this.view.fade(1, 1);
      if (this.onLayer) this.view.fade(4, this.behind());
    }
    this.parent.dataset.morph = "done";
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
   * The reveal: B appears as its object (the picture of its kind), then dissolves into its points,
   * the fit slides from where it is (the fit on A) to its place over B, then the gaps light up.
   * `done` runs as the morph starts, so the points count up while B appears (with reduced
   * motion, which skips the morph, everything is drawn at once). The box's data-morph says the
   * stage: object, dissolve, fit, done.
   */
  reveal(picture: SpiralPicture, done?: () => void): void {
    this.stop?.();
    const frame = this.frameFor(picture.points);
    const target = picture.curve ? toPixels(picture.curve, frame) : undefined;
    const gaps = picture.gaps === false ? undefined : gapSegments(picture.points, target, frame);
    // The fit slides from where it is; a curve sampled differently is resampled to B's fit first.
    // (No fit shown before, as on the projector: the fit fades in where it belongs.)
    const from = this.shown && target ? (resample(this.shown, target.length) ?? target) : target;
    this.choosePicture(picture.points, frame, true);
    this.drawBase(picture, frame);
    if (reducedMotion() || !target || !from) {
      this.parent.dataset.morph = "done";
      this.view.fade(4, this.behind());
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
    const hasPicture = this.pictureKey !== "";
    const timeline = hasPicture ? REVEAL : REVEAL_PLAIN;
    const total = timeline.gaps[1];
    const slow = morphSlowdown();
    const phase = (ms: number, [a, b]: readonly [number, number]) =>
      b <= a ? (ms >= b ? 1 : 0) : Math.min(1, Math.max(0, (ms - a) / (b - a)));
    const current = new Float32Array(target.length);
    const end = this.behind();
    this.parent.dataset.morph = hasPicture ? "object" : "dissolve";
    this.stop = tween(
      total * slow,
      (t) => {
        const ms = t * total;
        const dissolve = phase(ms, timeline.dissolve);
        this.parent.dataset.morph = ms < timeline.dissolve[0] ? "object" : ms < timeline.slide[0] ? "dissolve" : "fit";
        if (hasPicture) {
          const appear = easeOut(phase(ms, timeline.object));
          this.view.fade(4, appear * (1 - easeInOut(dissolve)) + end * easeInOut(dissolve));
        }
        this.view.fade(1, easeOut(dissolve));
        mix(from, target, easeInOut(phase(ms, timeline.slide)), current);
        this.shown = current;
        this.view.paint(2, (g) => drawCurve(g, current), easeOut(dissolve));
        this.view.fade(3, easeOut(phase(ms, timeline.gaps)));
      },
      () => {
        this.shown = target;
        this.parent.dataset.morph = "done";
      },
    );
    done?.();
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
    this.lastBase = { picture, frame };
    const painter = !this.onLayer && picturesShown() ? this.painter : undefined;
    const over = painter
      ? (ctx: CanvasRenderingContext2D) => {
          ctx.save();
          ctx.globalAlpha = PICTURE_BEHIND;
          painter(ctx);
          ctx.restore();
        }
      : undefined;
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
        }, t("reveal.plotB"));
        item((x0) => {
          lineMark(g, x0, y, COLOURS.fit);
          return x0 + 26;
        }, t("reveal.plotFitB"));
        item((x0) => {
          g.lineStyle(2, COLOURS.gap, 1);
          g.lineBetween(x0, y + 6, x0 + 16, y - 6);
          return x0 + 16;
        }, t("reveal.plotGaps"));
      } else {
        item((x0) => {
          g.fillStyle(picture.colour, 1);
          g.fillCircle(x0 + 6, y, 6);
          return x0 + 12;
        }, t("tuning.plotTraining"));
        if (picture.hollow?.size)
          item((x0) => {
            g.lineStyle(2, picture.colour, 1);
            g.strokeCircle(x0 + 6, y, 5.5);
            return x0 + 12;
          }, t("tuning.plotValidation"));
        item((x0) => {
          lineMark(g, x0, y, COLOURS.fit);
          return x0 + 26;
        }, t("tuning.plotFit"));
      }
    }, over);
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
          // A dark halo under each mark keeps it readable over the picture.
          if (isB) {
            diamond(g, x, y, 7.5, HALO);
            diamond(g, x, y, 5.5, colour);
          } else if (hollow?.has(i)) {
            g.lineStyle(5, HALO, 0.85);
            g.strokeCircle(x, y, 4.5);
            g.lineStyle(2, colour, 1);
            g.strokeCircle(x, y, 4.5);
          } else {
            g.fillStyle(HALO, 0.85);
            g.fillCircle(x, y, 5.5);
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

/** A polyline of (x, y) pairs resampled by index to `length` numbers (`length` / 2 points). */
function resample(p: Float32Array, length: number): Float32Array | undefined {
  if (p.length === length) return p;
  const n = p.length / 2,
    m = length / 2;
  if (n < 2 || m < 2) return undefined;
  const out = new Float32Array(length);
  for (let j = 0; j < m; j++) {
    const f = (j * (n - 1)) / (m - 1);
    const i = Math.min(n - 2, Math.floor(f));
    const t = f - i;
    out[2 * j] = p[2 * i] + (p[2 * i + 2] - p[2 * i]) * t;
    out[2 * j + 1] = p[2 * i + 1] + (p[2 * i + 3] - p[2 * i + 1]) * t;
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
  return formatNumber(Number(v.toPrecision(2)), { maximumFractionDigits: 20 });
}
