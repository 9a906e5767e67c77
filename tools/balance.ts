// Plays seeded rounds with strategies that need no skill and reports whether the game is worth
// playing. Usage: npm run balance -- --rounds 300 [--seed-prefix balance]
import { parseArgs } from "node:util";
import { loadTf } from "../server/tf";
import { CATALOG } from "../shared/spirals";
import { generateRound, visibleRound } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { fitRound } from "../shared/round-ladder";
import { roundPoints } from "../shared/scoring";
import { MAX_LEVEL } from "../shared/ladder-levels";
import { cueAware, minTraining, minValidation } from "../shared/strategies";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "300" }, "seed-prefix": { type: "string", default: "balance" } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds must be a positive integer");

const tf = await loadTf();
const strategies = ["oracle", "min_training", "min_validation", "cue_aware"] as const;
const totals: Record<string, number> = Object.fromEntries(strategies.map((s) => [s, 0]));
const perLevel = new Array(MAX_LEVEL).fill(0); // points if a level were always picked
const bestCount = new Array(MAX_LEVEL).fill(0);
let uShaped = 0;
const byRelation: Record<string, { n: number; cue: number; val: number }> = {};

const started = performance.now();
for (let r = 0; r < rounds; r++) {
  const round = generateRound(CATALOG, publicRoundKey(`${values["seed-prefix"]}-${r}`));
  const { fits, hidden } = fitRound(tf, round);
  const errors = hidden!.map((h) => h.error);
  const best = errors.indexOf(Math.min(...errors));
  const bestError = errors[best];
  bestCount[best]++;
  if (bestError <= 0.85 * errors[0] && bestError <= 0.85 * errors[MAX_LEVEL - 1]) uShaped++;
  const points = (level: number) => roundPoints(errors[level - 1], bestError);
  errors.forEach((_, l) => (perLevel[l] += points(l + 1)));
  const picks = { oracle: best + 1, min_training: minTraining(fits), min_validation: minValidation(fits), cue_aware: cueAware(visibleRound(round), fits) };
  for (const s of strategies) totals[s] += points(picks[s]);
  const rel = (byRelation[round.cue.relation] ??= { n: 0, cue: 0, val: 0 });
  rel.n++; rel.cue += points(picks.cue_aware); rel.val += points(picks.min_validation);
  if ((r + 1) % 50 === 0) process.stderr.write(`  ${r + 1}/${rounds} rounds (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

const mean = (v: number) => Math.round((v / rounds) * 10) / 10;
const fixedBestLevel = perLevel.indexOf(Math.max(...perLevel)) + 1;
const points = {
  oracle: mean(totals.oracle),
  fixed_best: mean(perLevel[fixedBestLevel - 1]),
  min_training: mean(totals.min_training),
  min_validation: mean(totals.min_validation),
  cue_aware: mean(totals.cue_aware),
};
const summary = {
  rounds,
  levels: MAX_LEVEL,
  u_shape_rate: Math.round((uShaped / rounds) * 1000) / 1000,
  best_level_max_share: Math.round((Math.max(...bestCount) / rounds) * 1000) / 1000,
  best_levels_used: bestCount.filter((c) => c > 0).length,
  points,
};

const ratio = (v: number) => (v / points.oracle).toFixed(3);
const check = (ok: boolean) => (ok ? "ok  " : "MISS");
console.log(`Shell & Galaxy balance — ${rounds} seeded rounds, ${MAX_LEVEL} detail levels\n`);
console.log("Best level per round (level: rounds):");
console.log("  " + bestCount.map((c, l) => `${l + 1}:${c}`).join("  "));
console.log("\nMean round points (ratio to oracle):");
console.log(`  oracle          ${points.oracle}`);
console.log(`  fixed_best      ${points.fixed_best} (${ratio(points.fixed_best)}) — always level ${fixedBestLevel}`);
console.log(`  min_training    ${points.min_training} (${ratio(points.min_training)})`);
console.log(`  min_validation  ${points.min_validation} (${ratio(points.min_validation)})`);
console.log(`  cue_aware       ${points.cue_aware} (${ratio(points.cue_aware)})`);
console.log("\nBy relation (cue_aware / min_validation mean points):");
for (const [rel, v] of Object.entries(byRelation)) console.log(`  ${rel.padEnd(9)} ${v.n} rounds  ${(v.cue / v.n).toFixed(0)} / ${(v.val / v.n).toFixed(0)}`);
console.log("\nTargets:");
console.log(`  ${check(summary.u_shape_rate >= 0.85)} u_shape_rate ${summary.u_shape_rate} ≥ 0.85`);
console.log(`  ${check(summary.best_level_max_share <= 0.25)} best_level_max_share ${summary.best_level_max_share} ≤ 0.25`);
console.log(`  ${check(summary.best_levels_used >= 6)} best_levels_used ${summary.best_levels_used} ≥ 6`);
console.log(`  ${check(points.fixed_best <= 0.7 * points.oracle)} fixed_best ≤ 0.70 × oracle`);
console.log(`  ${check(points.min_validation <= 0.8 * points.oracle)} min_validation ≤ 0.80 × oracle`);
console.log(`  ${check(points.min_training <= 0.4 * points.oracle)} min_training ≤ 0.40 × oracle`);
console.log(`  ${check(points.cue_aware >= 0.85 * points.oracle)} cue_aware ≥ 0.85 × oracle`);
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(JSON.stringify(summary));
