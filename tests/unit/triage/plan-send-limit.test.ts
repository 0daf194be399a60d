import { describe, expect, it } from "vitest";
import { MAX_PLAN_SENDS_PER_WINDOW, PLAN_SEND_WINDOW_MS, nextPlanSendAt, planSendLimitMessage } from "~/triage/plan-send-limit";

const now = new Date("2026-03-02T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("nextPlanSendAt", () => {
  it("lets a plan be sent up to 3 times an hour", () => {
    expect(MAX_PLAN_SENDS_PER_WINDOW).toBe(3);
    expect(PLAN_SEND_WINDOW_MS).toBe(60 * 60 * 1000);
    expect(nextPlanSendAt([], now)).toBeNull();
    expect(nextPlanSendAt([minutesAgo(5), minutesAgo(1)], now)).toBeNull();
  });

  it("refuses a fourth send within the hour, until the oldest of the last three is an hour old", () => {
    expect(nextPlanSendAt([minutesAgo(1), minutesAgo(40), minutesAgo(10)], now)).toEqual(minutesAgo(40 - 60));
    // Four in the hour (one slipped in before the limit existed): the wait is for the second oldest.
    expect(nextPlanSendAt([minutesAgo(50), minutesAgo(30), minutesAgo(20), minutesAgo(10)], now)).toEqual(minutesAgo(30 - 60));
  });

  it("does not count sends an hour old or more", () => {
    expect(nextPlanSendAt([minutesAgo(60), minutesAgo(90), minutesAgo(2), minutesAgo(1)], now)).toBeNull();
    expect(nextPlanSendAt([minutesAgo(59), minutesAgo(2), minutesAgo(1)], now)).toEqual(minutesAgo(-1));
  });
});

describe("planSendLimitMessage", () => {
  it("says in plain words how long to wait, rounding up to whole minutes", () => {
    expect(planSendLimitMessage(minutesAgo(-20), now)).toBe("This plan has been sent 3 times in the last hour. You can send it again in 20 minutes.");
    expect(planSendLimitMessage(new Date(now.getTime() + 5_000), now)).toContain("again in 1 minute.");
  });
});
