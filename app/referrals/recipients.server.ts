/**
 * Who hears about a referral, and queuing the emails. Everything is queued in the caller's
 * transaction through the outbox, so a message exists exactly when the change that caused it
 * does, and a Notify outage delays a message without ever blocking or undoing a referral.
 */
import type { Db } from "~/lib/db.server";
import type { MessagePurpose } from "~/messaging/message";
import { enqueueMessage } from "~/messaging/outbox.server";
import type { StaffMessage } from "./messages";

function unique(addresses: (string | null | undefined)[]): string[] {
  const seen = new Map<string, string>();
  for (const address of addresses) {
    const trimmed = address?.trim();
    if (trimmed && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
  }
  return [...seen.values()];
}

/** The provider organisation's own address and everyone with the provider role in it. */
export async function providerRecipients(db: Db, organisationId: string): Promise<string[]> {
  const organisation = await db.selectFrom("organisations").select("email").where("id", "=", organisationId).executeTakeFirst();
  const users = await db
    .selectFrom("users")
    .select("email")
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "provider")
    .where("active", "=", 1)
    .orderBy("email")
    .execute();
  return unique([organisation?.email, ...users.map((u) => u.email)]);
}

/**
 * The coordinators of an area. A referral with no area is every coordinator's to pick up (see
 * actor-roles), so all are told; if a partnership has no coordinator at all, its admins are.
 */
export async function coordinatorRecipients(db: Db, areaId: string | null): Promise<string[]> {
  let query = db.selectFrom("users").select("users.email").where("users.role", "=", "coordinator").where("users.active", "=", 1);
  if (areaId !== null) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom("user_areas").select("user_areas.user_id").whereRef("user_areas.user_id", "=", "users.id").where("user_areas.area_id", "=", areaId)),
    );
  }
  const coordinators = await query.orderBy("users.email").execute();
  if (coordinators.length > 0) return unique(coordinators.map((u) => u.email));
  const admins = await db.selectFrom("users").select("email").where("role", "=", "admin").where("active", "=", 1).orderBy("email").execute();
  return unique(admins.map((u) => u.email));
}

/** Queues one email per address; returns how many were queued (a malformed address is skipped). */
export async function queueStaffEmails(
  db: Db,
  to: readonly string[],
  message: StaffMessage,
  purpose: MessagePurpose,
  referralId: string,
  now: Date,
): Promise<number> {
  let queued = 0;
  for (const address of to) {
    const result = await enqueueMessage(
      db,
      { channel: "email", to: address, subject: message.subject, body: message.body, purpose, related: { type: "referral", id: referralId } },
      now,
    );
    if (result.ok) queued++;
  }
  return queued;
}

export function referralLink(baseUrl: string, reference: string): string {
  return `${baseUrl}/referrals/${reference}`;
}
