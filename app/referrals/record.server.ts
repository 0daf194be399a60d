/**
 * One referral as the people entitled to it see it, and changes to its status. Reach is decided
 * here, not in the page: the service's organisation, the person who made it, the coordinators of
 * its area and admins. Anyone else gets nothing, as if it did not exist.
 */
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import type { Db } from "~/lib/db.server";
import { normaliseReferenceCode } from "~/lib/reference-code";
import type { Referral, ReferralEvent, ReferralStatus } from "~db/schema/referrals";
import { type ReferralReach, referralRolesFor } from "./actor-roles";
import { notifyService } from "./create.server";
import { statusChangeMessage } from "./messages";
import { queueStaffEmails, referralLink } from "./recipients.server";
import { applyMove, type MoveRequest, type MoveResult, type ReferralActorRole } from "./status-machine";

export interface ReferralRecord {
  referral: Referral;
  serviceName: string;
  organisationName: string;
  areaName: string | null;
  referrerName: string | null;
  referrerOrganisationName: string | null;
}

export async function findReferralByReference(db: Db, reference: string): Promise<ReferralRecord | null> {
  const code = normaliseReferenceCode(reference);
  if (!code) return null;
  const row = await db
    .selectFrom("referrals")
    .innerJoin("services", "services.id", "referrals.service_id")
    .innerJoin("organisations", "organisations.id", "referrals.organisation_id")
    .leftJoin("areas", "areas.id", "referrals.area_id")
    .leftJoin("users as referrer", "referrer.id", "referrals.referrer_user_id")
    .leftJoin("organisations as referrer_org", "referrer_org.id", "referrals.referrer_organisation_id")
    .selectAll("referrals")
    .select([
      "services.name as service_name",
      "organisations.name as organisation_name",
      "areas.name as area_name",
      "referrer.name as referrer_name",
      "referrer_org.name as referrer_organisation_name",
    ])
    .where("referrals.reference", "=", code)
    .executeTakeFirst();
  if (!row) return null;
  const { service_name, organisation_name, area_name, referrer_name, referrer_organisation_name, ...referral } = row;
  return {
    referral,
    serviceName: service_name,
    organisationName: organisation_name,
    areaName: area_name,
    referrerName: referrer_name,
    referrerOrganisationName: referrer_organisation_name,
  };
}

type Viewer = Pick<CurrentUser, "id" | "role" | "organisationId" | "areaIds">;

/** The referral roles a user holds on this referral; empty means they may not see it at all. */
export function rolesOn(user: Viewer, referral: ReferralReach): ReferralActorRole[] {
  return referralRolesFor({ id: user.id, role: user.role, organisation_id: user.organisationId }, user.areaIds, referral);
}

export function mayView(user: Viewer, referral: ReferralReach): boolean {
  return can(user.role, "referral:read:all") || rolesOn(user, referral).length > 0;
}

/** Coordinators of the referral's area (and admins) may export and erase what it holds. */
export function mayManageData(user: Viewer, referral: ReferralReach): boolean {
  return can(user.role, "referral:export:area") && rolesOn(user, referral).includes("coordinator");
}

/** The referral if this user may see it, else null (the page answers 404 either way). */
export async function findReferralFor(db: Db, user: Viewer, reference: string): Promise<ReferralRecord | null> {
  const record = await findReferralByReference(db, reference);
  return record && mayView(user, record.referral) ? record : null;
}

export function hasPersonalData(referral: Pick<Referral, "kind" | "personal_data_erased_at">): boolean {
  return referral.kind === "live" && referral.personal_data_erased_at === null;
}

export async function listEvents(db: Db, referralId: string): Promise<ReferralEvent[]> {
  return db.selectFrom("referral_events").selectAll().where("referral_id", "=", referralId).orderBy("at").orderBy("id").execute();
}

export interface MoveActorUser {
  id: string;
  name: string;
  organisationName: string;
  roles: ReferralActorRole[];
}

/**
 * Checks and stores one status change with its timeline entry, in one transaction; then queues
 * the messages it causes: the service when a held referral is sent, the referrer when someone
 * else changes their referral. The update only matches the status the change was checked
 * against, so two people acting at once cannot both move it.
 */
export async function moveReferral(
  db: Db,
  record: ReferralRecord,
  request: MoveRequest,
  actor: MoveActorUser,
  options: { now: Date; baseUrl: string },
): Promise<MoveResult> {
  const { referral } = record;
  const result = applyMove(referral, request, { role: actor.roles, userId: actor.id, label: `${actor.name}, ${actor.organisationName}` }, options.now);
  if (!result.ok) return result;
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable("referrals")
      .set(result.changes)
      .where("id", "=", referral.id)
      .where("status", "=", referral.status)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) {
      return { ok: false, message: "Someone else changed this referral a moment ago. Check its status and try again.", field: "to" } as const;
    }
    await trx.insertInto("referral_events").values({ id: randomUUID(), ...result.event }).execute();
    if (result.status === "sent") {
      await notifyService(
        trx,
        {
          id: referral.id,
          reference: referral.reference,
          organisationId: referral.organisation_id,
          serviceId: referral.service_id,
          serviceName: record.serviceName,
          areaId: referral.area_id,
          areaName: record.areaName,
        },
        options,
      );
    }
    if (referral.referrer_user_id !== actor.id) await tellReferrer(trx, referral, result.status, options);
    return result;
  });
}

/** Emails the person who made a referral that its status changed, if they still have an account. */
export async function tellReferrer(
  db: Db,
  referral: Pick<Referral, "id" | "reference" | "referrer_user_id">,
  status: ReferralStatus,
  options: { now: Date; baseUrl: string },
): Promise<void> {
  if (!referral.referrer_user_id) return;
  const referrer = await db.selectFrom("users").select("email").where("id", "=", referral.referrer_user_id).where("active", "=", 1).executeTakeFirst();
  if (!referrer) return;
  const message = statusChangeMessage(referral.reference, status, referralLink(options.baseUrl, referral.reference));
  await queueStaffEmails(db, [referrer.email], message, "referral-status", referral.id, options.now);
}
