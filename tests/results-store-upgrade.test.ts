// A results file written before teacher reports existed opens as it is: its first versioned
// migration adds the new columns and tables in place, keeps every old row, and runs once.
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ResultsStore } from "../server/results-store";
import { SQLITE_MIGRATIONS } from "../server/store/migrations-sqlite";

/** The schema of files written before issue 14 (matches, rounds and results without the teacher's columns). */
const PREVIOUS_SCHEMA = `
  CREATE TABLE matches (id TEXT PRIMARY KEY, code TEXT NOT NULL, rounds INTEGER NOT NULL,
    tuning_seconds INTEGER NOT NULL, started_at TEXT NOT NULL, finished_at TEXT, winner TEXT);
  CREATE TABLE rounds (match_id TEXT NOT NULL REFERENCES matches(id), round INTEGER NOT NULL,
    opening TEXT NOT NULL, best_level INTEGER NOT NULL, finished_at TEXT NOT NULL, PRIMARY KEY (match_id, round));
  CREATE TABLE round_results (match_id TEXT NOT NULL, round INTEGER NOT NULL, session_id TEXT NOT NULL,
    seat INTEGER NOT NULL, name TEXT NOT NULL, level INTEGER NOT NULL, hidden_error REAL NOT NULL,
    points INTEGER NOT NULL, speed_bonus INTEGER NOT NULL DEFAULT 0, total INTEGER NOT NULL,
    PRIMARY KEY (match_id, round, session_id), FOREIGN KEY (match_id, round) REFERENCES rounds(match_id, round));
  CREATE INDEX matches_by_code ON matches(code);
  CREATE TABLE daily_scores (date TEXT NOT NULL, name TEXT NOT NULL, points INTEGER NOT NULL,
    level INTEGER NOT NULL, hidden_error REAL NOT NULL, played_at TEXT NOT NULL);
  CREATE INDEX daily_by_date ON daily_scores(date, name);
  INSERT INTO matches VALUES ('11111111-1111-4111-8111-111111111111', 'ABCDE', 1, 30, '2026-01-05T10:00:00.000Z', '2026-01-05T10:05:00.000Z', 'Ada');
  INSERT INTO rounds VALUES ('11111111-1111-4111-8111-111111111111', 1, 'token', 5, '2026-01-05T10:04:00.000Z');
  INSERT INTO round_results VALUES ('11111111-1111-4111-8111-111111111111', 1, 's1', 0, 'Ada', 5, 0.04, 1000, 0, 1000);
`;

const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);

describe("an old results file", () => {
  it("opens, gains the new columns and tables, keeps its rows, and opens again", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "old-results-")), "results.sqlite");
    const old = new Database(path);
    old.exec(PREVIOUS_SCHEMA);
    old.close();

    for (let open = 0; open < 2; open++) {
      const store = await ResultsStore.open({ path });
      const db = store.database.sqlite!;
      expect(columnsOf(db, "matches")).toEqual(
        expect.arrayContaining(["teacher_id", "assignment_id", "student", "device", "counts"]),
      );
      expect(columnsOf(db, "rounds")).toContain("levels");
      expect(columnsOf(db, "teacher_keys")).toEqual(["id", "created_at", "revoked_at"]);
      expect(columnsOf(db, "assignments")).toContain("round_ids");

      const id = "11111111-1111-4111-8111-111111111111";
      expect(await store.match(id)).toMatchObject({ code: "ABCDE", winner: "Ada" });
      expect(db.prepare("SELECT teacher_id, counts FROM matches WHERE id = ?").get(id)).toEqual({
        teacher_id: null,
        counts: 1,
      });
      const [round] = await store.rounds(id);
      expect(round).toMatchObject({ round: 1, bestLevel: 5, levels: [] });
      expect(round.results.map((r) => [r.name, r.points])).toEqual([["Ada", 1000]]);
      expect((await store.mostWins(10, 0)).rows).toEqual([{ name: "Ada", wins: 1, rank: 1 }]);
      // Every version ran, once (the second open runs none).
      expect(db.prepare("SELECT name FROM kysely_migration ORDER BY name").all()).toEqual(
        SQLITE_MIGRATIONS.map(([name]) => ({ name })),
      );
      await store.close();
    }
  });
});
