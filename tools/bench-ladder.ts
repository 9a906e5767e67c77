// Benchmarks one round's whole ladder (every detail level) on one core, next to a baseline
// measured in the same run: the same models trained one by one with tf.layers + model.fit on
// the cpu backend (the same steps and learning-rate schedule), then the same exact readout.
// Usage: npm run bench:ladder [-- --rounds 20 --baseline-rounds 3]
import { parseArgs } from "node:util";
import type * as TF from "@tensorflow/tfjs";
import { loadTf } from "../server/tf";
import { CATALOG } from "../shared/spirals";
import { generateRound, type Round } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { fitRound } from "../shared/round-ladder";
import { LEVELS } from "../shared/ladder-levels";
import {
  TRAINING_STEPS,
  LEARNING_RATE,
  featureRows,
  FEATURES,
  PACKED_BENDS,
  packedUnit,
  readoutLadder,
} from "../shared/ladder";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "20" }, "baseline-rounds": { type: "string", default: "3" } },
});
const rounds = Number(values.rounds),
  baselineRounds = Number(values["baseline-rounds"]);
const GFLOPS = 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seeds = Array.from({ length: rounds }, (_, i) => generateRound(CATALOG, publicRoundKey(`bench-${i}`)));

const tf = await loadTf();
fitRound(tf, seeds[0]); // warm-up: wasm compilation and kernel set-up
const ladderMs = seeds.map((round) => {
  const t0 = performance.now();
  fitRound(tf, round);
  return performance.now() - t0;
});

/**
 * The same models, one tf.layers model per level, trained with model.fit on the cpu backend: the
 * same full-batch Adam steps on the standardized targets, the learning rate falling linearly to
 * zero as in the ladder; then the same exact readout from the trained bends.
 */
async function baseline(tfx: typeof TF, round: Round): Promise<number> {
  const { points, train, validation } = round.a;
  const t = train.map((i) => points.t[i]),
    y = train.map((i) => points.logr[i]);
  const n = t.length,
    rows = featureRows(t);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const spread = Math.sqrt(y.reduce((s, v) => s + (v - mean) * (v - mean), 0) / n) || 1;
  const t0 = performance.now();
  const W = new Float32Array(PACKED_BENDS);
  for (const { level, halfCycles, bends } of LEVELS) {
    const cols = [...Array.from({ length: 2 * halfCycles }, (_, f) => f), FEATURES - 2, FEATURES - 1];
    const feats = tfx.tensor2d(
      Float32Array.from(
        { length: n * cols.length },
        (_, i) => rows[Math.floor(i / cols.length) * FEATURES + cols[i % cols.length]],
      ),
      [n, cols.length],
    );
    const target = tfx.tensor2d(
      y.map((v) => (v - mean) / spread),
      [n, 1],
    );
    const input = tfx.input({ shape: [cols.length] });
    let readout: TF.SymbolicTensor = input;
    let hiddenLayer: TF.layers.Layer | undefined;
    if (bends > 0) {
      // The bends see only the constant and t' (the last two features), as in the ladder.
      const line = tfx.layers
        .dense({ units: 2, useBias: false, trainable: false, weights: [lineSelector(tfx, cols.length)] })
        .apply(input) as TF.SymbolicTensor;
      hiddenLayer = tfx.layers.dense({ units: bends, activation: "sigmoid" });
      readout = tfx.layers
        .concatenate()
        .apply([hiddenLayer.apply(line) as TF.SymbolicTensor, input]) as TF.SymbolicTensor;
    }
    const model = tfx.model({
      inputs: input,
      outputs: tfx.layers.dense({ units: 1, useBias: false }).apply(readout) as TF.SymbolicTensor,
    });
    const optimizer = tfx.train.adam(LEARNING_RATE);
    model.compile({ optimizer, loss: "meanSquaredError" });
    // One full batch per epoch, in order: the same full-batch steps and schedule as the ladder.
    const setRate = (epoch: number) => {
      (optimizer as unknown as { learningRate: number }).learningRate =
        (LEARNING_RATE * (TRAINING_STEPS - epoch)) / TRAINING_STEPS;
    };
    await model.fit(feats, target, {
      epochs: TRAINING_STEPS,
      batchSize: n,
      shuffle: false,
      verbose: 0,
      callbacks: { onEpochBegin: async (epoch) => setRate(epoch) },
    });
    if (hiddenLayer) {
      const [kernel, bias] = hiddenLayer.getWeights().map((w) => w.dataSync());
      for (let b = 0; b < bends; b++) {
        W[packedUnit(level, b)] = kernel[b] + bias[b]; // from the constant (selector row 0) plus the bias
        W[PACKED_BENDS / 2 + packedUnit(level, b)] = kernel[bends + b]; // from t'
      }
    }
    model.dispose();
    feats.dispose();
    target.dispose();
  }
  readoutLadder(
    { t, y },
    {
      validation: validation.map((i) => points.t[i]),
      grid: Array.from({ length: 240 }, (_, i) => i / 239),
      hidden: round.b.points.t,
    },
    W,
  );
  return performance.now() - t0;
}

function lineSelector(tfx: typeof TF, width: number): TF.Tensor2D {
  const m = new Float32Array(width * 2);
  m[(width - 2) * 2] = 1;
  m[(width - 1) * 2 + 1] = 1;
  return tfx.tensor2d(m, [width, 2]);
}

await tf.setBackend("cpu");
const baselineMs: number[] = [];
for (const round of seeds.slice(0, baselineRounds)) baselineMs.push(await baseline(tf, round));
await tf.setBackend("wasm");

// Arithmetic lower bound: the useful multiply-adds of every level, forward and backward
// (about 3× forward), plus Adam (about 10 operations per weight), for every step; the readout
// (a Gram matrix and a few Cholesky solves per level) is left out: it is a few MFLOP.
const n = seeds[0].a.train.length;
let flopsPerStep = 0;
for (const { halfCycles, bends } of LEVELS) {
  const features = 2 * halfCycles + 2,
    weights = 3 * bends + features;
  flopsPerStep += 3 * 2 * n * (2 * bends + bends + features) + 10 * weights;
}
const flops = flopsPerStep * TRAINING_STEPS;
const boundMs = (flops / (GFLOPS * 1e9)) * 1000;

const ladder = median(ladderMs),
  base = median(baselineMs);
console.log(
  `Shell & Galaxy ladder benchmark — ${LEVELS.length} levels, ${n} training points, ${TRAINING_STEPS} full-batch Adam steps (learning rate ${LEARNING_RATE} falling linearly to 0), exact ridge readout`,
);
console.log(
  `  packed ladder, wasm backend, one thread: median ${ladder.toFixed(1)} ms per round over ${rounds} rounds (min ${Math.min(...ladderMs).toFixed(1)}, max ${Math.max(...ladderMs).toFixed(1)})`,
);
console.log(
  `  baseline, tf.layers + model.fit per level, cpu backend: median ${base.toFixed(0)} ms per round over ${baselineMs.length} rounds`,
);
console.log(`  speedup ${(base / ladder).toFixed(1)}×`);
console.log(
  `  arithmetic lower bound: ${(flops / 1e6).toFixed(1)} MFLOP at ${GFLOPS} GFLOP/s = ${boundMs.toFixed(1)} ms; the ladder takes ${(ladder / boundMs).toFixed(1)}× that`,
);
console.log(
  JSON.stringify({
    levels: LEVELS.length,
    ladder_ms: Math.round(ladder * 10) / 10,
    baseline_ms: Math.round(base),
    speedup: Math.round((base / ladder) * 10) / 10,
  }),
);
