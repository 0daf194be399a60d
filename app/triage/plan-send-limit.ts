/**
 * How often one plan may be sent by text or email. A person sends their plan once, perhaps again
 * to a second address or after a typo; more than that from one plan is someone using the form to
 * send texts and emails to others at the partnership's cost.
 */

export const PLAN_SEND_WINDOW_MS = 60 * 60 * 1000;
export const MAX_PLAN_SENDS_PER_WINDOW = 3;

/**
 * When this plan may next be sent, given when it was sent before (in any order), or null when it
 * may be sent now. Sends older than the window do not count.
 */
export function nextPlanSendAt(sentAt: readonly Date[], now: Date): Date | null {
  const since = now.getTime() - PLAN_SEND_WINDOW_MS;
  const recent = sentAt
    .map((at) => at.getTime())
    .filter((at) => at > since && at <= now.getTime())
    .sort((a, b) => a - b);
  if (recent.length < MAX_PLAN_SENDS_PER_WINDOW) return null;
  // The oldest send that still counts must leave the window before one more is allowed.
  return new Date(recent[recent.length - MAX_PLAN_SENDS_PER_WINDOW] + PLAN_SEND_WINDOW_MS);
}

/** The field error shown when the limit is reached, in plain words. */
export function planSendLimitMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return `This plan has been sent ${MAX_PLAN_SENDS_PER_WINDOW} times in the last hour. You can send it again in ${minutes === 1 ? "1 minute" : `${minutes} minutes`}.`;
}
