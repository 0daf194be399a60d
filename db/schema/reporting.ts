import type { Insertable, Selectable, Updateable } from "kysely";

/**
 * What a report_counts_daily row counts, and what its key holds:
 * - mode, eds, goal: the triage's mode, Essential Digital Skills level or goal id;
 * - barrier: `<barrier id>:<some|high>`;
 * - referral: `<kind>|<status>|<outcome or ''>|<1 if declined, else 0>`, by the day it was made;
 * - referral-service: the service id;
 * - first-action: whole calendar days from a live referral being made to its first action.
 */
export type ReportMeasure = "mode" | "barrier" | "eds" | "goal" | "referral" | "referral-service" | "first-action";

/** One row per (day, area, measure, key); '' stands for an unknown area. */
export interface ReportCountDailyTable {
  /** YYYY-MM-DD in UK time. */
  day: string;
  area_id: string;
  measure: ReportMeasure;
  key: string;
  count: number;
}

/**
 * The same counts added up by UK month (migration 017): each row is the sum of its month's
 * report_counts_daily rows, kept so by whatever writes those, so a long period reads few rows.
 */
export interface ReportCountMonthlyTable {
  /** YYYY-MM, the first 7 characters of the UK day. */
  month: string;
  area_id: string;
  measure: ReportMeasure;
  key: string;
  count: number;
}

/** Barriers found by triages, by day and postcode district, for the gap analysis. */
export interface TriageDistrictCountDailyTable {
  day: string;
  area_id: string;
  outward_code: string;
  /** `<barrier id>:<some|high>`. */
  key: string;
  count: number;
}

/** Triages already added to the daily counts. */
export interface TriageCountedTable {
  triage_id: string;
  counted_at: string;
}

export interface ReportingTables {
  report_counts_daily: ReportCountDailyTable;
  report_counts_monthly: ReportCountMonthlyTable;
  triage_district_counts_daily: TriageDistrictCountDailyTable;
  triage_counted: TriageCountedTable;
}

export type ReportCountDaily = Selectable<ReportCountDailyTable>;
export type NewReportCountDaily = Insertable<ReportCountDailyTable>;
export type ReportCountDailyUpdate = Updateable<ReportCountDailyTable>;
export type ReportCountMonthly = Selectable<ReportCountMonthlyTable>;
export type NewReportCountMonthly = Insertable<ReportCountMonthlyTable>;
export type ReportCountMonthlyUpdate = Updateable<ReportCountMonthlyTable>;
export type TriageDistrictCountDaily = Selectable<TriageDistrictCountDailyTable>;
export type NewTriageDistrictCountDaily = Insertable<TriageDistrictCountDailyTable>;
export type TriageDistrictCountDailyUpdate = Updateable<TriageDistrictCountDailyTable>;
