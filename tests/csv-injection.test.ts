// CSV injection (OWASP): no text a player typed reaches a spreadsheet as a formula. The helper
// every CSV goes through (server/csv.ts), then the match CSV of a real match, over HTTP, from a
// real SQLite file, with players named like formulas.
import { describe, expect, it } from "vitest";
import type { ColyseusTestServer } from "@colyseus/testing";
import { parse } from "csv-parse/sync";
import { neutralizeCell, toCsv } from "../server/csv";
import { createMatch, inPhase, joinMatch } from "./rooms/players";
import { useGameServer } from "./rooms/test-server";
import { tempDatabasePath } from "../tools/server-process";

const FORMULA_START = /^[=+\-@\t\r]/;
const DANGEROUS = ["=SUM(2,3)", "+1", "-1+2", "@A1", "\tX", "\rX", '=HYPERLINK("http://x","y")', "-", "=", "@"];
const HARMLESS = ["Nia", "李雷", "Ann, =1+1", 'say "=1"', "1+1", "'quoted", "a=b", ""];

/** A CSV read back cell by cell, as a spreadsheet gets it: the text of each cell, untyped. */
const cells = (csv: string) => parse(csv, { relax_column_count: false }) as string[][];

describe("the CSV helper", () => {
  it("prefixes a single quote to text cells that start with = + - @ tab or CR, and to nothing else", () => {
    for (const name of DANGEROUS) expect(neutralizeCell(name), JSON.stringify(name)).toBe(`'${name}`);
    for (const name of HARMLESS) expect(neutralizeCell(name), JSON.stringify(name)).toBe(name);
  });

  it("writes no name as a formula, keeps the text recoverable and numbers numeric", () => {
    const names = [...DANGEROUS, ...HARMLESS];
    const rows = names.map((name, i) => [name, -i - 1, -0.25 * (i + 1), "2026-11-26T12:00:00.000Z"]);
    const csv = toCsv(rows, ["name", "points", "hidden_error", "finished_at"]);
    const [header, ...read] = cells(csv);
    expect(header).toEqual(["name", "points", "hidden_error", "finished_at"]);
    expect(read).toHaveLength(names.length); // a comma, quote, tab or CR in a name never starts a new cell or row
    for (const [i, [cell, points, hiddenError, finishedAt]] of read.entries()) {
      const name = names[i];
      expect(cell, JSON.stringify(name)).not.toMatch(FORMULA_START);
      expect(cell, JSON.stringify(name)).toBe(FORMULA_START.test(name) ? `'${name}` : name);
      // Negative numbers are numbers, not text that starts with "-": left as they are.
      expect(points).toBe(String(-i - 1));
      expect(Number(hiddenError)).toBe(-0.25 * (i + 1));
      expect(finishedAt).toBe("2026-11-26T12:00:00.000Z");
    }
    // Read with types, as a spreadsheet would: the numbers come back as numbers.
    const typed = parse(csv, { columns: true, cast: true }) as { name: string; points: number; hidden_error: number }[];
    expect(typed.map((r) => r.points)).toEqual(names.map((_, i) => -i - 1));
    expect(typed.map((r) => r.hidden_error)).toEqual(names.map((_, i) => -0.25 * (i + 1)));
    expect(typed.find((r) => r.name === "'-1+2")).toBeDefined();
  });
});

describe("the match CSV over HTTP", () => {
  let colyseus: ColyseusTestServer;
  const databasePath = tempDatabasePath();
  useGameServer((booted) => (colyseus = booted), { databasePath });

  it("neutralizes players named like formulas, and leaves other names and the numbers alone", async () => {
    // Names a join accepts (1–20 characters; tab and CR are trimmed off or refused by the name schema).
    const names = ["=SUM(2,3)", "+1", "-1+2", "@A1", '=HYPERLINK("x","y")', "Nia"];
    const host = await createMatch(colyseus, { name: names[0] });
    const others = [];
    for (const name of names.slice(1)) others.push(await joinMatch(colyseus, host.room.state.code, { name }));
    const players = [host, ...others];
    await host.until((s) => s.players.size === names.length, "everyone in the room");
    expect([...host.room.state.players.values()].map((p) => p.name).sort()).toEqual([...names].sort());

    host.room.send("settings", { rounds: 1, tuningSeconds: 10 });
    host.room.send("start", {});
    await Promise.all(players.map((p) => p.until(inPhase("tuning"), "tuning")));
    players.forEach((p, i) => p.room.send("pick", { level: 1 + i }));
    players.forEach((p) => p.room.send("lockIn", {}));
    await host.until(inPhase("podium"), "the podium");

    const id = host.room.state.matchId;
    const response = await colyseus.http.get(`/api/matches/${id}.csv`);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    const csv = response.data as string;
    const [header, ...rows] = cells(csv);
    const column = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(names.length);
    const written = rows.map((r) => r[column("name")]);
    for (const cell of written) expect(cell).not.toMatch(FORMULA_START);
    expect(written.sort()).toEqual(names.map((n) => (n === "Nia" ? n : `'${n}`)).sort());
    for (const row of rows) {
      for (const numeric of ["round", "best_level", "seat", "level", "points", "speed_bonus", "total"])
        expect(row[column(numeric)], numeric).toMatch(/^\d+$/);
      expect(Number.isFinite(Number(row[column("hidden_error")]))).toBe(true);
      expect(row[column("match_id")]).toBe(id);
    }

    // Only the CSV is neutralized: the stored match and its JSON keep the names as typed.
    const { data } = await colyseus.http.get(`/api/matches/${id}`);
    const stored = (data as { rounds: { results: { name: string }[] }[] }).rounds[0].results.map((r) => r.name);
    expect(stored.sort()).toEqual([...names].sort());
  });
});
