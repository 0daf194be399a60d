import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import type { Role } from "~db/schema/accounts";
import { actorFor, recordAudit, type AuditActor } from "./audit.server";
import { assignableRoles, ROLE_LABELS } from "./policy";
import { createUserToken } from "./tokens.server";
import { managesEveryone, roleNeedsArea, type Manager } from "./user-scope";

export interface NewAccount {
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  areaIds: string[];
}

export type AccountErrors = Partial<Record<"name" | "email" | "role" | "organisationId" | "areaIds", string>>;

/** The rules for who may be given which role and areas, shared by invitations and by scripts. */
async function checkNewAccount(db: Db, manager: Manager | null, account: NewAccount): Promise<AccountErrors> {
  const errors: AccountErrors = {};
  if (manager && !assignableRoles(manager.role).includes(account.role)) errors.role = "Select a role you are allowed to give";
  const organisation = await db.selectFrom("organisations").select("id").where("id", "=", account.organisationId).executeTakeFirst();
  if (!organisation) errors.organisationId = "Select an organisation from the list";
  if (account.areaIds.length === 0 && roleNeedsArea(account.role)) {
    errors.areaIds = "Select at least one area";
  } else if (account.areaIds.length > 0) {
    const known = await db.selectFrom("areas").select("id").where("id", "in", account.areaIds).execute();
    const outsideReach = manager && !managesEveryone(manager) && account.areaIds.some((id) => !manager.areaIds.includes(id));
    if (known.length !== new Set(account.areaIds).size) errors.areaIds = "Select areas from the list";
    else if (outsideReach) errors.areaIds = "Select only areas you coordinate";
  }
  const taken = await db.selectFrom("users").select("id").where("email", "=", account.email).executeTakeFirst();
  if (taken) errors.email = "There is already an account with this email address";
  return errors;
}

/**
 * Creates an account that has no password yet, and an invitation token to set one. Pass a
 * manager to enforce their reach; scripts run by the server's operator pass null.
 */
export async function createInvitedUser(
  db: Db,
  manager: Manager | null,
  actor: AuditActor,
  input: NewAccount,
  options: { ip?: string | null; now?: Date } = {},
): Promise<{ ok: true; userId: string; token: string; expiresAt: Date } | { ok: false; errors: AccountErrors }> {
  const now = options.now ?? new Date();
  const account = { ...input, email: input.email.trim().toLowerCase(), areaIds: [...new Set(input.areaIds)] };
  const errors = await checkNewAccount(db, manager, account);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const userId = randomUUID();
  await db
    .insertInto("users")
    .values({
      id: userId,
      email: account.email,
      name: account.name,
      role: account.role,
      organisation_id: account.organisationId,
      password_hash: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  if (account.areaIds.length > 0) {
    await db.insertInto("user_areas").values(account.areaIds.map((area_id) => ({ user_id: userId, area_id }))).execute();
  }
  const { token, expiresAt } = await createUserToken(db, userId, "invite", now);
  await recordAudit(
    db,
    { actor, action: "user-invited", recordType: "user", recordId: userId, detail: { email: account.email, role: account.role, organisationId: account.organisationId, areaIds: account.areaIds }, ip: options.ip },
    now,
  );
  return { ok: true, userId, token, expiresAt };
}

/** Rolls the account back when its invitation cannot be queued, so no one is left half-invited. */
class InvitationNotQueued extends Error {
  constructor(readonly errors: AccountErrors) {
    super("Invitation could not be queued");
  }
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });

async function queueInvitation(
  db: Db,
  invitation: { userId: string; name: string; email: string; role: Role; inviterName: string; link: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  const body = [
    `Hello ${invitation.name},`,
    `${invitation.inviterName} has invited you to use Waymark as a ${ROLE_LABELS[invitation.role].toLowerCase()}.`,
    `To set your password and start, open this link:`,
    invitation.link,
    `The link works once and expires on ${dateFormat.format(invitation.expiresAt)}. If you were not expecting this email, you can ignore it.`,
  ].join("\n\n");
  const queued = await enqueueMessage(
    db,
    { channel: "email", to: invitation.email, subject: "You have been invited to Waymark", body, purpose: "invite", related: { type: "user", id: invitation.userId } },
    now,
  );
  if (!queued.ok) throw new InvitationNotQueued({ email: queued.errors.to ?? "The invitation email could not be sent to this address" });
}

/** Invites someone: the account, the token and the email are created together or not at all. */
export async function inviteUser(
  db: Db,
  manager: Manager,
  input: NewAccount,
  options: { baseUrl: string; ip?: string | null; now?: Date },
): Promise<{ ok: true; userId: string } | { ok: false; errors: AccountErrors }> {
  const now = options.now ?? new Date();
  try {
    return await db.transaction().execute(async (trx) => {
      const created = await createInvitedUser(trx, manager, actorFor(manager), input, { ip: options.ip, now });
      if (!created.ok) return created;
      const link = `${options.baseUrl}/accept-invite/${created.token}`;
      await queueInvitation(trx, { userId: created.userId, name: input.name, email: input.email.trim().toLowerCase(), role: input.role, inviterName: manager.name, link, expiresAt: created.expiresAt }, now);
      return { ok: true as const, userId: created.userId };
    });
  } catch (error) {
    if (error instanceof InvitationNotQueued) return { ok: false, errors: error.errors };
    throw error;
  }
}

/** Sends a fresh invitation to someone who has not set a password yet; the old link stops working. */
export async function resendInvitation(
  db: Db,
  manager: Manager,
  user: { id: string; name: string; email: string; role: Role },
  options: { baseUrl: string; ip?: string | null; now?: Date },
): Promise<void> {
  const now = options.now ?? new Date();
  await db.transaction().execute(async (trx) => {
    const { token, expiresAt } = await createUserToken(trx, user.id, "invite", now);
    const link = `${options.baseUrl}/accept-invite/${token}`;
    await queueInvitation(trx, { userId: user.id, name: user.name, email: user.email, role: user.role, inviterName: manager.name, link, expiresAt }, now);
    await recordAudit(trx, { actor: actorFor(manager), action: "invitation-resent", recordType: "user", recordId: user.id, ip: options.ip }, now);
  });
}
