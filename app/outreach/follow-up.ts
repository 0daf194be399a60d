import { FOLLOW_UP_DAYS } from "./outreach";

const DAY_MS = 24 * 60 * 60_000;

export type FollowUpKind = "check" | "referral";

export interface ReachedRecipient {
  /** When Notify accepted the message. */
  sentAt: string | null;
  /** When the person first followed its link: proof they were reached even before the receipt. */
  clickedAt: string | null;
  /** What they already did after this message, if anything. */
  followedUp: string | null;
}

/**
 * What to record when a person who followed an outreach link finishes a check or asks for help:
 * the first such thing counts once, and only within FOLLOW_UP_DAYS of the message reaching them.
 * A check finished before the message went (a clock or a shared browser) is not its result.
 */
export function followUpToRecord(recipient: ReachedRecipient, kind: FollowUpKind, doneAt: Date): FollowUpKind | null {
  if (recipient.followedUp !== null) return null;
  const reachedAt = recipient.sentAt ?? recipient.clickedAt;
  if (reachedAt === null) return null;
  const after = doneAt.getTime() - Date.parse(reachedAt);
  return after >= 0 && after <= FOLLOW_UP_DAYS * DAY_MS ? kind : null;
}
