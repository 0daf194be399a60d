import { describe, expect, it } from "vitest";
import type { Figure } from "~/reports/figure";
import { figureCsv } from "~/reports/figure-csv";
import { exactView, publishedView } from "~/reports/figure-view";
import { publishFigure, publishKeyFigure } from "~/reports/publish";

const C = "[c]";
const count = { label: "Triages", kind: "count" as const };

function figure(overrides: Partial<Figure>): Figure {
  return { id: "skills-levels", title: "Levels", description: "Levels.", unit: "Level", columns: [count], rows: [], exclusive: true, base: null, aboutPeople: true, ...overrides };
}

describe("publishFigure", () => {
  it("hides counts of 1 to 4 and, where rows make a whole, another row and the total, so no one can subtract", () => {
    const published = publishFigure(
      figure({
        rows: [
          { key: "a", label: "A", values: [3] },
          { key: "b", label: "B", values: [20] },
          { key: "c", label: "C", values: [8] },
          { key: "d", label: "D", values: [0] },
        ],
      }),
    );
    expect(published.rows.map((r) => r.cells[0])).toEqual(["<5", 20, C, 0]);
    expect(published.total).toBe(C);
    expect(published.anyHidden).toBe(true);
  });

  it("shows everything when no count is small", () => {
    const published = publishFigure(figure({ rows: [{ key: "a", label: "A", values: [5] }, { key: "b", label: "B", values: [0] }] }));
    expect(published.rows.map((r) => r.cells[0])).toEqual([5, 0]);
    expect(published.total).toBe(5);
    expect(published.anyHidden).toBe(false);
  });

  it("suppresses overlapping rows one by one, hiding a row's total and share with its small cell", () => {
    const published = publishFigure(
      figure({
        id: "barriers",
        exclusive: false,
        columns: [
          { label: "Some", kind: "count" },
          { label: "A lot", kind: "count" },
        ],
        rows: [
          { key: "device", label: "Device", values: [2, 30] },
          { key: "skills", label: "Skills", values: [12, 9] },
        ],
        base: { label: "triages", value: 60 },
      }),
    );
    // 2 is small; 30 goes too, or "some + a lot" minus 30 would give 2 away.
    expect(published.rows[0]).toMatchObject({ cells: ["<5", C], total: C, share: C, hidden: true });
    expect(published.rows[1]).toMatchObject({ cells: [12, 9], total: 21, share: "35%", hidden: false });
    expect(published.total).toBeNull();
    expect(published.base).toBe(60);
  });

  it("hides the hours beside a hidden count of people", () => {
    const published = publishFigure(
      figure({
        id: "people-helped",
        columns: [
          { label: "People helped", kind: "count" },
          { label: "Hours given", kind: "amount" },
        ],
        rows: [
          { key: "2026-01", label: "Jan", values: [2, 1.5] },
          { key: "2026-02", label: "Feb", values: [9, 6] },
          { key: "2026-03", label: "Mar", values: [30, 22] },
        ],
      }),
    );
    expect(published.rows.map((r) => r.cells)).toEqual([
      ["<5", C],
      [C, C],
      [30, 22],
    ]);
  });

  it("hides a small base and leaves listings (not people) alone", () => {
    expect(publishFigure(figure({ exclusive: false, base: { label: "triages", value: 3 }, rows: [{ key: "a", label: "A", values: [3] }] })).base).toBe("<5");
    const listings = publishFigure(figure({ id: "directory-health", aboutPeople: false, rows: [{ key: "a", label: "A", values: [2] }] }));
    expect(listings.rows[0].cells).toEqual([2]);
  });

  it("hides headline numbers resting on 1 to 4 people", () => {
    const key = { id: "median-first-action", label: "Median", value: "2 days", basis: 3, aboutPeople: true };
    expect(publishKeyFigure(key).value).toBe("Not shown (fewer than 5)");
    expect(publishKeyFigure({ ...key, basis: 5 }).value).toBe("2 days");
    expect(publishKeyFigure({ ...key, basis: 0, value: "0" }).value).toBe("0");
    expect(publishKeyFigure({ ...key, basis: 2, aboutPeople: false }).value).toBe("2 days");
  });
});

describe("views and CSV", () => {
  const levels = figure({
    base: { label: "triages", value: 31 },
    rows: [
      { key: "a", label: "Below Foundation", values: [3] },
      { key: "b", label: "Foundation", values: [20] },
      { key: "c", label: "Life", values: [8] },
    ],
  });

  it("shows exact counts in the coordinator's view", () => {
    const view = exactView(levels);
    expect(view.rows.map((r) => r.cells)).toEqual([
      ["3", "10%"],
      ["20", "65%"],
      ["8", "26%"],
    ]);
    expect(view.totalRow).toEqual(["31", "100%"]);
    expect(view.rows[0].valueText).toBe("3 (10%)");
  });

  it("draws no bar for a hidden count in the published view", () => {
    const view = publishedView(levels);
    expect(view.rows.map((r) => r.chartValues)).toEqual([[0], [20], [0]]);
    expect(view.rows[0].valueText).toBe("fewer than 5");
    expect(view.rows[2].valueText).toBe("hidden");
    expect(view.totalRow).toEqual([C, C]);
  });

  it("writes the published figure as CSV with the period and area on every line", () => {
    const csv = figureCsv(publishFigure(levels), { from: "2026-01-01", to: "2026-03-31", area: "Thanet" });
    expect(csv.split("\r\n")).toEqual([
      "Period from,Period to,Area,Level,Triages,Share of triages",
      "2026-01-01,2026-03-31,Thanet,Below Foundation,<5,<5",
      "2026-01-01,2026-03-31,Thanet,Foundation,20,65%",
      "2026-01-01,2026-03-31,Thanet,Life,[c],[c]",
      "2026-01-01,2026-03-31,Thanet,Total,[c],",
      "2026-01-01,2026-03-31,Thanet,All triages (what shares are of),31,",
      "",
    ]);
  });
});
