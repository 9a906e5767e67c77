// The HTTP API. Every parameter is validated; a bad one gets 400 with its reason as codes
// (`{ error: "<code>", params? }`, shared/problems.ts), which the page words in its language.
import express from "express";
import { z } from "zod";
import { toCsv } from "./csv";
import { dailyIsOver, dailyOpeningAfter, dailyRoundId, utcDate } from "../shared/daily";
import { SPIRAL_KINDS } from "../shared/catalog";
import { commitmentOf, replayPath, type RoundOpening } from "../shared/round-key";
import { roundKey } from "./round-secret";
import type { ResultsStore, StoredRound } from "./results-store";
import { log } from "./log";
import { issueProblem } from "../shared/problems";

const MATCH_FILE = /^([0-9a-f-]{36})(\.csv)?$/i;
const matchId = z.uuid();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date-format")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "date-no-such-day",
  );
const count = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, "whole-number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(fallback);

export const leaderboardQuery = z.strictObject({
  board: z.enum(["daily", "alltime"]),
  date: isoDate.optional(),
  limit: count(1, 100, 20),
  offset: count(0, 1_000_000, 0),
  /** A snapshot: the board as it stood then, so the next page neither repeats nor skips a row. */
  asOf: z.iso
    .datetime({ message: "time-format" })
    .transform((t) => new Date(t).toISOString())
    .optional(),
});

/** `{ error: "invalid-query", params: { field, reason, ...facts } }`, from the first issue. */
function badRequest(res: express.Response, error: z.ZodError): void {
  const { error: code, params } = issueProblem(error, "query", "invalid-query");
  res.status(400).json({ error: code, params });
}

export function apiRouter(store: ResultsStore, now: () => Date, secret: string): express.Router {
  const api = express.Router();

  /** What fixed a past day's daily round; a day still running (or to come) is refused. */
  api.get("/daily/:date/opening", (req, res) => {
    const date = isoDate.safeParse(req.params.date);
    if (!date.success)
      return void res.status(400).json({ error: "invalid-query", params: { field: "date", reason: "date-format" } });
    const after = dailyOpeningAfter(date.data);
    if (!dailyIsOver(date.data, now()))
      return void res.status(403).json({ error: "daily-not-published", params: { date: date.data, after }, after });
    const opening: RoundOpening = {
      ...roundKey(secret, dailyRoundId(date.data)),
      difficulty: "normal",
      kinds: [...SPIRAL_KINDS],
    };
    res.json({ date: date.data, opening, commitment: commitmentOf(opening), replay: replayPath(opening) });
  });

  /** A stored match with its rounds and results: JSON, or CSV with `.csv`. */
  api.get("/matches/:file", async (req, res) => {
    const [, id, csv] = MATCH_FILE.exec(req.params.file) ?? [];
    const parsed = matchId.safeParse(id);
    if (!parsed.success) return void res.status(400).json({ error: "match-file-format" });
    const match = await store.match(parsed.data);
    if (!match) return void res.status(404).json({ error: "match-unknown" });
    const rounds = await store.rounds(match.id);
    if (!csv) return void res.json({ match, rounds });
    res
      .type("text/csv; charset=utf-8")
      .attachment(`shell-and-galaxy-${match.code}-${match.startedAt.slice(0, 10)}.csv`);
    res.send(matchCsv(match.id, match.code, rounds));
  });

  api.get("/leaderboard", async (req, res) => {
    const query = leaderboardQuery.safeParse(req.query);
    if (!query.success) return badRequest(res, query.error);
    const { board, limit, offset } = query.data;
    const asOf = store.snapshotTime(query.data.asOf); // given back: the next page passes it to stay on this snapshot
    if (board === "daily") {
      const date = query.data.date ?? utcDate(now());
      return void res.json({
        board,
        date,
        limit,
        offset,
        asOf,
        ...(await store.dailyBoard(date, limit, offset, asOf)),
      });
    }
    const [best, wins] = await Promise.all([
      store.bestDailyScores(limit, offset, asOf),
      store.mostWins(limit, offset, asOf),
    ]);
    res.json({ board, limit, offset, asOf, ...best, wins: wins.rows, winsTotal: wins.total });
  });

  api.use((_req, res) => void res.status(404).json({ error: "api-endpoint-unknown" }));
  // A store that fails (PostgreSQL down, a lost connection): a code, and the log says why.
  api.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log.error("api-failed", { path: req.path, error });
    res.status(503).json({ error: "results-store-down" });
  });
  return api;
}

/** One row per player per round, with a header row; a spreadsheet opens it as it is and runs no name as a formula. */
function matchCsv(matchId: string, code: string, rounds: StoredRound[]): string {
  const columns = [
    "match_id",
    "room",
    "round",
    "opening",
    "best_level",
    "finished_at",
    "seat",
    "name",
    "level",
    "hidden_error",
    "points",
    "speed_bonus",
    "total",
  ];
  const rows = rounds.flatMap((r) =>
    r.results.map((x) => [
      matchId,
      code,
      r.round,
      r.opening,
      r.bestLevel,
      r.finishedAt,
      x.seat,
      x.name,
      x.level,
      x.hiddenError,
      x.points,
      x.speedBonus,
      x.total,
    ]),
  );
  return toCsv(rows, columns);
}
