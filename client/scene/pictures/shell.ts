// Shells seen from the side (a nautilus in median section, an ammonite, snails from above, an
// abalone): the whorls between the arm and the arm a turn inside, shaded as a rounded tube, with
// the entry's own marks across them at its rate per turn (septa, ribs, growth lines, holes).
import { across, backdrop, mixRgb, rgba, tube, type Painting } from "./common";

type Rgb = [number, number, number];
interface Look {
  base: Rgb;
  shade: Rgb;
  marks: Rgb;
  /** Stripes along the whorl (u from 0 to 1), e.g. a grove snail's dark bands. */
  bands?: [number, number][];
  /** Flame stripes across the whorl on the outer turn (a nautilus). */
  flames?: Rgb;
}

const LOOKS: Record<string, Look> = {
  "nautilus-pompilius": { base: [244, 232, 210], shade: [196, 160, 128], marks: [120, 70, 40], flames: [150, 78, 40] },
  "dactylioceras-commune": { base: [176, 164, 144], shade: [96, 86, 74], marks: [70, 62, 52] },
  "cepaea-nemoralis": {
    base: [236, 210, 110],
    shade: [170, 130, 60],
    marks: [120, 90, 40],
    bands: [
      [0.18, 0.26],
      [0.42, 0.5],
      [0.66, 0.78],
    ],
  },
  "helix-pomatia": { base: [206, 176, 132], shade: [140, 108, 74], marks: [96, 70, 46], bands: [[0.55, 0.62]] },
  "haliotis-rufescens": { base: [190, 84, 70], shade: [120, 50, 46], marks: [60, 24, 24] },
};
const DEFAULT_LOOK: Look = LOOKS["helix-pomatia"];

export function paintShell(p: Painting): void {
  const { ctx, spine, spec } = p;
  const look = LOOKS[spec.entry?.id ?? ""] ?? DEFAULT_LOOK;
  backdrop(p, "#10223f", "#07111f");
  const turn = 2 * Math.PI;
  const outer = spine.theta1;
  // Inward until the whorl is a few pixels wide.
  const minR = 3 / spec.k;
  const inner = Math.max(outer - turn * 12, outer - Math.log(spine.r(outer) / minR) / spine.growth);
  const edges = (th: number): [number, number] => [spine.r(th - turn), spine.r(th)];
  const stripe = (th: number, u: number) => {
    const round = Math.sin(Math.PI * Math.min(1, Math.max(0, u)));
    let rgb = mixRgb(look.shade, look.base, 0.25 + 0.75 * round);
    if (look.bands?.some(([a, b]) => u >= a && u <= b)) rgb = mixRgb(rgb, [70, 40, 30], 0.75);
    if (look.flames && th > outer - turn * 1.2 && u > 0.3) {
      const wave = Math.sin(th * 9 + u * 4);
      if (wave > 0.35) rgb = mixRgb(rgb, look.flames, 0.8);
    }
    return rgba(rgb);
  };
  tube(p, inner, outer, edges, stripe, { bands: 8 });
  // The marks across the whorls: septa (bowed back), ribs and growth lines (straight).
  const perTurn = p.perTurn;
  const step = turn / perTurn;
  const w = Math.max(1, Math.min(3, spec.k * spine.maxR * 0.006));
  ctx.lineWidth = w;
  ctx.strokeStyle = rgba(look.marks, 0.75);
  const id = spec.entry?.id;
  for (let th = outer - step * 0.5; th > inner; th -= step) {
    const [r0, r1] = edges(th);
    if ((r1 - r0) * spec.k < 4) break;
    if (id === "haliotis-rufescens") {
      // A row of respiratory holes near the outer edge, on the last whorl only.
      if (th < outer - turn * 0.9) continue;
      const [x, y] = p.on(th);
      const [xi, yi] = p.on(th - turn);
      const hx = x + (xi - x) * 0.12,
        hy = y + (yi - y) * 0.12;
      ctx.fillStyle = rgba(look.marks, 0.9);
      ctx.beginPath();
      ctx.arc(hx, hy, Math.max(2, (r1 - r0) * spec.k * 0.045), 0, 2 * Math.PI);
      ctx.fill();
      continue;
    }
    across(p, th, r0, r1, id === "nautilus-pompilius" ? step * 0.45 : 0);
  }
  // Fine growth lines between the marks.
  ctx.lineWidth = Math.max(0.6, w * 0.4);
  ctx.strokeStyle = rgba(look.marks, 0.25);
  for (let th = outer; th > Math.max(inner, outer - turn * 2); th -= step / 4) {
    const [r0, r1] = edges(th);
    across(p, th, r0, r1, 0);
  }
  // The shell's outline along the arm.
  ctx.lineWidth = Math.max(1.5, w);
  ctx.strokeStyle = rgba(look.marks, 0.9);
  ctx.beginPath();
  for (let s = 0; s <= 400; s++) {
    const th = inner + ((outer - inner) * s) / 400;
    const [x, y] = p.on(th);
    if (s === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
  // The aperture: the open end, a line across the last whorl.
  ctx.lineWidth = Math.max(2, w * 1.5);
  across(p, outer, spine.r(outer - turn), spine.r(outer));
}
