// Look-alike names (shared/name-skeleton.ts): a second player whose name only looks like a name
// in the room, by case, fullwidth letters or Cyrillic and Greek letters, gets a number, as a
// second "Ada" does. The comparison is Unicode TR39's skeleton, with Unicode's own table.
// And the word filter for typed names (server/name-filter.ts), and the game's generated names.
import { describe, expect, it } from "vitest";
import unhomoglyph from "unhomoglyph";
import prototypes from "unhomoglyph/data.json";
import { uniqueName } from "../shared/match";
import { friendlyName, isFriendlyName } from "../shared/friendly-names";
import { Random } from "../shared/random";
import { nameRefusal } from "../server/name-filter";
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

describe("the name filter", () => {
  const refused = (name: string) => nameRefusal(name) !== undefined;

  it("refuses insults in many languages, as typed", () => {
    const insults = ["fuck", "FUCK", "Bitch", "hijo de puta", "putain", "merde", "connard", "Arschloch", "scheiße"];
    insults.push("cabrón", "porra", "caralho", "vaffanculo", "cazzo", "сука", "блядь", "хуй", "鸡巴", "भाड़ में जाओ");
    for (const name of insults) expect(nameRefusal(name), name).toBe("name-not-allowed");
  });

  it("sees through look-alike letters, accents, leetspeak and spelled-out letters", () => {
    const disguised = [
      "ＦＵＣＫ", // fullwidth
      "fuсk", // Cyrillic с
      "Nіgger", // Cyrillic і
      "fück",
      "bítch",
      "5h1t",
      "sh1t",
      "sh!t",
      "b1tch",
      "a$$",
      "A$$hole",
      "@ss",
      "f.u.c.k",
      "f u c k",
      "s_h_i_t",
      "fu_ck",
      "a s s",
      "Pu Ta",
      "Fuck You",
    ];
    for (const name of disguised) expect(refused(name), name).toBe(true);
  });

  it("lets ordinary names and words through, in any script", () => {
    const fine = ["Scunthorpe", "Cassandra", "Glass", "Bass", "Essex", "Sussex", "Analysis", "Assassin", "Titan"];
    fine.push("Cumin", "Dickens", "Hancock", "Cockburn", "Shitake", "Pussycat", "Butterfly", "Matsui", "Nigel");
    fine.push("Ada 2", "Room 455", "Class 7A", "Ana L", "Mary-Ann", "Jean-Luc", "J.R.", "Pom", "Lord", "Hot Dog");
    // Names the package's translated lists hold by mistake (server/name-filter-fixes.ts).
    fine.push("Wang", "Willy", "Fanny", "Cox", "Claire", "Cláudia", "Junior", "Júnior", "Regina", "Mona", "Mist");
    fine.push("Bob", "Patrick", "Mohan", "Zoë", "Chloé", "Jürgen", "Huang", "Nguyen", "Kumar", "Priya", "Fatima");
    fine.push("Саша", "Мария", "Иван", "Ван", "王", "黄", "张伟", "中国", "贾宝玉", "राहुल", "मोहन", "देवी", "محمد");
    fine.push("فاطمة", "さくら", "ボブ", "パトリック", "민준", "지우", "엄마", "Ｎｉａ", "Nіa");
    for (const name of fine) expect(nameRefusal(name), name).toBeUndefined();
  });

  it("always lets the game's generated names through", () => {
    const random = new Random("names");
    for (let i = 0; i < 500; i++) {
      const name = friendlyName(random);
      expect(isFriendlyName(name), name).toBe(true);
      expect(nameRefusal(name), name).toBeUndefined();
    }
  });
});

describe("generated names", () => {
  it("are exactly an adjective and a noun of the game's", () => {
    expect(isFriendlyName("Curious Nautilus")).toBe(true);
    for (const name of [
      "curious nautilus",
      "Curious  Nautilus",
      "Curious Nautilus 2",
      "Curious",
      "Ada",
      "Nautilus Curious",
    ])
      expect(isFriendlyName(name), name).toBe(false);
  });
});
