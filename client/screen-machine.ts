// Which screen the page shows, decided from the store alone: home; a homework link's page;
// joining (a room whose state has not arrived); a room's phase (lobby, training, tuning, reveal,
// podium) as a match, the daily challenge, homework or a projector; solo practice's phases. Each screen lists the page's regions
// it shows: everything else is hidden, so no two screens can leave a region showing.
import type { Phase } from "../shared/protocol";
import type { PracticePhase } from "./practice/practice-state";
import type { AppState, SessionMode } from "./store";

export type Screen =
  | { name: "home" }
  | { name: "homework" }
  | { name: "joining" }
  | { name: "room"; phase: Phase; mode: SessionMode; projector: boolean }
  | { name: "practice"; phase: PracticePhase };

/** The page's regions (each one element, owned by one screen module). */
export const REGIONS = [
  "home",
  "homework",
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
  session?: { mode: SessionMode; room: { state?: { code: string; phase: Phase } } };
  practice?: Pick<NonNullable<AppState["practice"]>, "phase">;
  /** A homework link is open: its page shows when no room or practice does. */
  homeworkPage?: unknown;
  projector: boolean;
}

export function screenOf(app: Readonly<ScreenInputs>): Screen {
  const s = app.session;
  if (s) {
    const phase = s.room.state?.code ? s.room.state.phase : undefined;
    if (!phase) return { name: "joining" };
    // A solo room (daily, homework) is one player's own screen: never a projector.
    return { name: "room", phase, mode: s.mode, projector: app.projector && s.mode === "match" };
  }
  if (app.practice) return { name: "practice", phase: app.practice.phase };
  if (app.homeworkPage) return { name: "homework" };
  return { name: "home" };
}

/** The regions a screen shows. */
export function regionsOf(screen: Screen): ReadonlySet<Region> {
  switch (screen.name) {
    case "home":
      return new Set(["home"]);
    case "homework":
      return new Set(["homework"]);
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
