import { describe, expect, it } from "vitest";
import { addDays, addMonths, describeMonth, describePeriod, financialYearStart, lastDayOfMonth, monthsOf, periodInstants, presetPeriod, splitByWholeMonths, startOfUkDay } from "~/reports/period";
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

describe("a period as whole months and the days at its ends", () => {
  it("knows the last day of each month, leap years included", () => {
    expect(lastDayOfMonth("2026-02")).toBe("2026-02-28");
    expect(lastDayOfMonth("2028-02")).toBe("2028-02-29");
    expect(lastDayOfMonth("2026-12")).toBe("2026-12-31");
  });

  it("splits the last 12 months into part months at each end and whole months between", () => {
    expect(splitByWholeMonths(presetPeriod("last-12-months", "2026-11-23"))).toEqual({
      months: { first: "2025-12", last: "2026-10" },
      days: [
        { from: "2025-11-24", to: "2025-11-30" },
        { from: "2026-11-01", to: "2026-11-23" },
      ],
    });
  });

  it("needs no days for whole months, and no months inside one month", () => {
    expect(splitByWholeMonths({ from: "2026-01-01", to: "2026-03-31" })).toEqual({ months: { first: "2026-01", last: "2026-03" }, days: [] });
    expect(splitByWholeMonths({ from: "2026-02-01", to: "2026-02-28" })).toEqual({ months: { first: "2026-02", last: "2026-02" }, days: [] });
    expect(splitByWholeMonths({ from: "2026-02-02", to: "2026-02-28" })).toEqual({ months: null, days: [{ from: "2026-02-02", to: "2026-02-28" }] });
    expect(splitByWholeMonths({ from: "2026-01-31", to: "2026-02-27" })).toEqual({ months: null, days: [{ from: "2026-01-31", to: "2026-02-27" }] });
  });

  it("keeps a single day at either end, across the turn of a year", () => {
    expect(splitByWholeMonths({ from: "2025-12-31", to: "2026-03-01" })).toEqual({
      months: { first: "2026-01", last: "2026-02" },
      days: [
        { from: "2025-12-31", to: "2025-12-31" },
        { from: "2026-03-01", to: "2026-03-01" },
      ],
    });
  });

  it("covers every day of a period exactly once", () => {
    for (const [from, to] of [["2025-11-24", "2026-11-23"], ["2026-04-01", "2026-04-30"], ["2026-03-15", "2026-05-02"], ["2024-02-29", "2024-03-01"]]) {
      const { months, days } = splitByWholeMonths({ from, to });
      const covered: string[] = [];
      for (const run of days) for (let day = run.from; day <= run.to; day = addDays(day, 1)) covered.push(day);
      if (months) for (const month of monthsOf({ from: `${months.first}-01`, to: `${months.last}-01` })) for (let day = `${month}-01`; day <= lastDayOfMonth(month); day = addDays(day, 1)) covered.push(day);
      const expected: string[] = [];
      for (let day = from; day <= to; day = addDays(day, 1)) expected.push(day);
      expect(covered.sort()).toEqual(expected);
    }
  });
});

