import { describe, expect, it } from "vitest";
import { COMPLEMENTARY_MARKER, suppressSmallCounts } from "~/reports/disclosure";

const C = COMPLEMENTARY_MARKER;
const options = { threshold: 5 };

describe("suppressSmallCounts", () => {
  it("hides counts from 1 to 4, keeps 0 and counts of 5 or more", () => {
    const result = suppressSmallCounts([[0, 1, 4, 5, 12, 3]], options);
    // Two small cells in the row already protect each other, so nothing else is hidden.
    expect(result.cells).toEqual([[0, "<5", "<5", 5, 12, "<5"]]);
    expect(result.status[0]).toEqual(["shown", "small", "small", "shown", "shown", "small"]);
  });

  it("hides the next smallest cell when a row has exactly one small count", () => {
    const result = suppressSmallCounts([[20, 3, 9, 7, 0]], options);
    expect(result.cells).toEqual([[20, "<5", 9, C, 0]]);
    expect(result.status[0][3]).toBe("complementary");
    // The total would give away 3 + 7 = 10, so it is withheld too.
    expect(result.rowTotals).toEqual([C]);
  });

  it("never leaves a lone hidden cell in any row or column, even after hiding spreads", () => {
    const table = [
      [2, 10, 11, 30],
      [8, 6, 25, 40],
      [9, 15, 7, 50],
    ];
    const { status } = suppressSmallCounts(table, options);
    for (const row of status) expect(row.filter((s) => s !== "shown").length).not.toBe(1);
    for (let c = 0; c < 4; c++) expect(status.map((row) => row[c]).filter((s) => s !== "shown").length).not.toBe(1);
    // The row needs one more hidden cell (6 is smallest) and so does the column (8 is smallest).
    expect(status[0][0]).toBe("small");
    expect(status[1][0]).toBe("complementary");
  });

  it("cannot be undone by subtracting visible cells from the published totals", () => {
    const table = [
      [1, 6, 12],
      [7, 9, 10],
      [30, 31, 32],
    ];
    const result = suppressSmallCounts(table, options);
    table.forEach((_, r) => {
      const hidden = result.status[r].filter((s) => s !== "shown").length;
      expect(hidden).not.toBe(1);
      if (hidden > 0) expect(result.rowTotals[r]).toBe(C);
    });
    expect(result.cells[0]).toEqual(["<5", C, 12]);
    expect(result.cells[1]).toEqual([C, C, 10]);
    expect(result.columnTotals).toEqual([C, C, 54]);
    expect(result.rowTotals[2]).toBe(93);
    expect(result.grandTotal).toBe(C);
  });

  it("publishes totals for rows and columns with nothing hidden", () => {
    const result = suppressSmallCounts(
      [
        [5, 6],
        [7, 8],
      ],
      options,
    );
    expect(result.rowTotals).toEqual([11, 15]);
    expect(result.columnTotals).toEqual([12, 14]);
    expect(result.grandTotal).toBe(26);
  });

  it("shows a small total as small, not as a number", () => {
    const result = suppressSmallCounts([[2, 0, 0]], options);
    expect(result.cells).toEqual([["<5", 0, 0]]);
    expect(result.rowTotals).toEqual(["<5"]);
  });

  it("does not hide zeros to protect a small count", () => {
    // Hiding a zero would tell a reader the hidden cells add up to the small count.
    const result = suppressSmallCounts([[3, 0, 0]], options);
    expect(result.status[0]).toEqual(["small", "shown", "shown"]);
  });

  it("follows the threshold it is given", () => {
    expect(suppressSmallCounts([[9, 10, 20]], { threshold: 10 }).cells).toEqual([["<10", C, 20]]);
  });

  it("handles an empty table", () => {
    expect(suppressSmallCounts([], options)).toEqual({ cells: [], status: [], rowTotals: [], columnTotals: [], grandTotal: 0 });
  });

  it("refuses things that are not counts", () => {
    expect(() => suppressSmallCounts([[1.5]], options)).toThrow(/not a count/);
    expect(() => suppressSmallCounts([[-1]], options)).toThrow(/not a count/);
    expect(() => suppressSmallCounts([[1, 2], [3]], options)).toThrow(/row 1/);
    expect(() => suppressSmallCounts([[1]], { threshold: 1 })).toThrow(/threshold/);
  });

  it("withholds cells asked for, as complementary, and protects them like any other", () => {
    // 17 of 20 found a barrier in the first row, so 3 did not: the 17 is withheld, then enough
    // others that no row or column total can give it back.
    const result = suppressSmallCounts(
      [
        [20, 17],
        [30, 12],
        [40, 25],
      ],
      { ...options, withhold: [[false, true], [false, false], [false, false]] },
    );
    expect(result.cells).toEqual([
      [C, C],
      [C, C],
      [40, 25],
    ]);
    expect(result.status[0][1]).toBe("complementary");
    // A withheld 0 stays 0: "none" gives nothing away.
    expect(suppressSmallCounts([[0, 9]], { ...options, withhold: [[true, false]] }).cells).toEqual([[0, 9]]);
  });
});
