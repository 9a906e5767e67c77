// Plants: seed heads and cones in phyllotaxis (each floret the golden angle on from the last, so
// the spiral rows the entry counts appear by themselves), a fern's fiddlehead coiled along the
// round's own arm with its leaflets, and a spiral aloe's leaves in its five ranks.
import { phyllotaxis } from "../../../shared/spiral-art";
import { alongSpine, backdrop, glow, mixRgb, rgba, type Painting } from "./common";

export function paintPlant(p: Painting): void {
  const id = p.spec.entry?.id;
  if (id === "fern-fiddlehead") return fern(p);
  if (id === "aloe-polyphylla") return aloe(p);
  if (id === "pine-cone") return cone(p);
  if (id === "romanesco") return romanesco(p);
  return sunflower(p);
}

/** The disc's radius: the points' extent, inside the picture's square. */
const discOf = (p: Painting) => Math.min(p.R, p.spec.box.side * 0.48);

function sunflower(p: Painting): void {
  const { ctx, spec } = p;
  backdrop(p, "#16311c", "#0b1c10");
  const D = discOf(p);
  // Petals round the disc.
  const petals = 34;
  for (let i = 0; i < petals; i++) {
    const a = (2 * Math.PI * i) / petals + 0.05 * p.rng.next();
    ctx.save();
    ctx.translate(spec.cx + Math.cos(a) * D * 0.8, spec.cy + Math.sin(a) * D * 0.8);
    ctx.rotate(a);
    ctx.fillStyle = rgba(mixRgb([250, 200, 40], [230, 150, 20], p.rng.next()));
    ctx.beginPath();
    ctx.ellipse(D * 0.14, 0, D * 0.2, D * 0.055, 0, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  }
  const disc = D * 0.8;
  ctx.fillStyle = "#3a2412";
  ctx.beginPath();
  ctx.arc(spec.cx, spec.cy, disc, 0, 2 * Math.PI);
  ctx.fill();
  const n = 520;
  const f = phyllotaxis(n, p.spine.endAngle);
  const size = (disc / Math.sqrt(n)) * 0.95;
  for (let i = 0; i < n; i++) {
    const x = spec.cx + f.x[i] * disc * 0.97,
      y = spec.cy - f.y[i] * disc * 0.97;
    ctx.fillStyle = rgba(mixRgb([92, 52, 22], [150, 120, 40], f.r[i] ** 2));
    ctx.beginPath();
    ctx.arc(x, y, size, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = "rgba(255, 220, 150, 0.35)";
    ctx.beginPath();
    ctx.arc(x - size * 0.3, y - size * 0.3, size * 0.35, 0, 2 * Math.PI);
    ctx.fill();
  }
}

function cone(p: Painting): void {
  const { ctx, spec } = p;
  backdrop(p, "#1d2a1a", "#0e150c");
  const D = discOf(p);
  const n = 150;
  const f = phyllotaxis(n, p.spine.endAngle);
  const spacing = D / Math.sqrt(n);
  for (let i = n - 1; i >= 0; i--) {
    const x = spec.cx + f.x[i] * D * 0.95,
      y = spec.cy - f.y[i] * D * 0.95;
    const a = Math.atan2(y - spec.cy, x - spec.cx);
    const s = spacing * (0.9 + 0.5 * f.r[i]);
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(a);
    const g = ctx.createLinearGradient(-s, 0, s, 0);
    g.addColorStop(0, "#3b2210");
    g.addColorStop(0.6, "#8a5a2e");
    g.addColorStop(1, "#c89a62");
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.moveTo(-s, 0);
    ctx.lineTo(0, -s * 0.8);
    ctx.lineTo(s, 0);
    ctx.lineTo(0, s * 0.8);
    ctx.closePath();
    ctx.fill();
    ctx.strokeStyle = "rgba(40, 20, 8, 0.8)";
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.restore();
  }
}

function romanesco(p: Painting): void {
  const { ctx, spec } = p;
  backdrop(p, "#14240f", "#0a1408");
  const D = discOf(p);
  const n = 89;
  const f = phyllotaxis(n, p.spine.endAngle);
  const bud = (D / Math.sqrt(n)) * 1.05;
  for (let i = n - 1; i >= 0; i--) {
    const x = spec.cx + f.x[i] * D * 0.92,
      y = spec.cy - f.y[i] * D * 0.92;
    const s = bud * (0.55 + 0.6 * f.r[i]);
    const g = ctx.createRadialGradient(x - s * 0.3, y - s * 0.3, 0, x, y, s);
    g.addColorStop(0, "#d8f08a");
    g.addColorStop(0.7, "#86b83c");
    g.addColorStop(1, "#3f6a1c");
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.arc(x, y, s, 0, 2 * Math.PI);
    ctx.fill();
    // Each bud is itself a small spiral of buds.
    const small = phyllotaxis(21, i);
    ctx.fillStyle = "rgba(60, 100, 24, 0.55)";
    for (let j = 0; j < small.x.length; j++) {
      ctx.beginPath();
      ctx.arc(x + small.x[j] * s * 0.85, y + small.y[j] * s * 0.85, Math.max(0.8, s * 0.1), 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}

function fern(p: Painting): void {
  const { ctx, spine, spec } = p;
  backdrop(p, "#1a2d1a", "#0b170c");
  const start = Math.max(spine.theta0 - 2 * Math.PI * 1.5, spine.theta1 - 2 * Math.PI * 5);
  // Leaflets on the outside of the coil, at the entry's rate per turn.
  const step = (2 * Math.PI) / p.perTurn;
  for (let th = spine.theta1; th > start; th -= step) {
    const r = spine.r(th);
    if (r * spec.k < 6) break;
    const [x, y] = p.on(th);
    const a = Math.atan2(y - spec.cy, x - spec.cx);
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(a);
    ctx.fillStyle = "#5f9a3a";
    ctx.beginPath();
    ctx.ellipse(r * spec.k * 0.12, 0, r * spec.k * 0.14, r * spec.k * 0.07, 0, 0, 2 * Math.PI);
    ctx.fill();
    ctx.fillStyle = "rgba(200, 230, 150, 0.4)";
    ctx.beginPath();
    ctx.ellipse(r * spec.k * 0.1, -r * spec.k * 0.02, r * spec.k * 0.07, r * spec.k * 0.025, 0, 0, 2 * Math.PI);
    ctx.fill();
    ctx.restore();
  }
  // The rolled stem (rachis), fuzzy brown scales on a green core.
  ctx.lineCap = "round";
  for (const [width, colour] of [
    [0.075, "#6b4a26"],
    [0.05, "#7fb548"],
  ] as const) {
    ctx.strokeStyle = colour;
    for (let s = 0; s < 60; s++) {
      const a = start + ((spine.theta1 - start) * s) / 60;
      const b = start + ((spine.theta1 - start) * (s + 1.1)) / 60;
      ctx.lineWidth = Math.max(1.5, spine.r(a) * spec.k * width * 2);
      alongSpine(p, a, b, 1, 0, 6);
    }
  }
  glow(ctx, ...p.on(start), Math.max(3, spine.r(start) * spec.k * 0.4), [190, 230, 120], 0.6);
}

function aloe(p: Painting): void {
  const { ctx, spine, spec } = p;
  backdrop(p, "#2b2a22", "#141410");
  const ranks = p.arms;
  const perRank = Math.max(6, Math.round((2 * p.perTurn) / ranks));
  const start = Math.max(spine.theta0 - 2 * Math.PI, spine.theta1 - 2 * Math.PI * 2);
  const leaves: { th: number; rank: number }[] = [];
  for (let rank = 0; rank < ranks; rank++)
    for (let th = start; th <= spine.theta1; th += (2 * Math.PI) / perRank) leaves.push({ th, rank });
  // Outer (older) leaves first, so the young ones lie on top.
  leaves.sort((a, b) => b.th - a.th);
  for (const { th, rank } of leaves) {
    const turnBy = (2 * Math.PI * rank) / ranks;
    const r = spine.r(th);
    const [x, y] = p.on(th, turnBy);
    const a = Math.atan2(y - spec.cy, x - spec.cx);
    const len = Math.max(8, r * spec.k * 0.8),
      wid = Math.max(4, r * spec.k * 0.32);
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(a);
    const g = ctx.createLinearGradient(-len * 0.6, 0, len * 0.45, 0);
    g.addColorStop(0, "#4f7a62");
    g.addColorStop(0.75, "#8fb8a0");
    g.addColorStop(1, "#7a4a3a");
    ctx.fillStyle = g;
    ctx.beginPath();
    ctx.moveTo(-len * 0.6, 0);
    ctx.quadraticCurveTo(-len * 0.1, -wid, len * 0.45, 0);
    ctx.quadraticCurveTo(-len * 0.1, wid, -len * 0.6, 0);
    ctx.fill();
    ctx.strokeStyle = "rgba(20, 40, 30, 0.6)";
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.restore();
  }
}
