import { describe, expect, it } from "vitest";
import { addMonths, describeMonth, describePeriod, financialYearStart, monthsOf, periodInstants, presetPeriod, startOfUkDay } from "~/reports/period";
import { daysBetween, formatShare, hoursFromMinutes, median, share, weightedMedian } from "~/reports/stats";

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it("gives the same answer from counted values as from the values spelled out", () => {
    const counted = [
      { value: 0, count: 3 },
      { value: 2, count: 1 },
      { value: 1, count: 2 },
      { value: 9, count: 0 },
    ];
    expect(weightedMedian(counted)).toBe(median([0, 0, 0, 1, 1, 2]));
    expect(weightedMedian([{ value: 4, count: 1 }, { value: 10, count: 1 }])).toBe(7);
    expect(weightedMedian([{ value: 3, count: 5 }])).toBe(3);
    expect(weightedMedian([{ value: 3, count: 0 }])).toBeNull();
  });
});

describe("shares and units", () => {
  it("has no share of nothing, and rounds to whole per cent", () => {
    expect(share(1, 0)).toBeNull();
    expect(formatShare(share(1, 3))).toBe("33%");
    expect(formatShare(share(1, 1000))).toBe("less than 1%");
    expect(formatShare(0)).toBe("0%");
    expect(formatShare(null)).toBe("–");
  });

  it("counts calendar days and hours", () => {
    expect(daysBetween("2026-03-27", "2026-03-30")).toBe(3);
    expect(daysBetween("2026-03-28", "2026-03-29")).toBe(1); // the clocks change overnight
    expect(hoursFromMinutes(95)).toBe(1.6);
  });
});

describe("periods", () => {
  it("works out the presets from today", () => {
    expect(presetPeriod("last-3-months", "2026-11-23")).toEqual({ from: "2026-08-24", to: "2026-11-23" });
    expect(presetPeriod("last-12-months", "2026-11-23")).toEqual({ from: "2025-11-24", to: "2026-11-23" });
    expect(presetPeriod("this-financial-year", "2026-11-23")).toEqual({ from: "2026-04-01", to: "2026-11-23" });
    expect(presetPeriod("this-financial-year", "2027-03-31")).toEqual({ from: "2026-04-01", to: "2027-03-31" });
    expect(financialYearStart("2026-04-01")).toBe("2026-04-01");
  });

  it("keeps to the end of shorter months", () => {
    expect(addMonths("2026-05-31", -3)).toBe("2026-02-28");
    expect(addMonths("2024-05-31", -3)).toBe("2024-02-29");
    expect(addMonths("2026-01-15", 1)).toBe("2026-02-15");
  });

  it("starts a UK day at midnight UK time, GMT or BST", () => {
    expect(startOfUkDay("2026-01-10")).toBe("2026-01-10T00:00:00.000Z");
    expect(startOfUkDay("2026-06-01")).toBe("2026-05-31T23:00:00.000Z");
    expect(startOfUkDay("2026-03-29")).toBe("2026-03-29T00:00:00.000Z"); // clocks go forward at 01:00
    expect(periodInstants({ from: "2026-06-01", to: "2026-06-30" })).toEqual({ fromInstant: "2026-05-31T23:00:00.000Z", toInstantExclusive: "2026-06-30T23:00:00.000Z" });
  });

  it("lists the months a period touches and reads them aloud", () => {
    expect(monthsOf({ from: "2025-11-24", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(describeMonth("2026-04")).toBe("Apr 2026");
    expect(describePeriod({ from: "2026-04-01", to: "2027-03-31" })).toBe("1 April 2026 to 31 March 2027");
    expect(describePeriod({ from: "2026-04-01", to: "2026-04-01" })).toBe("1 April 2026");
  });
});
