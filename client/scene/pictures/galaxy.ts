// Galaxies face-on: a glowing bulge (and a bar for the barred ones), arms of blue star clouds
// along the round's own arm turned round the centre once per arm, dust lanes on their inner
// edges and pink star-forming knots at the entry's rate per turn, over a field of stars.
import { alongSpine, backdrop, glow, starField, type Painting } from "./common";

const BARRED = new Set(["ngc-1300", "milky-way"]);

export function paintGalaxy(p: Painting): void {
  const { ctx, spine, spec, rng } = p;
  backdrop(p, "#050a1c", "#02040c");
  starField(p, 320);
  const start = Math.max(spine.theta0 - 1.2, spine.theta1 - 2 * Math.PI * 3);
  const end = spine.theta1 + 0.35;
  ctx.save();
  ctx.globalCompositeOperation = "lighter";
  // The disc's diffuse light.
  glow(ctx, spec.cx, spec.cy, p.R * 1.05, [60, 80, 140], 0.35);
  for (let arm = 0; arm < p.arms; arm++) {
    const turnBy = (2 * Math.PI * arm) / p.arms;
    const clouds = 520;
    for (let i = 0; i < clouds; i++) {
      // Denser outward (√u), as the arm is longer there.
      const th = start + (end - start) * Math.sqrt(rng.next());
      const r = spine.r(th);
      const width = r * 0.11 * (0.4 + rng.next());
      const a = spine.turn * th + turnBy;
      const jitter = (rng.next() - 0.5) * 2 * width;
      const rr = r + jitter;
      const x = spec.cx + rr * spec.k * Math.cos(a + (rng.next() - 0.5) * 0.06);
      const y = spec.cy - rr * spec.k * Math.sin(a + (rng.next() - 0.5) * 0.06);
      const fade = th > spine.theta1 ? Math.max(0, 1 - (th - spine.theta1) / 0.35) : 1;
      glow(ctx, x, y, Math.max(2, width * spec.k * 0.9), [150, 185, 255], 0.14 * fade);
    }
    // Star-forming knots along the arm (HII regions), at the entry's rate per turn.
    const step = (2 * Math.PI) / p.perTurn;
    for (let th = spine.theta0; th < spine.theta1; th += step * (0.7 + 0.6 * rng.next())) {
      const [x, y] = p.on(th, turnBy);
      glow(ctx, x, y, Math.max(3, spine.r(th) * spec.k * 0.07), [255, 150, 210], 0.55);
      glow(ctx, x, y, 2.2, [255, 255, 255], 0.9);
    }
  }
  // The bulge (and the bar).
  const [sx, sy] = p.on(spine.theta0);
  const barAngle = Math.atan2(sy - spec.cy, sx - spec.cx);
  if (BARRED.has(spec.entry?.id ?? "")) {
    const length = spine.r(spine.theta0) * spec.k;
    ctx.save();
    ctx.translate(spec.cx, spec.cy);
    ctx.rotate(barAngle);
    ctx.scale(1, 0.22);
    glow(ctx, 0, 0, length, [255, 220, 160], 0.55);
    ctx.restore();
  }
  glow(ctx, spec.cx, spec.cy, p.R * 0.3, [255, 214, 150], 0.75);
  glow(ctx, spec.cx, spec.cy, p.R * 0.1, [255, 245, 225], 0.95);
  ctx.restore();
  // Dust lanes: faint, broken dark threads on the inner (concave) side of each arm.
  ctx.save();
  ctx.strokeStyle = "rgba(10, 6, 4, 0.3)";
  ctx.lineWidth = Math.max(1, p.R * 0.008);
  ctx.setLineDash([p.R * 0.09, p.R * 0.05]);
  for (let arm = 0; arm < p.arms; arm++)
    alongSpine(p, Math.max(start, spine.theta0 - 0.6), spine.theta1, 0.94, (2 * Math.PI * arm) / p.arms);
  ctx.restore();
  // M51's small companion, NGC 5195, at the end of one arm.
  if (spec.entry?.id === "m51-whirlpool") {
    const [x, y] = p.on(spine.theta1 + 0.25);
    ctx.save();
    ctx.globalCompositeOperation = "lighter";
    glow(ctx, x, y, p.R * 0.14, [255, 210, 150], 0.6);
    glow(ctx, x, y, p.R * 0.04, [255, 240, 220], 0.9);
    ctx.restore();
  }
}
