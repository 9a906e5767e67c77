// The ladder's and generator's elementary functions use only exactly rounded arithmetic, so
// every engine computes the same bits (Node's and Chromium's Math.sin/exp/… differ in the last
// bit). Here: they are as accurate as Math's, over the ranges the game uses and beyond.
import { describe, expect, it } from "vitest";
import { detCos, detExp, detLog, detSin, detSinCos, detTan } from "../shared/ladder";
import { Random } from "../shared/random";

const ulps = (a: number, b: number) => Math.abs(a - b) / (Number.EPSILON * Math.max(Math.abs(b), Number.MIN_VALUE));

describe("engine-independent elementary functions", () => {
  it("agree with Math to a couple of units in the last place", () => {
    const rng = new Random("detmath");
    for (let i = 0; i < 200_000; i++) {
      const x = rng.uniform(-700, 700);
      expect(ulps(detExp(x), Math.exp(x)), `exp(${x})`).toBeLessThan(3);
      const y = detExp(rng.uniform(-700, 700));
      expect(Math.abs(detLog(y) - Math.log(y)) / Math.max(1, Math.abs(Math.log(y))), `log(${y})`).toBeLessThan(
        3 * Number.EPSILON,
      );
      const z = rng.uniform(-1000, 1000);
      const [s, c] = detSinCos(z);
      expect(Math.abs(s - Math.sin(z)), `sin(${z})`).toBeLessThan(2 * Number.EPSILON);
      expect(Math.abs(c - Math.cos(z)), `cos(${z})`).toBeLessThan(2 * Number.EPSILON);
      const w = rng.uniform(0, 1.5);
      expect(ulps(detTan(w), Math.tan(w)), `tan(${w})`).toBeLessThan(6);
    }
  });

  it("handles the edges", () => {
    expect([detExp(0), detExp(1000), detExp(-1000), detLog(1), detLog(0), detLog(-1)]).toEqual([
      1,
      Infinity,
      0,
      0,
      -Infinity,
      NaN,
    ]);
    expect([detSin(0), detCos(0)]).toEqual([0, 1]);
    expect(detSin(Math.PI / 2)).toBe(1);
    expect(detLog(Math.E)).toBeCloseTo(1, 15);
  });
});
