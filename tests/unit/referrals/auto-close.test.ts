import { describe, expect, it } from "vitest";
import type { ReferralKind, ReferralStatus } from "~db/schema/referrals";
import { autoCloseNote, CLOSE_SETTLED_AFTER_DAYS, CLOSE_UNTOUCHED_AFTER_DAYS } from "~/referrals/auto-close";
import { ACTIVE_STATUSES, SETTLED_STATUSES } from "~/referrals/status-machine";

const NOW = new Date("2026-06-30T12:00:00.000Z");
const daysAgo = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * 86_400_000 + extraMs).toISOString();
const referral = (status: ReferralStatus, changedAt: string, kind: ReferralKind = "live") => ({ kind, status, status_changed_at: changedAt });

describe("autoCloseNote", () => {
  it("closes a settled referral four weeks after it settled, not a moment before", () => {
    expect(CLOSE_SETTLED_AFTER_DAYS).toBe(28);
    for (const status of SETTLED_STATUSES) {
      expect(autoCloseNote(referral(status, daysAgo(28)), NOW), status).toBe("Closed by Waymark 4 weeks after it was settled.");
      expect(autoCloseNote(referral(status, daysAgo(28, 1)), NOW), status).toBeNull();
    }
  });

  it("closes any open referral after 13 weeks without a change, not a moment before", () => {
    expect(CLOSE_UNTOUCHED_AFTER_DAYS).toBe(91);
    for (const status of ACTIVE_STATUSES) {
      expect(autoCloseNote(referral(status, daysAgo(91)), NOW), status).toBe("Closed by Waymark: nothing had changed for 13 weeks.");
      expect(autoCloseNote(referral(status, daysAgo(91, 1)), NOW), status).toBeNull();
      // Four weeks is the settled rule only: an open referral then is still being worked on.
      expect(autoCloseNote(referral(status, daysAgo(60)), NOW), status).toBeNull();
    }
  });

  it("leaves final referrals, logged signposts and unreadable times alone", () => {
    for (const status of ["closed", "withdrawn"] as const) expect(autoCloseNote(referral(status, daysAgo(400)), NOW)).toBeNull();
    expect(autoCloseNote(referral("new", daysAgo(400), "logged"), NOW)).toBeNull();
    expect(autoCloseNote(referral("declined", "not a time"), NOW)).toBeNull();
  });
});
