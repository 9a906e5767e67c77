// A small Phaser game that draws on demand: one scene; the parts that do not move (axes, labels,
// legend, points, gaps) are baked into canvas textures once, and only the fit is a live WebGL
// Graphics, redrawn every frame of a morph. The loop sleeps between redraws so idle pages
// (and headless test browsers) stay cheap. Phaser's Scale manager (FIT) sizes the canvas to its box.
import * as Phaser from "phaser";
import { readStored } from "../storage";
import { onLanguageChange } from "../i18n/i18n";

/** The drawing calls the views use: a Phaser Graphics has them, and so does a canvas pen below. */
export interface Pen {
  lineStyle(width: number, color: number, alpha?: number): unknown;
  fillStyle(color: number, alpha?: number): unknown;
  strokeCircle(x: number, y: number, r: number): unknown;
  fillCircle(x: number, y: number, r: number): unknown;
  lineBetween(x1: number, y1: number, x2: number, y2: number): unknown;
  strokeRect(x: number, y: number, w: number, h: number): unknown;
  fillRect(x: number, y: number, w: number, h: number): unknown;
  fillTriangle(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): unknown;
  beginPath(): unknown;
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  strokePath(): unknown;
}

/** Adds a text label; returns its width in canvas pixels (to lay a legend out). */
export type Label = (x: number, y: number, text: string, style?: LabelStyle) => number;
export type Draw = (g: Pen, label: Label) => void;
export type Paint = (g: Pen) => void;
export interface LabelStyle {
  color?: string;
  size?: number;
  originX?: number;
  originY?: number;
  angle?: number;
  bold?: boolean;
}
/**
 * The layers above the base: 1 (points), 2 (the fit: redrawn every frame of a morph), 3 (the gaps),
 * and 4, the picture of the spiral's object, between the base and the points.
 */
export type LayerIndex = 1 | 2 | 3 | 4;
/** Where each layer sits (the picture lies between the chart and the points). */
const DEPTH: Record<number, number> = { 0: 0, 4: 0.5, 1: 1, 2: 2, 3: 3 };

const FRAMES_AFTER_DRAW = 3;
/** The live layer: a WebGL Graphics. The others are baked into canvas textures (drawn once, cheap every frame). */
const LIVE: LayerIndex = 2;
let views = 0;

const css = (color: number, alpha = 1) =>
  `rgba(${(color >> 16) & 255}, ${(color >> 8) & 255}, ${color & 255}, ${alpha})`;

/** The Pen calls on a 2D canvas (antialiased, with real text), for the layers that do not move. */
class CanvasPen implements Pen {
  /** Something was drawn. */
  used = false;
  constructor(private ctx: CanvasRenderingContext2D) {}
  lineStyle(width: number, color: number, alpha = 1) {
    this.ctx.lineWidth = width;
    this.ctx.strokeStyle = css(color, alpha);
  }
  fillStyle(color: number, alpha = 1) {
    this.ctx.fillStyle = css(color, alpha);
  }
  strokeCircle(x: number, y: number, r: number) {
    this.used = true;
    this.ctx.beginPath();
    this.ctx.arc(x, y, r, 0, 2 * Math.PI);
    this.ctx.stroke();
  }
  fillCircle(x: number, y: number, r: number) {
    this.used = true;
    this.ctx.beginPath();
    this.ctx.arc(x, y, r, 0, 2 * Math.PI);
    this.ctx.fill();
  }
  lineBetween(x1: number, y1: number, x2: number, y2: number) {
    this.used = true;
    this.ctx.beginPath();
    this.ctx.moveTo(x1, y1);
    this.ctx.lineTo(x2, y2);
    this.ctx.stroke();
  }
  strokeRect(x: number, y: number, w: number, h: number) {
    this.used = true;
    this.ctx.strokeRect(x, y, w, h);
  }
  fillRect(x: number, y: number, w: number, h: number) {
    this.used = true;
    this.ctx.fillRect(x, y, w, h);
  }
  fillTriangle(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number) {
    this.used = true;
    this.ctx.beginPath();
    this.ctx.moveTo(x1, y1);
    this.ctx.lineTo(x2, y2);
    this.ctx.lineTo(x3, y3);
    this.ctx.closePath();
    this.ctx.fill();
  }
  beginPath() {
    this.ctx.beginPath();
  }
  moveTo(x: number, y: number) {
    this.ctx.moveTo(x, y);
  }
  lineTo(x: number, y: number) {
    this.ctx.lineTo(x, y);
  }
  strokePath() {
    this.used = true;
    this.ctx.stroke();
  }
  label(x: number, y: number, text: string, style: LabelStyle = {}): number {
    this.used = true;
    const ctx = this.ctx;
    ctx.save();
    ctx.font = `${style.bold ? "bold " : ""}${style.size ?? 20}px system-ui, -apple-system, "Segoe UI", sans-serif`;
    ctx.fillStyle = style.color ?? "#c8d6f0";
    const width = ctx.measureText(text).width;
    ctx.translate(x, y);
    if (style.angle) ctx.rotate((style.angle * Math.PI) / 180);
    ctx.textBaseline = "middle";
    ctx.fillText(text, -width * (style.originX ?? 0.5), (0.5 - (style.originY ?? 0.5)) * (style.size ?? 20));
    ctx.restore();
    return width;
  }
}

const RENDERER_KEY = "renderer";
let renderer: number | undefined;

/**
 * WebGL when the GPU does it; the Canvas renderer when WebGL would be software-rendered (the
 * browser reports a "major performance caveat": SwiftShader, blocklisted GPUs on old
 * Chromebooks, virtual machines), or names a software renderer. Measured in headless Chromium (SwiftShader) while the fit
 * morphs: WebGL 10–20 fps, Canvas 60 fps. localStorage "shell-galaxy:renderer" = "webgl" or
 * "canvas" forces one (for measuring).
 */
function pickRenderer(): number {
  if (renderer !== undefined) return renderer;
  const forced = readStored(RENDERER_KEY);
  if (forced === "webgl") return (renderer = Phaser.WEBGL);
  if (forced === "canvas") return (renderer = Phaser.CANVAS);
  const probe = document.createElement("canvas");
  const options = { failIfMajorPerformanceCaveat: true };
  const gl = (probe.getContext("webgl2", options) ??
    probe.getContext("webgl", options)) as WebGLRenderingContext | null;
  const info = gl?.getExtension("WEBGL_debug_renderer_info");
  const name = gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
  gl?.getExtension("WEBGL_lose_context")?.loseContext();
  const software = !gl || /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  return (renderer = software ? Phaser.CANVAS : Phaser.AUTO);
}

interface Baked {
  texture: Phaser.Textures.CanvasTexture;
  image: Phaser.GameObjects.Image;
}

export class PhaserView {
  readonly game: Phaser.Game;
  private baked = new Map<number, Baked>();
  private live?: Phaser.GameObjects.Graphics;
  private pendingBase?: Draw;
  private pendingOver?: (ctx: CanvasRenderingContext2D) => void;
  private pendingLayers = new Map<LayerIndex, { paint: Paint; alpha: number }>();
  private pendingCanvas?: { paint: (ctx: CanvasRenderingContext2D) => boolean; alpha: number };
  private framesLeft = FRAMES_AFTER_DRAW;
  private readonly id = ++views;

  constructor(
    private readonly parent: HTMLElement,
    readonly width: number,
    readonly height: number,
  ) {
    // Phaser calls the scene's hooks with the scene as `this`: the view is reached by name.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const view = this;
    this.game = new Phaser.Game({
      type: pickRenderer(),
      parent,
      width,
      height,
      backgroundColor: "#040a1a",
      antialias: true,
      banner: false,
      audio: { noAudio: true },
      scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
      scene: {
        create(this: Phaser.Scene) {
          for (const layer of [0, 4, 1, 3]) {
            const texture = this.textures.createCanvas(`view-${view.id}-${layer}`, width, height)!;
            view.baked.set(layer, {
              texture,
              image: this.add.image(0, 0, texture).setOrigin(0, 0).setDepth(DEPTH[layer]),
            });
          }
          view.live = this.add.graphics().setDepth(LIVE);
          if (view.pendingBase) view.draw(view.pendingBase, view.pendingOver);
          for (const [i, { paint, alpha }] of view.pendingLayers) view.paint(i, paint, alpha);
          if (view.pendingCanvas) view.paintCanvas(view.pendingCanvas.paint, view.pendingCanvas.alpha);
        },
      },
    });
    this.game.events.once(Phaser.Core.Events.READY, () => {
      parent.dataset.renderer = this.game.renderer?.type === Phaser.WEBGL ? "webgl" : "canvas";
    });
    this.game.events.on(Phaser.Core.Events.POST_RENDER, () => {
      if (--this.framesLeft <= 0) this.game.loop.sleep();
    });
    window.addEventListener("resize", () => this.wake());
    // The base picture holds the labels: paint it again in the language just picked.
    onLanguageChange(() => {
      if (this.pendingBase) this.draw(this.pendingBase, this.pendingOver);
    });
  }

  /**
   * Replaces the base picture (with its labels) by whatever `draw` paints, then `over` with the
   * Canvas 2D API (a spiral's picture, baked in: no extra layer to draw each frame); the layers stay.
   */
  draw(draw: Draw, over?: (ctx: CanvasRenderingContext2D) => void): void {
    this.pendingBase = draw;
    this.pendingOver = over;
    this.bake(0, (pen, ctx) => {
      draw(pen, (x, y, text, style) => pen.label(x, y, text, style));
      over?.(ctx);
    });
  }

  /** Repaints one layer above the base, at an opacity. Layer 2 is cheap to repaint every frame. */
  paint(layer: LayerIndex, paint: Paint, alpha = 1): void {
    this.pendingLayers.set(layer, { paint, alpha });
    if (layer === LIVE) {
      const g = this.live;
      if (!g) return;
      g.clear();
      g.setAlpha(alpha);
      paint(g);
      this.wake();
      return;
    }
    this.bake(layer, paint);
    this.fade(layer, alpha);
  }

  /**
   * Repaints the picture layer (4) with the Canvas 2D API (gradients, glows: the pictures of
   * client/scene/pictures/); `paint` returns whether it drew anything.
   */
  paintCanvas(paint: (ctx: CanvasRenderingContext2D) => boolean, alpha = 1): void {
    this.pendingCanvas = { paint, alpha };
    const baked = this.baked.get(4);
    if (!baked) return;
    const ctx = baked.texture.context;
    ctx.clearRect(0, 0, this.width, this.height);
    const used = paint(ctx);
    baked.texture.refresh();
    baked.image.setVisible(used);
    this.fade(4, alpha);
  }

  /** Changes a layer's opacity only (a fade). */
  fade(layer: LayerIndex, alpha: number): void {
    const pending = this.pendingLayers.get(layer);
    if (pending) pending.alpha = alpha;
    if (layer === 4 && this.pendingCanvas) this.pendingCanvas.alpha = alpha;
    const target = layer === LIVE ? this.live : this.baked.get(layer)?.image;
    if (!target) return;
    target.setAlpha(alpha);
    this.wake();
  }

  /** Call after the canvas's box was hidden and shown again, or changed size. */
  refresh(): void {
    // The Scale manager reads its box's size only now and then while the loop runs (and the loop
    // sleeps between redraws): read it now, unless the box is hidden (its size is 0 then).
    const box = this.parent.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) this.game.scale.getParentBounds();
    this.game.scale.refresh();
    this.wake();
  }

  private bake(layer: number, paint: (pen: CanvasPen, ctx: CanvasRenderingContext2D) => void): void {
    const baked = this.baked.get(layer);
    if (!baked) return; // painted once the scene is created
    const ctx = baked.texture.context;
    ctx.clearRect(0, 0, this.width, this.height);
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    const pen = new CanvasPen(ctx);
    paint(pen, ctx);
    baked.texture.refresh();
    // A layer left empty is not drawn at all (each baked layer costs a full-size quad a frame).
    baked.image.setVisible(pen.used);
    this.wake();
  }

  private wake(): void {
    this.framesLeft = FRAMES_AFTER_DRAW;
    this.game.loop.wake();
  }
}

/** The player asked for less motion: no tweens, no count-ups. */
export function reducedMotion(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/** Runs `step(t)` with t from 0 to 1 over `ms` on animation frames; cancel with the returned function. */
export function tween(ms: number, step: (t: number) => void, done?: () => void): () => void {
  let raf = 0;
  let cancelled = false;
  const start = performance.now();
  const frame = (now: number) => {
    if (cancelled) return;
    const t = Math.min(1, (now - start) / ms);
    step(t);
    if (t < 1) raf = requestAnimationFrame(frame);
    else done?.();
  };
  raf = requestAnimationFrame(frame);
  return () => {
    cancelled = true;
    cancelAnimationFrame(raf);
  };
}

export const easeOut = (t: number) => 1 - (1 - t) ** 3;
export const easeInOut = (t: number) => (t < 0.5 ? 4 * t ** 3 : 1 - (-2 * t + 2) ** 3 / 2);
