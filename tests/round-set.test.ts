// The tracer's fit and problems (shared/tracer.ts), the set checks (shared/round-set.ts) and a
// round made from a set (shared/round.ts with a SetRoundSpec): unit tests, no server.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { roundSetJsonSchema } from "./round-set-schema";
import { logSpiralPoints, tracedOf } from "./traced-spirals";
import { canonicalArm, fitSpiral, storedArm, toPolar, traceProblems } from "../shared/tracer";
import { checkSet, setRoundSpecs, type RoundSetInput } from "../shared/round-set";
import { publicRoundKey, commitmentOf, type RoundOpening } from "../shared/round-key";
import { roundOf, verifyOpening } from "../shared/round-proof";
import { SPIRAL_KINDS } from "../shared/catalog";
import { cueText } from "../client/i18n/cue-text";
import { describeProblem } from "../client/i18n/problem-text";

describe("the tracer", () => {
  it("recovers the pitch and turns of a logarithmic spiral, whichever way it was traced", () => {
    const pts = logSpiralPoints(17, 2.5, 60);
    const fit = fitSpiral(canonicalArm(toPolar(pts, { x: 400, y: 300 })));
    expect(fit.pitchDeg).toBeCloseTo(17, 6);
    expect(fit.turns).toBeCloseTo(2.5, 6);
    expect(fit.r2).toBeGreaterThan(0.999999);
    // Outside in, and mirrored (clockwise): the same spiral.
    const reversed = fitSpiral(canonicalArm(toPolar([...pts].reverse(), { x: 400, y: 300 })));
    const mirrored = fitSpiral(
      canonicalArm(
        toPolar(
          pts.map((p) => ({ x: 800 - p.x, y: p.y })),
          { x: 400, y: 300 },
        ),
      ),
    );
    expect(reversed.pitchDeg).toBeCloseTo(17, 6);
    expect(mirrored.pitchDeg).toBeCloseTo(17, 6);
    expect(traceProblems(toPolar(pts, { x: 400, y: 300 }))).toEqual([]);
  });

  it("says what is wrong in words: few points, doubling back, too few turns", () => {
    const c = { x: 400, y: 300 };
    const few = traceProblems(toPolar(logSpiralPoints(17, 2, 5), c));
    expect(few.map((p) => p.code)).toContain("few-points");
    expect(few[0].text).toMatch(/Too few points: 5 so far, at least 12/);
    const short = traceProblems(toPolar(logSpiralPoints(17, 0.3, 30), c));
    expect(short.map((p) => p.code)).toEqual(["few-turns"]);
    const pts = logSpiralPoints(17, 2, 40);
    const back = [...pts.slice(0, 20), ...pts.slice(10, 14).reverse(), ...pts.slice(20)];
    const doubles = traceProblems(toPolar(back, c));
    expect(doubles.map((p) => p.code)).toContain("doubles-back");
    expect(doubles.find((p) => p.code === "doubles-back")!.text).toMatch(/doubles back at point 21/);
  });

  it("stores a canonical arm: θ from 0 strictly increasing, log r from 0, at most 300 points", () => {
    const arm = storedArm(toPolar(logSpiralPoints(12, 3, 1000), { x: 400, y: 300 }));
    expect(arm.theta.length).toBe(300);
    expect(arm.theta[0]).toBe(0);
    expect(arm.logr[0]).toBe(0);
    for (let i = 1; i < arm.theta.length; i++) expect(arm.theta[i]).toBeGreaterThan(arm.theta[i - 1]);
  });
});

const goodSet = (): RoundSetInput => ({
  version: 1,
  name: "Snails and storms",
  spirals: [tracedOf(17, 2.5), tracedOf(25, 1.5, "Hurricane Ida", "cyclone")],
  rounds: [
    { a: { traced: 0 }, b: { catalog: "m51-whirlpool" }, cue: "Hidden: a galaxy (the Whirlpool)." },
    { a: { catalog: "nautilus-pompilius" }, b: { traced: 1 } },
  ],
});

describe("the set checks", () => {
  it("takes a good set", () => {
    const checked = checkSet(goodSet());
    expect(checked.ok).toBe(true);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- spoiling a set on purpose
  const bad: [string, (s: any) => void, string, RegExp][] = [
    ["a wrong version", (s) => (s.version = 2), "version", /expected 1/],
    ["markup in the name", (s) => (s.name = "<script>alert(1)</script>"), "name", /markup/],
    ["a control character", (s) => (s.spirals[0].name = "snail\u0007"), "spirals.0.name", /control/],
    ["a long cue", (s) => (s.rounds[0].cue = "x".repeat(161)), "rounds.0.cue", /at most 160/],
    ["an unknown catalog id", (s) => (s.rounds[0].b = { catalog: "death-star" }), "rounds.0.b.catalog", /catalog/],
    ["a traced index past the list", (s) => (s.rounds[1].b = { traced: 5 }), "rounds.1.b.traced", /has 2/],
    ["θ going back", (s) => (s.spirals[0].theta[7] = s.spirals[0].theta[5]), "spirals.0.theta.7", /increase/],
    ["θ not from 0", (s) => (s.spirals[0].theta[0] = 0.001), "spirals.0.theta.0", /starts at/],
    ["uneven lengths", (s) => s.spirals[0].logr.pop(), "spirals.0.logr", /as many/],
    [
      "too few points",
      (s) => (s.spirals[0] = { ...s.spirals[0], theta: [0, 1], logr: [0, 1] }),
      "spirals.0.theta",
      /12/,
    ],
    ["NaN in log r", (s) => (s.spirals[0].logr[3] = Number.NaN), "spirals.0.logr.3", /number/],
    ["a huge value", (s) => (s.spirals[0].logr[3] = 1e300), "spirals.0.logr.3", /20/],
    ["a flat arm", (s) => (s.spirals[0].logr = s.spirals[0].logr.map(() => 0)), "spirals.0.logr", /pitch/],
    ["no rounds", (s) => (s.rounds = []), "rounds", /1/],
    ["21 rounds", (s) => (s.rounds = Array(21).fill(s.rounds[1])), "rounds", /20/],
    ["an extra field", (s) => (s.rounds[0].secret = 1), "rounds.0", /secret/],
    ["a kind not in the list", (s) => (s.spirals[1].kind = "dragon"), "spirals.1.kind", /shell/],
  ];
  for (const [what, spoil, field, message] of bad)
    it(`refuses ${what}, naming the field`, () => {
      const set = structuredClone(goodSet());
      spoil(set);
      const checked = checkSet(set);
      expect(checked.ok).toBe(false);
      if (checked.ok) return;
      expect(checked.field).toBe(field);
      expect(checked).toMatchObject({
        error: "invalid-set",
        params: { field, reason: expect.stringMatching(/^[a-z0-9-]+$/) },
      });
      expect(describeProblem(checked)).toMatch(new RegExp(`^${field.replace(/\./g, "\\.")}: `));
      expect(describeProblem(checked)).toMatch(message);
    });

  it("refuses what is not a set at all", () => {
    for (const raw of [null, 3, "set", [], { version: 1 }, { __proto__: { version: 1 } }])
      expect(checkSet(raw).ok).toBe(false);
  });

  it("publishes its JSON schema in docs/round-set.schema.json, as generated from the zod schema", () => {
    const published = JSON.parse(readFileSync("docs/round-set.schema.json", "utf8"));
    expect(published).toEqual(roundSetJsonSchema());
  });
});

describe("a round from a set", () => {
  const set = checkSet(goodSet());
  if (!set.ok) throw new Error(describeProblem(set));
  const [first, second] = setRoundSpecs(set.set);
  const opening = (spec: typeof first, id = "set-round-1"): RoundOpening => ({
    ...publicRoundKey(id),
    difficulty: "normal",
    kinds: [...SPIRAL_KINDS],
    set: spec,
  });

  it("plays A and B as the set says, and the same every time", () => {
    const r1 = roundOf(opening(first));
    expect(r1.a.spiral.name).toBe("Garden snail");
    expect(r1.b.spiral.id).toBe("m51-whirlpool");
    expect(r1.cue.view).toEqual({ given: "Hidden: a galaxy (the Whirlpool)." });
    expect(r1.turns).toBeCloseTo(2.5, 3);
    expect(roundOf(opening(first))).toEqual(r1);
    const r2 = roundOf(opening(second));
    expect(r2.a.spiral.id).toBe("nautilus-pompilius");
    expect(r2.b.spiral.name).toBe("Hurricane Ida");
    expect(r2.cue.relation).toBe("stranger");
    expect(cueText(r2.cue.view)).toBe(
      "Hidden: a hurricane ida (Hurricane Ida), another kind. Traced by hand: B's shape is its own, nothing drawn from A.",
    );
    // A traced B is the arm as traced: a plain log spiral of 25° (after the alignment shift).
    const slope = Math.tan((25 * Math.PI) / 180);
    const gaps = r2.b.points.theta.map((th, i) => r2.b.points.logr[i] - slope * th);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(0.02);
  });

  it("commits to the set's spirals: another B, another commitment; the opening verifies", () => {
    const o = opening(first);
    const other = opening({ ...first, b: { catalog: "nautilus-pompilius" } });
    expect(commitmentOf(o)).not.toBe(commitmentOf(other));
    expect(commitmentOf({ ...o, set: undefined })).toBe(commitmentOf(publicRoundKeyOpening("set-round-1")));
    const b = roundOf(o).b;
    expect(verifyOpening(commitmentOf(o), o, { name: b.spiral.name, x: b.points.x, y: b.points.y })).toEqual({
      ok: true,
    });
  });
});

const publicRoundKeyOpening = (id: string): RoundOpening => ({
  ...publicRoundKey(id),
  difficulty: "normal",
  kinds: [...SPIRAL_KINDS],
});
