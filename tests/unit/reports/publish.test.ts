import { describe, expect, it } from "vitest";
import { type ReportData, buildReport } from "~/reports/build-figures";
import { NO_OUTREACH } from "~/reports/outreach-figures";
import type { Figure } from "~/reports/figure";
import { figureCsv } from "~/reports/figure-csv";
import { exactView, publishedView } from "~/reports/figure-view";
import { publishFigure, publishKeyFigure } from "~/reports/publish";
import { WITHHELD_KEY_FIGURE, publishReport } from "~/reports/publish-report";

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

  it("hides a row that leaves 1 to 4 of the base out, so no one can subtract it from the base", () => {
    const published = publishFigure(
      figure({
        id: "barriers",
        exclusive: false,
        columns: [
          { label: "Some", kind: "count" },
          { label: "A lot", kind: "count" },
        ],
        rows: [
          { key: "device", label: "Device", values: [10, 7] },
          { key: "skills", label: "Skills", values: [0, 17] },
          { key: "support", label: "Support", values: [6, 9] },
        ],
        base: { label: "triages", value: 20 },
      }),
    );
    // 20 − 17 = 3 triages found no device barrier: both counts go, or the row total would say 17.
    expect(published.rows[0]).toMatchObject({ cells: [C, C], total: C, share: C, hidden: true });
    expect(published.rows[1]).toMatchObject({ cells: [0, C], total: C, share: C, hidden: true });
    // 20 − 15 = 5 is not small.
    expect(published.rows[2]).toMatchObject({ cells: [6, 9], total: 15, share: "75%", hidden: false });
    expect(published.base).toBe(20);
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

describe("publishReport: what the figures of one report give away together", () => {
  const labels = { categories: [{ id: "device-loan", name: "Device loan" }], modules: [{ id: "core-a", title: "Core A" }] };
  const period = { from: "2026-01-01", to: "2026-03-31" };
  const referrals = (groups: Record<string, number>): ReportData["counts"] => [
    ...Object.entries(groups).map(([key, count]) => ({ measure: "referral", key, count })),
    { measure: "referral-service", key: "svc", count: Object.values(groups).reduce((s, n) => s + n, 0) },
  ];
  function publish(counts: ReportData["counts"], more: Partial<ReportData> = {}) {
    const data: ReportData = { counts, serviceCategories: { svc: ["device-loan"] }, peopleHelped: [], trainingPasses: [], listings: [], openProblemReports: 0, outreach: NO_OUTREACH, ...more };
    const report = buildReport(data, { period, today: "2026-11-23", labels });
    const published = publishReport(report);
    const one = (id: string) => published.figures.find((f) => f.figure.id === id)!;
    return {
      cells: (id: string) => Object.fromEntries(one(id).rows.map((r) => [r.key, r.cells.length === 1 ? r.cells[0] : r.cells])),
      base: (id: string) => one(id).base,
      total: (id: string) => one(id).total,
      shares: (id: string) => one(id).rows.map((r) => r.share),
      key: (id: string) => published.keyFigures.find((k) => k.id === id)!.value,
      alone: (id: string) => publishFigure(report.figures.find((f) => f.id === id)!),
      published,
      report,
    };
  }

  it("withholds the referrals-and-signposts total wherever it appears when the signposts are hidden (20 referrals, 2 signposts)", () => {
    const r = publish(referrals({ "live|sent||0": 8, "live|accepted||0": 6, "live|closed|got-online|0": 6, "logged|closed||0": 2 }));
    expect(r.cells("referrals-made")).toEqual({ live: C, logged: "<5" });
    // Each figure on its own publishes the 22 and the 20: 22 − 20 = 2.
    expect(r.alone("referral-categories").base).toBe(22);
    expect(r.alone("referral-statuses").base).toBe(20);
    // Together, the 22 goes from the categories' base, their shares and the headline.
    expect(r.base("referral-categories")).toBe(C);
    expect(r.shares("referral-categories")).toEqual([C]);
    expect(r.key("referrals")).toBe(WITHHELD_KEY_FIGURE);
    // The 20 alone gives nothing away, so it stays.
    expect(r.base("referral-statuses")).toBe(20);
    expect(r.base("referral-results")).toBe(20);
    expect(r.key("reached-outcome")).toBe("30%");
  });

  it("checks one figure's rows against another's: declined cannot be worked out from the results, statuses and outcomes", () => {
    // 20 with consent: 6 new and 7 sent (in progress), 2 declined, 5 with an outcome.
    const r = publish(referrals({ "live|new||0": 6, "live|sent||0": 7, "live|declined||1": 2, "live|outcome|got-online|0": 5 }));
    // On its own the results figure hides "reached an outcome" (5) to protect the 2 declined …
    expect(r.alone("referral-results").rows.map((row) => row.cells[0])).toEqual([C, 13, "<5", 0]);
    // … but the outcomes figure's base is that 5, so 20 − 5 − 13 − 0 = 2 would follow.
    expect(r.base("referral-outcomes")).toBe(5);
    expect(r.cells("referral-results")).toEqual({ outcome: C, "in-progress": C, declined: "<5", ended: 0 });
    // New + sent is "in progress", and the statuses' base less them and the 5 outcomes is the 2 declined.
    expect(r.cells("referral-statuses")).toMatchObject({ new: 6, sent: C, declined: "<5", outcome: C });
  });

  it("withholds the share that reached an outcome when it would give a small count away", () => {
    // 3 of 20 reached an outcome: "15%" of a published 20 is 3.
    const r = publish(referrals({ "live|sent||0": 17, "live|outcome|got-online|0": 3 }));
    expect(publishKeyFigure(r.report.keyFigures.find((k) => k.id === "reached-outcome")!).value).toBe("15%");
    expect(r.base("referral-results")).toBe(20);
    expect(r.key("reached-outcome")).toBe(WITHHELD_KEY_FIGURE);
  });

  it("withholds a barrier row that leaves 1 to 4 triages out, and keeps the triage total", () => {
    const r = publish([
      { measure: "mode", key: "assisted", count: 12 },
      { measure: "mode", key: "self", count: 8 },
      { measure: "barrier", key: "device:high", count: 17 },
      { measure: "eds", key: "foundation", count: 20 },
    ]);
    expect(r.cells("barriers").device).toEqual([0, C]);
    expect(r.base("barriers")).toBe(20);
    expect(r.key("triages")).toBe("20");
  });

  it("changes nothing when no count is small, and keeps totals the suppression of each figure already allows for", () => {
    const r = publish(
      [
        { measure: "mode", key: "assisted", count: 40 },
        { measure: "mode", key: "self", count: 25 },
        { measure: "barrier", key: "device:some", count: 12 },
        { measure: "barrier", key: "device:high", count: 30 },
        { measure: "eds", key: "foundation", count: 35 },
        { measure: "eds", key: "life", count: 30 },
        { measure: "goal", key: "health", count: 20 },
        ...referrals({ "live|sent||0": 15, "live|closed|got-online|0": 10, "logged|closed||0": 9 }),
        { measure: "first-action", key: "1", count: 10 },
        { measure: "first-action", key: "4", count: 8 },
      ],
      // 2 people in January: hidden with February's 9, and the total of 41 still safe to give.
      { peopleHelped: [{ day: "2026-01-05", people: 2, minutes: 60 }, { day: "2026-02-05", people: 9, minutes: 300 }, { day: "2026-03-05", people: 30, minutes: 900 }] },
    );
    for (const figure of r.published.figures) {
      const alone = r.alone(figure.figure.id);
      expect({ id: figure.figure.id, rows: figure.rows, total: figure.total, base: figure.base }).toEqual({ id: alone.figure.id, rows: alone.rows, total: alone.total, base: alone.base });
    }
    expect(r.published.keyFigures).toEqual(r.report.keyFigures);
    expect(r.cells("people-helped")).toEqual({ "2026-01": ["<5", C], "2026-02": [C, C], "2026-03": [30, 15] });
    expect(r.key("people-helped")).toBe("41");
  });
});
