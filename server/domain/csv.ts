/**
 * An RFC 4180 CSV writer that spreadsheets cannot be tricked by. Pure.
 *
 * - Fields are separated by commas, records end in CRLF; every text field is quoted
 *   and its double quotes doubled, so commas, quotes and line breaks in names survive.
 * - Formula injection (OWASP "CSV Injection"): a text cell that begins with `=`, `+`,
 *   `-`, `@`, a tab or a carriage return is prefixed with a single quote, so Excel,
 *   LibreOffice and Google Sheets show it as text instead of running it.
 * - Numbers are written bare (they are ours, finite and never negative).
 * - `withBom` puts a UTF-8 byte order mark first: without it Excel on Windows reads a
 *   UTF-8 file as the local code page and "µ" becomes "Âµ". Other programs skip the BOM.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet (formula guard, then RFC 4180 quoting). */
export function csvTextCell(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${guarded.replaceAll('"', '""')}"`;
}

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    return String(value);
  }
  return csvTextCell(value);
}

export function writeCsv(
  rows: readonly (readonly CsvCell[])[],
  options: { withBom?: boolean } = {},
) {
  const body = rows.map((row) => row.map(csvCell).join(",")).join("\r\n");
  return `${options.withBom ? "\uFEFF" : ""}${body}\r\n`;
}
