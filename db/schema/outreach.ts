import type { Insertable, Selectable, Updateable } from "kysely";
import type { CampaignStatus, InterestKind, OutreachChannel, OutreachSource, RecipientStatus, SubscriptionEnd } from "~/outreach/outreach";

export interface OutreachSubscriptionTable {
  id: string;
  /** The secret in the person's stop link. */
  stop_token: string;
  channel: OutreachChannel;
  /** UK mobile (07…) or email address; null as soon as the consent ends. */
  contact: string | null;
  source: OutreachSource;
  /** The triage result or referral the person asked from. */
  source_id: string | null;
  area_id: string | null;
  /** Outward code only, such as "ME14". */
  outward_code: string | null;
  /** The exact words the person agreed to. */
  consent_text: string;
  consented_at: string;
  /** The champion or staff member who recorded it with the person, if not the person themselves. */
  recorded_by_user_id: string | null;
  status: "active" | "ended";
  ended_at: string | null;
  ended_by: SubscriptionEnd | null;
  /** When an outreach message last went to this person, for the gap between messages. */
  last_sent_at: string | null;
}

export interface OutreachInterestTable {
  subscription_id: string;
  kind: InterestKind;
  value: string;
}

export interface OutreachCampaignTable {
  id: string;
  name: string;
  channel: OutreachChannel;
  subject: string;
  body: string;
  /** JSON of Audience. */
  audience: string;
  service_id: string | null;
  organisation_id: string;
  created_by_user_id: string;
  status: CampaignStatus;
  send_after: string;
  started_at: string | null;
  finished_at: string | null;
  created_at: string;
}

export interface OutreachCampaignAreaTable {
  campaign_id: string;
  area_id: string;
}

export interface OutreachRecipientTable {
  id: string;
  campaign_id: string;
  subscription_id: string;
  status: RecipientStatus;
  /** Why it failed or was skipped: a Notify status or error type, never message text. */
  reason: string | null;
  message_id: string | null;
  updated_at: string;
  sent_at: string | null;
  clicked_at: string | null;
  /** "check" or "referral" when the person did one within 30 days of following the link. */
  followed_up: string | null;
}

export interface OutreachSenderTable {
  organisation_id: string;
  allowed_by_user_id: string;
  allowed_at: string;
}

export interface OutreachTables {
  outreach_subscriptions: OutreachSubscriptionTable;
  outreach_interests: OutreachInterestTable;
  outreach_campaigns: OutreachCampaignTable;
  outreach_campaign_areas: OutreachCampaignAreaTable;
  outreach_recipients: OutreachRecipientTable;
  outreach_senders: OutreachSenderTable;
}

export type OutreachSubscription = Selectable<OutreachSubscriptionTable>;
export type NewOutreachSubscription = Insertable<OutreachSubscriptionTable>;
export type OutreachSubscriptionUpdate = Updateable<OutreachSubscriptionTable>;
export type OutreachCampaign = Selectable<OutreachCampaignTable>;
export type NewOutreachCampaign = Insertable<OutreachCampaignTable>;
export type OutreachRecipient = Selectable<OutreachRecipientTable>;
export type OutreachRecipientUpdate = Updateable<OutreachRecipientTable>;
