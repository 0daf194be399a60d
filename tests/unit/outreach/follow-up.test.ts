import { describe, expect, it } from "vitest";
import { followUpToRecord } from "~/outreach/follow-up";

const SENT = "2026-03-01T10:00:00.000Z";
const day = (n: number) => new Date(Date.parse(SENT) + n * 24 * 60 * 60_000);

describe("followUpToRecord", () => {
  it("counts a check or referral within 30 days of the message going out", () => {
    expect(followUpToRecord({ sentAt: SENT, clickedAt: null, followedUp: null }, "check", day(0))).toBe("check");
    expect(followUpToRecord({ sentAt: SENT, clickedAt: null, followedUp: null }, "referral", day(30))).toBe("referral");
  });

  it("does not count one after 30 days", () => {
    expect(followUpToRecord({ sentAt: SENT, clickedAt: day(29).toISOString(), followedUp: null }, "check", new Date(day(30).getTime() + 1))).toBeNull();
  });

  it("counts only the first thing the person did after the message", () => {
    expect(followUpToRecord({ sentAt: SENT, clickedAt: null, followedUp: "check" }, "referral", day(2))).toBeNull();
  });

  it("takes a followed link as reaching the person when the sent time is not yet known", () => {
    expect(followUpToRecord({ sentAt: null, clickedAt: day(1).toISOString(), followedUp: null }, "check", day(1))).toBe("check");
    expect(followUpToRecord({ sentAt: null, clickedAt: null, followedUp: null }, "check", day(1))).toBeNull();
  });

  it("does not count something done before the message went", () => {
    expect(followUpToRecord({ sentAt: SENT, clickedAt: null, followedUp: null }, "check", day(-1))).toBeNull();
  });
});
