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

  it("fits A at least as well as detail rises (within a small tolerance)", () => {
    for (const seed of ["mono-1", "mono-2", "mono-3", "mono-4", "mono-5", "mono-6"]) {
      const errors = fitRound(tf, generateRound(CATALOG, publicRoundKey(seed))).fits.map((f) => f.trainError);
      for (let l = 1; l < errors.length; l++) expect(errors[l], `${seed} level ${l + 1}: ${errors.join(", ")}`).toBeLessThanOrEqual(errors[l - 1] * 1.1 + 0.002);
      expect(errors[errors.length - 1]).toBeLessThan(errors[0] * 0.8);
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
