import { describe, expect, it } from "vitest";
import { classifyNotifyFailure, MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from "~/messaging/delivery";

const MINUTE = 60_000;

describe("retryDelayMs", () => {
  it("follows 1 min, 5 min, 30 min, 2 h, 6 h without jitter at the midpoint", () => {
    const delays = [1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, () => 0.5));
    expect(delays).toEqual([1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE]);
  });

  it("gives up after the sixth attempt", () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(retryDelayMs(6, () => 0.5)).toBeNull();
    expect(retryDelayMs(0, () => 0.5)).toBeNull();
  });

  it("spreads retries by up to a fifth either way", () => {
    expect(retryDelayMs(2, () => 0)).toBe(4 * MINUTE);
    expect(retryDelayMs(2, () => 0.999999)).toBe(Math.round(5 * MINUTE * (1 + 0.2 * (2 * 0.999999 - 1))));
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(3)!;
      expect(delay).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[2] * 0.8);
      expect(delay).toBeLessThanOrEqual(RETRY_DELAYS_MS[2] * 1.2);
    }
  });
});

describe("classifyNotifyFailure", () => {
  it.each([
    [{ status: 429, errorType: "RateLimitError" }, { kind: "retry", reason: "429 RateLimitError" }],
    [{ status: 429, errorType: "TooManyRequestsError" }, { kind: "retry", reason: "429 TooManyRequestsError" }],
    [{ status: 500, errorType: "Exception" }, { kind: "retry", reason: "500 Exception" }],
    [{ status: 503 }, { kind: "retry", reason: "503" }],
    [{ code: "ECONNRESET" }, { kind: "retry", reason: "network ECONNRESET" }],
    [{}, { kind: "retry", reason: "network unknown" }],
    [{ status: 400, errorType: "ValidationError" }, { kind: "failed", reason: "400 ValidationError" }],
    [{ status: 400, errorType: "BadRequestError" }, { kind: "failed", reason: "400 BadRequestError" }],
    [{ status: 403, errorType: "AuthError" }, { kind: "failed", reason: "403 AuthError" }],
    [{ status: 404 }, { kind: "failed", reason: "404" }],
  ])("%j → %j", (failure, outcome) => {
    expect(classifyNotifyFailure(failure)).toEqual(outcome);
  });

  it("never stores free text that came back in place of an error type", () => {
    expect(classifyNotifyFailure({ status: 400, errorType: "phone_number Not a UK mobile number 07700900982" })).toEqual({
      kind: "failed",
      reason: "400",
    });
    expect(classifyNotifyFailure({ code: "something with spaces" })).toEqual({ kind: "retry", reason: "network unknown" });
  });
});
