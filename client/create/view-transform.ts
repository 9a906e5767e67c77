// The photo's view on the tracer canvas: fitted to the canvas, then zoomed, rotated and moved.
// Traced points are kept in the photo's own pixels, so zooming or rotating never moves them.
import type { XY } from "../../shared/tracer";

export interface View {
  /** Canvas size (CSS pixels). */
  width: number;
  height: number;
  /** The photo's size (pixels); a blank page for freehand drawing. */
  imageWidth: number;
  imageHeight: number;
  zoom: number;
  /** Degrees, clockwise on screen. */
  rotation: number;
  /** Offset of the photo's middle from the canvas's middle (CSS pixels). */
  panX: number;
  panY: number;
}

export const ZOOM = { min: 0.25, max: 16, step: 1.25 } as const;
export const ROTATE_STEP = 15;

/** CSS pixels per photo pixel. */
export const scaleOf = (v: View) => Math.min(v.width / v.imageWidth, v.height / v.imageHeight) * v.zoom;

/** Photo pixel → canvas (CSS pixels). */
export function toScreen(v: View, q: XY): XY {
  const s = scaleOf(v);
  const a = (v.rotation * Math.PI) / 180;
  const dx = (q.x - v.imageWidth / 2) * s,
    dy = (q.y - v.imageHeight / 2) * s;
  return {
    x: v.width / 2 + v.panX + dx * Math.cos(a) - dy * Math.sin(a),
    y: v.height / 2 + v.panY + dx * Math.sin(a) + dy * Math.cos(a),
  };
}

/** Canvas (CSS pixels) → photo pixel. */
export function toImage(v: View, p: XY): XY {
  const s = scaleOf(v);
  const a = (-v.rotation * Math.PI) / 180;
  const dx = p.x - v.width / 2 - v.panX,
    dy = p.y - v.height / 2 - v.panY;
  return {
    x: v.imageWidth / 2 + (dx * Math.cos(a) - dy * Math.sin(a)) / s,
    y: v.imageHeight / 2 + (dx * Math.sin(a) + dy * Math.cos(a)) / s,
  };
}

/** Zooms by `factor`, keeping the photo point under `at` (canvas pixels) where it is. */
export function zoomAt(v: View, factor: number, at: XY): View {
  const zoom = Math.min(ZOOM.max, Math.max(ZOOM.min, v.zoom * factor));
  const q = toImage(v, at);
  const next = { ...v, zoom };
  const moved = toScreen(next, q);
  return { ...next, panX: next.panX + at.x - moved.x, panY: next.panY + at.y - moved.y };
}

/** Rotates by `degrees` about the canvas point `at` (the centre mark, or the middle). */
export function rotateAbout(v: View, degrees: number, at: XY): View {
  const q = toImage(v, at);
  const next = { ...v, rotation: (((v.rotation + degrees) % 360) + 360) % 360 };
  const moved = toScreen(next, q);
  return { ...next, panX: next.panX + at.x - moved.x, panY: next.panY + at.y - moved.y };
}
