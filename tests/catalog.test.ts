import { describe, expect, it } from "vitest";
import raw from "../assets/spirals.json";
import { CatalogError, parseCatalog } from "../shared/catalog";
import { CATALOG } from "../shared/spirals";

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
