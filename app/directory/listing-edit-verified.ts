/**
 * How fresh a listing is. ORUK's assured_date ("last verified") is the one date that counts: it
 * moves when a person saves the listing or confirms it is still correct. Six months without a
 * check asks the owner to review it; twelve makes it out of date (search ranks it lower).
 */
import { toLondon } from "./opening-times-calendar";

export const REVIEW_AFTER_DAYS = 183;
export const OUT_OF_DATE_AFTER_DAYS = 365;

export type VerificationState = "verified" | "needs-review" | "out-of-date";

/** ISO date `days` before `now` (UTC), for comparing with assured_date ("YYYY-MM-DD"). */
export function daysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Not checked for six months: the owner is asked to review it; for twelve: it is out of date. */
export function verificationState(assuredDate: string | null, now: Date): VerificationState {
  const date = assuredDate?.slice(0, 10) ?? null;
  if (!date || date < daysBefore(now, OUT_OF_DATE_AFTER_DAYS)) return "out-of-date";
  if (date < daysBefore(now, REVIEW_AFTER_DAYS)) return "needs-review";
  return "verified";
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-03-05" → "5 March 2026"; "Never" for no date. */
export function formatVerifiedDate(date: string | null): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? "");
  return match ? `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}` : "Never";
}

export const VERIFICATION_LABELS: Record<VerificationState, string> = {
  verified: "Verified",
  "needs-review": "Needs review",
  "out-of-date": "Out of date",
};

/** The date to store as ORUK assured_date when a person checks a listing: the day it is in the UK. */
export function assuredDateFor(now: Date): string {
  return toLondon(now).date;
}
