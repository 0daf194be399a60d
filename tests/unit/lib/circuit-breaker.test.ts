import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "~/lib/circuit-breaker";

function breakerAt(clock: { now: number }) {
  return new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1_000, now: () => clock.now });
}

describe("CircuitBreaker", () => {
  it("opens after the threshold of failures in a row, not before, and a success in between starts the count again", () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    breaker.failed();
    breaker.succeeded();
    breaker.failed();
    expect(breaker.allow()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe("open");
    expect(breaker.allow()).toBe(false);
  });

  it("lets one trial call through after the cool-down and refuses the rest while it is out", () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    breaker.failed();
    breaker.failed();
    clock.now = 999;
    expect(breaker.allow()).toBe(false);
    clock.now = 1_000;
    expect(breaker.state).toBe("half-open");
    expect(breaker.allow()).toBe(true);
    expect(breaker.allow()).toBe(false);
    breaker.succeeded();
    expect(breaker.state).toBe("closed");
    expect(breaker.allow()).toBe(true);
  });

  it("opens again at once when the trial call fails", () => {
    const clock = { now: 0 };
    const breaker = breakerAt(clock);
    breaker.failed();
    breaker.failed();
    clock.now = 1_500;
    expect(breaker.allow()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe("open");
    clock.now = 2_400;
    expect(breaker.allow()).toBe(false);
    clock.now = 2_500;
    expect(breaker.allow()).toBe(true);
  });
});
