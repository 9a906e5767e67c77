// The match rules in shared/: room codes, names, message validation and who may do what.
import { describe, expect, it } from "vitest";
import { Random } from "../shared/random";
import { CODE_ALPHABET, newRoomCode, normalizeRoomCode } from "../shared/room-code";
import { joinOptionsSchema, parseClientMessage } from "../shared/protocol";
import { nextHost, phaseAfterReveal, rankStandings, refusal, scoreRound, uniqueName } from "../shared/match";
import { roundPoints } from "../shared/scoring";
import { DAILY_TUNING_SECONDS } from "../shared/daily";
import {
  MODE_RULES,
  PHASE_FLOW,
  REVEAL_SECONDS,
  modeAllows,
  nextPhase,
  phaseSeconds,
  resetPlayer,
} from "../shared/match-flow";
import { secondsLeft, serverOffset } from "../shared/clock";
import { PHASES } from "../shared/protocol";

describe("room codes", () => {
  it("are 5 characters without look-alikes, and read back in any case or from a link", () => {
    const random = new Random("codes");
    const codes = Array.from({ length: 200 }, () => newRoomCode(random));
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{5}$/);
    expect(new Set(codes).size).toBeGreaterThan(195);
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
    expect(normalizeRoomCode(" ab3 kx ")).toBe("AB3KX");
    expect(normalizeRoomCode("https://game.example/?room=ab3kx")).toBe("AB3KX");
    expect(normalizeRoomCode("AB0KX")).toBeNull();
    expect(normalizeRoomCode("ABCD")).toBeNull();
  });
});

describe("names and messages", () => {
  it("trims names and refuses empty, long or control-character names", () => {
    expect(joinOptionsSchema.parse({ name: "  Ada \t Lovelace " }).name).toBe("Ada Lovelace");
    expect(joinOptionsSchema.safeParse({ name: "   " }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ name: "x".repeat(21) }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ name: "🐚".repeat(20) }).success).toBe(true);
    expect(joinOptionsSchema.safeParse({ name: "A\u0000B" }).success).toBe(false);
    expect(joinOptionsSchema.safeParse({ name: "Ada", admin: true }).success).toBe(false);
    expect(uniqueName("Ada", ["ada", "Ada 2"])).toBe("Ada 3");
  });

  it("validates every client message and says what is wrong", () => {
    expect(parseClientMessage("pick", { level: 12 })).toMatchObject({ ok: true, type: "pick" });
    for (const bad of [
      { level: 0 },
      { level: 13 },
      { level: 2.5 },
      { level: Number.NaN },
      { level: Number.POSITIVE_INFINITY },
      { level: 1e308 },
      { level: "3" },
      { level: [3] },
      { level: null },
      {},
      { level: 3, extra: 1 },
    ]) {
      expect(parseClientMessage("pick", bad)).toMatchObject({ ok: false, error: { code: "invalid-message" } });
    }
    expect(parseClientMessage("settings", { tuningSeconds: 9 })).toMatchObject({ ok: false });
    expect(parseClientMessage("toString", {})).toMatchObject({
      ok: false,
      error: { code: "invalid-message", params: { reason: "unknown-type", name: '"toString"' } },
    });
    expect(parseClientMessage(42, {})).toMatchObject({ ok: false });
  });

  it("lets only the host run the match and only players in the round pick", () => {
    const host = { isHost: true, inRound: true, locked: false };
    const player = { isHost: false, inRound: true, locked: false };
    const waiting = { isHost: false, inRound: false, locked: false };
    expect(refusal("start", host, "lobby")).toBeNull();
    expect(refusal("start", player, "lobby")?.code).toBe("not-allowed");
    expect(refusal("start", host, "tuning")?.code).toBe("wrong-phase");
    expect(refusal("pick", player, "tuning")).toBeNull();
    expect(refusal("pick", waiting, "tuning")?.code).toBe("not-allowed");
    expect(refusal("pick", { ...player, locked: true }, "tuning")?.code).toBe("not-allowed");
    expect(refusal("pick", player, "reveal")?.code).toBe("wrong-phase");
  });
});

describe("rounds, ranks and hosts", () => {
  it("scores picks with the shared scoring", () => {
    const hidden = [
      { level: 1, error: 0.2 },
      { level: 2, error: 0.1 },
      { level: 3, error: 0.4 },
    ];
    const { bestLevel, results } = scoreRound(hidden, [
      { sessionId: "a", name: "A", level: 2 },
      { sessionId: "b", name: "B", level: 3 },
    ]);
    expect(bestLevel).toBe(2);
    expect(results.map((r) => r.points)).toEqual([1000, roundPoints(0.4, 0.1)]);
    expect(results[1].points).toBe(63);
  });

  it("ranks by points, ties by seat; passes the host to the earliest seat; ends after the last round", () => {
    const ranks = rankStandings([
      { sessionId: "a", name: "A", points: 500, seat: 2 },
      { sessionId: "b", name: "B", points: 900, seat: 1 },
      { sessionId: "c", name: "C", points: 500, seat: 0 },
    ]);
    expect([...ranks]).toEqual([
      ["b", 1],
      ["c", 2],
      ["a", 3],
    ]);
    expect(
      nextHost(
        [
          { sessionId: "h", seat: 0 },
          { sessionId: "x", seat: 5 },
          { sessionId: "y", seat: 3 },
        ],
        "h",
      ),
    ).toBe("y");
    expect(nextHost([{ sessionId: "h", seat: 0 }], "h")).toBeUndefined();
    expect(phaseAfterReveal(1, 2)).toBe("training");
    expect(phaseAfterReveal(2, 2)).toBe("podium");
  });
});

describe("the match flow as data", () => {
  const flow = { round: 1, rounds: 3, tuningSeconds: 45 };

  it("goes lobby → training → tuning → reveal → training … → podium → lobby", () => {
    expect(PHASES.map((p) => nextPhase(p, flow))).toEqual(["training", "tuning", "reveal", "training", "lobby"]);
    expect(nextPhase("reveal", { ...flow, round: 3 })).toBe("podium");
    expect(PHASES.map((p) => phaseSeconds(p, flow))).toEqual([undefined, undefined, 45, REVEAL_SECONDS, undefined]);
    expect(PHASE_FLOW.lobby.reset).toBe("match");
    expect(PHASE_FLOW.training).toMatchObject({ reset: "round", round: "next" });
  });

  it("resets a player for a round (picks, locks) and for a match (points too)", () => {
    const scores = { points: 900, roundPoints: 600, speedBonus: 20, previousRank: 2 };
    const player = { playing: false, locked: true, pick: 7, revealedPick: 7, ...scores };
    resetPlayer(player, "round");
    expect(player).toEqual({ playing: true, locked: false, pick: 1, revealedPick: 0, ...scores });
    resetPlayer(player, "match");
    expect(player).toMatchObject({ points: 0, roundPoints: 0, speedBonus: 0, previousRank: 0 });
  });

  it("makes the daily a solo round of its own length that starts at once, without host controls", () => {
    const daily = { rounds: 1, tuningSeconds: DAILY_TUNING_SECONDS, solo: true, startsOnJoin: true };
    expect(MODE_RULES.daily).toMatchObject(daily);
    expect(nextPhase("reveal", { round: 1, rounds: MODE_RULES.daily.rounds, tuningSeconds: 60 })).toBe("podium");
    const types = ["pick", "lockIn", "next", "start", "skip", "settings"] as const;
    expect(types.map((t) => modeAllows("daily", t))).toEqual([true, true, true, false, false, false]);
    expect(modeAllows("match", "start")).toBe(true);
  });

  it("counts down from the deadline in whole seconds, rounded up, and holds while paused", () => {
    const running = { deadline: 100_000, paused: false, pausedLeft: 0 };
    const at = [90_000, 99_001, 99_999, 100_000, 130_000];
    expect(at.map((now) => secondsLeft(running, now))).toEqual([10, 1, 1, 0, 0]);
    expect(secondsLeft({ deadline: 0, paused: true, pausedLeft: 12_300 }, 1e12)).toBe(13);
    expect(secondsLeft({ deadline: 0, paused: false, pausedLeft: 0 }, 5)).toBe(0);
    expect(serverOffset(10_500, 10_000)).toBe(500);
  });
});
