// The sum behind a player's round points, written in the page's language: its decimals as the
// language writes them, kept left to right (isolated) inside a right-to-left sentence, and the
// speed bonus worded.
import { pointsArithmetic } from "../../shared/scoring";
import type { RoundResult } from "../../shared/protocol";
import { formatNumber, t } from "./i18n";

const write = (value: number, decimals: number) =>
  formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false });

export function sumText(result: RoundResult): string {
  const sum = `\u2066${pointsArithmetic(result.sum, write)}\u2069`;
  return result.speedBonus ? t("reveal.sumWithBonus", { sum, bonus: result.speedBonus }) : sum;
}
