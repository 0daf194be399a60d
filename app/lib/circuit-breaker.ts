/**
 * Stops calling an outside service that keeps failing, so an outage costs one timeout rather
 * than one per request. After `failureThreshold` failures in a row the circuit opens and every
 * call is refused at once; after `cooldownMs` one trial call is let through (the others are
 * still refused while it is out): success closes the circuit, failure opens it again.
 *
 * Written here rather than taken from a library: Waymark needs only this state and its clock
 * (see docs/decisions/006-12-embedded-postcodes.md).
 */
export type CircuitState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialOut = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === null) return "closed";
    return this.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  /** True if a call may go out now; a true in the half-open state must be followed by a report. */
  allow(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.trialOut) return false;
    this.trialOut = true;
    return true;
  }

  /** Closes the circuit and forgets past failures. */
  reset(): void {
    this.succeeded();
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialOut = false;
  }

  failed(): void {
    this.failures++;
    if (this.trialOut || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
    this.trialOut = false;
  }
}
