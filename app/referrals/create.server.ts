/**
 * Making a referral, in one transaction: the row, its first timeline entry, the messages, and
 * the move to "sent" once the service's notification is queued. Either all of it is stored or
 * none, so a reference shown on a confirmation page always exists.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { createReferenceCode } from "~/lib/reference-code";
import { enqueueMessage } from "~/messaging/outbox.server";
import type { ConsentMethod, ContactMethod, NewReferral, Referral, ReferralKind } from "~db/schema/referrals";
import { isCoordinatorDeskReferral } from "./coordinator-desk";
import {
  newReferralMessage,
  personConfirmationMessage,
  safeguardingMessage,
  selfReferralMessage,
  signpostSafeguardingMessage,
  unsentReferralMessage,
} from "./messages";
import { coordinatorRecipients, providerRecipients, queueStaffEmails, referralLink } from "./recipients.server";
import type { ReferrableService } from "./services.server";
import { applyMove, type MoveActor } from "./status-machine";

export const SYSTEM_ACTOR: MoveActor = { role: "system", userId: null, label: "Waymark" };

export interface ReferrerIdentity {
  userId: string;
  organisationId: string;
  /** How the timeline names them: "Priya Shah, Maidstone Digital Champions Network". */
  label: string;
  /** Where a coordinator can reach them about a safeguarding concern on a signpost. */
  email?: string;
}

export interface PersonDetails {
  personName: string;
  contactMethod: ContactMethod;
  contactDetail: string | null;
  bestTimes: string | null;
  accessNeeds: string | null;
  language: string | null;
  safeguarding: boolean;
  safeguardingNote: string | null;
  reasonNote: string | null;
  consentMethod: ConsentMethod;
  consentConfirmedBy: string;
  consentAt: string;
}

export interface NewReferralInput {
  service: Pick<ReferrableService, "id" | "name" | "organisationId" | "organisationName">;
  /** Null for a self-referral. */
  referrer: ReferrerIdentity | null;
  areaId: string | null;
  /** The area's name, for messages about a self-referral to the area's coordinator desk. */
  areaName?: string;
  triageResultId: string | null;
  barriers: string[];
  goals: string[];
  outwardCode: string | null;
  /** Absent for a logged signpost: no personal data at all. */
  person: PersonDetails | null;
  /**
   * On a logged signpost: the referrer said there is a safeguarding concern. Refusing a referral
   * does not drop it; the flag is kept (it says nothing about who) and the coordinators are told.
   */
  signpostSafeguarding?: boolean;
}

export interface CreatedReferral {
  id: string;
  reference: string;
  kind: ReferralKind;
  status: Referral["status"];
}

const REFERENCE_ATTEMPTS = 5;

/** The area to file a referral under: where the person lives if known, else the triage's, else the service's. */
export async function referralAreaFor(
  db: Db,
  sources: { outwardCode: string | null; triageAreaId: string | null; serviceAreaId: string | null },
): Promise<string | null> {
  if (sources.outwardCode) {
    const district = await db.selectFrom("area_districts").select("area_id").where("outward_code", "=", sources.outwardCode).executeTakeFirst();
    if (district) return district.area_id;
  }
  return sources.triageAreaId ?? sources.serviceAreaId;
}

function rowFor(input: NewReferralInput, id: string, reference: string, at: string): NewReferral {
  const base: NewReferral = {
    id,
    reference,
    kind: input.person ? "live" : "logged",
    status: "new",
    service_id: input.service.id,
    organisation_id: input.service.organisationId,
    area_id: input.areaId,
    referrer_user_id: input.referrer?.userId ?? null,
    referrer_organisation_id: input.referrer?.organisationId ?? null,
    self_referral: input.referrer ? 0 : 1,
    reasons: JSON.stringify({ barriers: input.barriers, goals: input.goals }),
    outward_code: input.outwardCode,
    reason_note: null,
    person_name: null,
    contact_method: null,
    contact_detail: null,
    best_times: null,
    access_needs: null,
    language: null,
    safeguarding: 0,
    safeguarding_note: null,
    consent_given: 0,
    consent_method: null,
    consent_confirmed_by: null,
    consent_at: null,
    triage_result_id: null,
    decline_reason: null,
    outcome: null,
    sent_at: null,
    reminder_sent_at: null,
    coordinator_flagged_at: null,
    first_action_at: null,
    closed_at: null,
    personal_data_erased_at: null,
    status_changed_at: at,
    created_at: at,
    updated_at: at,
  };
  const p = input.person;
  if (!p) return { ...base, safeguarding: input.signpostSafeguarding ? 1 : 0 };
  return {
    ...base,
    triage_result_id: input.triageResultId,
    reason_note: p.reasonNote,
    person_name: p.personName,
    contact_method: p.contactMethod,
    contact_detail: p.contactDetail,
    best_times: p.bestTimes,
    access_needs: p.accessNeeds,
    language: p.language,
    safeguarding: p.safeguarding ? 1 : 0,
    safeguarding_note: p.safeguardingNote,
    consent_given: 1,
    consent_method: p.consentMethod,
    consent_confirmed_by: p.consentConfirmedBy,
    consent_at: p.consentAt,
  };
}

async function insertWithFreshReference(db: Db, input: NewReferralInput, at: string): Promise<NewReferral> {
  for (let attempt = 1; ; attempt++) {
    const row = rowFor(input, randomUUID(), createReferenceCode(), at);
    try {
      await db.insertInto("referrals").values(row).execute();
      return row;
    } catch (error) {
      // Two referrals drawing the same reference is very unlikely; draw again rather than fail.
      const clash = error instanceof Error && /UNIQUE constraint failed: referrals\.reference/.test(error.message);
      if (!clash || attempt >= REFERENCE_ATTEMPTS) throw error;
    }
  }
}

async function recordMove(db: Db, referral: NewReferral & { id: string }, to: "sent" | "closed", now: Date): Promise<boolean> {
  const move = applyMove(
    { id: referral.id, kind: referral.kind, status: referral.status, sent_at: referral.sent_at ?? null, first_action_at: referral.first_action_at ?? null },
    { to },
    SYSTEM_ACTOR,
    now,
  );
  if (!move.ok) throw new Error(`A new referral could not be moved to ${to}: ${move.message}`);
  await db.updateTable("referrals").set(move.changes).where("id", "=", referral.id).execute();
  await db.insertInto("referral_events").values({ id: randomUUID(), ...move.event }).execute();
  return true;
}

/**
 * Tells the service (its address and its provider accounts), or for an area's coordinator desk
 * its coordinators, never the organisation that happens to own the desk. Returns whether anyone
 * could be told; the caller decides what a referral with nobody to tell becomes.
 */
export async function notifyService(
  db: Db,
  referral: { id: string; reference: string; organisationId: string; serviceId: string; serviceName: string; areaId: string | null; areaName: string | null },
  options: { now: Date; baseUrl: string },
): Promise<boolean> {
  const link = referralLink(options.baseUrl, referral.reference);
  const desk = isCoordinatorDeskReferral({ service_id: referral.serviceId, area_id: referral.areaId });
  const to = desk ? await coordinatorRecipients(db, referral.areaId) : await providerRecipients(db, referral.organisationId);
  const message = desk ? selfReferralMessage(referral.areaName ?? "your area", link) : newReferralMessage(referral.serviceName, link);
  const queued = await queueStaffEmails(db, to, message, "referral-new", referral.id, options.now);
  return queued > 0;
}

export async function createReferral(db: Db, input: NewReferralInput, options: { now: Date; baseUrl: string }): Promise<CreatedReferral> {
  const at = options.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await insertWithFreshReference(trx, input, at);
    const id = row.id!;
    const reference = row.reference;
    await trx
      .insertInto("referral_events")
      .values({
        id: randomUUID(),
        referral_id: id,
        from_status: null,
        to_status: "new",
        actor_user_id: input.referrer?.userId ?? null,
        actor_label: input.referrer?.label ?? "The person themselves, online",
        note: input.person ? null : "Logged as a signpost: the person did not agree to a referral.",
        at,
      })
      .execute();

    const link = referralLink(options.baseUrl, reference);
    const coordinators = () => coordinatorRecipients(trx, input.areaId);
    if (!input.person) {
      if (input.signpostSafeguarding && input.referrer) {
        const message = signpostSafeguardingMessage({
          referrer: input.referrer.label,
          referrerEmail: input.referrer.email ?? null,
          serviceName: input.service.name,
          reference,
          link,
        });
        await queueStaffEmails(trx, await coordinators(), message, "referral-new", id, options.now);
      }
      await recordMove(trx, { ...row, id }, "closed", options.now);
      return { id, reference, kind: "logged", status: "closed" };
    }

    const told = await notifyService(
      trx,
      {
        id,
        reference,
        organisationId: input.service.organisationId,
        serviceId: input.service.id,
        serviceName: input.service.name,
        areaId: input.areaId,
        areaName: input.areaName ?? null,
      },
      options,
    );
    if (told) await recordMove(trx, { ...row, id }, "sent", options.now);
    else await queueStaffEmails(trx, await coordinators(), unsentReferralMessage(input.service.name, link), "referral-new", id, options.now);

    if (input.person.safeguarding) {
      await queueStaffEmails(trx, await coordinators(), safeguardingMessage(input.service.name, link), "referral-new", id, options.now);
    }
    await messageThePerson(trx, input, id, reference, options.now);
    return { id, reference, kind: "live", status: told ? "sent" : "new" };
  });
}

async function messageThePerson(db: Db, input: NewReferralInput, id: string, reference: string, now: Date): Promise<void> {
  const person = input.person;
  if (!person?.contactDetail || (person.contactMethod !== "text" && person.contactMethod !== "email")) return;
  const desk = isCoordinatorDeskReferral({ service_id: input.service.id, area_id: input.areaId });
  const helperName = desk ? `the ${input.areaName ?? "local"} digital help team` : input.service.organisationName;
  const message = personConfirmationMessage({ reference, helperName });
  // The recipient is kept on the message (not forgotten once sent): the referral holds the same
  // detail anyway, and the retention job blanks both together.
  await enqueueMessage(
    db,
    {
      channel: person.contactMethod === "text" ? "sms" : "email",
      to: person.contactDetail,
      subject: message.subject,
      body: message.body,
      purpose: "referral-new",
      related: { type: "referral-person", id },
      forgetRecipient: false,
    },
    now,
  );
}
