// Look-alike names (shared/name-skeleton.ts): a second player whose name only looks like a name
// in the room, by case, fullwidth letters or Cyrillic and Greek letters, gets a number, as a
// second "Ada" does. The comparison is Unicode TR39's skeleton, with Unicode's own table.
import { describe, expect, it } from "vitest";
import unhomoglyph from "unhomoglyph";
import prototypes from "unhomoglyph/data.json";
import { uniqueName } from "../shared/match";
import { nameKeys, skeleton } from "../shared/name-skeleton";
import { joinOptionsSchema } from "../shared/protocol";

describe("look-alike names", () => {
  it("gives a look-alike of a name in the room a number", () => {
    const lookAlikes = [
      "Nia",
      "nia",
      "NIA",
      "nIA",
      "Nіa", // Cyrillic і
      "Nіа", // Cyrillic і and а
      "Νia", // Greek capital Ν
      "Νіа", // Greek Ν, Cyrillic і and а
      "Ｎｉａ",
      "ｎｉａ", // fullwidth
      "Nia\u3164", // a Hangul filler: an invisible letter, which TR39 drops
      "N\u034Fia", // a combining grapheme joiner, invisible too
    ];
    for (const name of lookAlikes) {
      expect(joinOptionsSchema.safeParse({ name }).success, JSON.stringify(name)).toBe(true); // a join lets each of them in
      expect(uniqueName(name, ["Nia"]), JSON.stringify(name)).toBe(`${name} 2`);
      expect(uniqueName("Nia", [name]), JSON.stringify(name)).toBe("Nia 2"); // whoever came first
    }
    expect(uniqueName("Nіa", ["nia", "NIA 2"])).toBe("Nіa 3"); // the numbered names are compared the same way
    expect(uniqueName("Ꭺda", ["Ada"])).toBe("Ꭺda 2"); // Cherokee Ꭺ
    expect(uniqueName("АDA", ["ada"])).toBe("АDA 2"); // Cyrillic А, other case
    expect(uniqueName("Ⅼeo", ["Leo"])).toBe("Ⅼeo 2"); // Roman numeral fifty
    expect(uniqueName("rnia", ["Mia"])).toBe("rnia 2"); // TR39's own "rn" for "m"
  });

  it("keeps different names apart, in any script", () => {
    const apart: [string, string][] = [
      ["Nia", "Mia"],
      ["Nia", "Nina"],
      ["Ana", "Anna"],
      ["Nia", "Nía"], // TR39 keeps accents
      ["Nia", "N1a"], // the table makes 1 a look-alike of l, not of i
      ["李雷", "韩梅梅"],
      ["李雷", "李雪"],
      ["Саша", "Маша"],
      ["Σοφία", "Σοφια"],
      ["Ada", "Ada 2"],
    ];
    for (const [first, second] of apart) {
      expect(uniqueName(second, [first]), `${first} / ${second}`).toBe(second);
      expect(uniqueName(first, [second]), `${second} / ${first}`).toBe(first);
    }
    expect(uniqueName("N1a", ["NIa"])).toBe("N1a 2"); // but 1 and capital I both look like l
  });

  it("returns at most 20 characters, the number included", () => {
    const long = "Аlexandra Ivanovna K"; // 20 characters, Cyrillic А
    const taken = ["Alexandra Ivanovna K", "ALEXANDRA IVANOVNA 2"];
    const name = uniqueName(long, taken);
    expect(name).toBe("Аlexandra Ivanovna 3");
    expect([...name]).toHaveLength(20);
    expect([...uniqueName("Ｎ".repeat(20), ["N".repeat(20)])]).toHaveLength(20);
  });

  it("computes TR39 skeletons with the package's table, unchanged", () => {
    // The skeleton reads unhomoglyph's table (Unicode's confusables.txt) directly: it must map
    // every character exactly as the package's own function does.
    const table = prototypes as Record<string, string>;
    const sources = Object.keys(table).filter((c) => !/\p{Default_Ignorable_Code_Point}/u.test(c));
    expect(sources.length).toBeGreaterThan(6000);
    for (const c of sources)
      expect(skeleton(c), `U+${c.codePointAt(0)!.toString(16)}`).toBe(unhomoglyph(c.normalize("NFD")).normalize("NFD"));
    expect(skeleton("pаypаl")).toBe("paypal");
    expect(skeleton("m")).toBe("rn");
    expect(nameKeys("Nia")).toEqual(["nia"]);
  });
});
