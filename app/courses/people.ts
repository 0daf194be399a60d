/**
 * A learner is one person across courses: found again by the plan's reference, their mobile or
 * their email, in that order, so booking the same person twice never makes a second record.
 */
import { normaliseUkMobile } from "~/messaging/message";
import { retentionDeadline } from "~/referrals/retention";

/** What the person agrees to when a champion, staff member or provider records them; kept word for word. */
export function personConsentText(retentionMonths: number): string {
  return `I agree that Waymark keeps my name and contact details to book me onto courses, send me the dates and record which sessions I come to. They are deleted ${retentionMonths} months after my last session.`;
}

export interface PersonKeys {
  triageReference: string | null;
  phone: string | null;
  email: string | null;
}

export function normaliseEmail(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  return trimmed === "" ? null : trimmed;
}

export function normalisePhone(value: string): string | null {
  return value.trim() === "" ? null : normaliseUkMobile(value);
}

export interface MatchCandidate {
  id: string;
  triage_reference: string | null;
  phone: string | null;
  email: string | null;
}

/** The existing person these details belong to: reference first, then mobile, then email. */
export function matchPerson<T extends MatchCandidate>(keys: PersonKeys, candidates: readonly T[]): T | null {
  const by = (field: keyof MatchCandidate, value: string | null) => (value === null ? undefined : candidates.find((c) => c[field] === value));
  return by("triage_reference", keys.triageReference) ?? by("phone", keys.phone) ?? by("email", keys.email) ?? null;
}

/**
 * The details to add to an existing person: only those they do not have yet, and only if no one
 * else has them (the database would refuse a second person with the same mobile or email).
 */
export function detailsToAdd(person: MatchCandidate, keys: PersonKeys, takenByOthers: ReadonlySet<string>): Partial<Record<"triage_reference" | "phone" | "email", string>> {
  const add: Partial<Record<"triage_reference" | "phone" | "email", string>> = {};
  if (!person.triage_reference && keys.triageReference && !takenByOthers.has(keys.triageReference)) add.triage_reference = keys.triageReference;
  if (!person.phone && keys.phone && !takenByOthers.has(keys.phone)) add.phone = keys.phone;
  if (!person.email && keys.email && !takenByOthers.has(keys.email)) add.email = keys.email;
  return add;
}

/** True once a person's last session day is `months` behind us. */
export function isPersonDueForErasure(person: { last_seen_on: string; personal_data_erased_at: string | null }, now: Date, months: number): boolean {
  if (person.personal_data_erased_at) return false;
  return now.getTime() >= new Date(retentionDeadline(`${person.last_seen_on}T23:59:59Z`, months)).getTime();
}
