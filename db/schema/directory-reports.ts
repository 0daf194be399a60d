import type { Generated, Insertable, Selectable, Updateable } from "kysely";

export const LISTING_REPORT_KINDS = ["out-of-date", "closed", "something-else"] as const;
export type ListingReportKind = (typeof LISTING_REPORT_KINDS)[number];

export const LISTING_REPORT_STATUSES = ["open", "resolved"] as const;
export type ListingReportStatus = (typeof LISTING_REPORT_STATUSES)[number];

export interface ListingReportTable {
  id: string;
  service_id: string;
  kind: ListingReportKind;
  details: Generated<string>;
  /** Given only if the person wants an answer. */
  reporter_email: string | null;
  status: Generated<ListingReportStatus>;
  created_at: Generated<string>;
  resolved_at: string | null;
  resolved_by_user_id: string | null;
}

export interface DirectoryReportTables {
  listing_reports: ListingReportTable;
}

export type ListingReport = Selectable<ListingReportTable>;
export type NewListingReport = Insertable<ListingReportTable>;
export type ListingReportUpdate = Updateable<ListingReportTable>;
