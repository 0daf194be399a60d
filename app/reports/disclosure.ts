/**
 * Statistical disclosure control for published counts. A count of one or two people in a small
 * area can point to someone a reader knows, so small counts are hidden (primary suppression),
 * and then enough other cells are hidden that the small ones cannot be worked back out by
 * subtracting the visible cells from a row or column total (secondary suppression).
 *
 * Pure: takes a grid of counts and returns what may be published. Shared by the open data sets
 * and the reports, so both hide the same way.
 */

export interface DisclosureOptions {
  /** Counts from 1 up to threshold − 1 are hidden; 0 is shown, since "none" identifies nobody. */
  threshold: number;
  /**
   * Cells to hide whatever their size, because they would give away a small count that is not
   * in the table: 17 of 20 triages finding a device barrier says that 3 did not. Hidden as
   * complementary, and protected like any other hidden cell.
   */
  withhold?: readonly (readonly boolean[])[];
}

/**
 * - `small`: a count under the threshold, shown as e.g. "<5".
 * - `complementary`: a count at or over the threshold, hidden only to protect a small count in
 *   the same row or column; shown as COMPLEMENTARY_MARKER because writing "<5" there would be untrue.
 */
export type CellStatus = "shown" | "small" | "complementary";

export type PublishedCount = number | string;

export interface DisclosedTable {
  /** The grid as it may be published: numbers, or a marker where a count is hidden. */
  cells: PublishedCount[][];
  status: CellStatus[][];
  /** Row and column sums, withheld (COMPLEMENTARY_MARKER) wherever they would narrow down a hidden cell. */
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
}

/** The Office for National Statistics' symbol for a value withheld to protect confidentiality. */
export const COMPLEMENTARY_MARKER = "[c]";

export function smallCountMarker(threshold: number): string {
  return `<${threshold}`;
}

function assertCounts(table: readonly (readonly number[])[], threshold: number): number {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError(`threshold must be a whole number of 2 or more, not ${threshold}`);
  const width = table[0]?.length ?? 0;
  table.forEach((row, r) => {
    if (row.length !== width) throw new RangeError(`row ${r} has ${row.length} cells; the first row has ${width}`);
    row.forEach((value, c) => {
      if (!Number.isInteger(value) || value < 0) throw new RangeError(`cell ${r},${c} is not a count: ${value}`);
    });
  });
  return width;
}

/**
 * Hides the smallest visible non-zero cell in a line that has exactly one hidden cell, so that
 * line's total no longer gives the hidden one away. Zeros are not used: hiding a zero would
 * leave the line's hidden cells summing to the small count, which protects nothing. Returns
 * whether anything changed.
 */
function protectLine(table: readonly (readonly number[])[], status: CellStatus[][], line: [number, number][]): boolean {
  const hidden = line.filter(([r, c]) => status[r][c] !== "shown");
  if (hidden.length !== 1) return false;
  let best: [number, number] | undefined;
  for (const [r, c] of line) {
    if (status[r][c] !== "shown" || table[r][c] === 0) continue;
    if (!best || table[r][c] < table[best[0]][best[1]]) best = [r, c];
  }
  if (!best) return false;
  status[best[0]][best[1]] = "complementary";
  return true;
}

function total(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}

/**
 * Publishes a grid of counts safely. Rows and columns are each treated as adding up to a total
 * someone might know (this page's totals, or the same figures published elsewhere), so secondary
 * suppression runs across both until no row or column has a lone hidden cell. A total is only
 * published for a row or column with nothing hidden in it, and the grand total only when nothing
 * is hidden anywhere.
 */
export function suppressSmallCounts(table: readonly (readonly number[])[], { threshold, withhold }: DisclosureOptions): DisclosedTable {
  const width = assertCounts(table, threshold);
  const status: CellStatus[][] = table.map((row, r) =>
    row.map((value, c): CellStatus => (value > 0 && value < threshold ? "small" : withhold?.[r]?.[c] && value > 0 ? "complementary" : "shown")),
  );

  const rows = table.map((row, r) => row.map((_, c): [number, number] => [r, c]));
  const columns = Array.from({ length: width }, (_, c) => table.map((_, r): [number, number] => [r, c]));
  // Hiding a cell for a row can leave a column with a lone hidden cell and vice versa, so repeat
  // until nothing changes; each pass hides at least one more cell, so this ends.
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of [...rows, ...columns]) changed = protectLine(table, status, line) || changed;
  }

  const small = smallCountMarker(threshold);
  const publish = (value: number, hidden: boolean): PublishedCount => {
    if (!hidden) return value;
    return value > 0 && value < threshold ? small : COMPLEMENTARY_MARKER;
  };
  const anyHidden = (line: [number, number][]) => line.some(([r, c]) => status[r][c] !== "shown");

  return {
    cells: table.map((row, r) => row.map((value, c) => publish(value, status[r][c] !== "shown"))),
    status,
    rowTotals: rows.map((line, r) => publish(total(table[r]), anyHidden(line))),
    columnTotals: columns.map((line, c) => publish(total(table.map((row) => row[c])), anyHidden(line))),
    grandTotal: publish(total(table.map(total)), rows.some(anyHidden)),
  };
}
