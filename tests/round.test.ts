import { describe, expect, it } from "vitest";
import { CATALOG } from "../shared/spirals";
import {
  BUMPS_KEPT,
  CONTOUR_AMPLITUDE,
  CUE_SHARE_STEP,
  HIDDEN_BUMP_SCALE,
  POINTS_PER_SPIRAL,
  SHARED_STRUCTURE,
  STRANGER_UNRELATED,
  VALIDATION_SHARE,
  bumpRatioTolerance,
  cueFor,
  generateRound,
  plainSpiral,
  visibleRound,
  type Round,
} from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { cueText } from "../client/i18n/cue-text";

const rounds = (n: number, prefix = "r"): Round[] =>
  Array.from({ length: n }, (_, i) => generateRound(CATALOG, publicRoundKey(`${prefix}-${i}`)));
const rms = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0) / v.length);

describe("round generator", () => {
  it("gives the same round for the same seed and another for another seed", () => {
    expect(generateRound(CATALOG, publicRoundKey(42))).toEqual(generateRound(CATALOG, publicRoundKey(42)));
    expect(generateRound(CATALOG, publicRoundKey(42)).a.points.logr).not.toEqual(
      generateRound(CATALOG, publicRoundKey(43)).a.points.logr,
    );
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
    for (const r of rounds(60, "pick")) {
      relations.add(r.cue.relation);
      if (r.cue.relation === "twin") expect(r.b.spiral.id).toBe(r.a.spiral.id);
      if (r.cue.relation === "cousin")
        expect([r.b.spiral.kind, r.b.spiral.id !== r.a.spiral.id]).toEqual([r.a.spiral.kind, true]);
      if (r.cue.relation === "stranger") expect(r.b.spiral.kind).not.toBe(r.a.spiral.kind);
      expect(cueText(r.cue.view)).toContain(r.cue.relation === "twin" ? r.a.spiral.name : r.b.spiral.name);
    }
    expect(relations.size).toBe(3);
  });

  it("names only relations the catalog allows (a room narrowed to shells has no strangers)", () => {
    const shells = { ...CATALOG, spirals: CATALOG.spirals.filter((s) => s.kind === "shell") };
    const seen = new Set<string>();
    for (let i = 0; i < 80; i++) {
      const r = generateRound(shells, publicRoundKey(`shells-${i}`));
      seen.add(r.cue.relation);
      expect(r.b.spiral.kind).toBe("shell");
      expect(cueText(r.cue.view)).not.toContain("another kind");
    }
    expect([...seen].sort()).toEqual(["cousin", "twin"]);
    const one = { ...CATALOG, spirals: CATALOG.spirals.slice(0, 1) };
    expect(generateRound(one, publicRoundKey("alone")).cue.relation).toBe("twin");
  });

  it("keeps B out of what a player may see", () => {
    const round = generateRound(CATALOG, publicRoundKey("secret"));
    const visible = JSON.stringify(visibleRound(round));
    expect(visible).not.toContain('"b"');
    expect(visible).not.toContain("sharedStructure");
    for (const v of round.b.points.logr.slice(0, 20)) expect(visible).not.toContain(String(v));
  });

  it("draws A only from the public id and B's own draws only from the secret", () => {
    const id = "streams",
      other = publicRoundKey("another secret").hidden;
    const r1 = generateRound(CATALOG, publicRoundKey(id));
    const r2 = generateRound(CATALOG, { id, hidden: other });
    expect(r2.a).toEqual(r1.a); // another secret: the same A, split and noise
    expect(r2.b.points.t).not.toEqual(r1.b.points.t);
    // The same secret under another id: B's own draws (relation, shares, B's positions, rotation) repeat.
    for (const hidden of [r1.hidden, other]) {
      const p = generateRound(CATALOG, { id: "streams-x", hidden }),
        q = generateRound(CATALOG, { id: "streams-y", hidden });
      expect([p.cue.relation, p.sharedStructure, p.b.bumpsKept, p.b.points.t, p.b.rotation]).toEqual([
        q.cue.relation,
        q.sharedStructure,
        q.b.bumpsKept,
        q.b.points.t,
        q.b.rotation,
      ]);
    }
  });

  it("draws B from its own catalog entry: type, pitch, turns and bump rate", () => {
    let checked = 0;
    for (const r of rounds(200, "own")) {
      const { b } = r;
      const turnsB = Math.min(3, Math.max(1.25, b.spiral.turns.value));
      expect(b.turns).toBe(turnsB);
      expect(b.points.theta.at(-1)! / (2 * Math.PI * b.points.t.at(-1)!)).toBeCloseTo(turnsB, 9);
      // What B has beyond its own plain spiral is small: structure and bumps, never A's winding.
      const beyond = b.points.logr.map((v, i) => v - plainSpiral(b.spiral, b.turns)(b.points.t[i]));
      const mean = beyond.reduce((s, v) => s + v, 0) / beyond.length;
      expect(rms(beyond.map((v) => v - mean))).toBeLessThan(0.4);
      if (b.spiral.spiralType !== r.a.spiral.spiralType) checked++;
    }
    expect(checked).toBeGreaterThan(10); // hidden sunflowers and kudu horns are drawn as what they are
  });

  it("keeps bump sizes in range for A and B, B's own ones scaled down (no inverted clamp)", () => {
    for (const r of rounds(200, "bumps")) {
      expect(r.a.bumpSize).toBeGreaterThan(CONTOUR_AMPLITUDE.min * 0.8 * 0.9);
      expect(r.a.bumpSize).toBeLessThan(CONTOUR_AMPLITUDE.max * 1.25 * 1.1);
      if (r.cue.relation === "stranger") {
        expect(r.b.bumpSize).toBeGreaterThan(CONTOUR_AMPLITUDE.min * HIDDEN_BUMP_SCALE * 0.8 * 0.9);
        expect(r.b.bumpSize).toBeLessThan(CONTOUR_AMPLITUDE.max * HIDDEN_BUMP_SCALE * 1.25 * 1.1);
      }
    }
  });

  it("shares by relation: a twin and a cousin keep part of A's bumps, a stranger none", () => {
    const seen: Record<string, number[]> = { twin: [], cousin: [], stranger: [] };
    for (const r of rounds(300, "share")) {
      const rel = r.cue.relation;
      const [lo, hi] =
        rel === "stranger" && r.sharedStructure < SHARED_STRUCTURE.stranger[0]
          ? STRANGER_UNRELATED.share
          : SHARED_STRUCTURE[rel];
      expect(r.sharedStructure).toBeGreaterThanOrEqual(lo);
      expect(r.sharedStructure).toBeLessThanOrEqual(hi);
      expect(r.b.bumpsKept).toBeGreaterThanOrEqual(BUMPS_KEPT[rel][0]);
      expect(r.b.bumpsKept).toBeLessThanOrEqual(BUMPS_KEPT[rel][1]);
      seen[rel].push(r.sharedStructure);
    }
    expect(seen.stranger.some((s) => s < 0.3)).toBe(true); // now and then hardly related at all
  });
});

describe("the cue", () => {
  it("states numbers that match the round within the stated rounding, for many keys", () => {
    for (const r of rounds(400, "cue")) {
      const { cue } = r;
      const text = cueText(cue.view);
      expect(Math.abs(cue.sharedShare - r.sharedStructure)).toBeLessThanOrEqual(CUE_SHARE_STEP / 2 + 1e-12);
      expect(Math.abs(cue.bumpsKept - r.b.bumpsKept)).toBeLessThanOrEqual(CUE_SHARE_STEP / 2 + 1e-12);
      const ratio = r.b.bumpSize / r.a.bumpSize;
      expect(Math.abs(cue.bumpRatio - Math.max(0.1, ratio))).toBeLessThanOrEqual(
        bumpRatioTolerance(cue.bumpRatio) + 1e-12,
      );
      // The sentence says exactly the structured numbers.
      expect(text).toContain(`~${Math.round(cue.sharedShare * 100)}% of A's large-scale shape`);
      expect(text).toContain(
        cue.bumpsKept > 0 ? `~${Math.round(cue.bumpsKept * 100)}% of A's bumps` : "none of A's bumps",
      );
      expect(text).toContain(
        `B's bumps ~${cue.bumpRatio < 2 ? cue.bumpRatio.toFixed(1) : cue.bumpRatio.toFixed(0)}× A's`,
      );
    }
  });

  it("fits a phone: at most 160 characters for any pair in the catalog", () => {
    for (const a of CATALOG.spirals) {
      for (const b of CATALOG.spirals) {
        const relation = a.id === b.id ? "twin" : a.kind === b.kind ? "cousin" : "stranger";
        for (const facts of [
          undefined,
          { sharedStructure: 0.95, bumpsKept: 0.9, bumpRatio: 0.15 },
          { sharedStructure: 0.05, bumpsKept: 0.1, bumpRatio: 12 },
        ]) {
          expect(cueText(cueFor(a, b, relation, facts).view).length).toBeLessThanOrEqual(160);
        }
      }
    }
  });

  it("is coarse: it names no position, level or point of B", () => {
    for (const r of rounds(50, "coarse")) {
      const numbers = cueText(r.cue.view)
        .match(/\d+(\.\d+)?/g)!
        .map(Number);
      // Only the two shares (whole percent, multiples of 5) and the bump ratio, plus digits in names.
      const named = `${r.b.spiral.name} ${r.b.spiral.cue} ${r.a.spiral.name}`.match(/\d+/g)?.map(Number) ?? [];
      for (const v of numbers) expect(named.includes(v) || v % 5 === 0 || v === r.cue.bumpRatio).toBe(true);
      expect(Object.keys(r.cue).sort()).toEqual([
        "bumpRatio",
        "bumpsKept",
        "hiddenKind",
        "hiddenName",
        "relation",
        "sharedShare",
        "view",
      ]);
      // What travels: the facts the sentence states, rounded, and nothing else.
      const view = r.cue.view;
      if ("given" in view || "tracedB" in view) throw new Error("a catalog round's cue is drawn from A");
      expect(Object.keys(view).sort()).toEqual(["bumpRatio", "bumpsKept", "kind", "name", "relation", "sharedShare"]);
      for (const share of [view.sharedShare, view.bumpsKept]) expect(share).toBe(Math.round(share * 100) / 100);
      expect(view.bumpRatio).toBe(r.cue.bumpRatio);
    }
  });
});
