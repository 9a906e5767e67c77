import { describe, expect, it } from "vitest";
import { alignedError, pointsArithmetic, roundPoints } from "../shared/scoring";

describe("hidden error", () => {
  it("forgives a pure change of size (a constant shift in log r)", () => {
    const fit = [0.1, 0.5, 0.9, 1.3];
    const r = alignedError(fit, fit.map((v) => v + Math.log(3)));
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
});

describe("round points", () => {
  it("follows the written formula on the documented examples", () => {
    expect(roundPoints(0.05, 0.05)).toBe(1000);
    expect(roundPoints(0.06, 0.03)).toBe(250);
    expect(roundPoints(0.05, 0.04)).toBe(640);
    expect(roundPoints(0.07, 0.02)).toBe(82);
    expect(pointsArithmetic(0.05, 0.04)).toBe("1000 × (0.0400 ÷ 0.0500)^2 = 640");
  });

  it("never pays more than the maximum and falls as the error grows", () => {
    expect(roundPoints(0.01, 0.02)).toBe(1000);
    const points = [0.02, 0.03, 0.05, 0.1, 1].map((e) => roundPoints(e, 0.02));
    for (let i = 1; i < points.length; i++) expect(points[i]).toBeLessThan(points[i - 1]);
  });
});
