// The round sets' store (server/sets-store.ts) on both engines: a set saved, listed, read, shared
// (a token opens a copy; unsharing closes it), deleted; another key's set stays out of reach; the
// per-key limits on count and bytes hold. The same scenario runs on SQLite and a throwaway
// PostgreSQL, and what each answered (random ids and tokens replaced by labels) is compared.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SetsStore } from "../server/sets-store";
import { TeacherStore } from "../server/teacher-store";
import type { Engine } from "../server/store/database";
import { SET_LIMITS, checkSet, type RoundSet } from "../shared/round-set";
import { describeProblem } from "../client/i18n/problem-text";
import { ENGINES, openFreshStore } from "./store-engines";
import { tracedOf } from "./traced-spirals";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 12, minute));

function set(name: string, spirals = 1, points = 80): RoundSet {
  const checked = checkSet({
    version: 1,
    name,
    spirals: Array.from({ length: spirals }, (_, i) =>
      tracedOf(10 + i, 2 + (i % 5) * 1.2, "Garden snail", "shell", points),
    ),
    rounds: [{ a: { traced: 0 }, b: { catalog: "m51-whirlpool" } }],
  });
  if (!checked.ok) throw new Error(describeProblem(checked));
  return checked.set;
}

const answers: Partial<Record<Engine, unknown>> = {};

describe.each(ENGINES)("round sets on %s", (engine) => {
  it("saves, lists, reads, shares and deletes a key's sets, and nobody else's", { timeout: 120_000 }, async () => {
    const results = await openFreshStore(engine);
    try {
      const teachers = new TeacherStore(results.database);
      const sets = new SetsStore(results.database);
      const ada = sha256(await teachers.createKey());
      const bo = sha256(await teachers.createKey());
      const seen: unknown[] = [];

      const first = await sets.save(ada, set("Snails"), at(0));
      const second = await sets.save(ada, set("Storms"), at(1));
      if (!first.ok || !second.ok) throw new Error("not saved");
      const list = await sets.list(ada);
      expect(list.map((s) => s.name)).toEqual(["Storms", "Snails"]); // newest first
      expect(await sets.list(bo)).toEqual([]);
      const read = await sets.get(ada, first.summary.id);
      expect(read?.set).toEqual(set("Snails"));
      expect(await sets.get(bo, first.summary.id)).toBeUndefined(); // another key's id opens nothing
      expect(await sets.remove(bo, first.summary.id)).toBe(false);
      expect(await sets.share(bo, first.summary.id)).toBeUndefined();

      const token = await sets.share(ada, first.summary.id);
      expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(await sets.shared(token!)).toEqual(set("Snails"));
      const again = await sets.share(ada, first.summary.id); // a new link; the old one is closed
      expect(await sets.shared(token!)).toBeUndefined();
      expect((await sets.list(ada)).find((s) => s.id === first.summary.id)?.share).toBe(again);
      expect(await sets.unshare(ada, first.summary.id)).toBe(true);
      expect(await sets.shared(again!)).toBeUndefined();
      expect(await sets.remove(ada, second.summary.id)).toBe(true);
      expect((await sets.list(ada)).map((s) => s.name)).toEqual(["Snails"]);
      seen.push(
        (await sets.list(ada)).map(({ id: _id, ...rest }) => rest),
        first.summary.bytes,
      );

      // Count: SET_LIMITS.perKey sets, then a refusal that names the limit.
      for (let i = 1; i < SET_LIMITS.perKey; i++) expect((await sets.save(ada, set(`Set ${i}`), at(2))).ok).toBe(true);
      const full = await sets.save(ada, set("One too many"), at(3));
      expect(full).toMatchObject({ ok: false, reason: "too-many" });
      if (!full.ok) {
        expect(full).toMatchObject({ error: "sets-too-many", params: { max: 50 } });
        expect(describeProblem(full)).toMatch(/at most 50 sets/);
      }
      seen.push(full);

      // Bytes: big sets (12 traced spirals each) until the key's allowance is used.
      const big = set("Big", SET_LIMITS.maxSpirals, 300);
      const size = Buffer.byteLength(JSON.stringify(big));
      let saved = 0;
      for (;;) {
        const r = await sets.save(bo, big, at(4));
        if (!r.ok) {
          expect(r.reason).toBe("too-big");
          expect(r).toMatchObject({ error: "sets-bytes-too-many", params: { maxMb: 2 } });
          expect(describeProblem(r)).toMatch(/at most 2 MB of sets/);
          seen.push(r);
          break;
        }
        saved++;
      }
      expect(saved).toBe(Math.floor(SET_LIMITS.bytesPerKey / size));
      console.log(`${engine}: a 12-spiral set is ${size} bytes; a key keeps ${saved} of them`);
      seen.push(saved);
      answers[engine] = seen;
    } finally {
      await results.close();
    }
  });
});

describe("both engines", () => {
  it("answered the same", () => {
    expect(answers.sqlite).toBeDefined();
    expect(answers.postgres).toEqual(answers.sqlite);
  });
});
