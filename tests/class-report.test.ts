// The class report from stored rounds: labels against the best level, the class's shares,
// each round's pick histogram and curve, row order, and the CSV made of the same rows.
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import {
  REPORT_CSV_COLUMNS,
  classReport,
  labelShares,
  matchLabel,
  reportCsvRows,
  type StoredReportRound,
} from "../shared/class-report";
import { MAX_LEVEL } from "../shared/ladder-levels";
import type { LevelErrors, ReportSource } from "../shared/teacher";
import { toCsv } from "../server/csv";

/** A U-curve whose errors say which level and which kind they are. */
const curve = (levels: number): LevelErrors[] =>
  Array.from({ length: levels }, (_, i) => ({
    level: i + 1,
    trainError: 1 / (i + 1),
    validationError: 0.1 * Math.abs(i + 1 - 5) + 0.05,
    hiddenError: 0.1 * Math.abs(i + 1 - 5) + 0.1,
  })).reverse(); // stored in any order; the report sorts it

const result = (name: string, seat: number, level: number, points: number) => ({
  name,
  seat,
  level,
  hiddenError: 0.1 * Math.abs(level - 5) + 0.1,
  points,
});

const match: ReportSource = { id: "m1", kind: "match", label: "Room ABCDE, 1 Dec 2026 14:05 UTC" };
const homework: ReportSource = { id: "a1", kind: "homework", label: "Spirals, week 2" };

const stored: StoredReportRound[] = [
  // Homework: two attempts, each of one student; given in the order they started.
  { source: "a1", round: 1, bestLevel: 6, levels: curve(12), results: [result("Zoe", 0, 6, 1000)] },
  { source: "a1", round: 1, bestLevel: 6, levels: curve(12), results: [result("Ann", 0, 9, 400)] },
  // The match's round 2 comes before its round 1 here: the report orders by round.
  {
    source: "m1",
    round: 2,
    bestLevel: 4,
    levels: [],
    results: [result("Cy", 2, 4, 1000), result("Ada", 0, 4, 1000), result("Bo", 1, 12, 10)],
  },
  {
    source: "m1",
    round: 1,
    bestLevel: 5,
    levels: curve(12),
    results: [result("Bo", 1, 5, 1000), result("Ada", 0, 3, 600), result("Cy", 2, 8, 300)],
  },
  // Not one of the report's sources (another key's match): left out.
  { source: "other", round: 1, bestLevel: 5, levels: [], results: [result("Eve", 0, 5, 1000)] },
];

describe("the class report", () => {
  const report = classReport("Everything", [match, homework], stored);

  it("labels each pick against the round's best level, rows by source, round and seat", () => {
    expect(report.rows.map((r) => [r.source, r.round, r.name, r.level, r.bestLevel, r.label])).toEqual([
      ["m1", 1, "Ada", 3, 5, "underfit"],
      ["m1", 1, "Bo", 5, 5, "on-target"],
      ["m1", 1, "Cy", 8, 5, "overfit"],
      ["m1", 2, "Ada", 4, 4, "on-target"],
      ["m1", 2, "Bo", 12, 4, "overfit"],
      ["m1", 2, "Cy", 4, 4, "on-target"],
      ["a1", 1, "Zoe", 6, 6, "on-target"],
      ["a1", 1, "Ann", 9, 6, "overfit"],
    ]);
    expect(report.title).toBe("Everything");
    expect(report.sources).toEqual([match, homework]);
    expect(report.students).toBe(5); // Ada, Bo, Cy, Zoe, Ann; Eve's match is not in the report
  });

  it("gives each row its errors from the round's curve, null where no curve was stored", () => {
    const ada = report.rows[0];
    expect(ada).toMatchObject({ trainError: 1 / 3, validationError: 0.25 });
    expect(ada.hiddenError).toBeCloseTo(0.3);
    expect(ada.points).toBe(600);
    const old = report.rows.find((r) => r.round === 2)!;
    expect(old.trainError).toBeNull();
    expect(old.validationError).toBeNull();
    expect(old.hiddenError).toBeCloseTo(0.2);
  });

  it("shares each label over all rows", () => {
    expect(report.shares).toEqual({ underfit: 1 / 8, "on-target": 4 / 8, overfit: 3 / 8 });
    expect(Object.values(report.shares).reduce((a, b) => a + b)).toBeCloseTo(1);
    expect(labelShares([])).toEqual({ underfit: 0, "on-target": 0, overfit: 0 });
  });

  it("gives each round of each source its pick histogram and its sorted curve", () => {
    expect(report.rounds.map((r) => [r.source, r.round, r.bestLevel])).toEqual([
      ["m1", 1, 5],
      ["m1", 2, 4],
      ["a1", 1, 6],
    ]);
    const [first, second, homeworkRound] = report.rounds;
    const picks = (levels: number[]) => {
      const histogram = Array(MAX_LEVEL).fill(0);
      for (const l of levels) histogram[l - 1] += 1;
      return histogram;
    };
    expect(first.picks).toEqual(picks([3, 5, 8]));
    expect(second.picks).toEqual(picks([4, 4, 12]));
    expect(homeworkRound.picks).toEqual(picks([6, 9])); // both attempts on one histogram
    expect(first.curve.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(second.curve).toEqual([]);
  });

  it("is empty, with zero shares, without rows", () => {
    const empty = classReport("Nothing yet", [match], []);
    expect(empty).toEqual({
      title: "Nothing yet",
      sources: [match],
      rows: [],
      rounds: [],
      shares: { underfit: 0, "on-target": 0, overfit: 0 },
      students: 0,
    });
  });

  it("makes CSV rows of the same rows, which parse back with names kept as text", () => {
    const named = classReport("CSV", [match], [{ ...stored[3], results: [result("=SUM(1,2)", 0, 3, 600)] }]);
    const cells = reportCsvRows(named);
    expect(cells).toEqual([
      ["m1", "match", match.label, "=SUM(1,2)", 1, 3, 5, 1 / 3, 0.25, named.rows[0].hiddenError, 600, "underfit"],
    ]);
    const [row] = parse(toCsv(cells, REPORT_CSV_COLUMNS), { columns: true }) as Record<string, string>[];
    expect(Object.keys(row)).toEqual(REPORT_CSV_COLUMNS);
    expect(row.name).toBe("'=SUM(1,2)"); // a spreadsheet shows it, never runs it
    expect(row.label_of_source).toBe(match.label);
    expect(Number(row.train_error)).toBeCloseTo(1 / 3);
    const noCurve = reportCsvRows(classReport("old", [match], [stored[2]]));
    expect(noCurve[0][7]).toBeNull(); // an empty cell
  });

  it("labels a match by its room and UTC start", () => {
    expect(matchLabel("ABCDE", "2026-12-01T14:05:59.000Z")).toBe("Room ABCDE, 1 Dec 2026 14:05 UTC");
    expect(matchLabel("XYZ23", "2027-01-09T03:00:00-05:00")).toBe("Room XYZ23, 9 Jan 2027 08:00 UTC");
  });
});
