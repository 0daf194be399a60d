/**
 * What a page needs to draw one figure — chart rows, table cells, notes — either exact (the
 * coordinator's own view) or after disclosure control (the board summary). Plain data, so a
 * loader can send it to the page as JSON.
 */
import { type Figure, isEmptyFigure, rowCount } from "./figure";
import { type PublishedFigure, DISCLOSURE_THRESHOLD, publishFigure } from "./publish";
import { formatCount, formatShare, share } from "./stats";
import { COMPLEMENTARY_MARKER, smallCountMarker } from "./disclosure";

export interface FigureView {
  id: string;
  title: string;
  description: string;
  unit: string;
  /** Table headings after the row label. */
  head: string[];
  rows: { label: string; cells: string[]; chartValues: number[]; valueText: string }[];
  /** The last table line, "Total", for figures whose rows make up a whole. */
  totalRow: string[] | null;
  series: string[];
  /** "Shares are of 1,234 triages." */
  baseNote: string | null;
  empty: boolean;
  anyHidden: boolean;
}

function formatValue(value: number | string, kind: "count" | "amount"): string {
  if (typeof value === "string") return value;
  return kind === "amount" ? value.toLocaleString("en-GB", { maximumFractionDigits: 1 }) : formatCount(value);
}

function headFor(figure: Figure): string[] {
  const counts = figure.columns.filter((c) => c.kind === "count");
  return [...figure.columns.map((c) => c.label), ...(counts.length > 1 ? ["Total"] : []), ...(figure.base ? ["Share"] : [])];
}

function baseNote(figure: Figure, base: number | string | null): string | null {
  if (!figure.base || base === null) return null;
  return `Shares are of ${typeof base === "number" ? formatCount(base) : base} ${figure.base.label}.`;
}

/** The figure with every count as it is: for coordinators looking at their own areas. */
export function exactView(figure: Figure): FigureView {
  const counts = figure.columns.flatMap((c, i) => (c.kind === "count" ? [i] : []));
  const rows = figure.rows.map((row) => {
    const total = rowCount(figure, row);
    const shareText = figure.base ? formatShare(share(total, figure.base.value)) : null;
    return {
      label: row.label,
      cells: [...row.values.map((v, i) => formatValue(v, figure.columns[i].kind)), ...(counts.length > 1 ? [formatCount(total)] : []), ...(shareText ? [shareText] : [])],
      chartValues: counts.map((i) => row.values[i]),
      valueText: shareText ? `${formatCount(total)} (${shareText})` : formatCount(total),
    };
  });
  const totals = figure.columns.map((c, i) => figure.rows.reduce((s, r) => s + r.values[i], 0));
  const grand = figure.rows.reduce((s, r) => s + rowCount(figure, r), 0);
  return {
    id: figure.id,
    title: figure.title,
    description: figure.description,
    unit: figure.unit,
    head: headFor(figure),
    rows,
    totalRow: figure.exclusive
      ? [...totals.map((t, i) => formatValue(Math.round(t * 10) / 10, figure.columns[i].kind)), ...(counts.length > 1 ? [formatCount(grand)] : []), ...(figure.base ? [formatShare(share(grand, figure.base.value))] : [])]
      : null,
    series: counts.map((i) => figure.columns[i].label),
    baseNote: baseNote(figure, figure.base?.value ?? null),
    empty: isEmptyFigure(figure),
    anyHidden: false,
  };
}

/** The figure after disclosure control: hidden cells draw no bar and read as their marker. */
export function publishedView(figure: Figure, published: PublishedFigure = publishFigure(figure)): FigureView {
  const counts = figure.columns.flatMap((c, i) => (c.kind === "count" ? [i] : []));
  const rows = published.rows.map((row) => ({
    label: row.label,
    cells: [...row.cells.map((v, i) => formatValue(v, figure.columns[i].kind)), ...(counts.length > 1 ? [formatValue(row.total, "count")] : []), ...(figure.base ? [row.share] : [])],
    chartValues: counts.map((i) => (typeof row.cells[i] === "number" ? (row.cells[i] as number) : 0)),
    valueText: typeof row.total === "number" ? (figure.base ? `${formatCount(row.total)} (${row.share})` : formatCount(row.total)) : describeMarker(row.total),
  }));
  const exact = exactView(figure);
  // Totals are published only when nothing in the figure is hidden; otherwise every one is withheld.
  const totalRow = exact.totalRow && (typeof published.total === "number" ? exact.totalRow : exact.totalRow.map(() => COMPLEMENTARY_MARKER));
  return { ...exact, rows, totalRow, baseNote: baseNote(figure, published.base), anyHidden: published.anyHidden };
}

export function describeMarker(marker: number | string): string {
  if (marker === smallCountMarker(DISCLOSURE_THRESHOLD)) return `fewer than ${DISCLOSURE_THRESHOLD}`;
  if (marker === COMPLEMENTARY_MARKER) return "hidden";
  return String(marker);
}
