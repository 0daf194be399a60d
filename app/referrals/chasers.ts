/**
 * Chasers for referrals the service has not answered. Counted in whole working days after the
 * day the referral was sent, so the time of day it was sent does not matter and a bank holiday or
 * weekend never brings a chaser forward. Each chaser goes once; the job records when.
 */
import type { Referral } from "~db/schema/referrals";
import { addWorkingDays, type CalendarDate, type DateInput, workingDaysBetween } from "./working-days";

/** Working days without an answer before the provider gets a reminder. */
export const REMINDER_AFTER_WORKING_DAYS = 5;
/** Working days without an answer before the area's coordinator is told it is stuck. */
export const FLAG_AFTER_WORKING_DAYS = 10;

export type ChaserReferral = Pick<Referral, "kind" | "status" | "sent_at" | "reminder_sent_at" | "coordinator_flagged_at">;

export interface ChaserDecision {
  remindProvider: boolean;
  flagCoordinator: boolean;
}

/** Working days the referral has been waiting for an answer, or null if it is not waiting. */
export function workingDaysUnanswered(referral: Pick<Referral, "kind" | "status" | "sent_at">, now: DateInput): number | null {
  if (referral.kind !== "live" || referral.status !== "sent" || !referral.sent_at) return null;
  return workingDaysBetween(referral.sent_at, now);
}

/**
 * What the chaser job should send now. If the job was not run for a while, both may be due at
 * once: the provider still gets its reminder when the coordinator is told.
 */
export function chasersDue(referral: ChaserReferral, now: DateInput): ChaserDecision {
  const waited = workingDaysUnanswered(referral, now);
  if (waited === null) return { remindProvider: false, flagCoordinator: false };
  return {
    remindProvider: waited >= REMINDER_AFTER_WORKING_DAYS && !referral.reminder_sent_at,
    flagCoordinator: waited >= FLAG_AFTER_WORKING_DAYS && !referral.coordinator_flagged_at,
  };
}

/** The days the chasers fall due for a referral sent at `sentAt`, to show on the referral page. */
export function chaserDates(sentAt: DateInput): { remindOn: CalendarDate; flagOn: CalendarDate } {
  return {
    remindOn: addWorkingDays(sentAt, REMINDER_AFTER_WORKING_DAYS),
    flagOn: addWorkingDays(sentAt, FLAG_AFTER_WORKING_DAYS),
  };
}
