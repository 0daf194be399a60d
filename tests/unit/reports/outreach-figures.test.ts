import { describe, expect, it } from "vitest";
import { buildReport } from "~/reports/build-figures";
import { NO_OUTREACH, type OutreachFacts, outreachFigures } from "~/reports/outreach-figures";
import { publishReport, WITHHELD_KEY_FIGURE } from "~/reports/publish-report";

const C = "[c]";
const labels = { categories: [{ id: "device-loan", name: "Device loan" }], modules: [{ id: "core-a", title: "Core A" }] };

function facts(more: Partial<Omit<OutreachFacts, "statuses">> & { statuses?: Partial<OutreachFacts["statuses"]> }): OutreachFacts {
  return { ...NO_OUTREACH, ...more, statuses: { ...NO_OUTREACH.statuses, ...more.statuses } };
}

function publish(outreach: OutreachFacts) {
  const report = buildReport({ counts: [], serviceCategories: {}, peopleHelped: [], trainingPasses: [], listings: [], openProblemReports: 0, outreach }, { period: { from: "2026-01-01", to: "2026-03-31" }, today: "2026-11-23", labels });
  const published = publishReport(report);
  const cells = (id: string) => Object.fromEntries(published.figures.find((f) => f.figure.id === id)!.rows.map((r) => [r.key, r.cells.length === 1 ? r.cells[0] : r.cells]));
  const key = (id: string) => published.keyFigures.find((k) => k.id === id)!.value;
  return { cells, key, base: (id: string) => published.figures.find((f) => f.figure.id === id)!.base };
}

describe("outreach figures", () => {
  it("sorts recipients by where their message got to, and counts sent as handed to Notify", () => {
    const built = outreachFigures(facts({ campaigns: 3, statuses: { delivered: 40, sent: 6, failed: 7, "opted-out": 5, skipped: 9, queued: 2, sending: 3 }, clicked: 12, followedUp: 5 }));
    const rows = (id: string) => Object.fromEntries(built.figures.find((f) => f.id === id)!.rows.map((r) => [r.key, r.values]));
    expect(rows("outreach-messages")).toEqual({ delivered: [40], sent: [6], failed: [7], "opted-out": [5], skipped: [9], waiting: [5] });
    expect(rows("outreach-follow-up")).toEqual({ clicked: [12], "followed-up": [5] });
    expect(built.figures.find((f) => f.id === "outreach-follow-up")!.base!.value).toBe(46);
    expect(built.keys.map((k) => [k.id, k.value])).toEqual([
      ["outreach-campaigns", "3"],
      ["outreach-sent", "53"],
    ]);
  });

  it("hides a small count of failures, and the messages-sent headline that would give it away", () => {
    const r = publish(facts({ campaigns: 2, statuses: { delivered: 40, failed: 3 }, clicked: 10, followedUp: 6 }));
    expect(r.cells("outreach-messages")).toMatchObject({ delivered: C, failed: "<5", sent: 0 });
    // 43 sent less 40 delivered would be the 3 failures.
    expect(r.key("outreach-sent")).toBe(WITHHELD_KEY_FIGURE);
    // Campaigns are not people, so their number always shows.
    expect(r.key("outreach-campaigns")).toBe("2");
  });

  it("hides who followed up when it leaves 1 to 4 of the people reached out", () => {
    const r = publish(facts({ statuses: { delivered: 20 }, clicked: 17, followedUp: 8 }));
    // 20 reached and 17 clicked: 3 did not.
    expect(r.cells("outreach-follow-up")).toMatchObject({ clicked: C, "followed-up": 8 });
    expect(r.base("outreach-follow-up")).toBe(20);
  });

  it("hides a follow-up count under 5", () => {
    const r = publish(facts({ statuses: { delivered: 30 }, clicked: 9, followedUp: 2 }));
    expect(r.cells("outreach-follow-up")).toMatchObject({ clicked: 9, "followed-up": "<5" });
  });

  it("hides small numbers of sign-ups and stops by channel", () => {
    const r = publish(facts({ joined: { sms: 12, email: 2 }, stopped: { sms: 6, email: 0 } }));
    expect(r.cells("outreach-consents")).toMatchObject({ joined: [C, "<5"], stopped: [6, 0] });
  });
});
