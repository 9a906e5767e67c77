// The class report from stored rounds, as plain functions: each student's pick per round with
// its errors and fit label, the class's share of each label, and per round the picks as a
// histogram next to the U-curve. The server reads the rows (server/teacher-store.ts); the same
// report is its JSON, its CSV and the teacher page.
import { MAX_LEVEL } from "./ladder-levels";
import {
  FIT_LABELS,
  fitLabel,
  type ClassReport,
  type FitLabel,
  type LevelErrors,
  type ReportRound,
  type ReportRow,
  type ReportSource,
} from "./teacher";

/** One stored round of one match or homework attempt, with its results. */
export interface StoredReportRound {
  /** The report source: the match's id, or the assignment's for a homework attempt. */
  source: string;
  round: number;
  bestLevel: number;
  /** The U-curve (empty for rounds stored before reports existed). */
  levels: LevelErrors[];
  results: { name: string; seat: number; level: number; hiddenError: number; points: number }[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Room ABCDE, 1 Dec 2026 14:05 UTC": the server knows no teacher's zone, so it says which it uses. */
export function matchLabel(code: string, startedAt: string): string {
  const t = new Date(startedAt);
  const time = `${String(t.getUTCHours()).padStart(2, "0")}:${String(t.getUTCMinutes()).padStart(2, "0")}`;
  return `Room ${code}, ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${time} UTC`;
}

/**
 * The report of `sources` (in the order they started) from their stored rounds (each source's
 * attempts in the order they started). Rows go by source, round, then attempt and seat.
 */
export function classReport(title: string, sources: ReportSource[], stored: StoredReportRound[]): ClassReport {
  const order = new Map(sources.map((s, i) => [s.id, i]));
  const known = stored.filter((r) => order.has(r.source));
  // Array.prototype.sort is stable: attempts of one round keep the order they started in.
  known.sort((a, b) => order.get(a.source)! - order.get(b.source)! || a.round - b.round);

  const rows: ReportRow[] = [];
  const rounds = new Map<string, ReportRound>();
  for (const r of known) {
    const key = `${r.source}\n${r.round}`;
    let round = rounds.get(key);
    if (!round) {
      round = { source: r.source, round: r.round, bestLevel: r.bestLevel, curve: [], picks: Array(MAX_LEVEL).fill(0) };
      rounds.set(key, round);
    }
    // Every attempt of a homework round plays the same A and B, so any stored curve is the round's.
    if (round.curve.length === 0) round.curve = [...r.levels].sort((a, b) => a.level - b.level);
    const curve = new Map(r.levels.map((l) => [l.level, l]));
    for (const x of [...r.results].sort((a, b) => a.seat - b.seat)) {
      if (x.level >= 1 && x.level <= MAX_LEVEL) round.picks[x.level - 1] += 1;
      const errors = curve.get(x.level);
      rows.push({
        source: r.source,
        name: x.name,
        round: r.round,
        level: x.level,
        bestLevel: r.bestLevel,
        trainError: errors?.trainError ?? null,
        validationError: errors?.validationError ?? null,
        hiddenError: x.hiddenError,
        points: x.points,
        label: fitLabel(x.level, r.bestLevel),
      });
    }
  }
  return {
    title,
    sources,
    rows,
    rounds: [...rounds.values()],
    shares: labelShares(rows),
    students: new Set(rows.map((r) => r.name)).size,
  };
}

/** The share of rows with each label (0–1; all 0 with no rows). */
export function labelShares(rows: readonly { label: FitLabel }[]): Record<FitLabel, number> {
  const count = (label: FitLabel) => rows.filter((r) => r.label === label).length;
  return Object.fromEntries(FIT_LABELS.map((l) => [l, rows.length ? count(l) / rows.length : 0])) as Record<
    FitLabel,
    number
  >;
}

/** The report CSV's header. */
export const REPORT_CSV_COLUMNS = [
  "source",
  "kind",
  "label_of_source",
  "name",
  "round",
  "level",
  "best_level",
  "train_error",
  "validation_error",
  "hidden_error",
  "points",
  "label",
];

/** The report's rows as CSV cells, one array per row in REPORT_CSV_COLUMNS' order (null: no value stored). */
export function reportCsvRows(report: ClassReport): (string | number | null)[][] {
  const sources = new Map(report.sources.map((s) => [s.id, s]));
  return report.rows.map((r) => [
    r.source,
    sources.get(r.source)?.kind ?? "",
    sources.get(r.source)?.label ?? "",
    r.name,
    r.round,
    r.level,
    r.bestLevel,
    r.trainError,
    r.validationError,
    r.hiddenError,
    r.points,
    r.label,
  ]);
}
