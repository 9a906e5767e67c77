// The game page's screen machine: which screen the store asks for, and which of the page's
// regions each screen shows (one owner per region, nothing left showing from another screen).
import { describe, expect, it } from "vitest";
import { regionsOf, screenKey, screenOf } from "../client/screen-machine";
import { Store, type SessionMode } from "../client/store";
import type { PracticePhase } from "../client/practice/practice-state";
import { PHASES, type Phase } from "../shared/protocol";

const base = { projector: false };
const session = (state: { code: string; phase: Phase } | undefined, mode: SessionMode = "match") => ({
  room: { state },
  mode,
});
const practice = (phase: PracticePhase) => ({ phase });

describe("screen machine", () => {
  it("home without a room or a practice; joining until the room's state has arrived", () => {
    expect(screenOf(base)).toEqual({ name: "home" });
    expect(screenOf({ ...base, session: session(undefined) })).toEqual({ name: "joining" });
    expect(screenOf({ ...base, session: session({ code: "", phase: "lobby" }) })).toEqual({ name: "joining" });
    expect([...regionsOf({ name: "home" })]).toEqual(["home"]);
    expect([...regionsOf({ name: "joining" })]).toEqual(["room"]);
  });

  it("a room's phase picks its regions; the projector shows over a match but never over the daily", () => {
    for (const phase of PHASES) {
      const screen = screenOf({ ...base, projector: true, session: session({ code: "K7M2Q", phase }) });
      expect(screen).toEqual({ name: "room", phase, mode: "match", projector: true });
      const regions = regionsOf(screen);
      expect(regions.has("room") && regions.has("projector")).toBe(true);
      expect(regions.has("home")).toBe(false);
    }
    const daily = screenOf({ ...base, projector: true, session: session({ code: "K7M2Q", phase: "reveal" }, "daily") });
    expect(daily).toEqual({ name: "room", phase: "reveal", mode: "daily", projector: false });
    expect([...regionsOf(daily)].sort()).toEqual(["board", "reveal", "room", "stage"]);
    expect([...regionsOf({ name: "room", phase: "tuning", mode: "match", projector: false })].sort()).toEqual([
      "room",
      "stage",
      "tuning",
    ]);
  });

  it("homework: its page until a room is entered, then a solo room that is never a projector", () => {
    const page = { id: "x" };
    expect(screenOf({ ...base, homeworkPage: page })).toEqual({ name: "homework" });
    expect([...regionsOf({ name: "homework" })]).toEqual(["homework"]);
    expect(screenOf({ ...base, homeworkPage: page, session: session(undefined, "homework") })).toEqual({
      name: "joining",
    });
    const tuning = screenOf({
      ...base,
      projector: true,
      homeworkPage: page,
      session: session({ code: "K7M2Q", phase: "tuning" }, "homework"),
    });
    expect(tuning).toEqual({ name: "room", phase: "tuning", mode: "homework", projector: false });
    expect(regionsOf(tuning).has("homework")).toBe(false);
    // Leaving the attempt (or finishing it) goes back to the homework's page, not home.
    expect(screenOf({ ...base, homeworkPage: page }).name).toBe("homework");
    expect(screenOf({ ...base, homeworkPage: page, practice: practice("tuning") }).name).toBe("practice");
    expect(screenKey({ name: "homework" })).not.toBe(screenKey({ name: "home" }));
  });

  it("practice shows the match's screens without a leaderboard; a room wins over a practice", () => {
    const reveal = screenOf({ ...base, practice: practice("reveal") });
    expect(reveal).toEqual({ name: "practice", phase: "reveal" });
    expect([...regionsOf(reveal)].sort()).toEqual(["reveal", "room", "stage"]);
    expect(
      screenOf({ ...base, practice: practice("tuning"), session: session({ code: "K7M2Q", phase: "lobby" }) }).name,
    ).toBe("room");
  });

  it("entering a screen is a change of key (a new phase), not a redraw of the same one", () => {
    const lobby = screenOf({ ...base, session: session({ code: "K7M2Q", phase: "lobby" }) });
    const again = screenOf({ ...base, projector: true, session: session({ code: "K7M2Q", phase: "lobby" }) });
    expect(screenKey(lobby)).toBe(screenKey(again));
    expect(screenKey(lobby)).not.toBe(screenKey({ name: "practice", phase: "tuning" }));
  });
});

describe("store", () => {
  it("tells subscribers about every set and in-place change, until they unsubscribe", () => {
    const store = new Store({ n: 0, label: "a" });
    const seen: string[] = [];
    const stop = store.subscribe((s) => seen.push(`${s.n}${s.label}`));
    store.set({ n: 1 });
    store.changed();
    stop();
    store.set({ label: "b" });
    expect(seen).toEqual(["1a", "1a"]);
    expect(store.get()).toEqual({ n: 1, label: "b" });
  });
});
