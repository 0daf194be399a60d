import { describe, expect, it } from "vitest";
import { filterQuery, parseReportFilters } from "~/reports/filters";

const today = "2026-11-23";
const areaIds = ["area-a", "area-b"];
const parse = (query: string) => parseReportFilters(new URLSearchParams(query), { today, areaIds });

describe("parseReportFilters", () => {
  it("defaults to the last 12 months, all areas, 5 km", () => {
    const result = parse("");
    expect(result.success && result.filters).toEqual({ preset: "last-12-months", period: { from: "2025-11-24", to: "2026-11-23" }, area: "all", distanceKm: 5 });
  });

  it("takes a preset, an allowed area and a distance", () => {
    const result = parse("period=last-3-months&area=area-b&distance=20");
    expect(result.success && result.filters).toEqual({ preset: "last-3-months", period: { from: "2026-08-24", to: "2026-11-23" }, area: "area-b", distanceKm: 20 });
  });

  it("takes typed dates, with or without choosing 'Choose dates'", () => {
    for (const query of ["period=custom&from=2026-01-01&to=2026-03-31", "from=2026-01-01&to=2026-03-31"]) {
      const result = parse(query);
      expect(result.success && result.filters.period).toEqual({ from: "2026-01-01", to: "2026-03-31" });
      expect(result.success && result.filters.preset).toBe("custom");
    }
  });

  it("ignores whatever is in the date boxes when a preset is chosen", () => {
    const result = parse("period=this-financial-year&from=rubbish&to=");
    expect(result.success && result.filters.period).toEqual({ from: "2026-04-01", to: "2026-11-23" });
  });

  it.each([
    ["period=custom", { from: "Enter a start date", to: "Enter an end date" }],
    ["period=custom&from=2026-02-30&to=2026-03-01", { from: "Start date must be a real date" }],
    ["period=custom&from=01/02/2026&to=2026-03-01", { from: "Start date must be a date like 2025-04-01" }],
    ["period=custom&from=2026-03-01&to=2026-02-01", { to: "End date must be the same as or after the start date" }],
    ["period=custom&from=2026-03-01&to=2027-01-01", { to: "End date must be today or in the past" }],
    ["period=custom&from=1999-12-31&to=2026-01-01", { from: "Start date must be in 2000 or later" }],
    ["period=forever", { period: "Choose a period from the list" }],
    ["area=someone-elses-area", { area: "Choose an area from the list" }],
    ["distance=3", { distance: "Choose a distance from the list" }],
    ["distance=far", { distance: "Choose a distance from the list" }],
  ])("refuses %s with a message for the field", (query, errors) => {
    const result = parse(query);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.errors).toEqual(errors);
  });

  it("echoes what was typed so the form can show it again", () => {
    const result = parse("period=custom&from=2026-13-01&to=2026-03-01&area=area-a");
    expect(result.values).toEqual({ period: "custom", from: "2026-13-01", to: "2026-03-01", area: "area-a" });
  });

  it("writes the filters back as a query that parses to the same filters", () => {
    for (const query of ["period=last-3-months&area=area-a", "from=2026-01-01&to=2026-02-01&area=all&distance=10"]) {
      const first = parse(query);
      if (!first.success) throw new Error("should parse");
      const again = parse(filterQuery(first.filters, { withDistance: true }));
      expect(again.success && again.filters).toEqual(first.filters);
    }
  });
});
