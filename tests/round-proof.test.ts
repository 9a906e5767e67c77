// Commit and reveal: the commitment a room sends at round start verifies against the opening it
// publishes at the reveal, and any tampering with the opening (or with B) is caught.
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitmentOf, parseReplayToken, replayToken, type RoundOpening } from "../shared/round-key";
import { roundOf, verifyOpening } from "../shared/round-proof";
import { fromWire, revealMessage } from "../shared/round-messages";
import { loadRoundSecret, roundKey } from "../server/round-secret";

const opening: RoundOpening = {
  ...roundKey("a-secret-of-sixteen+", "3c0ffee0-1111-4222-8333-444455556666"),
  difficulty: "hard",
  kinds: ["shell", "galaxy"],
};

/** B as a client receives it: through the wire's rounding. */
function revealedB(o: RoundOpening) {
  const round = roundOf(o);
  const hidden = round.b.points.t.map(() => 0);
  const message = revealMessage(
    1,
    round,
    [{ level: 1, fit: hidden, offset: 0, error: 1 }],
    1,
    [{ level: 1, validationError: 1 }],
    o,
  );
  return fromWire(message).b;
}

describe("commit and reveal", () => {
  const commitment = commitmentOf(opening);

  it("verifies an honest opening against its commitment and the B that was shown", () => {
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyOpening(commitment, opening, revealedB(opening))).toEqual({ ok: true });
    // Kinds in any order name the same round.
    expect(commitmentOf({ ...opening, kinds: ["galaxy", "shell"] })).toBe(commitment);
  });

  it("rejects a tampered opening, a swapped B and a wrong commitment", () => {
    const b = revealedB(opening);
    const tampered: RoundOpening[] = [
      { ...opening, hidden: opening.hidden.replace(/^./, (c) => (c === "0" ? "1" : "0")) },
      { ...opening, id: `${opening.id}x` },
      { ...opening, difficulty: "easy" },
      { ...opening, kinds: ["shell"] },
    ];
    for (const t of tampered)
      expect(verifyOpening(commitment, t, b)).toMatchObject({ ok: false, reason: "commitment-mismatch" });
    // The right opening, but a B other than the one it generates.
    const other = { ...b, x: b.x.map((x, i) => (i === 7 ? x + 0.01 : x)) };
    expect(verifyOpening(commitment, opening, other)).toMatchObject({
      ok: false,
      reason: "b-mismatch",
    });
    expect(verifyOpening("0".repeat(64), opening, b).ok).toBe(false);
  });

  it("keys B by the server's secret: another secret, another B; the same one, the same B", () => {
    const again = roundKey("a-secret-of-sixteen+", opening.id);
    const other = roundKey("another-secret-16chars", opening.id);
    expect(again).toEqual({ id: opening.id, hidden: opening.hidden });
    expect(other.hidden).not.toBe(opening.hidden);
    expect(roundOf({ ...opening, ...other }).b.points.logr).not.toEqual(roundOf(opening).b.points.logr);
    // A comes from the public id alone.
    expect(roundOf({ ...opening, ...other }).a.points.logr).toEqual(roundOf(opening).a.points.logr);
  });

  it("round-trips a replay token and refuses a damaged one", () => {
    expect(parseReplayToken(replayToken(opening))).toEqual(opening);
    for (const bad of [
      "",
      "abc",
      replayToken(opening).replace("hard", "extreme"),
      replayToken(opening).replace("shell", "rock"),
      `${"g".repeat(64)}~normal~shell~x`,
    ]) {
      expect(parseReplayToken(bad), bad).toBeUndefined();
    }
  });
});

describe("the round secret", () => {
  it("is generated once beside the database, kept private, reused, and overridden by ROUND_SECRET", () => {
    const dir = mkdtempSync(join(tmpdir(), "round-secret-"));
    const database = join(dir, "nested", "results.sqlite");
    const first = loadRoundSecret(database, "");
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = join(dir, "nested", "round-secret");
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadRoundSecret(database, "")).toBe(first);
    expect(loadRoundSecret(database, "from-the-environment")).toBe("from-the-environment");
    expect(() => loadRoundSecret(database, "short")).toThrow(/at least 16/);
    expect(loadRoundSecret(":memory:", "")).not.toBe(loadRoundSecret(":memory:", ""));
  });
});
