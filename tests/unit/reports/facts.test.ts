import { describe, expect, it } from "vitest";
import { parseReferralKey, referralFacts, referralKey } from "~/reports/referral-facts";
import { parseBarrierKey, triageFacts } from "~/reports/triage-facts";

describe("triageFacts", () => {
  it("counts the mode, barriers found with their severity, the skills level and each goal once", () => {
    const facts = triageFacts({
      mode: "assisted",
      result: {
        barriers: { device: { severity: "high" }, skills: { severity: "some" }, language: { severity: "none" } },
        skills: { level: "foundation" },
        goals: ["job-search", "health", "job-search"],
      },
    });
    expect(facts).toEqual([
      { measure: "mode", key: "assisted" },
      { measure: "barrier", key: "device:high" },
      { measure: "barrier", key: "skills:some" },
      { measure: "eds", key: "foundation" },
      { measure: "goal", key: "job-search" },
      { measure: "goal", key: "health" },
    ]);
  });

  it("reads barrier keys back", () => {
    expect(parseBarrierKey("device:high")).toEqual({ barrier: "device", severity: "high" });
    expect(parseBarrierKey("device:none")).toBeNull();
    expect(parseBarrierKey("device")).toBeNull();
  });
});

describe("referralFacts", () => {
  const referral = {
    kind: "live",
    status: "closed",
    outcome: "got-online",
    decline_reason: null,
    service_id: "svc-1",
    created_at: "2026-06-01T22:30:00.000Z", // 23:30 on 1 June in the UK
    first_action_at: "2026-06-02T08:00:00.000Z",
  };

  it("keys the referral by kind, status, outcome and decline, and counts its service", () => {
    const facts = referralFacts(referral);
    expect(facts).toEqual([
      { measure: "referral", key: "live|closed|got-online|0" },
      { measure: "referral-service", key: "svc-1" },
      { measure: "first-action", key: "1" },
    ]);
    expect(parseReferralKey(facts[0].key)).toEqual({ kind: "live", status: "closed", outcome: "got-online", declined: false });
  });

  it("counts days in UK time, and nothing for signposts or referrals not yet acted on", () => {
    expect(referralFacts({ ...referral, first_action_at: "2026-06-01T22:50:00.000Z" })[2]).toEqual({ measure: "first-action", key: "0" });
    expect(referralFacts({ ...referral, first_action_at: null })).toHaveLength(2);
    expect(referralFacts({ ...referral, kind: "logged" })).toHaveLength(2);
  });

  it("marks declined referrals and reads keys back", () => {
    expect(referralKey("live", "closed", null, true)).toBe("live|closed||1");
    expect(parseReferralKey("live|closed||1")).toEqual({ kind: "live", status: "closed", outcome: null, declined: true });
    expect(parseReferralKey("nonsense")).toBeNull();
  });
});
