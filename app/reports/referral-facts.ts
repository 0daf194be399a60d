import { londonDate } from "~/referrals/working-days";
import { daysBetween } from "./stats";

/** The columns of a referral that its counts come from. */
export interface CountableReferral {
  kind: string;
  status: string;
  outcome: string | null;
  decline_reason: string | null;
  service_id: string;
  created_at: string;
  first_action_at: string | null;
}

export type ReferralMeasure = "referral" | "referral-service" | "first-action";

export interface ReferralFact {
  measure: ReferralMeasure;
  key: string;
}

export const REFERRAL_MEASURES: readonly ReferralMeasure[] = ["referral", "referral-service", "first-action"];

// UK time changes only on the hour, so every instant in the same UTC hour has the same UK date.
// Remembering it per hour spares an Intl call for each of the thousands of referrals a recount reads.
const ukDateByHour = new Map<string, string>();

function ukDate(timestamp: string): string {
  const hour = timestamp.slice(0, 13);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}$/.test(hour) || !timestamp.endsWith("Z")) return londonDate(timestamp);
  let date = ukDateByHour.get(hour);
  if (date === undefined) {
    date = londonDate(`${hour}:00:00.000Z`);
    if (ukDateByHour.size > 100_000) ukDateByHour.clear();
    ukDateByHour.set(hour, date);
  }
  return date;
}

/**
 * What one referral adds to the counts of the day it was made, as it stands now: its kind,
 * status, outcome and whether it was declined; its service; and, for a live referral that has
 * had one, the calendar days (UK time) to its first action.
 */
export function referralFacts(referral: CountableReferral): ReferralFact[] {
  const facts: ReferralFact[] = [
    { measure: "referral", key: referralKey(referral.kind, referral.status, referral.outcome, referral.decline_reason !== null) },
    { measure: "referral-service", key: referral.service_id },
  ];
  if (referral.kind === "live" && referral.first_action_at) {
    facts.push({ measure: "first-action", key: String(Math.max(0, daysBetween(ukDate(referral.created_at), ukDate(referral.first_action_at)))) });
  }
  return facts;
}

export function referralKey(kind: string, status: string, outcome: string | null, declined: boolean): string {
  return `${kind}|${status}|${outcome ?? ""}|${declined ? 1 : 0}`;
}

export function parseReferralKey(key: string): { kind: string; status: string; outcome: string | null; declined: boolean } | null {
  const parts = key.split("|");
  if (parts.length !== 4) return null;
  return { kind: parts[0], status: parts[1], outcome: parts[2] || null, declined: parts[3] === "1" };
}
