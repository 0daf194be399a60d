/**
 * The open data sets on /knowledge/data, as CSV text built from plain records (the queries are
 * in open-data.server.ts). Statistics are counts only, grouped no finer than month and
 * partnership area, with small numbers hidden by suppressSmallCounts: each is built from counts
 * the database has already added up, never from one row per person.
 */
import type { DeclineReason, OutcomeId, ReferralKind, ReferralStatus } from "~db/schema/referrals";
import { toCsv, type CsvValue } from "~/lib/csv";
import { BARRIER_IDS, type BarrierId } from "~/lib/frameworks";
import { suppressSmallCounts } from "~/reports/disclosure";
import { parseBarrierKey } from "~/reports/triage-facts";

/** Counts under this are hidden, as the data-sets guide promises. */
export const SUPPRESSION_THRESHOLD = 5;

/** Shown for records with no partnership area, e.g. a self-check without a postcode. */
export const UNKNOWN_AREA = "Area not known";

const ukMonth = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit" });

/**
 * "2026-03" for a timestamp, by the UK calendar, so a check at 00:30 on 1 April BST counts in
 * April. SQLite's CURRENT_TIMESTAMP ("2026-03-31 23:30:00") is UTC without saying so; read it as UTC.
 */
export function monthInUk(iso: string): string {
  const utc = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(iso) ? `${iso.replace(" ", "T")}Z` : iso;
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a timestamp: ${iso}`);
  return ukMonth.format(date).slice(0, 7);
}

/**
 * The UK month of a group of timestamps the database has put together by UTC month, except for
 * those from 23:00 to 23:59 UTC, kept by UTC day ("2026-03-31"): in summer that hour is already
 * the next UK day, which can be the next month. Every other hour is on the same day in both.
 */
export function ukMonthOfBucket(bucket: string): string {
  if (/^\d{4}-\d{2}$/.test(bucket)) return bucket;
  if (/^\d{4}-\d{2}-\d{2}$/.test(bucket)) return monthInUk(`${bucket}T23:30:00Z`);
  throw new RangeError(`Not a month or day: ${bucket}`);
}

/** Adds counted records up by a key into count rows, keys sorted, every row as long as `columns`. */
function countRows<T extends { count: number }>(records: readonly T[], keyOf: (record: T) => string[], columnsOf: (record: T) => number[], width: number) {
  const rows = new Map<string, number[]>();
  for (const record of records) {
    const key = JSON.stringify(keyOf(record));
    const row = rows.get(key) ?? Array<number>(width).fill(0);
    columnsOf(record).forEach((column) => (row[column] += record.count));
    rows.set(key, row);
  }
  return [...rows.entries()]
    .map(([key, counts]) => ({ key: JSON.parse(key) as string[], counts }))
    .sort((a, b) => compareKeys(a.key, b.key));
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = a[i].localeCompare(b[i], "en-GB");
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Suppresses each block separately: a block is the rows sharing `blockSize` leading key parts
 * (a month, or a month and area), whose column totals are the figures most likely to be
 * published elsewhere, such as "triages in March" on a report.
 */
function suppressInBlocks(rows: { key: string[]; counts: number[] }[], blockSize: number, withhold?: (counts: number[]) => boolean[]): CsvValue[][] {
  const blocks = new Map<string, { key: string[]; counts: number[] }[]>();
  for (const row of rows) {
    const id = JSON.stringify(row.key.slice(0, blockSize));
    blocks.set(id, [...(blocks.get(id) ?? []), row]);
  }
  return [...blocks.values()].flatMap((block) => {
    const { cells } = suppressSmallCounts(
      block.map((row) => row.counts),
      { threshold: SUPPRESSION_THRESHOLD, withhold: withhold && block.map((row) => withhold(row.counts)) },
    );
    return block.map((row, index) => [...row.key, ...cells[index]]);
  });
}

// ---- Triage statistics ---------------------------------------------------------------------

/**
 * Triage counts for one month and area, as the reports' daily counts hold them: measure "mode"
 * counts each triage once; measure "barrier" counts it under `<barrier>:some` or `<barrier>:high`
 * for each barrier found ("none" is not counted).
 */
export interface TriageCount {
  month: string;
  areaName: string | null;
  measure: "mode" | "barrier";
  key: string;
  count: number;
}

export const TRIAGE_STATISTICS_HEADER = ["month", "area", "triages", ...BARRIER_IDS.map((id) => `barrier_${id}`)];

function triageColumns(count: TriageCount): number[] {
  if (count.measure === "mode") return [0];
  const column = BARRIER_IDS.indexOf(parseBarrierKey(count.key)?.barrier as BarrierId);
  return column >= 0 ? [column + 1] : [];
}

/**
 * A barrier count close to the triages gives away the few without it: 17 of 20 says 3 had no
 * device barrier. Such a count is withheld when the rest is 1 to 4.
 */
function withheldForTheRest(counts: number[]): boolean[] {
  return counts.map((count, column) => column > 0 && counts[0] - count > 0 && counts[0] - count < SUPPRESSION_THRESHOLD);
}

/** One row per month and area: checks completed, and for each barrier how many found it at "some" or "high". */
export function triageStatisticsCsv(counts: readonly TriageCount[]): string {
  const rows = countRows(counts, (count) => [count.month, count.areaName ?? UNKNOWN_AREA], triageColumns, 1 + BARRIER_IDS.length);
  return toCsv(TRIAGE_STATISTICS_HEADER, suppressInBlocks(rows, 1, withheldForTheRest));
}

// ---- Referral statistics -------------------------------------------------------------------

/** How a referral stands, each in exactly one column, so the columns add up to `referrals`. */
export const REFERRAL_RESULTS = [
  "signposted",
  "in_progress",
  "got_help",
  "no_longer_needed",
  "declined_not_eligible",
  "declined_no_capacity",
  "declined_other",
  "could_not_contact",
  "did_not_attend",
  "withdrawn",
] as const;
export type ReferralResult = (typeof REFERRAL_RESULTS)[number];

export interface ReferralFacts {
  kind: ReferralKind;
  status: ReferralStatus;
  outcome: OutcomeId | null;
  declineReason: DeclineReason | null;
  /** For a closed referral, the status it was closed from. */
  closedFrom: ReferralStatus | null;
}

export function referralResult(facts: ReferralFacts): ReferralResult {
  if (facts.kind === "logged") return "signposted";
  if (facts.status === "withdrawn") return "withdrawn";
  if (facts.outcome) return facts.outcome === "no-longer-needed" ? "no_longer_needed" : "got_help";
  if (facts.declineReason || facts.status === "declined") {
    if (facts.declineReason === "not-eligible") return "declined_not_eligible";
    if (facts.declineReason === "no-capacity") return "declined_no_capacity";
    return "declined_other";
  }
  const settledAs = facts.status === "closed" ? facts.closedFrom : facts.status;
  if (settledAs === "couldnt-contact") return "could_not_contact";
  if (settledAs === "did-not-attend") return "did_not_attend";
  return "in_progress";
}

/** Referrals made in one UK month with the same facts, area and categories, and how many. */
export interface ReferralRecord extends ReferralFacts {
  month: string;
  areaName: string | null;
  /** Names of the service's directory categories; a referral counts once under each. */
  categoryNames: string[];
  count: number;
}

export const NO_CATEGORY = "No category";

export const REFERRAL_STATISTICS_HEADER = ["month", "area", "category", "referrals", ...REFERRAL_RESULTS];

/** One row per month, area and category: referrals made, and how each has ended so far. */
export function referralStatisticsCsv(records: readonly ReferralRecord[]): string {
  const perCategory = records.flatMap((record) =>
    (record.categoryNames.length > 0 ? [...new Set(record.categoryNames)] : [NO_CATEGORY]).map((category) => ({ record, category, count: record.count })),
  );
  const rows = countRows(
    perCategory,
    ({ record, category }) => [record.month, record.areaName ?? UNKNOWN_AREA, category],
    ({ record }) => [0, 1 + REFERRAL_RESULTS.indexOf(referralResult(record))],
    1 + REFERRAL_RESULTS.length,
  );
  return toCsv(REFERRAL_STATISTICS_HEADER, suppressInBlocks(rows, 2));
}

// ---- Directory -----------------------------------------------------------------------------

export const ATTENDING_MODE_LABELS = { "in-person": "in person", online: "online", phone: "phone", "home-visit": "home visit" } as const;
export type AttendingModeId = keyof typeof ATTENDING_MODE_LABELS;

export interface DirectoryRecord {
  id: string;
  name: string;
  organisation: string;
  categoryNames: string[];
  areaName: string | null;
  /** Outward codes of the service's locations, such as "CT9". */
  postcodeDistricts: string[];
  free: boolean;
  attendingModes: AttendingModeId[];
  phone: string | null;
  email: string | null;
  url: string | null;
  /** YYYY-MM-DD, or null if never checked. */
  lastVerified: string | null;
}

export const DIRECTORY_CSV_HEADER = [
  "id",
  "name",
  "organisation",
  "categories",
  "area",
  "postcode_district",
  "free",
  "attending_modes",
  "phone",
  "email",
  "url",
  "last_verified",
];

/** Several values in one cell are joined with "; ", which no category name or code contains. */
const LIST_SEPARATOR = "; ";

export function directoryCsv(records: readonly DirectoryRecord[]): string {
  return toCsv(
    DIRECTORY_CSV_HEADER,
    records.map((r) => [
      r.id,
      r.name,
      r.organisation,
      r.categoryNames.join(LIST_SEPARATOR),
      r.areaName,
      [...new Set(r.postcodeDistricts)].sort().join(LIST_SEPARATOR),
      r.free ? "yes" : "no",
      r.attendingModes.map((mode) => ATTENDING_MODE_LABELS[mode]).join(LIST_SEPARATOR),
      r.phone,
      r.email,
      r.url,
      r.lastVerified?.slice(0, 10) ?? null,
    ]),
  );
}
