// Which screen the page shows, decided from the store alone: home; joining (a room whose state
// has not arrived); a room's phase (lobby, training, tuning, reveal, podium) as a match, the
// daily challenge or a projector; solo practice's phases. Each screen lists the page's regions
// it shows: everything else is hidden, so no two screens can leave a region showing.
import type { Phase } from "../shared/protocol";
import type { PracticePhase } from "./practice/practice-state";
import type { AppState } from "./store";

export type Screen =
  | { name: "home" }
  | { name: "joining" }
  | { name: "room"; phase: Phase; mode: "match" | "daily"; projector: boolean }
  | { name: "practice"; phase: PracticePhase };

/** The page's regions (each one element, owned by one screen module). */
export const REGIONS = [
  "home",
  "room",
  "lobby",
  "training",
  "stage",
  "tuning",
  "reveal",
  "podium",
  "board",
  "projector",
] as const;
export type Region = (typeof REGIONS)[number];

const PHASE_REGIONS: Record<Phase, Region[]> = {
  lobby: ["lobby"],
  training: ["training"],
  tuning: ["stage", "tuning"],
  reveal: ["stage", "reveal", "board"],
  podium: ["podium", "board"],
};

/** What the choice reads from the store: the room's phase once its state has arrived, the practice's phase. */
export interface ScreenInputs {
  session?: { isDaily: boolean; room: { state?: { code: string; phase: Phase } } };
  practice?: Pick<NonNullable<AppState["practice"]>, "phase">;
  projector: boolean;
}

export function screenOf(app: Readonly<ScreenInputs>): Screen {
  const s = app.session;
  if (s) {
    const phase = s.room.state?.code ? s.room.state.phase : undefined;
    if (!phase) return { name: "joining" };
    return { name: "room", phase, mode: s.isDaily ? "daily" : "match", projector: app.projector && !s.isDaily };
  }
  if (app.practice) return { name: "practice", phase: app.practice.phase };
  return { name: "home" };
}

/** The regions a screen shows. */
export function regionsOf(screen: Screen): ReadonlySet<Region> {
  switch (screen.name) {
    case "home":
      return new Set(["home"]);
    case "joining":
      return new Set(["room"]);
    case "room":
      return new Set<Region>([
        "room",
        ...PHASE_REGIONS[screen.phase],
        ...(screen.projector ? ["projector" as const] : []),
      ]);
    case "practice":
      return new Set<Region>(["room", ...PHASE_REGIONS[screen.phase].filter((r) => r !== "board")]);
  }
}

/** A key that changes exactly when another screen shows (entering a screen resets its moment). */
export const screenKey = (screen: Screen): string =>
  screen.name === "room"
    ? `room:${screen.phase}`
    : screen.name === "practice"
      ? `practice:${screen.phase}`
      : screen.name;
