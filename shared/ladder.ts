// The shared model ladder: one small model per detail level. The bends (hidden sigmoid units)
// of all levels are trained at once as one packed computation; then every level's readout is
// solved exactly, in float64, given its trained bends.
//
// Level ℓ:  ŷ_ℓ(t) = u_ℓ · φ_ℓ(t) + Σ_j v_ℓj · σ(a_j + b_j·t')
//   φ_ℓ(t) = [cos πkt, sin πkt for k ≤ the level's halfCycles, 1, t'],  t' = 2t − 1
//   and up to the level's `bends` hidden sigmoid units. Level 1 has no bends: it is the line.
//
// Training, in two phases (docs/engine.md, "Training"):
// 1. Bends. The hidden units of all levels form one hidden layer and all outputs one matrix;
//    masks keep each level to its own features, units and output column, so levels never mix.
//    Gradients of the full-batch squared error are derived by hand and stepped with Adam, the
//    learning rate falling linearly to zero. Every transposed operand is constant or tiny.
// 2. Readout. With the bends fixed, each level's output weights are the exact ridge solution
//    (Cholesky, float64, plain JS: + − × ÷ √ are exactly rounded in every engine, and the
//    features' sines and sigmoids' exponentials below use nothing else). A level keeps its own
//    trained bends, the bends its lower neighbour kept, or none, whichever fits the training
//    points best: one candidate contains all of the neighbour's columns, so more detail never
//    fits A worse (up to the tiny ridge), and none is ever worse than its features alone.
import type * as TF from "@tensorflow/tfjs";
import { LEVELS, MAX_BENDS, MAX_HALF_CYCLES } from "./ladder-levels";
import { Random } from "./random";

type Tf = typeof TF;

export const TRAINING_STEPS = 240;
/** Adam's learning rate at the first step; it falls linearly to 0 at the last. */
export const LEARNING_RATE = 0.05;
/** Ridge strength of the exact readout: (1/N)·‖y − Xw‖² + RIDGE·‖w‖², y standardized. */
export const RIDGE = 3e-9;
const BETA1 = 0.9,
  BETA2 = 0.999,
  EPSILON = 1e-7;

const L = LEVELS.length;
export const FEATURES = 2 * MAX_HALF_CYCLES + 2; // cos/sin pairs, then the constant and t'
const HIDDEN = (L - 1) * MAX_BENDS; // one block of units per level above 1
const READOUT = HIDDEN + FEATURES;
const COLUMNS = FEATURES + HIDDEN; // the readout's columns in float64: features, then hidden units

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
  predictions: Record<string, Float64Array[]>;
  /** How many bends each level's readout uses (its own, or fewer kept from below). */
  bendsUsed: number[];
}

// ---- Elementary functions from + − × ÷ only ----
// JS engines may round Math.sin/cos/exp/log/tan differently in the last bit (Node 20's V8 and
// Chromium's do), and the exact readout's conditioning would carry such a bit far into the fits.
// These use only exactly rounded operations (and Math.round/sqrt, also exact), so every engine
// gets the same bits. Accurate to a few units in the last place over the ranges the game uses.

const LN2_HI = 6.9314718036912381649e-1; // ln 2 split (fdlibm): the high part has 32 zero low bits
const LN2_LO = 1.90821492927058770002e-10;
const PIO2_1 = 1.57079632673412561417; // π/2 in three parts (fdlibm), each product n·part exact for |n| < 2^20
const PIO2_2 = 6.0771005063039659766e-11;
const PIO2_3 = 2.0222662487111664558e-21;
const INV_FACT = Array.from({ length: 20 }, (_, n) => {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return 1 / f;
});

/** 2^k exactly, by repeated doubling/halving (k an integer). */
function pow2(k: number): number {
  let v = 1;
  const step = k > 0 ? 2 : 0.5;
  for (let i = Math.abs(k); i > 0; i--) v *= step;
  return v;
}

export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709) return Infinity;
  if (x < -708) return 0;
  const k = Math.round(x / LN2_HI);
  const r = x - k * LN2_HI - k * LN2_LO; // |r| ≤ 0.35
  let p = INV_FACT[16];
  for (let n = 15; n >= 0; n--) p = p * r + INV_FACT[n];
  return p * pow2(k);
}

export function detLog(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let m = x,
    e = 0;
  while (m >= 2) {
    m /= 2;
    e++;
  }
  while (m < 1) {
    m *= 2;
    e--;
  }
  if (m > Math.SQRT2) {
    m /= 2;
    e++;
  }
  const s = (m - 1) / (m + 1),
    s2 = s * s; // |s| ≤ 0.172
  let p = 1 / 27;
  for (let n = 12; n >= 0; n--) p = p * s2 + 1 / (2 * n + 1);
  return e * LN2_HI + (2 * s * p + e * LN2_LO);
}

/** sin and cos of x together (one range reduction). */
export function detSinCos(x: number): [number, number] {
  if (!Number.isFinite(x)) return [NaN, NaN];
  const n = Math.round(x / PIO2_1);
  const r = x - n * PIO2_1 - n * PIO2_2 - n * PIO2_3; // |r| ≤ π/4 (a hair more)
  const r2 = r * r;
  // sin r = r − r³/3! + …, cos r = 1 − r²/2! + … (Horner in r², alternating signs)
  let ps = INV_FACT[19],
    pc = INV_FACT[18];
  for (let k = 17; k >= 1; k -= 2) ps = INV_FACT[k] - r2 * ps;
  for (let k = 16; k >= 0; k -= 2) pc = INV_FACT[k] - r2 * pc;
  const sin = r * ps,
    cos = pc;
  switch (((n % 4) + 4) % 4) {
    case 0:
      return [sin, cos];
    case 1:
      return [cos, -sin];
    case 2:
      return [-sin, -cos];
    default:
      return [-cos, sin];
  }
}
export const detSin = (x: number): number => detSinCos(x)[0];
export const detCos = (x: number): number => detSinCos(x)[1];
export const detTan = (x: number): number => {
  const [s, c] = detSinCos(x);
  return s / c;
};

/** Row-major feature matrix [N × FEATURES] for positions t (float32, for the bends' training). */
export function featureRows(t: ArrayLike<number>): Float32Array {
  return Float32Array.from(featureRows64(t));
}

/** The same features in float64, for the exact readout. */
export function featureRows64(t: ArrayLike<number>): Float64Array {
  const out = new Float64Array(t.length * FEATURES);
  for (let n = 0; n < t.length; n++) {
    const row = n * FEATURES;
    for (let k = 1; k <= MAX_HALF_CYCLES; k++) {
      const [sin, cos] = detSinCos(Math.PI * k * t[n]);
      out[row + 2 * (k - 1)] = cos;
      out[row + 2 * (k - 1) + 1] = sin;
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

/** A level's feature columns (indices into featureRows): its cos/sin pairs, the constant and t'. */
export function levelFeatureColumns(level: number): number[] {
  const k = LEVELS[level - 1].halfCycles;
  return [...Array.from({ length: 2 * k }, (_, f) => f), FEATURES - 2, FEATURES - 1];
}

/** A level's own hidden units (indices into the packed hidden layer). */
const ownUnits = (level: number): number[] =>
  Array.from({ length: LEVELS[level - 1].bends }, (_, b) => packedUnit(level, b));

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
  const yz = Float64Array.from(input.train.y, (v) => (v - mean) / spread);
  const W = trainBends(
    tf,
    featureRows(input.train.t),
    Float32Array.from(yz),
    initialWeights(new Random(`ladder:${input.seed}`)),
    input.onProgress,
  );
  return readoutLadder(input.train, input.predictAt, W);
}

/** Hidden unit `bend` (0-based) of `level` in the packed input→hidden weights. */
export const packedUnit = (level: number, bend: number): number => (level - 2) * MAX_BENDS + bend;
/** Size of the packed input→hidden weights: row 0 (the constant's weights), then row 1 (t'). */
export const PACKED_BENDS = 2 * HIDDEN;

/**
 * Phase 2 on its own: every level's exact readout given trained bends `W` (packed, [2 × HIDDEN]:
 * the weights from the constant, then from t'), and the predictions.
 */
export function readoutLadder(
  train: { t: ArrayLike<number>; y: ArrayLike<number> },
  predictAt: Record<string, ArrayLike<number>>,
  W: Float32Array,
): LadderOutput {
  const { mean, spread } = meanAndSpread(train.y);
  const yz = Float64Array.from(train.y, (v) => (v - mean) / spread);
  const readout = solveReadouts(designRows(train.t, W), yz, train.y, mean, spread);
  const predictions: Record<string, Float64Array[]> = {};
  for (const [name, t] of Object.entries(predictAt)) {
    const rows = designRows(t, W);
    predictions[name] = readout.map((r) => predictRows(rows, t.length, r, mean, spread));
  }
  return {
    levels: L,
    trainError: readout.map((r) => r.trainError),
    predictions,
    bendsUsed: readout.map((r) => r.columns.filter((c) => c >= FEATURES).length),
  };
}

/**
 * The training error of each level's features alone (no bends), solved the same way (the same
 * ridge): what the bends are measured against in the balance report.
 */
export function featuresOnlyTrainError(train: { t: ArrayLike<number>; y: ArrayLike<number> }): number[] {
  const { mean, spread } = meanAndSpread(train.y);
  const yz = Float64Array.from(train.y, (v) => (v - mean) / spread);
  const rows = designRows(train.t, new Float32Array(2 * HIDDEN));
  const gram = gramOf(rows, yz);
  return LEVELS.map(({ level }) => {
    const columns = levelFeatureColumns(level);
    return rmsError(
      predictRows(rows, yz.length, { columns, weights: ridgeFit(gram, yz.length, columns) }, mean, spread),
      train.y,
    );
  });
}

/** A readout's predictions at design rows, back in the target's units. */
function predictRows(
  rows: Float64Array,
  n: number,
  { columns, weights }: { columns: number[]; weights: Float64Array },
  mean: number,
  spread: number,
): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < columns.length; c++) s += rows[i * COLUMNS + columns[c]] * weights[c];
    out[i] = s * spread + mean;
  }
  return out;
}

/** Feature rows plus the hidden units' outputs, float64, [N × COLUMNS]. */
function designRows(t: ArrayLike<number>, W: Float32Array): Float64Array {
  const features = featureRows64(t);
  const rows = new Float64Array(t.length * COLUMNS);
  for (let i = 0; i < t.length; i++) {
    rows.set(features.subarray(i * FEATURES, (i + 1) * FEATURES), i * COLUMNS);
    const tp = 2 * t[i] - 1;
    for (let j = 0; j < HIDDEN; j++) rows[i * COLUMNS + FEATURES + j] = 1 / (1 + detExp(-(W[j] + W[HIDDEN + j] * tp)));
  }
  return rows;
}

interface Gram {
  xtx: Float64Array;
  xty: Float64Array;
}
interface Readout {
  columns: number[];
  weights: Float64Array;
  trainError: number;
}

/** XᵀX (upper triangle is enough, filled both ways) and Xᵀy over all columns. */
function gramOf(rows: Float64Array, y: Float64Array): Gram {
  const n = y.length;
  const xtx = new Float64Array(COLUMNS * COLUMNS),
    xty = new Float64Array(COLUMNS);
  for (let i = 0; i < n; i++) {
    const r = i * COLUMNS,
      yi = y[i];
    for (let a = 0; a < COLUMNS; a++) {
      const va = rows[r + a];
      if (va === 0) continue;
      xty[a] += va * yi;
      const base = a * COLUMNS;
      for (let b = a; b < COLUMNS; b++) xtx[base + b] += va * rows[r + b];
    }
  }
  for (let a = 0; a < COLUMNS; a++) for (let b = a + 1; b < COLUMNS; b++) xtx[b * COLUMNS + a] = xtx[a * COLUMNS + b];
  return { xtx, xty };
}

/**
 * Ridge least squares on a subset of columns: minimises ‖y − Xw‖² + N·RIDGE·‖w‖² (the constant
 * and t' unpenalised, so level 1 is the exact least-squares line), from the Gram matrix.
 */
function ridgeFit(gram: Gram, n: number, columns: number[]): Float64Array {
  const p = columns.length;
  const A = new Float64Array(p * p),
    w = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) A[a * p + b] = gram.xtx[columns[a] * COLUMNS + columns[b]];
    const unpenalised = columns[a] === FEATURES - 2 || columns[a] === FEATURES - 1;
    A[a * p + a] += n * (unpenalised ? 1e-12 : RIDGE); // a tiny floor keeps Cholesky safe for the unpenalised pair too
    w[a] = gram.xty[columns[a]];
  }
  choleskySolve(A, w, p);
  return w;
}

/** Solves A x = b in place (b becomes x) for symmetric positive definite A [p × p]. */
function choleskySolve(A: Float64Array, b: Float64Array, p: number): void {
  for (let j = 0; j < p; j++) {
    let d = A[j * p + j];
    for (let k = 0; k < j; k++) d -= A[j * p + k] * A[j * p + k];
    const djj = Math.sqrt(Math.max(d, 1e-300));
    A[j * p + j] = djj;
    for (let i = j + 1; i < p; i++) {
      let s = A[i * p + j];
      for (let k = 0; k < j; k++) s -= A[i * p + k] * A[j * p + k];
      A[i * p + j] = s / djj;
    }
  }
  for (let i = 0; i < p; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= A[i * p + k] * b[k];
    b[i] = s / A[i * p + i];
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < p; k++) s -= A[k * p + i] * b[k];
    b[i] = s / A[i * p + i];
  }
}

/** Every level's exact readout, each keeping its own bends or its lower neighbour's. */
function solveReadouts(
  rows: Float64Array,
  yz: Float64Array,
  y: ArrayLike<number>,
  mean: number,
  spread: number,
): Readout[] {
  const gram = gramOf(rows, yz);
  const out: Readout[] = [];
  let keptUnits: number[] = [];
  for (const { level } of LEVELS) {
    const features = levelFeatureColumns(level);
    // Its own trained bends, the bends its lower neighbour kept, or none (the features alone).
    const own = ownUnits(level);
    const candidates = [own, ...(keptUnits.length ? [keptUnits] : []), ...(own.length ? [[]] : [])];
    let best: (Readout & { units: number[] }) | undefined;
    for (const units of candidates) {
      const columns = [...features, ...units.map((j) => FEATURES + j)];
      const weights = ridgeFit(gram, yz.length, columns);
      // Judged by the very number reported as the level's training error.
      const trainError = rmsError(predictRows(rows, yz.length, { columns, weights }, mean, spread), y);
      if (!best || trainError < best.trainError) best = { columns, weights, trainError, units };
    }
    keptUnits = best!.units;
    out.push(best!);
  }
  return out;
}

const PROGRESS_EVERY = 20; // steps

/** Phase 1: Adam on the packed model; returns the trained input→hidden weights [2 × HIDDEN]. */
function trainBends(
  tf: Tf,
  featureRows: Float32Array,
  yz: Float32Array,
  init: { W: Float32Array; V: Float32Array },
  onProgress?: (done: number) => void,
): Float32Array {
  const n = yz.length;
  const W = tf.tidy(() => {
    const X = tf.tensor2d(featureRows, [n, FEATURES]);
    const XT = tf.transpose(X);
    const line = tf.slice(X, [0, FEATURES - 2], [n, 2]); // the hidden layer's input: 1 and t'
    const lineT = tf.transpose(line);
    const Y = tf.tensor2d(yz, [n, 1]);
    const maskW = tf.tensor2d(HIDDEN_MASK, [2, HIDDEN]);
    const maskV = tf.tensor2d(READOUT_MASK, [READOUT, L]);

    let W = tf.tensor2d(init.W, [2, HIDDEN]);
    let V = tf.tensor2d(init.V, [READOUT, L]);
    let mW = tf.zerosLike(W),
      vW = tf.zerosLike(W),
      mV = tf.zerosLike(V),
      vV = tf.zerosLike(V);

    // Powers by repeated products, never `**`: V8 may compute those differently from run to run.
    // The schedule uses only + − × ÷ √, so every engine computes the same learning rates.
    let beta1Power = 1,
      beta2Power = 1;
    for (let step = 1; step <= TRAINING_STEPS; step++) {
      beta1Power *= BETA1;
      beta2Power *= BETA2;
      const decay = (TRAINING_STEPS - step + 1) / TRAINING_STEPS; // 1 → 1/STEPS, linearly
      const lr = (LEARNING_RATE * decay * Math.sqrt(1 - beta2Power)) / (1 - beta1Power);
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
    return W;
  });
  const out = W.dataSync() as Float32Array;
  W.dispose();
  return Float32Array.from(out);
}

function adam(tf: Tf, p: TF.Tensor, g: TF.Tensor, m: TF.Tensor, v: TF.Tensor, lr: number): TF.Tensor[] {
  const m2 = tf.add(tf.mul(m, BETA1), tf.mul(g, 1 - BETA1));
  const v2 = tf.add(tf.mul(v, BETA2), tf.mul(tf.square(g), 1 - BETA2));
  const p2 = tf.sub(p, tf.mul(tf.div(m2, tf.add(tf.sqrt(v2), EPSILON)), lr));
  return [p2, m2, v2];
}
