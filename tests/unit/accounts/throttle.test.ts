import { describe, expect, it } from "vitest";
import { lockedUntil, minutesUntil, THROTTLE_WINDOW_MS } from "~/accounts/throttle";

const now = new Date("2026-11-23T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const fail = (minutes: number) => ({ succeeded: false, at: ago(minutes) });

describe("sign-in throttling", () => {
  it("does not lock below the limit", () => {
    expect(lockedUntil([fail(1), fail(2), fail(3), fail(4)], 5, now)).toBeNull();
  });

  it("locks at the limit until the window after the latest failure", () => {
    const until = lockedUntil([fail(1), fail(2), fail(3), fail(4), fail(5)], 5, now);
    expect(until?.getTime()).toBe(ago(1).getTime() + THROTTLE_WINDOW_MS);
    expect(minutesUntil(until!, now)).toBe(14);
  });

  it("counts only failures since the last success", () => {
    expect(lockedUntil([fail(1), fail(2), { succeeded: true, at: ago(3) }, fail(4), fail(5), fail(6)], 5, now)).toBeNull();
  });

  it("ignores failures older than the window", () => {
    expect(lockedUntil([fail(1), fail(2), fail(16), fail(17), fail(18)], 5, now)).toBeNull();
  });
});
