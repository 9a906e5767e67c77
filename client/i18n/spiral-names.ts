// The catalog's words in the current language: a spiral's name, what it is about, its cue phrase
// ("a nautilus shell") and its kind. The catalog (assets/spirals.json) stays in English: its name is
// the key messages carry; the words are client/locales/<lang>/catalog.json ("<id>.name", "<id>.about",
// "<id>.cue", "<id>.bumps", "kind.<kind>"). Traced arms and anything else not in the catalog are a teacher's or a
// player's own words: they pass through unchanged.
import { CATALOG } from "../../shared/spirals";
import { SPIRAL_KINDS, type SpiralEntry } from "../../shared/catalog";
import { t } from "./i18n";

const BY_NAME = new Map(CATALOG.spirals.map((s) => [s.name, s]));
const BY_ID = new Map(CATALOG.spirals.map((s) => [s.id, s]));

/** The catalog entry named `name`, if it is one. */
export const catalogEntryNamed = (name: string): SpiralEntry | undefined => BY_NAME.get(name);

/** The entry's catalog id when it is the catalog's own (a traced arm's entry is not). */
function catalogId(entry: Pick<SpiralEntry, "id" | "name">): string | undefined {
  const known = BY_ID.get(entry.id);
  return known && known.name === entry.name ? known.id : undefined;
}

/** A spiral's name as shown: a catalog entry's translated, anything else (traced arms, user names) as is. */
export function spiralName(name: string): string {
  const entry = BY_NAME.get(name);
  return entry ? t(`catalog.${entry.id}.name`) : name;
}

/** A kind's word ("shell", "galaxy", …); an unknown one as is. */
export function kindName(kind: string): string {
  return (SPIRAL_KINDS as readonly string[]).includes(kind) ? t(`catalog.kind.${kind}`) : kind;
}

type Named<K extends keyof SpiralEntry> = Pick<SpiralEntry, "id" | "name" | K> | string | undefined;

/** A spiral's entry, or the catalog entry a name (or nothing) stands for. */
function entryOf<K extends keyof SpiralEntry>(spiral: Named<K>) {
  if (spiral === undefined) return undefined;
  return typeof spiral === "string" ? BY_NAME.get(spiral) : spiral;
}

/**
 * What a spiral is (the catalog's `about`): translated for a catalog entry, as is for a traced
 * entry; given a name, the catalog entry's ("" for a name not in the catalog).
 */
export function spiralAbout(spiral: Named<"about">): string {
  const entry = entryOf(spiral);
  if (!entry) return "";
  const id = catalogId(entry);
  return id ? t(`catalog.${id}.about`) : entry.about;
}

/** What a spiral's own bumps are (the catalog's `contours.what`), translated like `spiralAbout`. */
export function spiralBumps(spiral: Pick<SpiralEntry, "id" | "name" | "contours">): string {
  const id = catalogId(spiral);
  return id ? t(`catalog.${id}.bumps`) : spiral.contours.what;
}

/**
 * A spiral's cue phrase ("a nautilus shell"): translated for a catalog entry, as is for a traced
 * entry; given a name, the catalog entry's ("" for a name not in the catalog).
 */
export function spiralCue(spiral: Named<"cue">): string {
  const entry = entryOf(spiral);
  if (!entry) return "";
  const id = catalogId(entry);
  return id ? t(`catalog.${id}.cue`) : entry.cue;
}
