// The room's settings in words ("Shells, Galaxies · hard difficulty · speed bonus on"), for the
// training screen and the projector.
import { SPIRAL_KINDS } from "../../shared/catalog";
import { formatList, t } from "../i18n/i18n";

const KIND_KEYS: Readonly<Record<string, string>> = {
  shell: "room.kindShell",
  galaxy: "room.kindGalaxy",
  cyclone: "room.kindCyclone",
  plant: "room.kindPlant",
  horn: "room.kindHorn",
  other: "room.kindOther",
};

/** A kind of spiral as a group ("Shells"), in the language shown; an unknown kind as it is. */
export const kindLabel = (kind: string): string => (Object.hasOwn(KIND_KEYS, kind) ? t(KIND_KEYS[kind]) : kind);

/** Kinds' names as a list ("Shells, Galaxies"), with the language's own separators. */
export const kindList = (kinds: readonly string[]): string => formatList(kinds.map(kindLabel));

/** The settings' fields of the room state that the lobby and the summaries read. */
export interface SettingsState {
  kinds?: Iterable<unknown>;
  difficulty: string;
  speedBonus: boolean;
  showPicksLive: boolean;
  visibility: string;
  locked: boolean;
  /** Joins take generated names only. */
  friendlyNames?: boolean;
}

/** The kinds the room draws from (an empty list from the server means all of them). */
export function roomKinds(state: Pick<SettingsState, "kinds">): string[] {
  const kinds = state.kinds ? [...state.kinds].filter((k): k is string => typeof k === "string") : [];
  return kinds.length ? kinds : [...SPIRAL_KINDS];
}

export function settingsSummary(state: SettingsState): string {
  const kinds = roomKinds(state);
  const kindText = kinds.length === SPIRAL_KINDS.length ? t("room.allKinds") : kindList(kinds);
  return [
    kindText,
    t("room.difficulty", { difficulty: state.difficulty || "normal" }),
    state.speedBonus ? t("room.speedBonusOn") : "",
    state.showPicksLive ? t("room.picksShownLive") : "",
  ]
    .filter(Boolean)
    .join(" · ");
}
