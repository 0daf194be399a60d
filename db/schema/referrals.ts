import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** "logged" referrals are signposts made without consent: no personal data, counted in reports. */
export type ReferralKind = "live" | "logged";

export type ReferralStatus =
  | "new"
  | "sent"
  | "accepted"
  | "declined"
  | "contacted"
  | "couldnt-contact"
  | "attended"
  | "did-not-attend"
  | "outcome"
  | "closed"
  | "withdrawn";

export type DeclineReason = "not-eligible" | "no-capacity" | "duplicate" | "other";

export type OutcomeId =
  | "got-online"
  | "completed-course"
  | "received-device"
  | "received-data"
  | "social-tariff"
  | "job-or-training"
  | "no-longer-needed"
  | "other";

export type ContactMethod = "phone" | "text" | "email" | "letter" | "through-champion";

export type ConsentMethod = "in-person" | "phone" | "online";

/** Stored in `referrals.reasons` as JSON text. */
export interface ReferralReasons {
  barriers: string[];
  goals: string[];
}

export interface ReferralTable {
  id: string;
  /** Readable code from ~/lib/reference-code, shown to the person and quoted on the phone. */
  reference: string;
  kind: ReferralKind;
  status: ReferralStatus;
  service_id: string;
  /** The provider organisation that owns the service when the referral was made. */
  organisation_id: string;
  area_id: string | null;
  /** Null for self-referrals. */
  referrer_user_id: string | null;
  referrer_organisation_id: string | null;
  self_referral: Generated<number>;
  triage_result_id: string | null;
  /** JSON text of ReferralReasons. */
  reasons: string;
  reason_note: string | null;
  person_name: string | null;
  contact_method: ContactMethod | null;
  contact_detail: string | null;
  best_times: string | null;
  outward_code: string | null;
  access_needs: string | null;
  language: string | null;
  safeguarding: Generated<number>;
  safeguarding_note: string | null;
  consent_given: Generated<number>;
  consent_method: ConsentMethod | null;
  consent_confirmed_by: string | null;
  consent_at: string | null;
  decline_reason: DeclineReason | null;
  outcome: OutcomeId | null;
  /** When the provider was first notified; the chasers count working days from here. */
  sent_at: string | null;
  status_changed_at: Generated<string>;
  reminder_sent_at: string | null;
  coordinator_flagged_at: string | null;
  first_action_at: string | null;
  /** Set on reaching closed or withdrawn; the retention period runs from here. */
  closed_at: string | null;
  personal_data_erased_at: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ReferralEventTable {
  id: string;
  referral_id: string;
  /** Null for the event that records the referral being made. */
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  actor_user_id: string | null;
  actor_label: string;
  note: string | null;
  at: string;
}

export interface ReferralTables {
  referrals: ReferralTable;
  referral_events: ReferralEventTable;
}

export type Referral = Selectable<ReferralTable>;
export type NewReferral = Insertable<ReferralTable>;
export type ReferralUpdate = Updateable<ReferralTable>;

export type ReferralEvent = Selectable<ReferralEventTable>;
export type NewReferralEvent = Insertable<ReferralEventTable>;
export type ReferralEventUpdate = Updateable<ReferralEventTable>;
