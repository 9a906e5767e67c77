import { describe, expect, it } from "vitest";
import { CATALOG } from "../shared/spirals";
import { generateRound, visibleRound, POINTS_PER_SPIRAL, VALIDATION_SHARE } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";

describe("round generator", () => {
  it("gives the same round for the same seed and another for another seed", () => {
    expect(generateRound(CATALOG, publicRoundKey(42))).toEqual(generateRound(CATALOG, publicRoundKey(42)));
    expect(generateRound(CATALOG, publicRoundKey(42)).a.points.logr).not.toEqual(generateRound(CATALOG, publicRoundKey(43)).a.points.logr);
  });

  it("samples both arms and splits A into training and validation points", () => {
    const round = generateRound(CATALOG, publicRoundKey("split"));
    const { points, train, validation } = round.a;
    expect(points.t.length).toBe(POINTS_PER_SPIRAL);
    expect(round.b.points.logr.length).toBe(POINTS_PER_SPIRAL);
    expect(validation.length).toBe(Math.round(POINTS_PER_SPIRAL * VALIDATION_SHARE));
    expect(new Set([...train, ...validation]).size).toBe(POINTS_PER_SPIRAL);
    for (const key of ["theta", "logr", "x", "y"] as const) expect(points[key].every(Number.isFinite)).toBe(true);
    expect(Math.max(...points.x.map((x, i) => Math.hypot(x, points.y[i])))).toBeCloseTo(1, 9);
  });

  it("picks the hidden spiral to match the cue", () => {
    const relations = new Set<string>();
    for (let seed = 0; seed < 60; seed++) {
      const r = generateRound(CATALOG, publicRoundKey(seed));
      relations.add(r.cue.relation);
      if (r.cue.relation === "twin") expect(r.b.spiral.id).toBe(r.a.spiral.id);
      if (r.cue.relation === "cousin") expect([r.b.spiral.kind, r.b.spiral.id !== r.a.spiral.id]).toEqual([r.a.spiral.kind, true]);
      if (r.cue.relation === "stranger") expect(r.b.spiral.kind).not.toBe(r.a.spiral.kind);
      expect(r.cue.text).toContain(r.cue.relation === "twin" ? r.a.spiral.name.toLowerCase() : r.b.spiral.name);
    }
    expect(relations.size).toBe(3);
  });

  it("keeps B out of what a player may see", () => {
    const round = generateRound(CATALOG, publicRoundKey("secret"));
    const visible = JSON.stringify(visibleRound(round));
    expect(visible).not.toContain('"b"');
    expect(visible).not.toContain("sharedStructure");
    for (const v of round.b.points.logr.slice(0, 20)) expect(visible).not.toContain(String(v));
  });
});
