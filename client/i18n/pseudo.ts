// The pseudo-locale: every English message with its letters accented and the whole wrapped in
// ⟦ ⟧, placeholders and plural/select structure kept. A page shown in it makes any string that
// skipped the message files stand out as plain ASCII (tests/browser/languages.test.ts looks for it),
// and its extra length shows where a longer language would overflow.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import type { MessageTable } from "./messages";

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((c, i) => [
    c,
    "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ"[i],
  ]),
);

const accent = (text: string) => text.replace(/[A-Za-z]/g, (c) => ACCENTED[c]);

function accentAll(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((e) => {
    if (e.type === TYPE.literal) return { ...e, value: accent(e.value) };
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(e.options).map(([k, o]) => [k, { ...o, value: accentAll(o.value) }]),
      );
      return { ...e, options } as MessageFormatElement;
    }
    return e;
  });
}

/** The pseudo-locale's messages, as parsed ICU trees (IntlMessageFormat takes those as they are). */
export function pseudoTable(english: MessageTable): MessageTable {
  const table: MessageTable = new Map();
  for (const [key, message] of english) {
    const tree = accentAll(typeof message === "string" ? parse(message, { ignoreTag: true }) : message);
    table.set(key, [{ type: TYPE.literal, value: "⟦" }, ...tree, { type: TYPE.literal, value: "⟧" }]);
  }
  return table;
}
