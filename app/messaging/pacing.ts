/**
 * Spaces sends evenly so no 60-second window holds more than `perMinute` of them, which is how
 * Notify counts its rate limit (3,000 a minute per key). Even spacing rather than bursts also
 * spares the mobile networks a flood. One pacer per process: a deployment with several servers
 * gives each a share of the limit (see docs/OPERATIONS.md).
 */
export interface Pacer {
  /** Resolves when the next send may start. */
  wait(): Promise<void>;
}

export function createPacer(perMinute: number, clock: () => number = Date.now): Pacer {
  const gapMs = 60_000 / perMinute;
  let next = 0;
  return {
    async wait() {
      const now = clock();
      const slot = Math.max(now, next);
      next = slot + gapMs;
      if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
    },
  };
}
