/**
 * CSV as RFC 4180 describes it (CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled), for files people open in a spreadsheet program.
 */

export type CsvValue = string | number | boolean | null | undefined;

// A spreadsheet treats a cell starting with one of these as a formula, so a service name such as
// "=HYPERLINK(...)" typed into the directory could run when a board member opens the file
// (OWASP "CSV injection"). Tab and carriage return are on OWASP's list too.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, quoted if needed; text that a spreadsheet would run as a formula gets a leading '. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  // Numbers are written by us, never typed by a user, so a negative number stays a number.
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} to a CSV file`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvField).join(",");
}

/** A whole file: the header row, then one line per row, every line ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  for (const [index, row] of rows.entries()) {
    if (row.length !== header.length) throw new RangeError(`Row ${index + 1} has ${row.length} fields; the header has ${header.length}`);
  }
  return [header, ...rows].map((row) => `${csvRow(row)}\r\n`).join("");
}
