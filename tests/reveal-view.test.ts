// The reveal's result rows, rebuilt on a client from the state's revealed picks and round points,
// are the rows the room scored: the same points, speed bonus and arithmetic, in the same order.
import { describe, expect, it } from "vitest";
import { scoreRound } from "../shared/match";
import { revealFromState, type RevealedState } from "../shared/reveal-view";
import type { RevealMessage } from "../shared/protocol";
import { shakeUp } from "../shared/shake-up";

const hidden = [0.31, 0.12, 0.05, 0.061, 0.09].map((error, i) => ({
  level: i + 1,
  error,
  validationError: [0.3, 0.1, 0.06, 0.04, 0.035][i],
}));
const message: RevealMessage = {
  round: 2,
  b: { name: "B", kind: "galaxy", x: [], y: [] },
  overB: [],
  hidden,
  bestLevel: 3,
};
const picks = [
  { sessionId: "s1", name: "Ada", level: 3, timeLeftShare: 0.8 },
  { sessionId: "s2", name: "Bo", level: 5, timeLeftShare: 0 },
  { sessionId: "s3", name: "Cy", level: 1, timeLeftShare: 0.25 },
];

/** The state as the room leaves it at the reveal, plus a late joiner with no revealed pick. */
function stateAfter(results: ReturnType<typeof scoreRound>["results"], speedBonus: boolean): RevealedState {
  const players = new Map(
    results.map((r) => [r.sessionId, { name: r.name, revealedPick: r.level, speedBonus: r.speedBonus }]),
  );
  players.set("s4", { name: "Late", revealedPick: 0, speedBonus: 0 });
  return { phase: "reveal", round: 2, speedBonus, players };
}

describe("the reveal rebuilt from the state", () => {
  for (const speedBonus of [false, true]) {
    it(`gives the room's own result rows ${speedBonus ? "with" : "without"} the speed bonus`, () => {
      const scored = scoreRound(
        hidden,
        picks.map(({ timeLeftShare, ...p }) => (speedBonus ? { ...p, timeLeftShare } : p)),
      );
      expect(scored.bestLevel).toBe(message.bestLevel);
      const view = revealFromState(message, stateAfter(scored.results, speedBonus))!;
      expect(view.results).toEqual(scored.results);
      if (speedBonus) expect(view.results[0].speedBonus).toBeGreaterThan(0);
      expect(view.shakeUp).toEqual(
        shakeUp(
          scored.results.map((r) => ({
            sessionId: r.sessionId,
            name: r.name,
            onA: hidden[r.level - 1].validationError,
            onB: r.hiddenError,
          })),
        ),
      );
      // Ada was best on B; Bo, with the most detail, was best on A.
      expect(view.shakeUp.rows.map((r) => [r.name, r.rankA, r.rankB])).toEqual([
        ["Ada", 2, 1],
        ["Bo", 1, 2],
        ["Cy", 3, 3],
      ]);
    });
  }

  it("waits until the state has reached this reveal", () => {
    const state = stateAfter(scoreRound(hidden, picks).results, false);
    expect(revealFromState(message, { ...state, phase: "tuning" })).toBeUndefined();
    expect(revealFromState(message, { ...state, round: 3 })).toBeUndefined();
  });
});
