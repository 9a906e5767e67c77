// An arm for a catalog entry without a round (the gallery, the home page's morph): the plain
// spiral of its type and pitch over its visible turns, with its own bumps at its rate per turn.
import type { SpiralEntry } from "../../../shared/catalog";
import { plainSpiral, toPoints } from "../../../shared/round";

export function sampleArm(entry: SpiralEntry, rotation = 0, count = 140): { x: number[]; y: number[] } {
  const turns = Math.min(3, Math.max(1.25, entry.turns.value));
  const plain = plainSpiral(entry, turns);
  const t = Array.from({ length: count }, (_, i) => i / (count - 1));
  const cycles = entry.contours.perTurn * turns;
  const logr = t.map((u) => plain(u) + entry.contours.amplitude * Math.sin(2 * Math.PI * cycles * u));
  const { x, y } = toPoints(t, logr, turns, rotation);
  return { x, y };
}
