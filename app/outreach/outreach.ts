/** Shared words and limits for outreach: who asked, what they are sent, and what it means. */

export const OUTREACH_CHANNELS = ["sms", "email"] as const;
export type OutreachChannel = (typeof OUTREACH_CHANNELS)[number];

/** Where the person asked: their own check, a champion's triage with them, or a referral. */
export const OUTREACH_SOURCES = ["check", "triage", "referral"] as const;
export type OutreachSource = (typeof OUTREACH_SOURCES)[number];

export type InterestKind = "barrier" | "goal";

/** Why a consent ended: their link, a STOP reply, their request to delete, its time ran out, or a newer sign-up replaced it. */
export type SubscriptionEnd = "link" | "reply" | "erased" | "expired" | "replaced";

export const CAMPAIGN_STATUSES = ["scheduled", "sending", "sent", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * - queued: chosen for the campaign, not yet handed to the outbox
 * - sending: in the outbox, waiting for Notify
 * - sent: Notify accepted it; no delivery receipt yet
 * - delivered / failed: Notify's receipt (failed carries why)
 * - opted-out: stopped before their message went
 * - skipped: had an outreach message too recently
 */
export const RECIPIENT_STATUSES = ["queued", "sending", "sent", "delivered", "failed", "opted-out", "skipped"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** Never two outreach messages to one person closer together than this. */
export const MIN_DAYS_BETWEEN_MESSAGES = 7;

/** How often we tell people to expect a message, in the words they agree to. */
export const MESSAGES_PER_MONTH_AT_MOST = 2;

/** A consent is asked again after this long; until then it stands unless withdrawn. */
export const CONSENT_MONTHS = 12;

/** A campaign counts a check or referral made this long after its link was followed. */
export const FOLLOW_UP_DAYS = 30;

/**
 * The words a person agrees to, stored with their consent. Changing them is a new consent for
 * new sign-ups only; each stored row keeps the words its person saw.
 */
export function consentWords(channel: OutreachChannel): string {
  const how = channel === "sms" ? "text messages" : "emails";
  const stop = channel === "sms" ? "reply STOP or use the link in any message" : "use the link in any email";
  return (
    `Send me ${how} about free help near me to get online, like courses, free devices or data, and drop-in sessions. ` +
    `No more than ${MESSAGES_PER_MONTH_AT_MOST} a month, and never more often than once a week. ` +
    `To stop, ${stop}. My ${channel === "sms" ? "number" : "email address"} is deleted when I stop, or after ${CONSENT_MONTHS} months.`
  );
}

export const CHANNEL_LABELS: Record<OutreachChannel, string> = { sms: "Text message", email: "Email" };

export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  queued: "Waiting to send",
  sending: "Sending",
  sent: "Sent, no receipt yet",
  delivered: "Delivered",
  failed: "Failed",
  "opted-out": "Stopped before sending",
  skipped: "Skipped, had a message recently",
};

/** A count under five could point to someone a sender knows, so it is never shown exactly. */
export const SMALL_COUNT = 5;

export function audienceCountText(count: number): string {
  if (count === 0) return "No one";
  if (count < SMALL_COUNT) return "Fewer than 5 people";
  return `${count.toLocaleString("en-GB")} ${count === 1 ? "person" : "people"}`;
}
