/**
 * Figures as they may leave the coordinator's own view (CSV files, the board summary): counts
 * under 5 are hidden with the shared disclosure control, and so is anything that would give a
 * hidden count away — another cell, a total, a share or the hours beside it.
 */
import { COMPLEMENTARY_MARKER, type PublishedCount, smallCountMarker, suppressSmallCounts } from "./disclosure";
import { type Figure, type KeyFigure, rowCount } from "./figure";
import { formatShare, share } from "./stats";

export const DISCLOSURE_THRESHOLD = 5;

export interface PublishedRow {
  key: string;
  label: string;
  /** One per figure column; amounts are hidden with their row's count. */
  cells: PublishedCount[];
  /** The row's count columns added up (when there are several), or hidden. */
  total: PublishedCount;
  /** The row's share of the figure's base, "–" without a base, or the marker when hidden. */
  share: string;
  hidden: boolean;
}

export interface PublishedFigure {
  figure: Figure;
  rows: PublishedRow[];
  /** For figures whose rows make up a whole: the total, or a marker when it would reveal a hidden row. */
  total: PublishedCount | null;
  base: PublishedCount | null;
  /** Whether anything was hidden, so the page can explain the markers. */
  anyHidden: boolean;
}

function countColumns(figure: Figure): number[] {
  return figure.columns.flatMap((c, i) => (c.kind === "count" ? [i] : []));
}

function publishBase(figure: Figure): PublishedCount | null {
  if (!figure.base) return null;
  const value = figure.base.value;
  return figure.aboutPeople && value > 0 && value < DISCLOSURE_THRESHOLD ? smallCountMarker(DISCLOSURE_THRESHOLD) : value;
}

function exactRow(figure: Figure, row: Figure["rows"][number]): PublishedRow {
  const count = rowCount(figure, row);
  return { key: row.key, label: row.label, cells: [...row.values], total: count, share: formatShare(figure.base ? share(count, figure.base.value) : null), hidden: false };
}

/**
 * In a figure whose rows overlap, each row is a share of the base: 17 of 20 triages finding a
 * device barrier tells a reader that 3 did not. When the rest (base − row) is 1 to 4, the row's
 * smallest count is withheld, and secondary suppression hides what would give that one away.
 */
function withheldForTheRest(figure: Figure, row: Figure["rows"][number], counts: number[]): boolean[] {
  const rest = figure.base ? figure.base.value - rowCount(figure, row) : 0;
  const withheld = counts.map(() => false);
  if (rest <= 0 || rest >= DISCLOSURE_THRESHOLD) return withheld;
  const nonZero = counts.map((i, c) => ({ c, value: row.values[i] })).filter((x) => x.value > 0);
  if (nonZero.length > 0) withheld[nonZero.reduce((a, b) => (b.value < a.value ? b : a)).c] = true;
  return withheld;
}

/**
 * Applies disclosure control to one figure. Rows that make up a whole are suppressed as one
 * grid (rows × count columns), so the whole cannot be used to work back to a hidden row. Rows
 * that overlap (a person can have several barriers) are each suppressed on their own, with
 * their own total across the columns, and also hidden when they leave 1 to 4 of the base
 * unaccounted for. What several figures give away together is checked by publishReport.
 */
export function publishFigure(figure: Figure): PublishedFigure {
  const base = publishBase(figure);
  if (!figure.aboutPeople) {
    const rows = figure.rows.map((row) => exactRow(figure, row));
    return { figure, rows, total: figure.exclusive ? rows.reduce((sum, r) => sum + Number(r.total), 0) : null, base, anyHidden: false };
  }
  const counts = countColumns(figure);
  const disclosed = figure.exclusive
    ? [suppressSmallCounts(figure.rows.map((row) => counts.map((i) => row.values[i])), { threshold: DISCLOSURE_THRESHOLD })]
    : figure.rows.map((row) => suppressSmallCounts([counts.map((i) => row.values[i])], { threshold: DISCLOSURE_THRESHOLD, withhold: [withheldForTheRest(figure, row, counts)] }));

  const rows = figure.rows.map((row, r): PublishedRow => {
    const table = figure.exclusive ? disclosed[0] : disclosed[r];
    const line = figure.exclusive ? r : 0;
    const status = table.status[line];
    const hidden = status.some((s) => s !== "shown");
    const cells = row.values.map((value, i): PublishedCount => {
      const c = counts.indexOf(i);
      if (c >= 0) return table.cells[line][c];
      return hidden ? COMPLEMENTARY_MARKER : value;
    });
    const total = counts.length === 1 ? cells[counts[0]] : table.rowTotals[line];
    const shareText = typeof total === "number" ? formatShare(figure.base ? share(total, figure.base.value) : null) : String(total);
    return { key: row.key, label: row.label, cells, total, share: figure.base ? shareText : "–", hidden };
  });
  const total = figure.exclusive ? disclosed[0].grandTotal : null;
  return { figure, rows, total, base, anyHidden: rows.some((r) => r.hidden) || total === COMPLEMENTARY_MARKER };
}

/** A headline as it may be published: hidden when it rests on fewer than 5 people or referrals. */
export function publishKeyFigure(key: KeyFigure): KeyFigure {
  if (!key.aboutPeople || key.basis === 0 || key.basis >= DISCLOSURE_THRESHOLD) return key;
  return { ...key, value: `Not shown (fewer than ${DISCLOSURE_THRESHOLD})` };
}
