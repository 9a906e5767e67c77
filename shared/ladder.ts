// The shared model ladder: one small network per detail level, all trained at once as one packed
// computation, so a whole ladder costs a few dozen small kernels per step instead of thousands.
//
// Level ℓ:  ŷ_ℓ(t) = u_ℓ · φ_ℓ(t) + Σ_j v_ℓj · σ(a_ℓj + b_ℓj·t')
//   φ_ℓ(t) = [cos πkt, sin πkt for k ≤ the level's halfCycles, 1, t'],  t' = 2t − 1
//   and the level's `bends` hidden sigmoid units. Level 1 has neither: it is the line.
// Packing: the hidden units of all levels form one hidden layer and all outputs one matrix;
// masks keep each level to its own features, units and output column, so levels never mix.
// Gradients of the full-batch squared error are derived by hand and stepped with Adam; every
// transposed operand is either constant (transposed once) or tiny.
import type * as TF from "@tensorflow/tfjs";
import { LEVELS, MAX_BENDS, MAX_HALF_CYCLES } from "./ladder-levels";
import { Random } from "./random";

type Tf = typeof TF;

export const TRAINING_STEPS = 300;
export const LEARNING_RATE = 0.1;
const BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-7;

const L = LEVELS.length;
export const FEATURES = 2 * MAX_HALF_CYCLES + 2; // cos/sin pairs, then the constant and t'
const HIDDEN = (L - 1) * MAX_BENDS; // one block of units per level above 1
const READOUT = HIDDEN + FEATURES;

export interface LadderInput {
  /** Seeds the initial weights. */
  seed: number | string;
  /** Training points: arm position t ∈ [0, 1] and the target (log r). */
  train: { t: ArrayLike<number>; y: ArrayLike<number> };
  /** Named sets of positions to predict at after training (validation, a drawing grid, …). */
  predictAt: Record<string, ArrayLike<number>>;
  /** Called now and then during training with the share of steps done (0…1), for progress bars. */
  onProgress?: (done: number) => void;
}

export interface LadderOutput {
  levels: number;
  /** Root-mean-square training error per level (index 0 = level 1), in the target's units. */
  trainError: number[];
  /** predictions[name][levelIndex] = predicted y at predictAt[name]. */
  predictions: Record<string, Float32Array[]>;
}

/** Row-major feature matrix [N × FEATURES] for positions t. */
export function featureRows(t: ArrayLike<number>): Float32Array {
  const out = new Float32Array(t.length * FEATURES);
  for (let n = 0; n < t.length; n++) {
    const row = n * FEATURES;
    for (let k = 1; k <= MAX_HALF_CYCLES; k++) {
      const a = Math.PI * k * t[n];
      out[row + 2 * (k - 1)] = Math.cos(a);
      out[row + 2 * (k - 1) + 1] = Math.sin(a);
    }
    out[row + FEATURES - 2] = 1;
    out[row + FEATURES - 1] = 2 * t[n] - 1;
  }
  return out;
}

const featureK = (f: number) => (f < FEATURES - 2 ? Math.floor(f / 2) + 1 : 0);
const unitLevel = (j: number) => Math.floor(j / MAX_BENDS) + 2; // hidden unit j belongs to this level
const unitActive = (j: number) => j % MAX_BENDS < LEVELS[unitLevel(j) - 1].bends;

/** Input→hidden mask [2 × HIDDEN]: the rows are the constant and t'. */
const HIDDEN_MASK = Float32Array.from({ length: 2 * HIDDEN }, (_, i) => (unitActive(i % HIDDEN) ? 1 : 0));

/** Readout mask [READOUT × L]: each level reads its own hidden units and its own features. */
const READOUT_MASK = (() => {
  const mask = new Float32Array(READOUT * L);
  for (let j = 0; j < HIDDEN; j++) if (unitActive(j)) mask[j * L + unitLevel(j) - 1] = 1;
  for (const { level, halfCycles } of LEVELS) {
    for (let f = 0; f < FEATURES; f++) if (featureK(f) <= halfCycles) mask[(HIDDEN + f) * L + level - 1] = 1;
  }
  return mask;
})();

/** Seeded starting weights: each bend a smooth step somewhere along the arm; readout near zero. */
function initialWeights(rng: Random): { W: Float32Array; V: Float32Array } {
  const W = new Float32Array(2 * HIDDEN);
  for (let j = 0; j < HIDDEN; j++) {
    const slope = rng.uniform(2, 8) * (rng.next() < 0.5 ? -1 : 1);
    W[HIDDEN + j] = slope * HIDDEN_MASK[j];
    W[j] = -slope * rng.uniform(-0.9, 0.9) * HIDDEN_MASK[j];
  }
  const V = new Float32Array(READOUT * L);
  for (let j = 0; j < HIDDEN * L; j++) V[j] = rng.uniform(-0.1, 0.1) * READOUT_MASK[j];
  return { W, V };
}

function meanAndSpread(y: ArrayLike<number>): { mean: number; spread: number } {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i];
  const mean = sum / y.length;
  let sq = 0;
  for (let i = 0; i < y.length; i++) sq += (y[i] - mean) * (y[i] - mean);
  return { mean, spread: Math.sqrt(sq / y.length) || 1 };
}

export function rmsError(pred: ArrayLike<number>, target: ArrayLike<number>): number {
  let sq = 0;
  for (let i = 0; i < target.length; i++) sq += (pred[i] - target[i]) * (pred[i] - target[i]);
  return Math.sqrt(sq / target.length);
}

/** Trains every detail level on the same points and predicts at the requested positions. */
export function trainLadder(tf: Tf, input: LadderInput): LadderOutput {
  const n = input.train.t.length;
  if (n !== input.train.y.length || n < 4) throw new Error("trainLadder: need matching t and y with at least 4 points");
  const { mean, spread } = meanAndSpread(input.train.y);
  const yz = Float32Array.from(input.train.y, (v) => (v - mean) / spread);
  const [W, V] = trainPacked(tf, featureRows(input.train.t), yz, initialWeights(new Random(`ladder:${input.seed}`)), input.onProgress);

  const predictions: Record<string, Float32Array[]> = {};
  for (const [name, t] of Object.entries({ train: input.train.t, ...input.predictAt })) {
    const flat = predict(tf, W, V, t);
    predictions[name] = LEVELS.map((_, l) => Float32Array.from({ length: t.length }, (_, i) => flat[i * L + l] * spread + mean));
  }
  W.dispose();
  V.dispose();
  const { train, ...rest } = predictions;
  return { levels: L, trainError: train.map((pred) => rmsError(pred, input.train.y)), predictions: rest };
}

const PROGRESS_EVERY = 25; // steps

function trainPacked(tf: Tf, featureRows: Float32Array, yz: Float32Array, init: { W: Float32Array; V: Float32Array }, onProgress?: (done: number) => void): [TF.Tensor2D, TF.Tensor2D] {
  const n = yz.length;
  return tf.tidy(() => {
    const X = tf.tensor2d(featureRows, [n, FEATURES]);
    const XT = tf.transpose(X);
    const line = tf.slice(X, [0, FEATURES - 2], [n, 2]); // the hidden layer's input: 1 and t'
    const lineT = tf.transpose(line);
    const Y = tf.tensor2d(yz, [n, 1]);
    const maskW = tf.tensor2d(HIDDEN_MASK, [2, HIDDEN]);
    const maskV = tf.tensor2d(READOUT_MASK, [READOUT, L]);

    let W = tf.tensor2d(init.W, [2, HIDDEN]);
    let V = tf.tensor2d(init.V, [READOUT, L]);
    let mW = tf.zerosLike(W), vW = tf.zerosLike(W), mV = tf.zerosLike(V), vV = tf.zerosLike(V);

    // Powers by repeated products, never `**`: V8 may compute those differently from run to run.
    let beta1Power = 1, beta2Power = 1;
    for (let step = 1; step <= TRAINING_STEPS; step++) {
      beta1Power *= BETA1;
      beta2Power *= BETA2;
      const lr = (LEARNING_RATE * Math.sqrt(1 - beta2Power)) / (1 - beta1Power);
      const next = tf.tidy(() => {
        const A = tf.sigmoid(tf.matMul(line, W));
        const R = tf.sub(tf.matMul(tf.concat([A, X], 1), V), Y); // residual per level; the loss's 2/N is absorbed by Adam
        const gV = tf.mul(tf.matMul(tf.concat([tf.transpose(A), XT], 0), R), maskV);
        const gA = tf.matMul(R, tf.transpose(tf.slice(V, [0, 0], [HIDDEN, L])));
        const gW = tf.mul(tf.matMul(lineT, tf.mul(gA, tf.mul(A, tf.sub(1, A)))), maskW);
        return [...adam(tf, W, gW, mW, vW, lr), ...adam(tf, V, gV, mV, vV, lr)];
      });
      for (const old of [W, mW, vW, V, mV, vV]) old.dispose();
      [W, mW, vW, V, mV, vV] = next as TF.Tensor2D[];
      if (onProgress && step % PROGRESS_EVERY === 0) onProgress(step / TRAINING_STEPS);
    }
    return [W, V];
  });
}

function adam(tf: Tf, p: TF.Tensor, g: TF.Tensor, m: TF.Tensor, v: TF.Tensor, lr: number): TF.Tensor[] {
  const m2 = tf.add(tf.mul(m, BETA1), tf.mul(g, 1 - BETA1));
  const v2 = tf.add(tf.mul(v, BETA2), tf.mul(tf.square(g), 1 - BETA2));
  const p2 = tf.sub(p, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), EPSILON)), lr));
  return [p2, m2, v2];
}

function predict(tf: Tf, W: TF.Tensor2D, V: TF.Tensor2D, t: ArrayLike<number>): Float32Array {
  return tf.tidy(() => {
    const X = tf.tensor2d(featureRows(t), [t.length, FEATURES]);
    const A = tf.sigmoid(tf.matMul(tf.slice(X, [0, FEATURES - 2], [t.length, 2]), W));
    return tf.matMul(tf.concat([A, X], 1), V).dataSync() as Float32Array;
  });
}
