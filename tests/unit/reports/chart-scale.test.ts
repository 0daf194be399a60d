import { describe, expect, it } from "vitest";
import { niceStep, percentOf, scaleFor, wrapLabel } from "~/reports/chart-scale";

describe("chart scale", () => {
  it("rounds steps up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.3, 1, 1.2, 3, 7, 23, 240, 4100].map(niceStep)).toEqual([0.5, 1, 2, 5, 10, 25, 250, 5000]);
  });

  it("makes an axis from zero that holds the largest value", () => {
    expect(scaleFor(37)).toEqual({ max: 40, ticks: [0, 10, 20, 30, 40] });
    expect(scaleFor(1000)).toEqual({ max: 1000, ticks: [0, 250, 500, 750, 1000] });
    expect(scaleFor(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(scaleFor(0)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("turns values into bar lengths", () => {
    expect(percentOf(37, 40)).toBe(92.5);
    expect(percentOf(0, 40)).toBe(0);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(50, 40)).toBe(100);
  });

  it("wraps long labels at spaces", () => {
    expect(wrapLabel("Connection (broadband, mobile data, signal)", 32)).toEqual(["Connection (broadband, mobile", "data, signal)"]);
    expect(wrapLabel("Short", 32)).toEqual(["Short"]);
    expect(wrapLabel("", 32)).toEqual([""]);
  });
});
