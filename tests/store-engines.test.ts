// The results and checkpoint stores behave the same on SQLite and PostgreSQL: a match's rounds and
// results come back as written, a round is all or nothing, the daily standing counts names once,
// homework attempts stay out of the public match routes, and checkpoints overwrite, list oldest
// first and drop what they cannot read.
import { describe, expect, it } from "vitest";
import { CheckpointStore } from "../server/checkpoint-store";
import { lobbyCheckpoint } from "./checkpoint-fixture";
import { ENGINES, openFreshStore } from "./store-engines";

const MATCH = {
  id: "11111111-1111-4111-8111-111111111111",
  code: "ABCDE",
  rounds: 2,
  tuningSeconds: 30,
  startedAt: "2026-12-01T10:00:00.000Z",
};
const result = (seat: number, name: string, points: number, total: number) => ({
  sessionId: `s${seat}`,
  seat,
  name,
  level: 3 + seat,
  hiddenError: 0.1 / (seat + 1) + 1e-12, // more digits than a 4-byte float keeps
  points,
  speedBonus: seat,
  total,
});
const levels = [{ level: 1, trainError: 0.1, validationError: 0.2, hiddenError: 0.3 }];

describe.each(ENGINES)("the store on %s", (engine) => {
  it("keeps a match's rounds whole, and its finish and winner", async () => {
    const store = await openFreshStore(engine);
    const round1 = { round: 1, opening: "token-1", bestLevel: 4, levels, results: [result(0, "Ada", 700, 700)] };
    await store.saveRound(MATCH, round1);
    // A round that fails half-way (a result for a seat twice) leaves nothing of itself behind.
    const broken = {
      round: 2,
      opening: "token-2",
      bestLevel: 5,
      results: [result(1, "Bo", 1, 1), result(1, "Bo", 2, 2)],
    };
    await expect(store.saveRound(MATCH, broken)).rejects.toThrow();
    await store.saveRound(MATCH, {
      round: 2,
      opening: "token-2",
      bestLevel: 5,
      results: [result(0, "Ada", 500, 1200), result(1, "Bo", 900, 900)],
    });
    await store.finishMatch(MATCH.id, "Ada");
    await store.saveMatch(MATCH); // once: a second write changes nothing

    expect(await store.match(MATCH.id)).toEqual({ ...MATCH, finishedAt: expect.any(String), winner: "Ada" });
    expect(await store.matchesByCode("ABCDE")).toHaveLength(1);
    const rounds = await store.rounds(MATCH.id);
    expect(rounds.map((r) => [r.round, r.opening, r.bestLevel])).toEqual([
      [1, "token-1", 4],
      [2, "token-2", 5],
    ]);
    expect(rounds[0].levels).toEqual(levels);
    expect(rounds[1].levels).toEqual([]);
    expect(rounds[1].results).toEqual([result(0, "Ada", 500, 1200), result(1, "Bo", 900, 900)]);
    expect((await store.mostWins(10, 0)).rows).toEqual([{ name: "Ada", wins: 1, rank: 1 }]);
    await store.close();
  });

  it("keeps homework attempts out of the public match routes", async () => {
    const store = await openFreshStore(engine);
    await store.saveMatch({
      ...MATCH,
      code: "HOMEWORK",
      assignmentId: "a1",
      student: "Cy",
      device: "d".repeat(64),
      counts: false,
    });
    expect(await store.match(MATCH.id)).toBeUndefined();
    expect(await store.matchesByCode("HOMEWORK")).toEqual([]);
    await store.close();
  });

  it("answers where a name stands today, each name counted once at its best", async () => {
    const store = await openFreshStore(engine);
    const play = (name: string, points: number) =>
      store.saveDaily({ date: "2026-12-01", name, points, level: 3, hiddenError: 0.05 });
    expect(await play("Ada", 500)).toEqual({ best: 500, rank: 1, players: 1 });
    expect(await play("Bo", 800)).toEqual({ best: 800, rank: 1, players: 2 });
    expect(await play("Ada", 300)).toEqual({ best: 500, rank: 2, players: 2 });
    expect(await play("Ada", 900)).toEqual({ best: 900, rank: 1, players: 2 });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a board reads as of a millisecond ago
    const board = await store.dailyBoard("2026-12-01", 10, 0);
    expect(board).toEqual({
      total: 2,
      rows: [
        { rank: 1, name: "Ada", points: 900, level: 3 },
        { rank: 2, name: "Bo", points: 800, level: 3 },
      ],
    });
    await store.close();
  });

  it("overwrites checkpoints, lists them oldest first and drops one it cannot read", async () => {
    const store = await openFreshStore(engine);
    const checkpoints = new CheckpointStore(store.database);
    expect(await checkpoints.save(lobbyCheckpoint("ROOMA", 1, 2000))).toBeGreaterThan(100);
    await checkpoints.save(lobbyCheckpoint("ROOMB", 1, 1000));
    await checkpoints.save(lobbyCheckpoint("ROOMA", 2, 3000));
    await store.database.db
      .insertInto("room_checkpoints")
      .values({ code: "BROKEN", owner: "x", saved_at: 500, body: '{"version":1}' })
      .execute();
    expect((await checkpoints.list()).map((cp) => [cp.code, cp.round])).toEqual([
      ["ROOMB", 1],
      ["ROOMA", 2],
    ]);
    const left = await store.database.db.selectFrom("room_checkpoints").select("code").orderBy("code").execute();
    expect(left.map((r) => r.code)).toEqual(["ROOMA", "ROOMB"]); // the unreadable one is gone
    await checkpoints.remove("ROOMA");
    expect((await checkpoints.list()).map((cp) => cp.code)).toEqual(["ROOMB"]);
    await store.close();
  });
});
