/**
 * Turning a finished draft into a referral. Everything is checked again here rather than trusted
 * from the session: the service may have been unpublished since it was chosen, or the user's
 * areas changed, and a logged signpost must carry no personal data whatever the draft holds.
 */
import type { CurrentUser } from "~/accounts/auth.server";
import type { Db } from "~/lib/db.server";
import { coordinatorDeskFor } from "./coordinator-desk.server";
import { createReferral, referralAreaFor, type PersonDetails } from "./create.server";
import type { ConfirmedReferral, ReferralDraft, SelfReferralDraft } from "./draft";
import { chooseService, findPublishedService, type ReferrableService } from "./services.server";
import { findTriageLink } from "./triage-link.server";

export type SubmitResult = { ok: true; confirmed: ConfirmedReferral } | { ok: false; redirectTo: string };

interface SubmitOptions {
  now: Date;
  baseUrl: string;
}

/** A champion's or staff member's referral; `logged` records a signpost instead (consent refused). */
export async function submitReferral(db: Db, user: CurrentUser, draft: ReferralDraft, options: SubmitOptions & { logged: boolean }): Promise<SubmitResult> {
  const choice = await chooseService(db, user, draft.serviceId ?? "");
  if (!choice.ok) return { ok: false, redirectTo: "/referrals/new/service" };
  if (!draft.reasons) return { ok: false, redirectTo: "/referrals/new/reasons" };
  const service = choice.service;
  const triage = await findTriageLink(db, draft.triageReference);
  const outwardCode = draft.person?.outwardCode ?? triage?.outwardPostcode ?? null;
  const areaId = await referralAreaFor(db, { outwardCode, triageAreaId: triage?.areaId ?? null, serviceAreaId: service.areaId });

  let person: PersonDetails | null = null;
  if (!options.logged) {
    const { person: p, needs, consent } = draft;
    if (!p) return { ok: false, redirectTo: "/referrals/new/person" };
    if (!needs) return { ok: false, redirectTo: "/referrals/new/needs" };
    if (!consent?.consentGiven || !consent.consentMethod) return { ok: false, redirectTo: "/referrals/new/consent" };
    person = {
      personName: p.personName,
      contactMethod: p.contactMethod,
      contactDetail: p.contactDetail,
      bestTimes: p.bestTimes,
      accessNeeds: needs.accessNeeds,
      language: needs.language,
      safeguarding: needs.safeguarding,
      safeguardingNote: needs.safeguardingNote,
      reasonNote: draft.reasons.reasonNote,
      consentMethod: consent.consentMethod,
      consentConfirmedBy: user.name,
      consentAt: consent.at,
    };
  } else if (draft.consent?.consentGiven !== false) {
    return { ok: false, redirectTo: "/referrals/new/consent" };
  }

  // A safeguarding concern answered before consent was refused still goes to the coordinators.
  const signpostSafeguarding = options.logged && draft.needs?.safeguarding === true;
  const created = await createReferral(
    db,
    {
      service,
      referrer: { userId: user.id, organisationId: user.organisationId, label: `${user.name}, ${user.organisationName}`, email: user.email },
      areaId,
      triageResultId: triage?.id ?? null,
      barriers: draft.reasons.barriers,
      goals: draft.reasons.goals,
      outwardCode,
      person,
      signpostSafeguarding,
    },
    options,
  );
  return { ok: true, confirmed: confirmation(created, service, person, signpostSafeguarding) };
}

function confirmation(
  created: { reference: string; kind: "live" | "logged"; status: string },
  service: ReferrableService,
  person: Pick<PersonDetails, "contactMethod"> | null,
  signpostSafeguarding = false,
): ConfirmedReferral {
  return {
    reference: created.reference,
    kind: created.kind,
    serviceName: service.name,
    organisationName: service.organisationName,
    sent: created.status === "sent",
    contactMethod: person?.contactMethod ?? null,
    signpostSafeguarding,
  };
}

export type SelfRoute = { ok: true; service: ReferrableService; toCoordinators: boolean; areaId: string | null; areaName: string | null } | { ok: false; message: string };

/**
 * Where a resident's request goes: the service they came from if it takes requests directly,
 * otherwise the coordinators of their area (from their check, or the postcode they give).
 */
export async function routeSelfReferral(
  db: Db,
  draft: Pick<SelfReferralDraft, "serviceId" | "triageReference">,
  outwardCode: string | null,
  now: Date,
): Promise<SelfRoute> {
  const triage = await findTriageLink(db, draft.triageReference);
  const service = draft.serviceId ? await findPublishedService(db, draft.serviceId) : null;
  const areaId = await referralAreaFor(db, { outwardCode, triageAreaId: triage?.areaId ?? null, serviceAreaId: service?.areaId ?? null });
  const areaName = areaId ? ((await db.selectFrom("areas").select("name").where("id", "=", areaId).executeTakeFirst())?.name ?? null) : null;
  if (service?.acceptsSelfReferral) return { ok: true, service, toCoordinators: false, areaId, areaName };
  const desk = await coordinatorDeskFor(db, areaId, now);
  if (desk.ok) return { ok: true, service: desk.service, toCoordinators: true, areaId, areaName };
  return {
    ok: false,
    message:
      desk.reason === "no-area"
        ? "We do not have a local help team for that postcode yet. Check the first part of your postcode, like ME14"
        : "There is no one to pass your request to in your area yet. Try again later, or find help in the directory",
  };
}

/** A resident's own request: consent given online by the person themselves. */
export async function submitSelfReferral(db: Db, draft: SelfReferralDraft, options: SubmitOptions): Promise<SubmitResult> {
  const p = draft.person;
  if (!p) return { ok: false, redirectTo: "/referrals/self/contact" };
  if (!draft.consent?.consentGiven) return { ok: false, redirectTo: "/referrals/self/consent" };
  const route = await routeSelfReferral(db, draft, p.outwardCode, options.now);
  if (!route.ok) return { ok: false, redirectTo: "/referrals/self/contact" };
  const triage = await findTriageLink(db, draft.triageReference);
  const created = await createReferral(
    db,
    {
      service: route.service,
      referrer: null,
      areaId: route.areaId,
      areaName: route.areaName ?? undefined,
      triageResultId: triage?.id ?? null,
      barriers: triage?.barriers ?? [],
      goals: triage?.goals ?? [],
      outwardCode: p.outwardCode ?? triage?.outwardPostcode ?? null,
      person: {
        personName: p.personName,
        contactMethod: p.contactMethod,
        contactDetail: p.contactDetail,
        bestTimes: p.bestTimes,
        accessNeeds: null,
        language: null,
        safeguarding: false,
        safeguardingNote: null,
        reasonNote: null,
        consentMethod: "online",
        consentConfirmedBy: p.personName,
        consentAt: draft.consent.at,
      },
    },
    options,
  );
  return { ok: true, confirmed: confirmation(created, route.service, p) };
}
