// The room's settings in words ("Shells, Galaxies · hard difficulty · speed bonus on"), for the
// training screen and the projector.
import { SPIRAL_KINDS } from "../../shared/catalog";

export const KIND_LABELS: Record<string, string> = {
  shell: "Shells",
  galaxy: "Galaxies",
  cyclone: "Cyclones",
  plant: "Plants",
  horn: "Horns",
  other: "Other",
};

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
  const kindText =
    kinds.length === SPIRAL_KINDS.length ? "all kinds of spirals" : kinds.map((k) => KIND_LABELS[k] ?? k).join(", ");
  return [
    kindText,
    `${state.difficulty || "normal"} difficulty`,
    state.speedBonus ? "speed bonus on" : "",
    state.showPicksLive ? "picks shown live" : "",
  ]
    .filter(Boolean)
    .join(" · ");
}
