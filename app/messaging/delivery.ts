import type { SendOutcome } from "./message";

const MINUTE = 60_000;

/**
 * Waits after failed attempts 1–5: long enough to ride out a Notify incident or a rate-limit
 * window, short enough that a password reset still arrives the same morning. The sixth failure
 * is final, about eight and a half hours after the first try.
 */
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 360 * MINUTE] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** ±20%, so messages that failed together during an outage do not all retry in the same second. */
export const RETRY_JITTER = 0.2;

/**
 * The wait before the next attempt after `attempts` tries have failed, or null when there are no
 * tries left. `random` returns a number in [0, 1); 0.5 gives the exact scheduled delay.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number | null {
  if (attempts < 1 || attempts >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_MS[attempts - 1];
  return Math.round(base * (1 + RETRY_JITTER * (2 * random() - 1)));
}

export interface NotifyFailure {
  /** HTTP status, when a response arrived. */
  status?: number;
  /** `errors[0].error` from Notify's JSON body, e.g. "ValidationError". */
  errorType?: string;
  /** Network error code (ECONNRESET, ETIMEDOUT…) when no response arrived. */
  code?: string;
}

/**
 * Decides on status code and error type alone (never the message text, which Notify may reword):
 * 400 and 403 will fail the same way every time; 429, 5xx and lost connections are worth retrying.
 */
export function classifyNotifyFailure(failure: NotifyFailure): Exclude<SendOutcome, { kind: "sent" }> {
  const errorType = failure.errorType && /^[A-Za-z]{1,64}$/.test(failure.errorType) ? failure.errorType : undefined;
  if (failure.status === undefined) {
    const code = failure.code && /^[A-Z0-9_]{1,40}$/.test(failure.code) ? failure.code : "unknown";
    return { kind: "retry", reason: `network ${code}` };
  }
  const reason = errorType ? `${failure.status} ${errorType}` : String(failure.status);
  if (failure.status === 429 || failure.status >= 500) return { kind: "retry", reason };
  // 400, 403 and any other 4xx (a wrong base URL gives 404) mean this request can never succeed.
  if (failure.status >= 400) return { kind: "failed", reason };
  return { kind: "retry", reason };
}
