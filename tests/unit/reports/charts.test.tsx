import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart } from "~/reports/charts";
import type { Figure } from "~/reports/figure";
import { FigurePanel } from "~/reports/figure-panel";
import { exactView } from "~/reports/figure-view";

const rows = [
  { label: "Connection (broadband, mobile data, signal)", values: [12, 8], valueText: "20 (40%)" },
  { label: "Device", values: [0, 0], valueText: "0 (0%)" },
];

describe("BarChart", () => {
  const html = renderToStaticMarkup(<BarChart id="barriers" title="Barriers found" description="Barriers by severity." rows={rows} series={["Some", "A lot"]} />);

  it("is one image named by its title and described by its desc", () => {
    expect(html).toMatch(/^<svg[^>]*role="img"[^>]*aria-labelledby="barriers-chart-title barriers-chart-desc"/);
    expect(html).toContain('<title id="barriers-chart-title">Barriers found</title>');
    expect(html).toContain('<desc id="barriers-chart-desc">Barriers by severity.</desc>');
  });

  it("writes every label and value as text, wrapping long labels", () => {
    expect(html).toContain(">Connection (broadband, mobile</tspan>");
    expect(html).toContain(">data, signal)</tspan>");
    expect(html).toContain(">20 (40%)</text>");
    expect(html).toContain(">0 (0%)</text>");
  });

  it("stacks the series end to end and draws nothing for zero", () => {
    const bars = html.match(/<rect class="app-chart__bar app-chart__bar--\d"[^>]*>/g) ?? [];
    // Two key swatches, then the two segments of the first row; the empty row has no bar.
    expect(bars).toHaveLength(4);
    expect(bars[2]).toContain('x="0%"');
    expect(bars[3]).toMatch(/x="39.6%"/); // 12 of an axis to 20, on 66% of the width
  });

  it("uses classes for colour, never a style attribute", () => {
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\sfill="/);
  });

  it("draws smaller rows for the board summary", () => {
    const normal = renderToStaticMarkup(<BarChart id="n" title="T" description="D." rows={rows} series={["Some", "A lot"]} />);
    const compact = renderToStaticMarkup(<BarChart id="c" title="T" description="D." rows={rows} series={["Some", "A lot"]} compact />);
    const height = (html: string) => Number(html.match(/^<svg[^>]*height="(\d+)"/)![1]);
    expect(compact).toContain('class="app-chart app-chart--compact"');
    expect(height(compact)).toBeLessThan(height(normal) * 0.75);
    // Wider lines of text fit at the smaller size, so the long label no longer wraps.
    expect(compact).toContain(">Connection (broadband, mobile data, signal)</tspan>");
  });

  it("renders an empty chart with an axis when every count is zero", () => {
    const empty = renderToStaticMarkup(<BarChart id="e" title="Empty" description="Nothing." rows={[{ label: "A", values: [0], valueText: "0" }]} series={["Triages"]} />);
    expect(empty).toContain('class="app-chart__axis"');
    expect(empty).not.toContain("app-chart__bar--1");
  });
});

describe("FigurePanel", () => {
  const figure: Figure = {
    id: "triage-modes",
    title: "Triages by how they were done",
    description: "Finished triages.",
    unit: "How done",
    columns: [{ label: "Triages", kind: "count" }],
    rows: [
      { key: "assisted", label: "With a champion or staff", values: [0] },
      { key: "self", label: "Self-check by the resident", values: [0] },
    ],
    exclusive: true,
    base: null,
    aboutPeople: true,
  };

  it("puts a heading, the chart, a table of the same numbers and a CSV link together", () => {
    const html = renderToStaticMarkup(<FigurePanel view={exactView(figure)} csvHref="/reports/csv/triage-modes?period=last-3-months" />);
    expect(html).toContain('<section class="app-report-figure" aria-labelledby="triage-modes-heading">');
    expect(html).toContain("Nothing was recorded in this period.");
    expect(html).toContain('<caption class="govuk-table__caption">Triages by how they were done</caption>');
    expect(html).toMatch(/<th scope="row" class="govuk-table__header">Total<\/th><td class="govuk-table__cell govuk-table__cell--numeric">0<\/td>/);
    expect(html).toContain('href="/reports/csv/triage-modes?period=last-3-months" download=""');
    expect(html).not.toMatch(/\sstyle=/);
  });
});
