// The others: a peregrine falcon's spiral approach (its path dotted along the round's own arm,
// the falcon at the outer end, the prey at the centre) and the human cochlea (a pink, tapering
// coil with the spiral lamina along it).
import { alongSpine, backdrop, glow, mixRgb, rgba, tube, type Painting } from "./common";

export function paintOther(p: Painting): void {
  if (p.spec.entry?.id === "peregrine-falcon-dive") return falcon(p);
  return cochlea(p);
}

function falcon(p: Painting): void {
  const { ctx, spine, spec } = p;
  backdrop(p, "#1c2f55", "#0b1630");
  // Clouds far below.
  for (let i = 0; i < 18; i++) {
    const { left, top, side } = spec.box;
    glow(
      ctx,
      left + p.rng.next() * side,
      top + p.rng.next() * side,
      side * (0.05 + 0.08 * p.rng.next()),
      [200, 215, 235],
      0.12,
    );
  }
  const start = Math.max(spine.theta0 - 1.5, spine.theta1 - 2 * Math.PI * 3);
  ctx.save();
  ctx.setLineDash([10, 8]);
  ctx.lineCap = "round";
  ctx.strokeStyle = "rgba(240, 240, 255, 0.7)";
  ctx.lineWidth = Math.max(2, p.R * 0.012);
  alongSpine(p, start, spine.theta1);
  ctx.restore();
  // Lines of sight: all along the path the prey stays at the same angle to the falcon's heading.
  ctx.save();
  ctx.setLineDash([4, 6]);
  ctx.strokeStyle = "rgba(240, 228, 66, 0.45)";
  ctx.lineWidth = 1.5;
  for (let i = 1; i <= 3; i++) {
    const [x, y] = p.on(spine.theta1 - (i * (spine.theta1 - start)) / 8);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(spec.cx, spec.cy);
    ctx.stroke();
  }
  ctx.restore();
  // The prey at the centre, and the falcon at the outer end flying inward along the path.
  glow(ctx, spec.cx, spec.cy, p.R * 0.08, [240, 228, 66], 0.8);
  ctx.fillStyle = "#f0e442";
  ctx.beginPath();
  ctx.arc(spec.cx, spec.cy, Math.max(3, p.R * 0.02), 0, 2 * Math.PI);
  ctx.fill();
  const [x, y] = p.on(spine.theta1);
  const [x2, y2] = p.on(spine.theta1 - 0.05);
  const heading = Math.atan2(y2 - y, x2 - x);
  const s = Math.max(16, p.R * 0.16);
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(heading);
  ctx.fillStyle = "#2a2a33";
  ctx.strokeStyle = "#d8d8e8";
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.moveTo(s * 0.6, 0); // head
  ctx.lineTo(-s * 0.1, -s * 0.9); // wing tip
  ctx.lineTo(-s * 0.2, -s * 0.15);
  ctx.lineTo(-s * 0.7, -s * 0.12); // tail
  ctx.lineTo(-s * 0.7, s * 0.12);
  ctx.lineTo(-s * 0.2, s * 0.15);
  ctx.lineTo(-s * 0.1, s * 0.9);
  ctx.closePath();
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

function cochlea(p: Painting): void {
  const { ctx, spine, spec } = p;
  backdrop(p, "#2a1c1c", "#140c0c");
  const turn = 2 * Math.PI;
  const outer = spine.theta1;
  const inner = Math.max(outer - turn * 6, outer - Math.log(spine.r(outer) / (3 / spec.k)) / spine.growth);
  const edges = (th: number): [number, number] => [spine.r(th - turn) * 1.04, spine.r(th) * 0.98];
  tube(p, inner, outer, edges, (_th, u) => rgba(mixRgb([150, 70, 80], [240, 170, 170], Math.sin(Math.PI * u) ** 0.8)), {
    bands: 6,
  });
  // The spiral lamina: a bony ridge along the middle of the canal.
  ctx.strokeStyle = "rgba(255, 240, 225, 0.85)";
  ctx.lineWidth = Math.max(1.5, p.R * 0.01);
  ctx.beginPath();
  for (let s = 0; s <= 300; s++) {
    const th = inner + ((outer - inner) * s) / 300;
    const [r0, r1] = edges(th);
    const r = (r0 + r1) / 2;
    const a = spine.turn * th;
    const x = spec.cx + r * spec.k * Math.cos(a),
      y = spec.cy - r * spec.k * Math.sin(a);
    if (s === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.stroke();
}
