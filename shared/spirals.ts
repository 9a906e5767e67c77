// The game's catalog, loaded from assets/ and validated once.
import raw from "../assets/spirals.json";
import { parseCatalog } from "./catalog";

export const CATALOG = parseCatalog(raw);
