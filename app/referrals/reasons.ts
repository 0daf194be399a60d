/**
 * Why a service declined a referral, and what came of one: the fixed lists a provider chooses
 * from, in the order they are offered. Reports count referrals by these ids, so ids never change;
 * labels may. Records keyed by id, so the compiler insists every id has a label.
 */
import type { DeclineReason, OutcomeId } from "~db/schema/referrals";

export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  "not-eligible": "Not eligible for this service",
  "no-capacity": "No space or capacity at the moment",
  duplicate: "Already referred (a duplicate)",
  other: "Another reason",
};

export const OUTCOME_LABELS: Record<OutcomeId, string> = {
  "got-online": "Got online",
  "completed-course": "Completed a course",
  "received-device": "Received a device",
  "received-data": "Received data or a SIM",
  "social-tariff": "Set up on a social tariff",
  "job-or-training": "Started a job or training",
  "no-longer-needed": "No longer needed help",
  other: "Something else",
};

export const DECLINE_REASON_IDS = Object.keys(DECLINE_REASON_LABELS) as [DeclineReason, ...DeclineReason[]];
export const OUTCOME_IDS = Object.keys(OUTCOME_LABELS) as [OutcomeId, ...OutcomeId[]];
