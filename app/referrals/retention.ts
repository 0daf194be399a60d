/**
 * How long a referral keeps the person's details after it is closed or withdrawn, and which
 * details those are. After the deadline the retention job blanks these columns (and the notes on
 * the referral's timeline, which may name the person) and keeps the rest for reports: the
 * service, area, reasons, statuses, outcome and dates say nothing about who the person was.
 * The outward postcode, contact method and language stay: shared by thousands of people, they
 * show where need is and how people want to be reached. A referral nobody closes is closed by
 * Waymark after a while (auto-close.ts), so every referral's retention period does start.
 */
import type { Referral, ReferralUpdate } from "~db/schema/referrals";

export const DEFAULT_RETENTION_MONTHS = 6;

export const PERSONAL_DATA_COLUMNS = [
  "person_name",
  "contact_detail",
  "best_times",
  "access_needs",
  "safeguarding_note",
  "reason_note",
  // On a self-referral this is the person's own name.
  "consent_confirmed_by",
] as const satisfies readonly (keyof Referral)[];

function addMonths(instant: Date, months: number): Date {
  const result = new Date(instant);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  // 31 August plus six months is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The moment the personal details of a referral closed at `closedAt` must be erased. */
export function retentionDeadline(closedAt: Date | string, months: number): string {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Retention must be a whole number of months, not ${months}`);
  const closed = new Date(closedAt);
  if (Number.isNaN(closed.getTime())) throw new RangeError(`Not a date or time: ${String(closedAt)}`);
  return addMonths(closed, months).toISOString();
}

export function isDueForErasure(
  referral: Pick<Referral, "closed_at" | "personal_data_erased_at">,
  now: Date | string,
  months: number,
): boolean {
  if (!referral.closed_at || referral.personal_data_erased_at) return false;
  return new Date(now).getTime() >= new Date(retentionDeadline(referral.closed_at, months)).getTime();
}

/** The update that blanks a referral's personal details and records when. */
export function erasePersonalData(now: Date | string): ReferralUpdate {
  const at = new Date(now).toISOString();
  const blanks = Object.fromEntries(PERSONAL_DATA_COLUMNS.map((column) => [column, null]));
  return { ...blanks, personal_data_erased_at: at, updated_at: at };
}
