import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export const LISTING_CHANGE_STATUSES = ["pending", "approved", "rejected"] as const;
export type ListingChangeStatus = (typeof LISTING_CHANGE_STATUSES)[number];

/** "reminder": a stale-listing email with a one-click link; "still-correct": a confirmation made while signed in. */
export const LISTING_REVIEW_KINDS = ["reminder", "still-correct"] as const;
export type ListingReviewKind = (typeof LISTING_REVIEW_KINDS)[number];

export interface ListingChangeTable {
  id: string;
  /** Null for a proposed new listing until it is approved. */
  service_id: string | null;
  organisation_id: string;
  area_id: string | null;
  proposed_by_user_id: string | null;
  /** JSON of a ListingSnapshot (app/directory/listing-edit.ts): the whole listing as proposed. */
  proposed: string;
  /** JSON of the listing as it was when the change was proposed; null for a new listing. */
  previous: string | null;
  status: Generated<ListingChangeStatus>;
  decided_by_user_id: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_at: Generated<string>;
  updated_at: Generated<string>;
}

export interface ListingReviewTable {
  id: string;
  service_id: string;
  kind: ListingReviewKind;
  /** SHA-256 of the link's token; null for a confirmation made while signed in. */
  token_hash: string | null;
  sent_at: string;
  expires_at: string | null;
  used_at: string | null;
}

export interface DirectoryEditTables {
  listing_changes: ListingChangeTable;
  listing_reviews: ListingReviewTable;
}

export type ListingChange = Selectable<ListingChangeTable>;
export type NewListingChange = Insertable<ListingChangeTable>;
export type ListingChangeUpdate = Updateable<ListingChangeTable>;
export type ListingReview = Selectable<ListingReviewTable>;
export type NewListingReview = Insertable<ListingReviewTable>;
export type ListingReviewUpdate = Updateable<ListingReviewTable>;
