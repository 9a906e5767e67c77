// Traced spirals for tests: points along a known logarithmic spiral, and the traced spiral a set
// stores from them (the tracer's own helpers, as the /create page uses them).
import { storedArm, toPolar, type XY } from "../shared/tracer";
import type { TracedSpiral } from "../shared/round-set";

/** Points along a logarithmic spiral r = r0 e^(θ tan ψ), in screen coordinates (y down). */
export function logSpiralPoints(pitchDeg: number, turns: number, n: number, centre: XY = { x: 400, y: 300 }, r0 = 6) {
  const b = Math.tan((pitchDeg * Math.PI) / 180);
  return Array.from({ length: n }, (_, i) => {
    const th = (2 * Math.PI * turns * i) / (n - 1);
    const r = r0 * Math.exp(b * th);
    return { x: centre.x + r * Math.cos(th), y: centre.y - r * Math.sin(th) };
  });
}

export function tracedOf(
  pitchDeg: number,
  turns: number,
  name = "Garden snail",
  kind: TracedSpiral["kind"] = "shell",
  points = 80,
) {
  const arm = storedArm(toPolar(logSpiralPoints(pitchDeg, turns, points), { x: 400, y: 300 }));
  return { name, kind, cue: `a ${name.toLowerCase()}`, theta: arm.theta, logr: arm.logr };
}
