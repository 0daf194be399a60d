/**
 * "Needs action first" ordering for the referral inboxes. Each referral gets a tier for the person
 * looking (lower comes first) and the time it has waited in its current status; within a tier
 * the longest wait comes first, except among finished referrals, where the most recent is first.
 *
 * STATUS_TIERS is the base order by status alone, so a database query can page in the same
 * order; `actionPriority` then raises referrals that are overdue or carry a safeguarding flag.
 */
import type { Referral, ReferralStatus } from "~db/schema/referrals";
import { FLAG_AFTER_WORKING_DAYS, REMINDER_AFTER_WORKING_DAYS, workingDaysUnanswered } from "./chasers";
import type { ReferralActorRole } from "./status-machine";
import type { DateInput } from "./working-days";

export type InboxRole = Exclude<ReferralActorRole, "system">;

export const TIER = { urgent: 0, due: 1, toDo: 2, waiting: 3, finished: 4 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

const DONE = { closed: TIER.finished, withdrawn: TIER.finished } as const;

export const STATUS_TIERS: Record<InboxRole, Record<ReferralStatus, Tier>> = {
  provider: {
    sent: TIER.due,
    accepted: TIER.toDo,
    "couldnt-contact": TIER.toDo,
    contacted: TIER.toDo,
    attended: TIER.toDo,
    "did-not-attend": TIER.toDo,
    outcome: TIER.toDo,
    new: TIER.waiting,
    declined: TIER.finished,
    ...DONE,
  },
  referrer: {
    declined: TIER.toDo,
    new: TIER.waiting,
    sent: TIER.waiting,
    accepted: TIER.waiting,
    "couldnt-contact": TIER.waiting,
    contacted: TIER.waiting,
    attended: TIER.waiting,
    "did-not-attend": TIER.waiting,
    outcome: TIER.waiting,
    ...DONE,
  },
  coordinator: {
    new: TIER.due,
    declined: TIER.toDo,
    "couldnt-contact": TIER.toDo,
    "did-not-attend": TIER.toDo,
    sent: TIER.waiting,
    accepted: TIER.waiting,
    contacted: TIER.waiting,
    attended: TIER.waiting,
    outcome: TIER.waiting,
    ...DONE,
  },
};

const WHY: Record<InboxRole, Partial<Record<ReferralStatus, string>>> = {
  provider: {
    sent: "Accept or decline",
    accepted: "Contact the person",
    "couldnt-contact": "Try again, or close",
    contacted: "Record if they attended, or the outcome",
    attended: "Record the outcome",
    "did-not-attend": "Offer another time, or close",
    outcome: "Close the referral",
  },
  referrer: { declined: "Declined: close it, or refer somewhere else" },
  coordinator: {
    new: "Not sent to the service yet",
    declined: "Declined: check the person has other help",
    "couldnt-contact": "The service could not make contact",
    "did-not-attend": "The person did not attend",
  },
};

export type PriorityReferral = Pick<
  Referral,
  "kind" | "status" | "safeguarding" | "sent_at" | "reminder_sent_at" | "coordinator_flagged_at" | "status_changed_at"
>;

export interface ActionPriority {
  tier: Tier;
  needsAction: boolean;
  /** Short plain-English reason for the inbox; empty when there is nothing to do. */
  why: string;
  /** When the referral reached its current status. */
  since: string;
}

function escalation(referral: PriorityReferral, role: InboxRole, now: DateInput): { tier: Tier; why: string } | null {
  if (role === "coordinator" && referral.safeguarding === 1 && (referral.status === "new" || referral.status === "sent")) {
    return { tier: TIER.urgent, why: "Safeguarding concern: check before the service acts" };
  }
  const waited = workingDaysUnanswered(referral, now) ?? 0;
  const flagged = referral.status === "sent" && (referral.coordinator_flagged_at !== null || waited >= FLAG_AFTER_WORKING_DAYS);
  const reminded = referral.status === "sent" && (referral.reminder_sent_at !== null || waited >= REMINDER_AFTER_WORKING_DAYS);
  if (role === "coordinator" && flagged) return { tier: TIER.urgent, why: `Stuck: not answered in ${waited} working days` };
  if (role === "coordinator" && reminded) return { tier: TIER.due, why: `Not answered in ${waited} working days` };
  if (role === "provider" && reminded) return { tier: TIER.urgent, why: `Overdue: accept or decline (${waited} working days)` };
  return null;
}

export function actionPriority(referral: PriorityReferral, role: InboxRole, now: DateInput): ActionPriority {
  const since = referral.status_changed_at;
  if (referral.kind === "logged") return { tier: TIER.finished, needsAction: false, why: "", since };
  const raised = escalation(referral, role, now);
  const tier = raised?.tier ?? STATUS_TIERS[role][referral.status];
  const needsAction = tier <= TIER.toDo;
  return { tier, needsAction, why: raised?.why ?? (needsAction ? (WHY[role][referral.status] ?? "") : ""), since };
}

export function compareActionPriority(a: ActionPriority, b: ActionPriority): number {
  if (a.tier !== b.tier) return a.tier - b.tier;
  const order = a.since < b.since ? -1 : a.since > b.since ? 1 : 0;
  return a.tier === TIER.finished ? -order : order;
}
