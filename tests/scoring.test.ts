import { describe, expect, it } from "vitest";
import { alignedError, hiddenError, pointsArithmetic, pointsSum, roundPoints, transplant } from "../shared/scoring";
import { speedBonus } from "../shared/match";
import { plainSpiral } from "../shared/round";
import { Random } from "../shared/random";
import { CATALOG } from "../shared/spirals";

const entry = (id: string) => CATALOG.spirals.find((s) => s.id === id)!;

describe("hidden error", () => {
  it("forgives a pure change of size (a constant shift in log r)", () => {
    const fit = [0.1, 0.5, 0.9, 1.3];
    const r = alignedError(
      fit,
      fit.map((v) => v + Math.log(3)),
    );
    expect(r.error).toBeCloseTo(0, 12);
    expect(r.offset).toBeCloseTo(Math.log(3), 12);
  });

  it("matches a case worked by hand", () => {
    // gaps target − fit = [1, −1, 1, −1] + 2: offset 2, residual ±1 everywhere → RMS 1
    const r = alignedError([0, 0, 0, 0], [3, 1, 3, 1]);
    expect(r.offset).toBe(2);
    expect(r.error).toBe(1);
    // gaps [0, 0, 3]: offset 1, residuals [−1, −1, 2] → sqrt(6/3) = √2
    const s = alignedError([1, 2, 3], [1, 2, 6]);
    expect(s.offset).toBe(1);
    expect(s.error).toBeCloseTo(Math.SQRT2, 12);
  });

  it("refuses mismatched lengths", () => {
    expect(() => alignedError([1, 2], [1])).toThrow();
  });

  it("moves a fit onto B's plain spiral: what it has beyond A's plain spiral, on top of B's", () => {
    expect(transplant([5, 6, 7], [1, 2, 3], [10, 10, 10])).toEqual([14, 14, 14]);
  });
});

/** The worked cases of docs/scoring.md, computed here so the document cannot drift. */
describe("worked cases (docs/scoring.md)", () => {
  const t = Array.from({ length: 140 }, (_, i) => (i + 0.5) / 140);
  const bump = (u: number) => 0.05 * Math.sin(2 * Math.PI * 3 * u);

  it("1: a nautilus fit scored on a sunflower with the same bumps: only the winding differs → 0", () => {
    const a = entry("nautilus-pompilius"),
      b = entry("sunflower-head");
    const plainA = t.map(plainSpiral(a, 3)),
      plainB = t.map(plainSpiral(b, 1.25));
    const fitOverA = t.map((u, i) => plainA[i] + bump(u));
    const logrB = t.map((u, i) => plainB[i] + bump(u) + Math.log(2)); // twice as big, too
    const h = hiddenError(fitOverA, plainA, plainB, logrB);
    expect(h.error).toBeCloseTo(0, 12);
    expect(h.offset).toBeCloseTo(Math.log(2), 12);
    // Without the move onto B's plain spiral, the winding alone would cost 0.7078 in log r.
    expect(alignedError(fitOverA, logrB).error).toBeCloseTo(0.7078, 4);
  });

  it("2: the same fit where B has no bumps: the error is the bumps' RMS, 0.05/√2 = 0.0354", () => {
    const a = entry("nautilus-pompilius"),
      b = entry("sunflower-head");
    const plainA = t.map(plainSpiral(a, 3)),
      plainB = t.map(plainSpiral(b, 1.25));
    const h = hiddenError(
      t.map((u, i) => plainA[i] + bump(u)),
      plainA,
      plainB,
      plainB,
    );
    expect(h.error).toBeCloseTo(0.05 / Math.SQRT2, 4);
    expect(h.error.toFixed(4)).toBe("0.0354");
  });

  it("3: a plain-spiral fit (level 1 on a logarithmic A) against that B with bumps: also 0.0354", () => {
    const a = entry("nautilus-pompilius"),
      b = entry("sunflower-head");
    const plainA = t.map(plainSpiral(a, 3)),
      plainB = t.map(plainSpiral(b, 1.25));
    const h = hiddenError(
      plainA,
      plainA,
      plainB,
      t.map((u, i) => plainB[i] + bump(u)),
    );
    expect(h.error.toFixed(4)).toBe("0.0354");
  });
});

describe("round points", () => {
  it("follows the written formula on the documented examples", () => {
    expect(roundPoints(0.05, 0.05)).toBe(1000);
    expect(roundPoints(0.06, 0.03)).toBe(250);
    expect(roundPoints(0.05, 0.04)).toBe(640);
    expect(roundPoints(0.07, 0.02)).toBe(82);
    expect(pointsArithmetic(pointsSum(0.05, 0.04))).toBe("1000 × (0.0400 ÷ 0.0500)^2 = 640");
  });

  it("never pays more than the maximum and falls as the error grows", () => {
    expect(roundPoints(0.01, 0.02)).toBe(1000);
    const points = [0.02, 0.03, 0.05, 0.1, 1].map((e) => roundPoints(e, 0.02));
    for (let i = 1; i < points.length; i++) expect(points[i]).toBeLessThan(points[i - 1]);
  });

  it("prints enough digits that the printed numbers give the printed points (100,000 random pairs)", () => {
    const rng = new Random("arithmetic");
    let longer = 0;
    for (let i = 0; i < 100_000; i++) {
      const best = Math.exp(rng.uniform(Math.log(0.002), Math.log(0.5)));
      const yours = best * Math.exp(rng.uniform(0, Math.log(8)));
      const text = pointsArithmetic(pointsSum(yours, best));
      const m = /^1000 × \((\d+\.\d+) ÷ (\d+\.\d+)\)\^2 = (\d+)$/.exec(text);
      expect(m, text).not.toBeNull();
      const [, b, y, p] = m!;
      expect(Number(p)).toBe(roundPoints(yours, best));
      expect(Math.round(1000 * Math.min(1, Number(b) / Number(y)) * Math.min(1, Number(b) / Number(y))), text).toBe(
        Number(p),
      );
      expect(b.split(".")[1].length).toBeGreaterThanOrEqual(4);
      if (b.split(".")[1].length > 4) longer++;
    }
    expect(longer).toBeGreaterThan(0); // four decimals are not always enough
    // A case that needs more: 4 decimals would print 0.0051 ÷ 0.0073 → 488, not 484.
    expect(pointsArithmetic(pointsSum(0.00734, 0.00511))).toBe("1000 × (0.00511 ÷ 0.00734)^2 = 485");
  });

  it("adds the speed bonus as match.ts computes it: 50 × time share × points / 1000, rounded", () => {
    expect(speedBonus(1000, 1)).toBe(50);
    expect(speedBonus(640, 0.5)).toBe(16);
    expect(speedBonus(250, 1)).toBe(13);
    expect(speedBonus(82, 0.9)).toBe(4);
    expect(speedBonus(1000, 0)).toBe(0);
  });
});
