// The cue sentence worded on the client (client/i18n/cue-text.ts, English messages in
// client/locales/en/cue.json) from the facts the round message carries (`CueView`): for many
// rounds, catalog and traced, it is word for word the sentence the server used to send. The old
// server builder is kept here, only as the reference.
import { describe, expect, it } from "vitest";
import { CATALOG } from "../shared/spirals";
import { SPIRAL_KINDS, type SpiralEntry } from "../shared/catalog";
import { cueFor, generateRound, type Relation, type Round } from "../shared/round";
import { publicRoundKey } from "../shared/round-key";
import { roundMessage } from "../shared/round-messages";
import { checkSet, setRoundSpecs, type RoundSetInput } from "../shared/round-set";
import { roundOf } from "../shared/round-proof";
import { cueText } from "../client/i18n/cue-text";
import { tracedOf } from "./traced-spirals";

// ---- the server's sentence before the cue became facts (shared/round.ts, as it was) ----
const percent = (v: number) => `${Math.round(v * 100)}%`;
const times = (v: number) => `${v < 2 ? v.toFixed(1) : v.toFixed(0)}×`;
function oldDrawn(a: SpiralEntry, b: SpiralEntry, relation: Relation, cue: Round["cue"]): string {
  const who =
    relation === "twin"
      ? `another ${a.name}, a twin of A`
      : `${b.cue} (${b.name}), ${relation === "cousin" ? "same kind" : "another kind"}`;
  const kept = cue.bumpsKept > 0 ? `~${percent(cue.bumpsKept)} of A's bumps` : "none of A's bumps";
  return `Hidden: ${who}. Shares ~${percent(cue.sharedShare)} of A's large-scale shape and ${kept}; B's bumps ~${times(cue.bumpRatio)} A's.`;
}
function oldTraced(b: SpiralEntry, relation: Relation): string {
  const who =
    relation === "twin"
      ? `${b.cue} (${b.name}), A as traced by hand`
      : `${b.cue} (${b.name}), ${relation === "cousin" ? "same kind" : "another kind"}`;
  return `Hidden: ${who}. Traced by hand: B's shape is its own, nothing drawn from A.`;
}
const oldSentence = (r: Round, given?: string) =>
  given ??
  (r.b.spiral.id === "traced"
    ? oldTraced(r.b.spiral, r.cue.relation)
    : oldDrawn(r.a.spiral, r.b.spiral, r.cue.relation, r.cue));

const relationOf = (a: SpiralEntry, b: SpiralEntry): Relation =>
  a.id === b.id ? "twin" : a.kind === b.kind ? "cousin" : "stranger";

describe("the cue in English", () => {
  it("is the server's old sentence for 600 seeded rounds (and what the round message carries)", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const round = generateRound(CATALOG, publicRoundKey(`cue-text-${i}`));
      const message = roundMessage(1, round, [], {
        ...publicRoundKey(`cue-text-${i}`),
        difficulty: "normal",
        kinds: [],
      });
      expect(message.cue).toEqual(round.cue.view);
      expect(cueText(message.cue)).toBe(oldSentence(round));
      seen.add(round.cue.relation).add(round.cue.bumpsKept > 0 ? "kept" : "none");
    }
    expect([...seen].sort()).toEqual(["cousin", "kept", "none", "stranger", "twin"]);
  });

  it("is the old sentence for every pair in the catalog, at the extremes of every number", () => {
    for (const a of CATALOG.spirals)
      for (const b of CATALOG.spirals)
        for (const facts of [
          undefined,
          { sharedStructure: 0.95, bumpsKept: 0.9, bumpRatio: 0.04 },
          { sharedStructure: 0.02, bumpsKept: 0.02, bumpRatio: 1.949 },
          { sharedStructure: 0.5, bumpsKept: 0.33, bumpRatio: 1.951 },
          { sharedStructure: 0.07, bumpsKept: 0.1, bumpRatio: 12.4 },
          { sharedStructure: 1, bumpsKept: 1, bumpRatio: 1234 },
        ]) {
          const relation = relationOf(a, b);
          const cue = cueFor(a, b, relation, facts);
          expect(cueText(cue.view)).toBe(oldDrawn(a, b, relation, cue));
        }
  });

  it("fixed examples", () => {
    const nautilus = CATALOG.spirals.find((s) => s.id === "nautilus-pompilius")!;
    const cue = cueFor(nautilus, nautilus, "twin", { sharedStructure: 0.548, bumpsKept: 0, bumpRatio: 2.4 });
    expect(cueText(cue.view)).toBe(
      "Hidden: another Chambered nautilus, a twin of A. Shares ~55% of A's large-scale shape and none of A's bumps; B's bumps ~2× A's.",
    );
    expect(cue.view).toEqual({
      relation: "twin",
      name: "Chambered nautilus",
      kind: "shell",
      sharedShare: 0.55,
      bumpsKept: 0,
      bumpRatio: 2,
    });
    expect(cueText({ given: "Hidden: {something} it's windy" })).toBe("Hidden: {something} it's windy");
  });

  it("is the old sentence for rounds from a set: traced A, traced B, a twin of a traced arm, a teacher's cue", () => {
    const snail = tracedOf(17, 2.5);
    const ida = tracedOf(25, 1.5, "Hurricane Ida", "cyclone");
    const ram = tracedOf(9, 2, "Ram's horn {left}", "horn");
    const input: RoundSetInput = {
      version: 1,
      name: "Every kind of round",
      spirals: [snail, ida, ram],
      rounds: [
        { a: { traced: 0 }, b: { catalog: "m51-whirlpool" } },
        { a: { traced: 0 }, b: { catalog: "nautilus-pompilius" } },
        { a: { catalog: "nautilus-pompilius" }, b: { traced: 1 } },
        { a: { traced: 0 }, b: { traced: 0 } },
        { a: { traced: 0 }, b: { traced: 2 }, relation: "cousin" },
        { a: { traced: 1 }, b: { traced: 2 } },
        { a: { traced: 0 }, b: { catalog: "nautilus-pompilius" }, relation: "twin" },
        { a: { traced: 2 }, b: { traced: 2 } },
        { a: { traced: 0 }, b: { traced: 1 }, cue: "Hidden: something windy, another kind." },
      ],
    };
    const checked = checkSet(input);
    if (!checked.ok) throw new Error(checked.error);
    const specs = setRoundSpecs(checked.set);
    const sentences = specs.map((spec, i) => {
      const round = roundOf({
        ...publicRoundKey(`set-cue-${i}`),
        difficulty: "normal",
        kinds: [...SPIRAL_KINDS],
        set: spec,
      });
      expect(cueText(round.cue.view)).toBe(oldSentence(round, spec.cue));
      return cueText(round.cue.view);
    });
    expect(sentences[3]).toBe(
      "Hidden: a garden snail (Garden snail), A as traced by hand. Traced by hand: B's shape is its own, nothing drawn from A.",
    );
    expect(sentences[6]).toMatch(
      /^Hidden: another Garden snail, a twin of A\. Shares ~\d+% of A's large-scale shape and none of A's bumps; B's bumps ~/,
    );
    expect(sentences[8]).toBe("Hidden: something windy, another kind.");
  });

  it("carries no more than its sentence: a teacher's cue alone, a traced B without shares, a traced stranger without its kind", () => {
    const input: RoundSetInput = {
      version: 1,
      name: "Secrets",
      spirals: [tracedOf(17, 2.5), tracedOf(25, 1.5, "Hurricane Ida", "cyclone")],
      rounds: [
        { a: { catalog: "nautilus-pompilius" }, b: { traced: 1 }, cue: "Hidden: something windy." },
        { a: { catalog: "nautilus-pompilius" }, b: { traced: 1 } },
        { a: { traced: 0 }, b: { traced: 0 } },
      ],
    };
    const checked = checkSet(input);
    if (!checked.ok) throw new Error(checked.error);
    const [given, stranger, twin] = setRoundSpecs(checked.set).map(
      (spec, i) =>
        roundOf({ ...publicRoundKey(`secret-${i}`), difficulty: "normal", kinds: [...SPIRAL_KINDS], set: spec }).cue
          .view,
    );
    expect(given).toEqual({ given: "Hidden: something windy." });
    expect(stranger).toEqual({ relation: "stranger", tracedB: true, name: "Hurricane Ida", phrase: "a hurricane ida" });
    expect(twin).toEqual({
      relation: "twin",
      tracedB: true,
      name: "Garden snail",
      phrase: "a garden snail",
      kind: "shell",
    });
  });
});
