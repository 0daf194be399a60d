import { describe, expect, it } from "vitest";
import { monthlyChanges, monthOfDay } from "~/reports/monthly-counts.server";

describe("monthly count changes", () => {
  it("takes the UK month from the UK day", () => {
    expect(monthOfDay("2026-04-01")).toBe("2026-04");
  });

  it("adds up a month's days and drops changes that cancel out, in key order", () => {
    expect(
      monthlyChanges([
        { day: "2026-02-03", area_id: "b", measure: "mode", key: "self", count: 1 },
        { day: "2026-02-20", area_id: "b", measure: "mode", key: "self", count: 2 },
        { day: "2026-01-31", area_id: "b", measure: "mode", key: "self", count: 1 },
        { day: "2026-02-04", area_id: "a", measure: "referral", key: "live|sent||0", count: 1 },
        { day: "2026-02-09", area_id: "a", measure: "referral", key: "live|sent||0", count: -1 },
        { day: "2026-02-09", area_id: "a", measure: "referral", key: "live|declined||1", count: 1 },
      ]),
    ).toEqual([
      { month: "2026-01", area_id: "b", measure: "mode", key: "self", count: 1 },
      { month: "2026-02", area_id: "a", measure: "referral", key: "live|declined||1", count: 1 },
      { month: "2026-02", area_id: "b", measure: "mode", key: "self", count: 3 },
    ]);
  });
});
