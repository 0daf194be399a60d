/**
 * A referral being made, one page at a time. The answers so far live in the session (never in
 * hidden fields, which could be tampered with) and each page checks that the pages before it were
 * answered, so a bookmarked or typed address cannot skip a step such as consent.
 */
import type { ConsentMethod } from "~db/schema/referrals";
import type { NeedsStep, PersonStep, ReasonsStep } from "./referral-form";

export const REFERRAL_STEPS = ["service", "reasons", "person", "needs", "consent", "check"] as const;
export type ReferralStep = (typeof REFERRAL_STEPS)[number];

export interface RecordedConsent {
  consentGiven: boolean;
  consentMethod: ConsentMethod | null;
  /** When the answer was given; stored as consent_at. */
  at: string;
}

export interface ReferralDraft {
  serviceId?: string;
  /** Canonical triage reference, when the referral started from a triage plan. */
  triageReference?: string;
  reasons?: ReasonsStep;
  person?: Omit<PersonStep, "postcodeShortened">;
  needs?: NeedsStep;
  consent?: RecordedConsent;
}

function answered(draft: ReferralDraft, step: ReferralStep): boolean {
  switch (step) {
    case "service":
      return Boolean(draft.serviceId);
    case "reasons":
      return draft.reasons !== undefined;
    case "person":
      return draft.person !== undefined;
    case "needs":
      return draft.needs !== undefined;
    case "consent":
      return draft.consent?.consentGiven === true;
    case "check":
      return false;
  }
}

/** The first step still to answer; "check" once everything is in. */
export function firstUnansweredStep(draft: ReferralDraft): ReferralStep {
  return REFERRAL_STEPS.find((step) => !answered(draft, step)) ?? "check";
}

/**
 * Where a page should send someone who arrives before answering the steps it needs, or null if
 * they may see it. Refused consent sends them to the signpost page instead of onwards.
 */
export function redirectForStep(draft: ReferralDraft, step: ReferralStep): string | null {
  const index = REFERRAL_STEPS.indexOf(step);
  for (const earlier of REFERRAL_STEPS.slice(0, index)) {
    if (answered(draft, earlier)) continue;
    if (earlier === "consent" && draft.consent?.consentGiven === false) return "/referrals/new/signpost";
    return stepPath(earlier);
  }
  return null;
}

export function stepPath(step: ReferralStep): string {
  return `/referrals/new/${step}`;
}

/** After a step is saved: back to check answers when changing an answer, else the next step. */
export function afterStep(draft: ReferralDraft, step: ReferralStep, returnToCheck: boolean): string {
  const next = firstUnansweredStep(draft);
  if (returnToCheck && next === "check") return stepPath("check");
  const following = REFERRAL_STEPS[REFERRAL_STEPS.indexOf(step) + 1] ?? "check";
  return stepPath(REFERRAL_STEPS.indexOf(next) < REFERRAL_STEPS.indexOf(following) ? next : following);
}

/** What the confirmation page shows; kept in the session after the draft is gone. */
export interface ConfirmedReferral {
  reference: string;
  kind: "live" | "logged";
  serviceName: string;
  organisationName: string;
  /** Whether the service was told now, or the referral waits for a coordinator. */
  sent: boolean;
  contactMethod: PersonStep["contactMethod"] | null;
  /** A signpost with a safeguarding concern: the champion is told to contact their coordinator now. */
  signpostSafeguarding?: boolean;
}

export const SELF_STEPS = ["contact", "consent", "check"] as const;
export type SelfStep = (typeof SELF_STEPS)[number];

export interface SelfReferralDraft {
  triageReference?: string;
  serviceId?: string;
  person?: Omit<PersonStep, "postcodeShortened">;
  consent?: RecordedConsent;
}

export function selfRedirectForStep(draft: SelfReferralDraft, step: SelfStep): string | null {
  if (step === "contact") return null;
  if (!draft.person) return "/referrals/self/contact";
  if (step === "consent") return null;
  if (draft.consent?.consentGiven !== true) return "/referrals/self/consent";
  return null;
}
