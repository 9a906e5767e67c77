// The word filter for typed names: @2toad/profanity's lists in all its languages, matched as
// whole words, on the name as typed and on the disguises a child tries first — look-alike
// letters (Cyrillic а, fullwidth ａ, accents), leetspeak (5h1t, @$$) and spelled-out letters
// (f.u.c.k, s_h_i_t, f u c k). Whole words keep "Scunthorpe" and "Cassandra" in.
import { Profanity, profaneWords } from "@2toad/profanity";
import { isFriendlyName } from "../shared/friendly-names";
import { skeleton } from "../shared/name-skeleton";
import { nameRefused, type NameReason, type Refusal } from "../shared/refusals";
import { NOT_INSULTS } from "./name-filter-fixes";

const LEET: Readonly<Record<string, string>> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};
const SEPARATORS = /[._-]/g;
const COMBINING_ACCENTS = /[\u0300-\u036f]/g;

/**
 * Leftovers of the machine translation, dropped by rule: fewer than two letters ("5", "♪", "t"),
 * Latin fewer than three ("no", "ch"), digits inside another script or a phrase ("5 heures", "1시간").
 */
function isLeftover(word: string): boolean {
  const letters = word.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return true;
  if (/^[\p{Script=Latin}\d\p{P}\p{S}]+$/u.test(word) && letters < 3) return true;
  return /\d/.test(word) && /[^\x20-\x7e]|\s/.test(word);
}

const filter = (() => {
  const profanity = new Profanity({
    languages: [...profaneWords.keys()],
    wholeWord: true,
    unicodeWordBoundaries: true,
  });
  const leftovers = [...profaneWords.values()].flat().filter(isLeftover);
  profanity.removeWords([...leftovers, ...NOT_INSULTS]);
  return profanity;
})();

/** Non-ASCII letters to the ASCII they look like (TR39 prototypes), accents off; ASCII stays ("m" is not "rn"). */
function lookAlikes(text: string): string {
  return Array.from(text, (c) => (c.charCodeAt(0) < 0x80 ? c : skeleton(c)))
    .join("")
    .normalize("NFD")
    .replace(COMBINING_ACCENTS, "")
    .normalize("NFC")
    .toLowerCase();
}

/** Leetspeak back to letters, in each word that is not a plain number ("Room 455" stays). */
function unleet(text: string): string {
  return text
    .split(" ")
    .map((word) => (/^\d+$/.test(word) ? word : Array.from(word, (c) => LEET[c] ?? c).join("")))
    .join(" ");
}

/** Letters spelled out: separators go, and spaces too when every piece is one or two characters. */
function joined(text: string): string {
  const pieces = text.replace(SEPARATORS, "").split(" ");
  return pieces.every((p) => [...p].length <= 2) ? pieces.join("") : pieces.join(" ");
}

/** Why `name` (already trimmed by nameSchema) cannot be used ("name-not-allowed"), or undefined when it can. */
export function nameRefusal(name: string): Extract<NameReason, "name-not-allowed"> | undefined {
  if (isFriendlyName(name)) return undefined; // the game's own names
  const typed = name.normalize("NFKC").toLowerCase();
  const looks = lookAlikes(typed);
  const forms = [typed, looks, unleet(looks), unleet(joined(looks))];
  return forms.some((form) => filter.exists(form)) ? "name-not-allowed" : undefined;
}

/**
 * Why a player cannot join under `name` (the filter, or a generated-names-only room), or undefined:
 * `{ code: "name-refused", params: { reason: "name-not-allowed" | "name-generated-only" } }`.
 */
export function joinNameRefusal(name: string, generatedOnly: boolean): Refusal | undefined {
  if (generatedOnly) return isFriendlyName(name) ? undefined : nameRefused("name-generated-only");
  const reason = nameRefusal(name);
  return reason && nameRefused(reason);
}
