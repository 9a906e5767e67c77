// Reads a teacher's class report out of the results file: the key's matches and the counted
// attempts of its assignments, each round with its U-curve and results. The report itself is
// built by shared/class-report.ts.
import type Database from "better-sqlite3";
import { classReport, matchLabel, type StoredReportRound } from "../shared/class-report";
import type { ClassReport, LevelErrors, ReportSource } from "../shared/teacher";

export interface ReportFilter {
  match?: string;
  assignment?: string;
}

/** Where a round comes from, the report source it belongs to and when that started. */
interface SourceRow extends ReportSource {
  startedAt: string;
}

// A homework's source is its assignment: every attempt plays the same rounds, so the class's
// picks of a round share one histogram. Practice attempts (counts = 0) stay out of reports.
const MATCH_SOURCES = `SELECT id, 'match' AS kind, code AS label, started_at AS startedAt
  FROM matches WHERE teacher_id = @teacher AND assignment_id IS NULL AND (@match IS NULL OR id = @match)`;
const HOMEWORK_SOURCES = `SELECT id, 'homework' AS kind, title AS label, created_at AS startedAt
  FROM assignments WHERE teacher_id = @teacher AND (@assignment IS NULL OR id = @assignment)`;

// Each stored match or attempt of the sources, by when it started (then by when it was written), with
// the source it reports under.
const MATCH_PLAYS = `SELECT m.id AS play, m.id AS source, m.started_at AS startedAt, m.rowid AS seq FROM matches m
  WHERE m.teacher_id = @teacher AND m.assignment_id IS NULL AND (@match IS NULL OR m.id = @match)`;
const HOMEWORK_PLAYS = `SELECT m.id AS play, a.id AS source, m.started_at AS startedAt, m.rowid AS seq
  FROM matches m JOIN assignments a ON a.id = m.assignment_id
  WHERE a.teacher_id = @teacher AND m.counts = 1 AND (@assignment IS NULL OR a.id = @assignment)`;

const KINDS = {
  match: { sources: MATCH_SOURCES, plays: MATCH_PLAYS },
  homework: { sources: HOMEWORK_SOURCES, plays: HOMEWORK_PLAYS },
};

export function readReport(db: Database.Database, teacher: string, filter: ReportFilter): ClassReport | undefined {
  const params = { teacher, match: filter.match ?? null, assignment: filter.assignment ?? null };
  // One match or one assignment asked for: the other kind is left out.
  const kinds = filter.match ? [KINDS.match] : filter.assignment ? [KINDS.homework] : [KINDS.match, KINDS.homework];
  const union = (part: "sources" | "plays") => kinds.map((k) => k[part]).join(" UNION ALL ");
  const sources = (db.prepare(`${union("sources")} ORDER BY startedAt`).all(params) as SourceRow[]).map(
    (s): ReportSource => ({
      id: s.id,
      kind: s.kind,
      label: s.kind === "match" ? matchLabel(s.label, s.startedAt) : s.label,
    }),
  );
  if ((filter.match || filter.assignment) && sources.length === 0) return undefined;

  const rounds = db
    .prepare(
      `SELECT p.play, p.source, r.round, r.best_level AS bestLevel, r.levels FROM (${union("plays")}) p
       JOIN rounds r ON r.match_id = p.play ORDER BY p.startedAt, p.seq, r.round`,
    )
    .all(params) as { play: string; source: string; round: number; bestLevel: number; levels: string }[];
  const results = db.prepare(
    "SELECT name, seat, level, hidden_error AS hiddenError, points FROM round_results WHERE match_id = ? AND round = ?",
  );
  const stored = rounds.map((r): StoredReportRound => ({
    source: r.source,
    round: r.round,
    bestLevel: r.bestLevel,
    levels: JSON.parse(r.levels) as LevelErrors[],
    results: results.all(r.play, r.round) as StoredReportRound["results"],
  }));
  const title =
    filter.match || filter.assignment ? sources[0].label : "Every match and homework made with this teacher key";
  return classReport(title, sources, stored);
}
