// What every picture painter shares: the spec (the round's own points and the entry's facts), the
// spine read from the points, and a few canvas strokes (a tube along the arm, a soft glow).
// Painters draw with the Canvas 2D API into a Phaser CanvasTexture (client/scene/phaser-view.ts),
// so the same picture shows under the WebGL and the Canvas renderer, and on plain canvases.
import type { SpiralEntry, SpiralKind } from "../../../shared/catalog";
import { pictureRandom, spineOf, type Spine } from "../../../shared/spiral-art";
import type { Random } from "../../../shared/random";

export interface PictureSpec {
  kind: SpiralKind;
  /** The catalog entry (its pitch, arms, turns and bumps), when the client knows it. */
  entry?: SpiralEntry;
  /** The arm's points in data units (arm order, the centre at 0, 0). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Canvas pixels per data unit, and the centre in canvas pixels. */
  k: number;
  cx: number;
  cy: number;
  /** The square to fill (left, top, side), in canvas pixels. */
  box: { left: number; top: number; side: number };
  /** Same seed, same picture. */
  seed: string;
}

/** What a painter works with: the spec, its spine and a seeded stream. */
export interface Painting {
  spec: PictureSpec;
  ctx: CanvasRenderingContext2D;
  spine: Spine;
  rng: Random;
  /** Data units to canvas pixels. */
  px(x: number, y: number): [number, number];
  /** The spine's point at θ rotated by `turnBy` radians about the centre, in canvas pixels. */
  on(theta: number, turnBy?: number): [number, number];
  /** The outer radius in canvas pixels. */
  R: number;
  arms: number;
  perTurn: number;
}

export function painting(ctx: CanvasRenderingContext2D, spec: PictureSpec): Painting {
  const spine = spineOf(spec.x, spec.y);
  const px = (x: number, y: number): [number, number] => [spec.cx + x * spec.k, spec.cy - y * spec.k];
  return {
    spec,
    ctx,
    spine,
    rng: pictureRandom(spec.seed),
    px,
    on(theta, turnBy = 0) {
      const r = spine.r(theta);
      const a = spine.turn * theta + turnBy;
      return px(r * Math.cos(a), r * Math.sin(a));
    },
    R: spine.maxR * spec.k,
    arms: Math.max(1, spec.entry?.arms ?? 1),
    perTurn: spec.entry?.contours.perTurn ?? 8,
  };
}

export const rgba = (rgb: readonly [number, number, number], a = 1) => `rgba(${rgb[0]},${rgb[1]},${rgb[2]},${a})`;
export const mixRgb = (
  p: readonly [number, number, number],
  q: readonly [number, number, number],
  t: number,
): [number, number, number] => [
  Math.round(p[0] + (q[0] - p[0]) * t),
  Math.round(p[1] + (q[1] - p[1]) * t),
  Math.round(p[2] + (q[2] - p[2]) * t),
];

/** A soft round glow (a radial gradient), e.g. a star cloud or a cloud puff. */
export function glow(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  rgb: readonly [number, number, number],
  alpha: number,
): void {
  if (r <= 0.2) return;
  const g = ctx.createRadialGradient(x, y, 0, x, y, r);
  g.addColorStop(0, rgba(rgb, alpha));
  g.addColorStop(0.45, rgba(rgb, alpha * 0.45));
  g.addColorStop(1, rgba(rgb, 0));
  ctx.fillStyle = g;
  ctx.fillRect(x - r, y - r, 2 * r, 2 * r);
}

/** The background of the picture's square: a vertical gradient. */
export function backdrop(p: Painting, top: string, bottom: string): void {
  const { left, top: y0, side } = p.spec.box;
  const g = p.ctx.createLinearGradient(0, y0, 0, y0 + side);
  g.addColorStop(0, top);
  g.addColorStop(1, bottom);
  p.ctx.fillStyle = g;
  p.ctx.fillRect(left, y0, side, side);
}

/**
 * A tube along the spine from θa to θb: each step is a quad between an inner and an outer edge
 * (radii from `edges`), in `bands` strips across, coloured by `colour(θ, u)` (u: 0 inner … 1 outer).
 */
export function tube(
  p: Painting,
  thetaA: number,
  thetaB: number,
  edges: (theta: number) => [number, number],
  colour: (theta: number, u: number) => string,
  options: { steps?: number; bands?: number; turnBy?: number } = {},
): void {
  const { ctx, spine, spec } = p;
  const bands = options.bands ?? 5;
  const steps = Math.max(8, Math.round(options.steps ?? ((thetaB - thetaA) / (2 * Math.PI)) * 160));
  const turnBy = options.turnBy ?? 0;
  const point = (theta: number, r: number): [number, number] => {
    const a = spine.turn * theta + turnBy;
    return [spec.cx + r * spec.k * Math.cos(a), spec.cy - r * spec.k * Math.sin(a)];
  };
  for (let s = 0; s < steps; s++) {
    const t0 = thetaA + ((thetaB - thetaA) * s) / steps;
    const t1 = thetaA + ((thetaB - thetaA) * (s + 1.05)) / steps;
    const [i0, o0] = edges(t0);
    const [i1, o1] = edges(t1);
    for (let b = 0; b < bands; b++) {
      const u0 = b / bands,
        u1 = (b + 1.05) / bands;
      const a = point(t0, i0 + (o0 - i0) * u0);
      const c = point(t0, i0 + (o0 - i0) * Math.min(1, u1));
      const d = point(t1, i1 + (o1 - i1) * Math.min(1, u1));
      const e = point(t1, i1 + (o1 - i1) * u0);
      ctx.fillStyle = colour(t0, (b + 0.5) / bands);
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(c[0], c[1]);
      ctx.lineTo(d[0], d[1]);
      ctx.lineTo(e[0], e[1]);
      ctx.closePath();
      ctx.fill();
    }
  }
}

/** A line across the tube at θ, from radius r0 to r1 (bowed by `bow`, a fraction of the tube's width). */
export function across(p: Painting, theta: number, r0: number, r1: number, bow = 0, turnBy = 0): void {
  const { ctx, spine, spec } = p;
  const pt = (th: number, r: number): [number, number] => {
    const a = spine.turn * th + turnBy;
    return [spec.cx + r * spec.k * Math.cos(a), spec.cy - r * spec.k * Math.sin(a)];
  };
  const a = pt(theta, r0);
  const b = pt(theta, r1);
  const mid = pt(theta - bow, (r0 + r1) / 2);
  ctx.beginPath();
  ctx.moveTo(a[0], a[1]);
  ctx.quadraticCurveTo(2 * mid[0] - (a[0] + b[0]) / 2, 2 * mid[1] - (a[1] + b[1]) / 2, b[0], b[1]);
  ctx.stroke();
}

/** A stroke along the spine (rotated by `turnBy`), with radius scaled by `scale`. */
export function alongSpine(p: Painting, thetaA: number, thetaB: number, scale = 1, turnBy = 0, steps = 200): void {
  const { ctx, spine, spec } = p;
  ctx.beginPath();
  for (let s = 0; s <= steps; s++) {
    const th = thetaA + ((thetaB - thetaA) * s) / steps;
    const r = spine.r(th) * scale;
    const a = spine.turn * th + turnBy;
    const x = spec.cx + r * spec.k * Math.cos(a);
    const y = spec.cy - r * spec.k * Math.sin(a);
    if (s === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}

/** Scattered faint stars over the square. */
export function starField(p: Painting, count: number, alpha = 0.8): void {
  const { left, top, side } = p.spec.box;
  for (let i = 0; i < count; i++) {
    const x = left + p.rng.next() * side;
    const y = top + p.rng.next() * side;
    const s = p.rng.next();
    p.ctx.fillStyle = `rgba(230,240,255,${(alpha * (0.3 + 0.7 * s)).toFixed(3)})`;
    p.ctx.fillRect(x, y, s > 0.93 ? 2 : 1, s > 0.93 ? 2 : 1);
  }
}
