// Plays seeded rounds with strategies that read only what a player sees, and reports whether the
// game is worth playing. Usage: npm run balance -- --rounds 1000 [--seed-prefix balance]
//
// Levels picked "always the same" (fixed_best, and relation_rule's fixed level) are chosen on the
// first half of the rounds and scored on the second half, so they do not learn from the rounds
// they are scored on; every other strategy is scored on all rounds.
import { parseArgs } from "node:util";
import { loadTf } from "../server/tf";
import { CATALOG } from "../shared/spirals";
import { generateRound, visibleRound, type Relation } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { fitRound } from "../shared/round-ladder";
import { featuresOnlyTrainError } from "../shared/ladder";
import { roundPoints } from "../shared/scoring";
import { MAX_LEVEL } from "../shared/ladder-levels";
import { informed, minTraining, minValidation } from "../shared/strategies";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "300" }, "seed-prefix": { type: "string", default: "balance" } },
});
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 2) throw new Error("--rounds must be an integer of at least 2");
const half = Math.floor(rounds / 2); // choose on rounds [0, half), score on [half, rounds)

const tf = await loadTf();
const MONOTONE_TOLERANCE = 1.01;

interface Played {
  relation: Relation;
  /** Points per level (index 0 = level 1). */
  points: number[];
  best: number;
  picks: { min_training: number; min_validation: number; informed: number };
}
const played: Played[] = [];
let monotoneSteps = 0,
  steps = 0,
  worseThanFeaturesOnly = 0,
  levelFits = 0;
const bendsGain = new Array(MAX_LEVEL).fill(0); // Σ training error ÷ the features-only error
let uShaped = 0;

const started = performance.now();
for (let r = 0; r < rounds; r++) {
  const round = generateRound(CATALOG, publicRoundKey(`${values["seed-prefix"]}-${r}`));
  const { fits, hidden } = fitRound(tf, round);
  const errors = hidden!.map((h) => h.error);
  const best = errors.indexOf(Math.min(...errors));
  if (errors[best] <= 0.85 * errors[0] && errors[best] <= 0.85 * errors[MAX_LEVEL - 1]) uShaped++;

  const train = fits.map((f) => f.trainError);
  for (let l = 1; l < MAX_LEVEL; l++, steps++) if (train[l] <= MONOTONE_TOLERANCE * train[l - 1]) monotoneSteps++;
  const { points: p, train: trainIdx } = round.a;
  const featuresOnly = featuresOnlyTrainError({ t: trainIdx.map((i) => p.t[i]), y: trainIdx.map((i) => p.logr[i]) });
  train.forEach((e, l) => {
    levelFits++;
    if (e > featuresOnly[l] * (1 + 1e-12)) worseThanFeaturesOnly++;
    bendsGain[l] += e / featuresOnly[l];
  });

  const visible = visibleRound(round);
  played.push({
    relation: round.cue.relation,
    points: errors.map((e) => roundPoints(e, errors[best])),
    best: best + 1,
    picks: { min_training: minTraining(fits), min_validation: minValidation(fits), informed: informed(visible, fits) },
  });
  if ((r + 1) % 100 === 0)
    process.stderr.write(`  ${r + 1}/${rounds} rounds (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}

const meanOf = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : 0);
const r1 = (v: number) => Math.round(v * 10) / 10;
const r3 = (v: number) => Math.round(v * 1000) / 1000;

// Fixed levels: chosen on the first half, scored on the second.
const choose = played.slice(0, half),
  score = played.slice(half);
const bestFixed = (rows: Played[]) => {
  const perLevel = Array.from({ length: MAX_LEVEL }, (_, l) => meanOf(rows.map((p) => p.points[l])));
  return perLevel.indexOf(Math.max(...perLevel)) + 1;
};
const fixedLevel = bestFixed(choose);
const ruleLevel = bestFixed(choose.filter((p) => p.relation !== "twin"));
const relationRulePick = (p: Played) => (p.relation === "twin" ? p.picks.min_validation : ruleLevel);

const bestCount = new Array(MAX_LEVEL).fill(0);
for (const p of played) bestCount[p.best - 1]++;
const points = {
  oracle: r1(meanOf(played.map((p) => p.points[p.best - 1]))),
  fixed_best: r1(meanOf(score.map((p) => p.points[fixedLevel - 1]))),
  min_training: r1(meanOf(played.map((p) => p.points[p.picks.min_training - 1]))),
  min_validation: r1(meanOf(played.map((p) => p.points[p.picks.min_validation - 1]))),
  relation_rule: r1(meanOf(score.map((p) => p.points[relationRulePick(p) - 1]))),
  informed: r1(meanOf(played.map((p) => p.points[p.picks.informed - 1]))),
};
const bestShare = bestCount.map((c) => r3(c / rounds));
const summary = {
  rounds,
  levels: MAX_LEVEL,
  u_shape_rate: r3(uShaped / rounds),
  best_level_max_share: Math.max(...bestShare),
  best_levels_used: bestCount.filter((c) => c > 0).length,
  best_level_share: bestShare,
  train_monotone_rate: r3(monotoneSteps / steps),
  ls_without_bends: {
    level_fits: levelFits,
    worse: worseThanFeaturesOnly,
    mean_error_ratio: bendsGain.map((g) => r3(g / rounds)),
  },
  fixed_levels: {
    chosen_on: `rounds 0-${half - 1}`,
    scored_on: `rounds ${half}-${rounds - 1}`,
    fixed_best: fixedLevel,
    relation_rule: ruleLevel,
  },
  points,
};

const ratio = (v: number) => (v / points.oracle).toFixed(3);
const check = (ok: boolean) => (ok ? "ok  " : "MISS");
console.log(`Shell & Galaxy balance — ${rounds} seeded rounds, ${MAX_LEVEL} detail levels\n`);
console.log("Best level per round (level: rounds):");
console.log("  " + bestCount.map((c, l) => `${l + 1}:${c}`).join("  "));
console.log(
  `\nTraining error: non-increasing with level (within ${Math.round((MONOTONE_TOLERANCE - 1) * 100)} %) in ${monotoneSteps} of ${steps} level steps;`,
);
console.log(
  `  worse than the same features without bends (same ridge solve) in ${worseThanFeaturesOnly} of ${levelFits} level fits;`,
);
console.log(
  `  mean training error ÷ features-only error per level: ${summary.ls_without_bends.mean_error_ratio.join(" ")}`,
);
console.log("\nMean round points (ratio to oracle):");
console.log(`  oracle          ${points.oracle}`);
console.log(
  `  fixed_best      ${points.fixed_best} (${ratio(points.fixed_best)}) — always level ${fixedLevel}, chosen on rounds 0-${half - 1}, scored on ${half}-${rounds - 1}`,
);
console.log(`  min_training    ${points.min_training} (${ratio(points.min_training)})`);
console.log(`  min_validation  ${points.min_validation} (${ratio(points.min_validation)})`);
console.log(
  `  relation_rule   ${points.relation_rule} (${ratio(points.relation_rule)}) — twin: min validation, else level ${ruleLevel}; chosen on rounds 0-${half - 1}, scored on ${half}-${rounds - 1}`,
);
console.log(
  `  informed        ${points.informed} (${ratio(points.informed)}) — cue numbers + A's fits, errors and bump rate`,
);
console.log("\nBy relation (mean points of min_validation / informed; which level was best, in how many rounds):");
for (const rel of ["twin", "cousin", "stranger"] as const) {
  const rows = played.filter((p) => p.relation === rel);
  if (!rows.length) continue;
  const levels = new Array(MAX_LEVEL).fill(0);
  for (const p of rows) levels[p.best - 1]++;
  console.log(
    `  ${rel.padEnd(9)} ${String(rows.length).padStart(4)} rounds  ${meanOf(rows.map((p) => p.points[p.picks.min_validation - 1])).toFixed(0)} / ${meanOf(rows.map((p) => p.points[p.picks.informed - 1])).toFixed(0)}   best levels ${levels.map((c, l) => `${l + 1}:${c}`).join(" ")}`,
  );
}
const lo = bestShare[0],
  hi = bestShare[MAX_LEVEL - 1];
console.log("\nTargets:");
console.log(`  ${check(summary.u_shape_rate >= 0.85)} u_shape_rate ${summary.u_shape_rate} ≥ 0.85`);
console.log(
  `  ${check(summary.best_level_max_share <= 0.25)} best_level_max_share ${summary.best_level_max_share} ≤ 0.25`,
);
console.log(`  ${check(summary.best_levels_used >= 6)} best_levels_used ${summary.best_levels_used} ≥ 6`);
console.log(`  ${check(lo >= 0.02)} level 1 best in ${lo} of rounds ≥ 0.02`);
console.log(`  ${check(hi >= 0.02)} level ${MAX_LEVEL} best in ${hi} of rounds ≥ 0.02`);
console.log(
  `  ${check(summary.train_monotone_rate >= 0.995)} train_monotone_rate ${summary.train_monotone_rate} ≥ 0.995`,
);
console.log(
  `  ${check(worseThanFeaturesOnly === 0)} no level fits A worse than its features without bends (${worseThanFeaturesOnly} of ${levelFits})`,
);
console.log(
  `  ${check(points.fixed_best <= 0.7 * points.oracle)} fixed_best ${ratio(points.fixed_best)} ≤ 0.70 × oracle`,
);
console.log(
  `  ${check(points.min_validation <= 0.8 * points.oracle)} min_validation ${ratio(points.min_validation)} ≤ 0.80 × oracle`,
);
console.log(
  `  ${check(points.min_training <= 0.4 * points.oracle)} min_training ${ratio(points.min_training)} ≤ 0.40 × oracle`,
);
console.log(
  `  ${check(points.relation_rule <= 0.75 * points.oracle)} relation_rule ${ratio(points.relation_rule)} ≤ 0.75 × oracle`,
);
console.log(
  `  ${check(points.informed >= 0.85 * points.oracle)} informed ${ratio(points.informed)} ≥ 0.85 × oracle (replaces cue_aware)`,
);
console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(JSON.stringify(summary));
