/**
 * Keeping a referral in progress in the visitor's session. Sessions are stored in the database
 * (never in the cookie), so answers are not exposed to the browser and cannot be tampered with;
 * the draft is removed as soon as the referral is made, and the session itself expires when idle.
 */
import type { Session } from "@remix-run/node";
import { getSession, redirectWithSession, type SessionData } from "~/accounts/session.server";
import type { ConfirmedReferral, ReferralDraft, SelfReferralDraft } from "./draft";

const KEYS = {
  referral: "referralDraft",
  self: "selfReferralDraft",
  confirmed: "referralConfirmed",
  selfConfirmed: "selfReferralConfirmed",
  notice: "referralNotice",
} as const;

type DraftKind = "referral" | "self";
type DraftOf<K extends DraftKind> = K extends "referral" ? ReferralDraft : SelfReferralDraft;

export async function readDraft<K extends DraftKind>(request: Request, kind: K): Promise<{ session: Session<SessionData>; draft: DraftOf<K> }> {
  const session = await getSession(request);
  const stored = session.get(KEYS[kind]);
  return { session, draft: (stored && typeof stored === "object" ? stored : {}) as DraftOf<K> };
}

export function writeDraft<K extends DraftKind>(session: Session<SessionData>, kind: K, draft: DraftOf<K>): void {
  session.set(KEYS[kind], draft);
}

export function clearDraft(session: Session<SessionData>, kind: DraftKind): void {
  session.unset(KEYS[kind]);
}

export function setConfirmed(session: Session<SessionData>, kind: DraftKind, confirmed: ConfirmedReferral): void {
  session.set(kind === "referral" ? KEYS.confirmed : KEYS.selfConfirmed, confirmed);
}

export function getConfirmed(session: Session<SessionData>, kind: DraftKind): ConfirmedReferral | null {
  const value = session.get(kind === "referral" ? KEYS.confirmed : KEYS.selfConfirmed);
  return value && typeof value === "object" ? (value as ConfirmedReferral) : null;
}

/** A one-time message for the next page, such as "we kept only the first part of the postcode". */
export function setNotice(session: Session<SessionData>, notice: string): void {
  session.flash(KEYS.notice, notice);
}

export function takeNotice(session: Session<SessionData>): string | null {
  const value = session.get(KEYS.notice);
  return typeof value === "string" ? value : null;
}

export async function saveAndRedirect<K extends DraftKind>(session: Session<SessionData>, kind: K, draft: DraftOf<K>, to: string): Promise<Response> {
  writeDraft(session, kind, draft);
  return redirectWithSession(session, to);
}
