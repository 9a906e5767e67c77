// Tropical cyclones from above: rain bands of cloud along the round's own arm (one per band the
// entry counts), bright convective cells at its rate per turn, the central dense overcast and a
// clear eye, over a dark ocean.
import { backdrop, glow, type Painting } from "./common";

export function paintCyclone(p: Painting): void {
  const { ctx, spine, spec, rng } = p;
  backdrop(p, "#0b2a4a", "#061a30");
  const start = Math.max(spine.theta0 - 1.5, spine.theta1 - 2 * Math.PI * 2.5);
  const end = spine.theta1 + 0.2;
  ctx.save();
  for (let arm = 0; arm < p.arms; arm++) {
    const turnBy = (2 * Math.PI * arm) / p.arms;
    // The band: many soft puffs, wider and thinner outward.
    for (let i = 0; i < 520; i++) {
      const th = start + (end - start) * Math.sqrt(rng.next());
      const r = spine.r(th);
      const width = r * 0.13 * (0.5 + rng.next());
      const rr = r + (rng.next() - 0.6) * 1.6 * width;
      const a = spine.turn * th + turnBy + (rng.next() - 0.5) * 0.05;
      const fade = th > spine.theta1 ? Math.max(0, 1 - (th - spine.theta1) / 0.2) : 1;
      glow(
        ctx,
        spec.cx + rr * spec.k * Math.cos(a),
        spec.cy - rr * spec.k * Math.sin(a),
        width * spec.k,
        [236, 242, 250],
        0.2 * fade,
      );
    }
    // Convective cells: brighter, rounder towers strung along the band.
    const step = (2 * Math.PI) / p.perTurn;
    for (let th = spine.theta0; th < spine.theta1; th += step) {
      const [x, y] = p.on(th, turnBy);
      glow(ctx, x, y, Math.max(4, spine.r(th) * spec.k * 0.1), [255, 255, 255], 0.55);
    }
  }
  // The central dense overcast, with a hint of swirl, then the eye.
  glow(ctx, spec.cx, spec.cy, p.R * 0.38, [240, 245, 252], 0.95);
  glow(ctx, spec.cx, spec.cy, p.R * 0.26, [255, 255, 255], 0.9);
  const eye = Math.max(5, p.R * 0.06);
  const g = ctx.createRadialGradient(spec.cx, spec.cy, 0, spec.cx, spec.cy, eye * 1.6);
  g.addColorStop(0, "rgba(8, 40, 70, 1)");
  g.addColorStop(0.6, "rgba(40, 80, 110, 0.9)");
  g.addColorStop(1, "rgba(220, 230, 240, 0)");
  ctx.fillStyle = g;
  ctx.beginPath();
  ctx.arc(spec.cx, spec.cy, eye * 1.6, 0, 2 * Math.PI);
  ctx.fill();
  ctx.restore();
}
