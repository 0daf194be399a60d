import { Details } from "~/components/details";
import { Table } from "~/components/table";
import { BarChart } from "./charts";
import type { FigureView } from "./figure-view";

interface FigurePanelProps {
  view: FigureView;
  /** Link to this figure's CSV file, or none (the board summary). */
  csvHref?: string;
  /** The board summary's smaller charts. */
  compact?: boolean;
}

/** One figure: heading, what it counts, the chart, its numbers as a table, and a CSV download. */
export function FigurePanel({ view, csvHref, compact = false }: FigurePanelProps) {
  const headingId = `${view.id}-heading`;
  const table = (
    <Table
      caption={view.title}
      firstCellIsHeader
      head={[{ text: view.unit }, ...view.head.map((text) => ({ text, numeric: true }))]}
      rows={[...view.rows.map((row) => [row.label, ...row.cells]), ...(view.totalRow ? [["Total", ...view.totalRow]] : [])]}
    />
  );
  return (
    <section className="app-report-figure" aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        {view.title}
      </h2>
      <p className="govuk-body app-report-figure__description">{view.description}</p>
      {view.empty ? <p className="govuk-body govuk-!-font-weight-bold">Nothing was recorded in this period.</p> : null}
      <BarChart id={view.id} title={view.title} description={chartDescription(view)} rows={view.rows.map((r) => ({ label: r.label, values: r.chartValues, valueText: r.valueText }))} series={view.series} compact={compact} />
      {view.baseNote ? <p className="govuk-body-s">{view.baseNote}</p> : null}
      <Details summary={`Show the data for “${view.title}”`}>{table}</Details>
      {csvHref ? (
        <p className="govuk-body">
          <a className="govuk-link" href={csvHref} download>
            Download “{view.title}” as a CSV file<span className="govuk-visually-hidden"> (counts under 5 hidden)</span>
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** The chart's description names the largest rows, so the image says something on its own. */
function chartDescription(view: FigureView): string {
  if (view.empty) return `${view.description} Nothing was recorded in this period.`;
  const top = [...view.rows].sort((a, b) => sum(b.chartValues) - sum(a.chartValues)).slice(0, 3);
  return `${view.description} Largest: ${top.map((r) => `${r.label}, ${r.valueText}`).join("; ")}. The table below gives every number.`;
}

function sum(values: number[]): number {
  return values.reduce((s, v) => s + v, 0);
}
