import { describe, expect, it } from "vitest";
import { lockedUntil, THROTTLE_WINDOW_MS } from "~/accounts/throttle";

const now = new Date("2026-11-23T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const fail = (minutes: number) => ({ succeeded: false, at: ago(minutes) });
const success = (minutes: number) => ({ succeeded: true, at: ago(minutes) });

describe("sign-in throttling when successes do not reset the count (per IP address)", () => {
  it("counts failures on both sides of a success", () => {
    const attempts = [fail(1), fail(2), success(3), fail(4), fail(5)];
    expect(lockedUntil(attempts, 4, now, { successResets: false })?.getTime()).toBe(ago(1).getTime() + THROTTLE_WINDOW_MS);
    expect(lockedUntil(attempts, 4, now)).toBeNull();
  });

  it("still ignores failures older than the window, and does not lock below the limit", () => {
    expect(lockedUntil([success(1), fail(2), fail(3), fail(16), fail(17)], 3, now, { successResets: false })).toBeNull();
    expect(lockedUntil([fail(1), success(2), fail(3)], 3, now, { successResets: false })).toBeNull();
  });

  it("locks from the latest failure, not the latest success", () => {
    const until = lockedUntil([success(1), fail(5), fail(6), fail(7)], 3, now, { successResets: false });
    expect(until?.getTime()).toBe(ago(5).getTime() + THROTTLE_WINDOW_MS);
  });
});
