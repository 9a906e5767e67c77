import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type * as TF from "@tensorflow/tfjs";
import { loadTf } from "../server/tf";
import { CATALOG } from "../shared/spirals";
import { generateRound } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { fitRound, CURVE_POINTS } from "../shared/round-ladder";
import { MAX_LEVEL } from "../shared/ladder-levels";
import { featuresOnlyTrainError } from "../shared/ladder";
import { ladderDigest } from "./fixtures/digest";

let tf: typeof TF;
beforeAll(async () => {
  tf = await loadTf();
});

const run = promisify(execFile);

describe("model ladder", () => {
  it("fits every level with a curve to draw, a training and a validation error", () => {
    const { fits, hidden } = fitRound(tf, generateRound(CATALOG, publicRoundKey("shape")));
    expect(fits.map((f) => f.level)).toEqual(Array.from({ length: MAX_LEVEL }, (_, i) => i + 1));
    expect(MAX_LEVEL).toBeGreaterThanOrEqual(12);
    for (const f of fits) {
      expect(f.curve.x.length).toBe(CURVE_POINTS);
      expect([f.trainError, f.validationError, ...f.curve.x, ...f.curve.y].every(Number.isFinite)).toBe(true);
    }
    expect(hidden).toHaveLength(MAX_LEVEL);
  });

  it("draws level 1 as the plain spiral: a straight line in (θ, log r)", () => {
    const { fits } = fitRound(tf, generateRound(CATALOG, publicRoundKey("line")));
    const { theta, logr } = fits[0].curve;
    const slope = (logr[1] - logr[0]) / (theta[1] - theta[0]);
    for (let i = 1; i < theta.length; i++) expect(logr[i] - logr[0]).toBeCloseTo(slope * (theta[i] - theta[0]), 3);
  });

  it("fits A at least as well as detail rises, and never worse than the features without bends", () => {
    let steps = 0,
      fine = 0;
    for (let i = 0; i < 12; i++) {
      const round = generateRound(CATALOG, publicRoundKey(`mono-${i}`));
      const errors = fitRound(tf, round).fits.map((f) => f.trainError);
      for (let l = 1; l < errors.length; l++, steps++) if (errors[l] <= errors[l - 1] * 1.01) fine++;
      expect(errors[errors.length - 1]).toBeLessThan(errors[0] * 0.8);
      const { points, train } = round.a;
      const featuresOnly = featuresOnlyTrainError({
        t: train.map((j) => points.t[j]),
        y: train.map((j) => points.logr[j]),
      });
      errors.forEach((e, l) => expect(e, `mono-${i} level ${l + 1}`).toBeLessThanOrEqual(featuresOnly[l]));
    }
    expect(fine / steps).toBeGreaterThanOrEqual(0.99);
  });

  it("gives each hidden fit as the curve drawn over B: fit + offset, scored by RMS", () => {
    const round = generateRound(CATALOG, publicRoundKey("hidden-fit"));
    const { hidden } = fitRound(tf, round);
    const logrB = round.b.points.logr;
    for (const h of hidden!) {
      expect(h.fit).toHaveLength(logrB.length);
      const gaps = h.fit.map((v, i) => v + h.offset - logrB[i]);
      expect(gaps.reduce((s, g) => s + g, 0) / gaps.length).toBeCloseTo(0, 12);
      expect(Math.sqrt(gaps.reduce((s, g) => s + g * g, 0) / gaps.length)).toBeCloseTo(h.error, 12);
    }
  });

  it("gives bit-identical fits for the same seed, in this process and in others", async () => {
    const here = ladderDigest(tf, "determinism");
    expect(ladderDigest(tf, "determinism")).toBe(here);
    expect(ladderDigest(tf, "determinism-other")).not.toBe(here);
    const child = () => run(process.execPath, ["--import", "tsx", "tests/fixtures/ladder-digest.ts", "determinism"]);
    const [a, b] = [await child(), await child()];
    expect(a.stdout.trim()).toBe(here);
    expect(b.stdout.trim()).toBe(here);
  });

  it("leaks no tensors over 100 ladders", () => {
    const round = generateRound(CATALOG, publicRoundKey("leak"));
    fitRound(tf, round); // first call may create lasting backend state
    const before = tf.memory().numTensors;
    for (let i = 0; i < 100; i++) fitRound(tf, round);
    expect(tf.memory().numTensors).toBe(before);
  });
});
