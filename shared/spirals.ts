// The game's catalog, loaded from assets/ and validated once.
import raw from "../assets/spirals.json";
import { parseCatalog, type Catalog, type SpiralKind } from "./catalog";

export const CATALOG = parseCatalog(raw);

/** The catalog narrowed to the kinds a host chose (all of them when none are given). */
export function catalogOfKinds(kinds: readonly SpiralKind[]): Catalog {
  if (kinds.length === 0) return CATALOG;
  return { ...CATALOG, spirals: CATALOG.spirals.filter((s) => kinds.includes(s.kind)) };
}
