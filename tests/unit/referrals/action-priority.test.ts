import { describe, expect, it } from "vitest";
import type { ReferralStatus } from "~db/schema/referrals";
import { actionPriority, compareActionPriority, type PriorityReferral, STATUS_TIERS, TIER } from "~/referrals/action-priority";
import { REFERRAL_STATUSES } from "~/referrals/status-machine";

const NOW = "2026-03-04T10:00:00.000Z";

function referral(status: ReferralStatus, extra: Partial<PriorityReferral> = {}): PriorityReferral {
  return {
    kind: "live",
    status,
    safeguarding: 0,
    sent_at: status === "new" ? null : "2026-03-03T09:00:00.000Z",
    reminder_sent_at: null,
    coordinator_flagged_at: null,
    status_changed_at: "2026-03-03T09:00:00.000Z",
    ...extra,
  };
}

describe("what each role has to do", () => {
  it("puts a provider's unanswered referrals first, then the ones in progress", () => {
    expect(actionPriority(referral("sent"), "provider", NOW)).toMatchObject({ tier: TIER.due, needsAction: true, why: "Accept or decline" });
    expect(actionPriority(referral("attended"), "provider", NOW)).toMatchObject({ tier: TIER.toDo, why: "Record the outcome" });
    expect(actionPriority(referral("closed"), "provider", NOW)).toMatchObject({ tier: TIER.finished, needsAction: false, why: "" });
  });

  it("asks the referrer to act only on a decline", () => {
    for (const status of REFERRAL_STATUSES) {
      expect(actionPriority(referral(status), "referrer", NOW).needsAction).toBe(status === "declined");
    }
  });

  it("shows a coordinator what is going wrong", () => {
    for (const status of ["new", "declined", "couldnt-contact", "did-not-attend"] as const) {
      expect(actionPriority(referral(status), "coordinator", NOW).needsAction).toBe(true);
    }
    expect(actionPriority(referral("accepted"), "coordinator", NOW).needsAction).toBe(false);
  });

  it("gives every status a tier for every role, so a database query can sort the same way", () => {
    for (const role of ["provider", "referrer", "coordinator"] as const) {
      expect(Object.keys(STATUS_TIERS[role]).sort()).toEqual([...REFERRAL_STATUSES].sort());
    }
  });
});

describe("overdue and safeguarding come first", () => {
  // Sent Thursday 24 December 2026: five working days is Tuesday 5 January, ten is Tuesday 12 January.
  const sent = referral("sent", { sent_at: "2026-12-24T15:00:00.000Z", status_changed_at: "2026-12-24T15:00:00.000Z" });

  it("raises an unanswered referral for the provider from the fifth working day", () => {
    expect(actionPriority(sent, "provider", "2027-01-04T12:00:00Z").tier).toBe(TIER.due);
    expect(actionPriority(sent, "provider", "2027-01-05T12:00:00Z")).toMatchObject({ tier: TIER.urgent, why: "Overdue: accept or decline (5 working days)" });
  });

  it("raises it for the coordinator at five and makes it urgent at ten", () => {
    expect(actionPriority(sent, "coordinator", "2027-01-04T12:00:00Z").tier).toBe(TIER.waiting);
    expect(actionPriority(sent, "coordinator", "2027-01-05T12:00:00Z").tier).toBe(TIER.due);
    expect(actionPriority(sent, "coordinator", "2027-01-12T12:00:00Z")).toMatchObject({ tier: TIER.urgent, why: "Stuck: not answered in 10 working days" });
  });

  it("trusts the chaser job's records too", () => {
    expect(actionPriority({ ...sent, coordinator_flagged_at: "2027-01-12T08:00:00Z" }, "coordinator", "2026-12-29T12:00:00Z").tier).toBe(TIER.urgent);
  });

  it("puts a safeguarding concern at the top of the coordinator's list until the service accepts", () => {
    expect(actionPriority(referral("sent", { safeguarding: 1 }), "coordinator", NOW)).toMatchObject({ tier: TIER.urgent, why: expect.stringMatching(/Safeguarding/) });
    expect(actionPriority(referral("accepted", { safeguarding: 1 }), "coordinator", NOW).tier).toBe(TIER.waiting);
    expect(actionPriority(referral("sent", { safeguarding: 1 }), "provider", NOW).tier).toBe(TIER.due);
  });

  it("never asks anything of a logged signpost", () => {
    expect(actionPriority(referral("new", { kind: "logged" }), "coordinator", NOW)).toMatchObject({ tier: TIER.finished, needsAction: false });
  });
});

describe("compareActionPriority", () => {
  it("sorts by tier, then the longest wait first, but the latest first among finished ones", () => {
    const list = [
      { id: "closed-old", r: referral("closed", { status_changed_at: "2026-02-01T00:00:00Z" }) },
      { id: "accepted", r: referral("accepted", { status_changed_at: "2026-03-01T00:00:00Z" }) },
      { id: "sent-new", r: referral("sent", { status_changed_at: "2026-03-03T00:00:00Z" }) },
      { id: "closed-new", r: referral("closed", { status_changed_at: "2026-03-02T00:00:00Z" }) },
      { id: "sent-old", r: referral("sent", { status_changed_at: "2026-03-02T00:00:00Z" }) },
    ];
    const sorted = list
      .map((item) => ({ id: item.id, p: actionPriority(item.r, "provider", NOW) }))
      .sort((a, b) => compareActionPriority(a.p, b.p))
      .map((item) => item.id);
    expect(sorted).toEqual(["sent-old", "sent-new", "accepted", "closed-new", "closed-old"]);
  });
});
