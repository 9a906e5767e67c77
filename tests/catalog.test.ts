import { describe, expect, it } from "vitest";
import raw from "../assets/spirals.json";
import english from "../client/locales/en/catalog.json";
import { CatalogError, SPIRAL_KINDS, parseCatalog } from "../shared/catalog";
import { CATALOG } from "../shared/spirals";
import { kindName, spiralAbout, spiralBumps, spiralCue, spiralName } from "../client/i18n/spiral-names";

const copy = () => structuredClone(raw) as { version: number; spirals: Record<string, unknown>[] };

describe("spiral catalog", () => {
  it("holds at least 16 real spirals of at least 5 kinds, each with a source", () => {
    expect(CATALOG.spirals.length).toBeGreaterThanOrEqual(16);
    expect(new Set(CATALOG.spirals.map((s) => s.kind)).size).toBeGreaterThanOrEqual(5);
    for (const s of CATALOG.spirals) expect(s.source.citation.length).toBeGreaterThan(10);
  });

  it("names the entry and the field of a malformed value", () => {
    const bad = copy();
    (bad.spirals[2].pitchDeg as { value: unknown }).value = "steep";
    const id = bad.spirals[2].id as string;
    expect(() => parseCatalog(bad)).toThrow(CatalogError);
    expect(() => parseCatalog(bad)).toThrow(new RegExp(`"${id}".*field "pitchDeg\\.value"`));
  });

  it("names a missing field, an out-of-range number and an unknown field", () => {
    const missing = copy();
    delete missing.spirals[0].source;
    expect(() => parseCatalog(missing)).toThrow(/field "source"/);

    const range = copy();
    (range.spirals[1].contours as { amplitude: number }).amplitude = 5;
    expect(() => parseCatalog(range)).toThrow(/field "contours\.amplitude"/);

    const unknown = copy();
    unknown.spirals[3].colour = "red";
    expect(() => parseCatalog(unknown)).toThrow(/colour/);
  });

  it("refuses a repeated id and an entry without one", () => {
    const twice = copy();
    twice.spirals[1].id = twice.spirals[0].id;
    expect(() => parseCatalog(twice)).toThrow(/repeats an earlier entry/);

    const anonymous = copy();
    delete anonymous.spirals[4].id;
    expect(() => parseCatalog(anonymous)).toThrow(/entry "#4".*field "id"/);
  });
});

describe("the catalog's words (client/locales/en/catalog.json)", () => {
  it("has each entry's name, about, cue and bumps, and each kind, and nothing else", () => {
    const keys = [
      ...CATALOG.spirals.flatMap((s) => [`${s.id}.name`, `${s.id}.about`, `${s.id}.cue`, `${s.id}.bumps`]),
      ...SPIRAL_KINDS.map((k) => `kind.${k}`),
    ];
    expect(Object.keys(english).sort()).toEqual(keys.sort());
  });

  it("says in English exactly what the catalog says", () => {
    for (const s of CATALOG.spirals) {
      expect(spiralName(s.name)).toBe(s.name);
      expect(spiralAbout(s)).toBe(s.about);
      expect(spiralCue(s)).toBe(s.cue);
      expect(spiralBumps(s)).toBe(s.contours.what);
    }
    for (const k of SPIRAL_KINDS) expect(kindName(k)).toBe(k);
  });

  it("passes traced arms and other names through unchanged", () => {
    expect(spiralName("Garden snail")).toBe("Garden snail");
    const traced = { id: "traced", name: "Ram's horn {left}", about: "It's {mine}.", cue: "a ram's horn" };
    expect([spiralAbout(traced), spiralCue(traced)]).toEqual(["It's {mine}.", "a ram's horn"]);
    // A traced arm that took a catalog entry's name is still the teacher's: its own words.
    const named = { ...CATALOG.spirals[0], id: "traced", about: "Mine.", cue: "my shell" };
    expect([spiralAbout(named), spiralCue(named)]).toEqual(["Mine.", "my shell"]);
    expect(kindName("comet")).toBe("comet");
    // Given a name: the catalog entry's words, or nothing for a name the catalog lacks.
    const first = CATALOG.spirals[0];
    expect([spiralAbout(first.name), spiralCue(first.name)]).toEqual([first.about, first.cue]);
    expect([spiralAbout("Garden snail"), spiralCue(undefined)]).toEqual(["", ""]);
  });
});
