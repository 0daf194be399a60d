import { type CsvValue, toCsv } from "~/lib/csv";
import type { PublishedFigure } from "./publish";

export interface CsvContext {
  from: string;
  to: string;
  area: string;
}

/**
 * One figure as a CSV file, after disclosure control: one line per row with the period and
 * area on every line (so files can be stacked), a total line where the rows make up a whole,
 * and the number shares are taken of.
 */
export function figureCsv(published: PublishedFigure, context: CsvContext): string {
  const { figure } = published;
  const counts = figure.columns.filter((c) => c.kind === "count").length;
  const header = [
    "Period from",
    "Period to",
    "Area",
    figure.unit,
    ...figure.columns.map((c) => c.label),
    ...(counts > 1 ? ["Total"] : []),
    ...(figure.base ? [`Share of ${figure.base.label}`] : []),
  ];
  const line = (label: string, cells: CsvValue[], total: CsvValue, share: CsvValue): CsvValue[] => [
    context.from,
    context.to,
    context.area,
    label,
    ...cells,
    ...(counts > 1 ? [total] : []),
    ...(figure.base ? [share] : []),
  ];
  const rows = published.rows.map((r) => line(r.label, r.cells, r.total, r.share));
  if (figure.exclusive && published.total !== null) {
    const hiddenTotal = typeof published.total !== "number";
    const columnTotals = figure.columns.map((c, i) => (hiddenTotal ? published.total : Math.round(figure.rows.reduce((s, r) => s + r.values[i], 0) * 10) / 10));
    rows.push(line("Total", columnTotals, published.total, ""));
  }
  if (figure.base && published.base !== null) rows.push(line(`All ${figure.base.label} (what shares are of)`, figure.columns.map((_, i) => (i === 0 ? published.base : "")), "", ""));
  return toCsv(header, rows);
}
