import { describe, expect, it } from "vitest";
import { type ReportData, buildReport, firstActionBand } from "~/reports/build-figures";
import { NO_OUTREACH } from "~/reports/outreach-figures";

const labels = {
  categories: [
    { id: "device-loan", name: "Device loan" },
    { id: "free-data", name: "Free data" },
  ],
  modules: [
    { id: "core-a", title: "Core A" },
    { id: "core-b", title: "Core B" },
  ],
};

const data: ReportData = {
  counts: [
    { measure: "mode", key: "self", count: 4 },
    { measure: "mode", key: "assisted", count: 6 },
    { measure: "barrier", key: "device:some", count: 2 },
    { measure: "barrier", key: "device:high", count: 3 },
    { measure: "barrier", key: "skills:high", count: 7 },
    { measure: "eds", key: "below-foundation", count: 7 },
    { measure: "eds", key: "life", count: 3 },
    { measure: "goal", key: "health", count: 5 },
    { measure: "referral", key: "live|closed|got-online|0", count: 3 },
    { measure: "referral", key: "live|outcome|received-device|0", count: 1 },
    { measure: "referral", key: "live|closed||1", count: 2 },
    { measure: "referral", key: "live|sent||0", count: 2 },
    { measure: "referral", key: "live|withdrawn||0", count: 1 },
    { measure: "referral", key: "logged|closed||0", count: 3 },
    { measure: "referral-service", key: "svc-both", count: 4 },
    { measure: "referral-service", key: "svc-data", count: 8 },
    { measure: "first-action", key: "0", count: 2 },
    { measure: "first-action", key: "1", count: 1 },
    { measure: "first-action", key: "4", count: 2 },
    { measure: "first-action", key: "12", count: 1 },
  ],
  serviceCategories: { "svc-both": ["device-loan", "free-data"], "svc-data": ["free-data"] },
  peopleHelped: [
    { day: "2026-01-05", people: 2, minutes: 60 },
    { day: "2026-01-20", people: 1, minutes: 45 },
    { day: "2026-03-02", people: 4, minutes: 150 },
  ],
  trainingPasses: [{ moduleId: "core-b", users: 6 }],
  listings: [
    { assuredDate: "2026-10-01", count: 5 },
    { assuredDate: "2026-02-01", count: 2 },
    { assuredDate: "2025-01-01", count: 1 },
    { assuredDate: null, count: 2 },
  ],
  openProblemReports: 3,
  outreach: NO_OUTREACH,
};

const report = buildReport(data, { period: { from: "2026-01-01", to: "2026-03-31" }, today: "2026-11-23", labels });
const rows = (id: string) => Object.fromEntries(report.figures.find((f) => f.id === id)!.rows.map((r) => [r.key, r.values]));
const key = (id: string) => report.keyFigures.find((k) => k.id === id)!.value;

describe("buildReport", () => {
  it("counts triages by mode, barriers by severity, levels and goals", () => {
    expect(rows("triage-modes")).toEqual({ self: [4], assisted: [6] });
    expect(rows("barriers").device).toEqual([2, 3]);
    expect(rows("barriers").skills).toEqual([0, 7]);
    expect(rows("barriers").language).toEqual([0, 0]);
    expect(report.figures.find((f) => f.id === "barriers")!.rows[0].key).toBe("skills"); // most common first
    expect(report.figures.find((f) => f.id === "barriers")!.base).toMatchObject({ label: "triages", value: 10 });
    expect(rows("skills-levels")).toEqual({ "below-foundation": [7], foundation: [0], life: [3], work: [0] });
    expect(rows("goals").health).toEqual([5]);
    expect(key("triages")).toBe("10");
  });

  it("counts referrals made, where they are, their kinds of help and outcomes", () => {
    expect(rows("referrals-made")).toEqual({ live: [9], logged: [3] });
    expect(rows("referral-statuses")).toMatchObject({ closed: [5], outcome: [1], sent: [2], withdrawn: [1], new: [0] });
    expect(rows("referral-categories")).toEqual({ "free-data": [12], "device-loan": [4] });
    expect(rows("referral-outcomes")).toMatchObject({ "got-online": [3], "received-device": [1], other: [0] });
    expect(rows("referral-results")).toEqual({ outcome: [4], "in-progress": [2], declined: [2], ended: [1] });
    expect(key("referrals")).toBe("12");
    expect(key("reached-outcome")).toBe("44%"); // 4 of 9 live referrals
  });

  it("bands the days to first action and takes their median", () => {
    expect(rows("first-action")).toEqual({ "0": [2], "1": [1], "2": [0], "3-5": [2], "6-10": [0], "11+": [1] });
    expect(key("median-first-action")).toBe("2.5 days"); // 0, 0, 1, 4, 4, 12
    expect([0, 1, 2, 3, 5, 6, 10, 11].map(firstActionBand)).toEqual(["0", "1", "2", "3-5", "3-5", "6-10", "6-10", "11+"]);
  });

  it("adds up people helped by month with hours, and training by core module", () => {
    expect(rows("people-helped")).toEqual({ "2026-01": [3, 1.8], "2026-02": [0, 0], "2026-03": [4, 2.5] });
    expect(key("people-helped")).toBe("7");
    expect(key("hours")).toBe("4.3");
    expect(rows("training")).toEqual({ "core-a": [0], "core-b": [6] });
  });

  it("sorts listings by when they were last checked, as of today", () => {
    expect(rows("directory-health")).toEqual({ recent: [5], "6-12": [2], "12+": [1], never: [2] });
    expect(key("verified")).toBe("50%");
    expect(key("problem-reports")).toBe("3");
  });

  it("writes each referral and triage number as a sum of the same underlying counts, so figures can be checked against each other", () => {
    // The underlying counts are the stored daily counts, by measure and key.
    const atoms = new Map<string, number>();
    for (const c of data.counts) if (["referral", "mode", "barrier", "eds", "goal"].includes(c.measure)) atoms.set(`${c.measure}:${c.key}`, c.count);
    const value = (terms: Record<string, number>) => Object.entries(terms).reduce((sum, [name, k]) => sum + k * (atoms.get(name) ?? 0), 0);
    const ids = ["triage-modes", "barriers", "skills-levels", "goals", "referrals-made", "referral-statuses", "referral-outcomes", "referral-results"];
    for (const figure of report.figures.filter((f) => ids.includes(f.id))) {
      for (const row of figure.rows) row.values.forEach((v, c) => expect(value(row.terms![c]), `${figure.id} ${row.key}`).toBe(v));
      if (figure.base) expect(value(figure.base.terms!), `${figure.id} base`).toBe(figure.base.value);
    }
    expect(value((report.keyTerms.referrals as { terms: Record<string, number> }).terms)).toBe(12);
    // Every triage has one level: the levels less the modes add up to nothing.
    expect(report.identities.map(value)).toEqual([0]);
  });

  it("draws empty figures, not errors, when nothing happened", () => {
    const empty = buildReport({ counts: [], serviceCategories: {}, peopleHelped: [], trainingPasses: [], listings: [], openProblemReports: 0, outreach: NO_OUTREACH }, { period: { from: "2026-01-01", to: "2026-01-31" }, today: "2026-11-23", labels });
    expect(empty.figures).toHaveLength(16);
    expect(empty.keyFigures.find((k) => k.id === "median-first-action")!.value).toBe("No referrals yet");
    expect(empty.keyFigures.find((k) => k.id === "reached-outcome")!.value).toBe("–");
  });
});
