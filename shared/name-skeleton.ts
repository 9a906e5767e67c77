// Look-alike names: Unicode TR39 skeletons (https://www.unicode.org/reports/tr39/#Confusable_Detection),
// so "Nia", "nia", "Nіa" (Cyrillic і), "Νia" (Greek Ν) and fullwidth "Ｎｉａ" count as one name.
// The prototypes are Unicode's confusables.txt as the `unhomoglyph` package ships it (one source
// character to its prototype). Its table is imported as data, not through the package's CommonJS
// entry, so that the bundler can leave it out of the client, which never compares names.
import prototypes from "unhomoglyph/data.json";

const PROTOTYPES: Readonly<Record<string, string>> = prototypes;
const DEFAULT_IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;

/** TR39 skeleton(X): drop default-ignorables, NFD, each character to its prototype, NFD again. Never shown. */
export function skeleton(text: string): string {
  const nfd = text.replace(DEFAULT_IGNORABLE, "").normalize("NFD");
  return Array.from(nfd, (c) => PROTOTYPES[c] ?? c)
    .join("")
    .normalize("NFD");
}

/** NFKC and full case folding, as near as JavaScript gets (upper then lower folds ß to ss, ς to σ). */
function fold(text: string): string {
  return text.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC");
}

/**
 * The keys under which a name is compared: two names are look-alikes when they share one.
 * skeleton(fold(x)) is TR39's case-insensitive comparison; fold(skeleton(NFKC(x))) also catches
 * capitals whose small letters differ ("Νia": Greek Ν looks like N, but its small ν looks like v).
 */
export function nameKeys(name: string): string[] {
  return [...new Set([skeleton(fold(name)), fold(skeleton(name.normalize("NFKC")))])];
}
