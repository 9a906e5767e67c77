// Every CSV the server writes goes through here, so that no cell a player typed (a name) opens in
// a spreadsheet as a formula. OWASP's CSV-injection rule: a text cell starting with = + - @, tab
// or carriage return gets a leading single quote, which makes the spreadsheet show it as text.
// Numbers are cast apart and stay numbers, negative ones too.
import { stringify } from "csv-stringify/sync";

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet may read it: `=SUM(2,3)` becomes `'=SUM(2,3)`; others are unchanged. */
export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows (one value per column, numbers as JS numbers) to CSV with a header row. */
export function toCsv(rows: unknown[][], columns: string[]): string {
  return stringify(rows, { header: true, columns, cast: { string: neutralizeCell } });
}
