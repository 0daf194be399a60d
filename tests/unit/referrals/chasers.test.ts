import { describe, expect, it } from "vitest";
import { chaserDates, chasersDue, type ChaserReferral, workingDaysUnanswered } from "~/referrals/chasers";

// Sent on Christmas Eve 2026 (a Thursday), mid-afternoon.
const SENT = "2026-12-24T15:00:00.000Z";

function waiting(overrides: Partial<ChaserReferral> = {}): ChaserReferral {
  return { kind: "live", status: "sent", sent_at: SENT, reminder_sent_at: null, coordinator_flagged_at: null, ...overrides };
}

const NEITHER = { remindProvider: false, flagCoordinator: false };

describe("chasers across Christmas, a weekend, the Boxing Day substitute and New Year", () => {
  it("falls due on Tuesday 5 January (reminder) and Tuesday 12 January 2027 (coordinator)", () => {
    expect(chaserDates(SENT)).toEqual({ remindOn: "2027-01-05", flagOn: "2027-01-12" });
  });

  it.each([
    ["2026-12-28T10:00:00Z", 0, NEITHER],
    ["2026-12-29T10:00:00Z", 1, NEITHER],
    ["2027-01-01T10:00:00Z", 3, NEITHER],
    ["2027-01-04T23:59:00Z", 4, NEITHER],
    ["2027-01-05T00:01:00Z", 5, { remindProvider: true, flagCoordinator: false }],
    ["2027-01-11T16:00:00Z", 9, { remindProvider: true, flagCoordinator: false }],
    ["2027-01-12T08:00:00Z", 10, { remindProvider: true, flagCoordinator: true }],
  ])("at %s: %i working days, %o", (now, days, expected) => {
    expect(workingDaysUnanswered(waiting(), now)).toBe(days);
    expect(chasersDue(waiting(), now)).toEqual(expected);
  });
});

describe("chasers across an ordinary weekend and a summer evening in London", () => {
  it("counts a referral sent at 23:30 on a Friday in summer (22:30 UTC) from that Friday", () => {
    const sent = "2026-06-05T22:30:00.000Z";
    expect(chaserDates(sent)).toEqual({ remindOn: "2026-06-12", flagOn: "2026-06-19" });
    expect(chasersDue(waiting({ sent_at: sent }), "2026-06-11T12:00:00Z")).toEqual(NEITHER);
    expect(chasersDue(waiting({ sent_at: sent }), "2026-06-11T23:30:00Z").remindProvider).toBe(true);
  });
});

describe("each chaser goes once", () => {
  it("does not remind again once a reminder has been sent", () => {
    expect(chasersDue(waiting({ reminder_sent_at: "2027-01-05T09:00:00Z" }), "2027-01-06T09:00:00Z")).toEqual(NEITHER);
  });

  it("does not flag again once the coordinator has been told", () => {
    const both = waiting({ reminder_sent_at: "2027-01-05T09:00:00Z", coordinator_flagged_at: "2027-01-12T09:00:00Z" });
    expect(chasersDue(both, "2027-02-01T09:00:00Z")).toEqual(NEITHER);
  });

  it("sends both when the job has not run since before the reminder was due", () => {
    expect(chasersDue(waiting(), "2027-01-20T09:00:00Z")).toEqual({ remindProvider: true, flagCoordinator: true });
  });
});

describe("no chasers once the service has answered, or for what was never sent", () => {
  it.each(["new", "accepted", "declined", "contacted", "withdrawn", "closed"] as const)("none when the status is %s", (status) => {
    expect(chasersDue(waiting({ status }), "2027-02-01T09:00:00Z")).toEqual(NEITHER);
  });

  it("none for a logged signpost or a referral with no sent time", () => {
    expect(chasersDue(waiting({ kind: "logged" }), "2027-02-01T09:00:00Z")).toEqual(NEITHER);
    expect(chasersDue(waiting({ sent_at: null }), "2027-02-01T09:00:00Z")).toEqual(NEITHER);
  });
});
