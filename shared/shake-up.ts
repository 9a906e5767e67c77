// The shake-up: rank by fit to A (what players could see) against rank by fit to B (what
// counted), like a public and a private leaderboard. Ties share a rank ("1, 2, 2, 4").
import type { ShakeUp } from "./protocol";

export interface ShakeUpEntry {
  sessionId: string;
  name: string;
  /** Lower is better for both: an error on A and an error on B (or negated points). */
  onA: number;
  onB: number;
}

function ranks(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w < v).length);
}

export function shakeUp(entries: ShakeUpEntry[]): ShakeUp {
  const rankA = ranks(entries.map((e) => e.onA));
  const rankB = ranks(entries.map((e) => e.onB));
  const rows = entries
    .map((e, i) => ({ sessionId: e.sessionId, name: e.name, rankA: rankA[i], rankB: rankB[i] }))
    .sort((p, q) => p.rankB - q.rankB || p.rankA - q.rankA);
  const n = rows.length;
  const meanShift = n === 0 ? 0 : rows.reduce((sum, r) => sum + Math.abs(r.rankA - r.rankB), 0) / n / n;
  return { rows, meanShift };
}
