// Reads a teacher's class report out of the store: the key's matches and the counted attempts
// of its assignments, each round with its U-curve and results. The report itself is built by
// shared/class-report.ts. The same SQL runs on SQLite and PostgreSQL (server/store/database.ts).
import { sql, type RawBuilder } from "kysely";
import { classReport, matchLabel, type StoredReportRound } from "../shared/class-report";
import type { ClassReport, LevelErrors, ReportSource } from "../shared/teacher";
import type { Engine, StoreDatabase } from "./store/database";

export interface ReportFilter {
  match?: string;
  assignment?: string;
}

/**
 * The order a match row `m` was written in, for ties of its start time: SQLite's rowid, and on
 * PostgreSQL (which has none) the identity column `seq` its migration adds.
 */
export const insertionOrder = (engine: Engine): RawBuilder<number> =>
  engine === "postgres" ? sql<number>`m.seq` : sql<number>`m.rowid`;

/** Where a round comes from, the report source it belongs to and when that started. */
interface SourceRow extends ReportSource {
  startedAt: string;
}

/** Each kind's sources, and each stored match or attempt with the source it reports under. */
interface Kind {
  sources: RawBuilder<SourceRow>;
  plays: RawBuilder<unknown>;
}

// Camel-case names are quoted: PostgreSQL folds unquoted ones to lower case.
function kinds(engine: Engine, teacher: string, filter: ReportFilter): Kind[] {
  const seq = insertionOrder(engine);
  const oneMatch = filter.match ? sql`AND m.id = ${filter.match}` : sql``;
  const oneAssignment = filter.assignment ? sql`AND a.id = ${filter.assignment}` : sql``;
  const match: Kind = {
    sources: sql`SELECT m.id, 'match' AS kind, m.code AS label, m.started_at AS "startedAt", ${seq} AS seq FROM matches m
      WHERE m.teacher_id = ${teacher} AND m.assignment_id IS NULL ${oneMatch}`,
    plays: sql`SELECT m.id AS play, m.id AS source, m.started_at AS "startedAt", ${seq} AS seq FROM matches m
      WHERE m.teacher_id = ${teacher} AND m.assignment_id IS NULL ${oneMatch}`,
  };
  // A homework's source is its assignment: every attempt plays the same rounds, so the class's
  // picks of a round share one histogram. Practice attempts (counts = 0) stay out of reports.
  const homework: Kind = {
    sources: sql`SELECT a.id, 'homework' AS kind, a.title AS label, a.created_at AS "startedAt", 0 AS seq FROM assignments a
      WHERE a.teacher_id = ${teacher} ${oneAssignment}`,
    plays: sql`SELECT m.id AS play, a.id AS source, m.started_at AS "startedAt", ${seq} AS seq
      FROM matches m JOIN assignments a ON a.id = m.assignment_id
      WHERE a.teacher_id = ${teacher} AND m.counts = 1 ${oneAssignment}`,
  };
  // One match or one assignment asked for: the other kind is left out.
  return filter.match ? [match] : filter.assignment ? [homework] : [match, homework];
}

export async function readReport(
  store: StoreDatabase,
  teacher: string,
  filter: ReportFilter,
): Promise<ClassReport | undefined> {
  const parts = kinds(store.engine, teacher, filter);
  const union = (part: keyof Kind) =>
    sql.join(
      parts.map((k) => k[part]),
      sql` UNION ALL `,
    );
  const found = await sql<SourceRow>`${union("sources")} ORDER BY "startedAt", seq, id`.execute(store.db);
  const sources = found.rows.map((s): ReportSource => ({
    id: s.id,
    kind: s.kind,
    label: s.kind === "match" ? matchLabel(s.label, s.startedAt) : s.label,
    ...(s.kind === "match" ? { code: s.label, startedAt: new Date(s.startedAt).toISOString() } : {}),
  }));
  if ((filter.match || filter.assignment) && sources.length === 0) return undefined;

  // Each stored match or attempt's rounds, by when it started (then by when it was written).
  const rounds = await sql<{ play: string; source: string; round: number; bestLevel: number; levels: string }>`
    SELECT p.play, p.source, r.round, r.best_level AS "bestLevel", r.levels FROM (${union("plays")}) p
    JOIN rounds r ON r.match_id = p.play ORDER BY p."startedAt", p.seq, r.round`.execute(store.db);
  // Their results in one query (not one per round: a round trip each on PostgreSQL).
  const results = await sql<StoredReportRound["results"][number] & { play: string; round: number }>`
    SELECT x.match_id AS play, x.round, x.name, x.seat, x.level, x.hidden_error AS "hiddenError", x.points
    FROM (${union("plays")}) p JOIN round_results x ON x.match_id = p.play
    ORDER BY x.match_id, x.round, x.seat, x.session_id`.execute(store.db);
  const byRound = new Map<string, StoredReportRound["results"]>();
  for (const { play, round, ...result } of results.rows) {
    const key = `${play} ${round}`;
    const list = byRound.get(key);
    if (list) list.push(result);
    else byRound.set(key, [result]);
  }
  const stored = rounds.rows.map((r): StoredReportRound => ({
    source: r.source,
    round: r.round,
    bestLevel: r.bestLevel,
    levels: JSON.parse(r.levels) as LevelErrors[],
    results: byRound.get(`${r.play} ${r.round}`) ?? [],
  }));
  const title =
    filter.match || filter.assignment ? sources[0].label : "Every match and homework made with this teacher key";
  return classReport(title, sources, stored);
}
