// Horns: a tube along the round's own arm, thin at the tip (the inner end) and thick at the base,
// ringed across at the entry's rate per turn (annual rings, knots), a keel along the twisted ones.
import { across, alongSpine, backdrop, mixRgb, rgba, tube, type Painting } from "./common";

type Rgb = [number, number, number];
const LOOKS: Record<string, { base: Rgb; dark: Rgb; keel?: boolean; knots?: boolean }> = {
  "bighorn-sheep": { base: [196, 164, 118], dark: [104, 80, 54] },
  "greater-kudu": { base: [150, 120, 96], dark: [60, 46, 36], keel: true },
  "alpine-ibex": { base: [132, 112, 88], dark: [60, 50, 38], knots: true },
  markhor: { base: [120, 108, 96], dark: [50, 44, 40], keel: true },
};

export function paintHorn(p: Painting): void {
  const { ctx, spine, spec } = p;
  const look = LOOKS[spec.entry?.id ?? ""] ?? LOOKS["bighorn-sheep"];
  backdrop(p, "#26303c", "#12161e");
  const start = Math.max(spine.theta0 - 0.6, spine.theta1 - 2 * Math.PI * 4);
  const end = spine.theta1;
  // Half-width grows from the tip to the base.
  const half = (th: number) => {
    const f = (th - start) / Math.max(1e-6, end - start);
    return spine.r(end) * (0.02 + 0.11 * f ** 1.3);
  };
  const edges = (th: number): [number, number] => [spine.r(th) - half(th), spine.r(th) + half(th)];
  tube(p, start, end, edges, (_th, u) => rgba(mixRgb(look.dark, look.base, 0.3 + 0.7 * Math.sin(Math.PI * u) ** 0.7)), {
    bands: 7,
    steps: 240,
  });
  // Rings across the horn.
  const step = (2 * Math.PI) / p.perTurn;
  ctx.strokeStyle = rgba(look.dark, 0.85);
  for (let th = end - step * 0.3; th > start; th -= step) {
    const [r0, r1] = edges(th);
    ctx.lineWidth = look.knots ? Math.max(2, (r1 - r0) * spec.k * 0.12) : Math.max(1, (r1 - r0) * spec.k * 0.05);
    across(p, th, r0, r1, 0);
  }
  // Fine ridges.
  ctx.strokeStyle = rgba(look.dark, 0.25);
  ctx.lineWidth = 0.8;
  for (let th = end; th > start; th -= step / 5) {
    const [r0, r1] = edges(th);
    across(p, th, r0, r1, 0);
  }
  if (look.keel) {
    ctx.strokeStyle = rgba(mixRgb(look.base, [255, 255, 255], 0.35), 0.8);
    ctx.lineWidth = Math.max(1.5, spine.r(end) * spec.k * 0.012);
    alongSpine(p, start, end, 1.0);
  }
  // The base: the cut end of the horn.
  ctx.strokeStyle = rgba(look.dark, 1);
  ctx.lineWidth = 3;
  const [r0, r1] = edges(end);
  across(p, end, r0, r1, 0);
}
