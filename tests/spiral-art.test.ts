// The pictures' pure geometry (shared/spiral-art.ts): the spine read from an arm's points follows
// the arm (a logarithmic spiral's growth comes back), florets turn by the golden angle and fill
// the unit disc, and every catalog entry has a caption with its pitch and a short source.
import { describe, expect, it } from "vitest";
import { GOLDEN_ANGLE, phyllotaxis, shortCitation, spineOf } from "../shared/spiral-art";
import { captionFacts } from "../client/screens/spiral-caption";
import { CATALOG } from "../shared/spirals";

describe("spiral art", () => {
  it("reads a logarithmic arm's growth and radius back from its points, either way round", () => {
    const b = Math.tan((12 * Math.PI) / 180);
    const theta = Array.from({ length: 140 }, (_, i) => (i / 139) * 2 * Math.PI * 2.5);
    for (const turn of [1, -1]) {
      const x = theta.map((t) => Math.exp(b * t) * Math.cos(turn * t + 0.7));
      const y = theta.map((t) => Math.exp(b * t) * Math.sin(turn * t + 0.7));
      const spine = spineOf(x, y);
      expect(spine.turn).toBe(turn);
      expect(spine.growth).toBeCloseTo(b, 6);
      expect(spine.maxR).toBeCloseTo(Math.exp(b * theta[139]), 6);
      // Inside the arm the spine passes through the points; beyond its ends it goes on growing.
      const [px, py] = spine.at(spine.theta0 + theta[70]);
      expect(Math.hypot(px - x[70], py - y[70])).toBeLessThan(1e-6 * spine.maxR + 1e-9);
      expect(spine.r(spine.theta0 - 2 * Math.PI)).toBeCloseTo(Math.exp(-b * 2 * Math.PI), 3);
    }
  });

  it("places florets at the golden angle, filling the unit disc evenly", () => {
    const f = phyllotaxis(500);
    expect(GOLDEN_ANGLE * (180 / Math.PI)).toBeCloseTo(137.5, 1);
    const angle = (i: number) => Math.atan2(f.y[i], f.x[i]);
    const step = (((angle(11) - angle(10)) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    expect(step).toBeCloseTo(GOLDEN_ANGLE, 9);
    expect(Math.max(...f.r)).toBeCloseTo(1, 9);
    // Even filling: half the florets lie inside radius √½.
    expect(f.r.filter((r) => r <= Math.SQRT1_2).length).toBe(250);
  });

  it("gives every catalog entry a caption: what it is, its pitch and a short source", () => {
    for (const entry of CATALOG.spirals) {
      const c = captionFacts(entry); // worded by the client (English here)
      expect(c.what).toBe(entry.about);
      expect(c.pitch).toContain(`pitch ${Number(entry.pitchDeg.value.toFixed(1))}°`);
      expect(c.pitch).toContain(entry.pitchDeg.estimate ? "(our estimate)" : "(from the source)");
      expect(shortCitation(entry)).toMatch(/^[\p{L}'’ -]+( & [\p{L}'’ -]+| et al\.)? \(\d{4}\)$/u);
    }
    const nautilus = CATALOG.spirals.find((s) => s.id === "nautilus-pompilius")!;
    expect(JSON.stringify(captionFacts(nautilus).source)).toContain("Falbo (2005)");
    const byId = (id: string) => shortCitation(CATALOG.spirals.find((s) => s.id === id)!);
    expect(byId("hurricane-katrina")).toBe("Senn & Hiser (1959)");
    expect(byId("peregrine-falcon-dive")).toBe("Tucker et al. (2000)");
    expect(byId("alpine-ibex")).toBe("von Hardenberg et al. (2004)");
    expect(byId("m74-phantom")).toBe("Kennicutt (1981)");
  });
});
