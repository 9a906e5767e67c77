// GET /api/leaderboard's snapshot: every answer says which `asOf` it was read at, and passing it
// back pages through that board with no row twice or missing while results keep arriving.
import express from "express";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiRouter } from "../../server/api";
import { ResultsStore } from "../../server/results-store";
import { tempDatabasePath } from "../../tools/server-process";
import { describeProblem } from "../../client/i18n/problem-text";
import type { Problem } from "../../shared/problems";

const DATE = "2026-12-01";
let store: ResultsStore;
let base: string;
let close: () => void;

beforeAll(async () => {
  store = await ResultsStore.open({ path: tempDatabasePath() });
  const app = express().use(
    "/api",
    apiRouter(store, () => new Date(`${DATE}T12:00:00Z`), "test-secret"),
  );
  const server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/leaderboard`;
  close = () => server.close();
});
afterAll(async () => {
  close();
  await store.close();
});

type Answer = { asOf: string; total: number; rows: { name: string; rank: number }[]; error?: string };
const get = async (query: string) => {
  const response = await fetch(`${base}?${query}`);
  return { status: response.status, body: (await response.json()) as Answer };
};
const play = (name: string, points: number) => store.saveDaily({ date: DATE, name, points, level: 3, hiddenError: 0 });

describe("GET /api/leaderboard?asOf=", () => {
  it("pages through one snapshot while results arrive, where offsets alone would repeat rows", async () => {
    for (let i = 0; i < 12; i++) await play(`P${i}`, 100 * (i % 5));
    const first = await get("board=daily&limit=4");
    expect(first.status).toBe(200);
    const { asOf } = first.body;
    expect(new Date(asOf).toISOString()).toBe(asOf);
    const seen = [...first.body.rows];
    for (let offset = 4; offset < first.body.total; offset += 4) {
      await play(`Top ${offset}`, 10_000 + offset); // lands above the page already read
      await play("P0", 5000 + offset); // the last name climbs to the top
      const page = await get(`board=daily&limit=4&offset=${offset}&asOf=${asOf}`);
      expect(page.body).toMatchObject({ asOf, total: 12 });
      seen.push(...page.body.rows);
    }
    expect(seen.map((r) => r.name)).toEqual(
      (await get(`board=daily&limit=100&asOf=${asOf}`)).body.rows.map((r) => r.name),
    );
    expect(new Set(seen.map((r) => r.name)).size).toBe(12);
    expect(seen.map((r) => r.rank)).toEqual([1, 1, 3, 3, 5, 5, 7, 7, 7, 10, 10, 10]); // ties share a rank

    // The same pages by offset only have moved: the second page repeats rows of the first.
    const now1 = await get("board=daily&limit=4");
    await play("Another", 20_000);
    const now2 = await get("board=daily&limit=4&offset=4");
    expect(now2.body.rows[0].name).toBe(now1.body.rows[3].name);

    const alltime = await get(`board=alltime&limit=5&asOf=${asOf}`);
    expect(alltime.body).toMatchObject({ asOf, total: 12, winsTotal: 0 });
  });

  it("refuses a time that is not one", async () => {
    for (const bad of ["asOf=yesterday", "asOf=2026-13-01T00:00:00Z", "asOf=1700000000", "asOf=a&asOf=b"]) {
      const response = await get(`board=daily&${bad}`);
      expect(response.status, bad).toBe(400);
      expect(response.body.error, bad).toBe("invalid-query");
      expect(describeProblem(response.body as Problem), bad).toMatch(/^asOf: /);
    }
  });
});
