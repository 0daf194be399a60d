/**
 * Closing the referrals nobody closes. The person's details are kept for the retention period
 * after a referral is closed (retention.ts), so a referral left declined, with its outcome
 * recorded, or waiting on a service that never answered would keep them for ever. Waymark closes
 * these itself, through the state machine as the system actor, with a note on the timeline:
 * - a settled referral (declined, or with its outcome recorded) four weeks after it settled,
 *   which leaves the referrer time to see a decline and refer elsewhere;
 * - any other open referral after 13 weeks with no change at all: long after a coordinator was
 *   told it was stuck (10 working days), nobody has moved it.
 * The retention period then runs from that close, as the privacy notice says.
 */
import type { Referral } from "~db/schema/referrals";
import { ACTIVE_STATUSES, SETTLED_STATUSES } from "./status-machine";

export const CLOSE_SETTLED_AFTER_DAYS = 28;
export const CLOSE_UNTOUCHED_AFTER_DAYS = 91;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AutoCloseCutoffs {
  /** Settled referrals whose status changed at or before this instant are due. */
  settled: string;
  /** Open referrals whose status changed at or before this instant are due. */
  untouched: string;
}

export function autoCloseCutoffs(now: Date): AutoCloseCutoffs {
  return {
    settled: new Date(now.getTime() - CLOSE_SETTLED_AFTER_DAYS * DAY_MS).toISOString(),
    untouched: new Date(now.getTime() - CLOSE_UNTOUCHED_AFTER_DAYS * DAY_MS).toISOString(),
  };
}

/** The note for the timeline if Waymark should close this referral now, else null. */
export function autoCloseNote(referral: Pick<Referral, "kind" | "status" | "status_changed_at">, now: Date): string | null {
  if (referral.kind !== "live") return null;
  const cutoffs = autoCloseCutoffs(now);
  const changed = new Date(referral.status_changed_at).getTime();
  if (Number.isNaN(changed)) return null;
  if (SETTLED_STATUSES.includes(referral.status) && changed <= new Date(cutoffs.settled).getTime()) {
    return `Closed by Waymark ${CLOSE_SETTLED_AFTER_DAYS / 7} weeks after it was settled.`;
  }
  if (ACTIVE_STATUSES.includes(referral.status) && changed <= new Date(cutoffs.untouched).getTime()) {
    return `Closed by Waymark: nothing had changed for ${CLOSE_UNTOUCHED_AFTER_DAYS / 7} weeks.`;
  }
  return null;
}
