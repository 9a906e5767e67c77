// The tracer's canvas: the photo (or a blank page) under the centre mark and the traced arm.
// Mouse, pen and touch through pointer events (click or drag along the arm; a wheel or a pinch
// zooms); the keyboard moves a cross-hair cursor and acts where it stands. Points are kept in
// the photo's pixels (view-transform.ts), so zoom and rotation never move them.
import type { XY } from "../../shared/tracer";
import { ROTATE_STEP, ZOOM, rotateAbout, scaleOf, toImage, toScreen, zoomAt, type View } from "./view-transform";

export type TraceMode = "centre" | "trace";

export interface TraceState {
  image?: CanvasImageSource;
  view: View;
  centre?: XY;
  points: XY[];
  mode: TraceMode;
  /** The keyboard's cross-hair, in photo pixels. */
  cursor: XY;
}

/** Canvas pixels a drag moves before it adds the next point. */
const DRAG_STEP = 6;

export class TracerCanvas {
  private dragging = false;
  private lastAdded?: XY;
  private pinch = new Map<number, XY>();
  private pinchStart?: { distance: number; view: View };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly get: () => TraceState,
    private readonly set: (change: Partial<TraceState>) => void,
  ) {
    canvas.addEventListener("pointerdown", (e) => this.down(e));
    canvas.addEventListener("pointermove", (e) => this.move(e));
    canvas.addEventListener("pointerup", (e) => this.up(e));
    canvas.addEventListener("pointercancel", (e) => this.up(e));
    canvas.addEventListener("wheel", (e) => this.wheel(e), { passive: false });
    canvas.addEventListener("keydown", (e) => this.key(e));
  }

  private at(e: { clientX: number; clientY: number }): XY {
    const box = this.canvas.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  /** Places the centre or adds a point at a canvas position. */
  act(at: XY): void {
    const s = this.get();
    const q = toImage(s.view, at);
    if (s.mode === "centre") this.set({ centre: q, mode: "trace", cursor: q });
    else this.set({ points: [...s.points, q], cursor: q });
    this.lastAdded = at;
  }

  private down(e: PointerEvent): void {
    this.canvas.focus();
    this.pinch.set(e.pointerId, this.at(e));
    if (this.pinch.size === 2) {
      // Two fingers: a pinch zooms; the first finger's point is taken back.
      this.dragging = false;
      const [a, b] = [...this.pinch.values()];
      this.pinchStart = { distance: Math.hypot(a.x - b.x, a.y - b.y), view: this.get().view };
      const s = this.get();
      if (s.mode === "trace" && s.points.length > 0) this.set({ points: s.points.slice(0, -1) });
      return;
    }
    this.canvas.setPointerCapture(e.pointerId);
    this.dragging = this.get().mode === "trace";
    this.act(this.at(e));
  }

  private move(e: PointerEvent): void {
    const at = this.at(e);
    if (this.pinch.has(e.pointerId)) this.pinch.set(e.pointerId, at);
    if (this.pinch.size === 2 && this.pinchStart) {
      const [a, b] = [...this.pinch.values()];
      const ratio = Math.hypot(a.x - b.x, a.y - b.y) / (this.pinchStart.distance || 1);
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      this.set({ view: zoomAt(this.pinchStart.view, ratio, mid) });
      return;
    }
    if (!this.dragging || !this.lastAdded) return;
    if (Math.hypot(at.x - this.lastAdded.x, at.y - this.lastAdded.y) >= DRAG_STEP) this.act(at);
  }

  private up(e: PointerEvent): void {
    this.pinch.delete(e.pointerId);
    if (this.pinch.size < 2) this.pinchStart = undefined;
    this.dragging = false;
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    this.set({ view: zoomAt(this.get().view, e.deltaY < 0 ? ZOOM.step : 1 / ZOOM.step, this.at(e)) });
  }

  /** Where zooming and rotating from the buttons or keys pivots: the centre mark, else the middle. */
  private pivot(): XY {
    const s = this.get();
    return s.centre ? toScreen(s.view, s.centre) : { x: s.view.width / 2, y: s.view.height / 2 };
  }

  zoom(factor: number): void {
    this.set({ view: zoomAt(this.get().view, factor, this.pivot()) });
  }

  rotate(degrees: number): void {
    this.set({ view: rotateAbout(this.get().view, degrees, this.pivot()) });
  }

  private key(e: KeyboardEvent): void {
    const s = this.get();
    const step = (e.shiftKey ? 20 : 2) / scaleOf(s.view); // canvas pixels, in photo pixels
    const moves: Record<string, XY> = {
      ArrowLeft: { x: -1, y: 0 },
      ArrowRight: { x: 1, y: 0 },
      ArrowUp: { x: 0, y: -1 },
      ArrowDown: { x: 0, y: 1 },
    };
    const move = moves[e.key];
    if (move) {
      // The cursor moves on screen as the arrow says, whatever the rotation.
      const here = toScreen(s.view, s.cursor);
      const unit = step * scaleOf(s.view);
      this.set({ cursor: toImage(s.view, { x: here.x + move.x * unit, y: here.y + move.y * unit }) });
    } else if (e.key === "Enter" || e.key === " ") this.act(toScreen(s.view, s.cursor));
    else if (e.key === "Backspace" || e.key === "Delete") this.set({ points: s.points.slice(0, -1) });
    else if (e.key === "c" || e.key === "C") this.set({ mode: "centre" });
    else if (e.key === "t" || e.key === "T") this.set({ mode: "trace" });
    else if (e.key === "+" || e.key === "=") this.zoom(ZOOM.step);
    else if (e.key === "-" || e.key === "_") this.zoom(1 / ZOOM.step);
    else if (e.key === "r") this.rotate(ROTATE_STEP);
    else if (e.key === "R") this.rotate(-ROTATE_STEP);
    else return;
    e.preventDefault();
  }

  /** Draws the photo, the centre mark, the arm and the cursor. */
  draw(): void {
    const s = this.get();
    const { view } = s;
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(view.width * dpr),
      h = Math.round(view.height * dpr);
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    const ctx = this.canvas.getContext("2d")!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#0b1430";
    ctx.fillRect(0, 0, view.width, view.height);
    const scale = scaleOf(view);
    ctx.save();
    ctx.translate(view.width / 2 + view.panX, view.height / 2 + view.panY);
    ctx.rotate((view.rotation * Math.PI) / 180);
    ctx.scale(scale, scale);
    ctx.translate(-view.imageWidth / 2, -view.imageHeight / 2);
    if (s.image) ctx.drawImage(s.image, 0, 0, view.imageWidth, view.imageHeight);
    else {
      ctx.fillStyle = "#f7f3e8";
      ctx.fillRect(0, 0, view.imageWidth, view.imageHeight);
    }
    ctx.restore();

    // Marks are drawn in canvas pixels, the same size at every zoom.
    const screen = s.points.map((p) => toScreen(view, p));
    if (screen.length > 0) {
      ctx.lineWidth = 2;
      ctx.strokeStyle = "#ff9f1c";
      ctx.beginPath();
      screen.forEach((p, i) => (i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y)));
      ctx.stroke();
      ctx.fillStyle = "#ff9f1c";
      for (const p of screen) {
        ctx.beginPath();
        ctx.arc(p.x, p.y, 3, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
    if (s.centre) {
      const c = toScreen(view, s.centre);
      ctx.strokeStyle = "#2ec4b6";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(c.x, c.y, 7, 0, 2 * Math.PI);
      ctx.moveTo(c.x - 12, c.y);
      ctx.lineTo(c.x + 12, c.y);
      ctx.moveTo(c.x, c.y - 12);
      ctx.lineTo(c.x, c.y + 12);
      ctx.stroke();
    }
    if (document.activeElement === this.canvas) {
      const k = toScreen(view, s.cursor);
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.strokeRect(k.x - 6, k.y - 6, 12, 12);
      ctx.setLineDash([]);
    }
  }
}
