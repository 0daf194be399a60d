/**
 * Sign-in throttling rules. Failures count within a window; past the limit, sign-in is refused
 * even with the right password until the window since the latest failure has passed. For an
 * account, a success starts the count again, so its owner is not locked out by old typos. For an
 * IP address it does not: otherwise someone holding one valid account could guess at others from
 * the same connection indefinitely, signing in to themselves between batches of guesses.
 */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 20;

export interface Attempt {
  succeeded: boolean;
  at: Date;
}

/**
 * Attempts are newest first. Returns when the lock ends, or null if not locked. By default a
 * success forgives the failures before it (the account rule); the IP rule passes
 * `successResets: false`.
 */
export function lockedUntil(attempts: readonly Attempt[], limit: number, now: Date, { successResets = true } = {}): Date | null {
  const since = now.getTime() - THROTTLE_WINDOW_MS;
  let failures = 0;
  let latestFailure: Date | null = null;
  for (const attempt of attempts) {
    if (attempt.at.getTime() < since) break;
    if (attempt.succeeded) {
      if (successResets) break;
      continue;
    }
    failures++;
    latestFailure ??= attempt.at;
  }
  if (failures < limit || !latestFailure) return null;
  return new Date(latestFailure.getTime() + THROTTLE_WINDOW_MS);
}

export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
