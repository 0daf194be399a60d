import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import { actorFor, recordAudit } from "./audit.server";
import { minutesUntil } from "./throttle";
import { createUserToken } from "./tokens.server";

/** A person forgetting a password asks once or twice; more from one address is a script. */
export const RESET_WINDOW_MS = 60 * 60 * 1000;
export const MAX_RESET_REQUESTS_PER_IP = 10;
/** Past this, further links are not sent, so an inbox cannot be flooded; the page says the same either way. */
export const MAX_RESET_EMAILS_PER_ACCOUNT = 3;

const REQUESTED = "password-reset-requested";

export type ResetRequestResult = { ok: true } | { ok: false; reason: "throttled"; minutes: number };

/**
 * Sends a reset link if the email belongs to an active account. The answer is the same whether or
 * not it does, so the form cannot be used to find out who has an account; each request is
 * audited (with whether it matched) and counted for throttling.
 */
export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string; baseUrl: string },
  now: Date = new Date(),
): Promise<ResetRequestResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - RESET_WINDOW_MS).toISOString();
  const fromIp = await db
    .selectFrom("audit_log")
    .select("at")
    .where("action", "=", REQUESTED)
    .where("ip", "=", input.ip)
    .where("at", ">=", since)
    .orderBy("at", "asc")
    .limit(MAX_RESET_REQUESTS_PER_IP)
    .execute();
  if (fromIp.length >= MAX_RESET_REQUESTS_PER_IP) {
    const until = new Date(Date.parse(fromIp[0].at) + RESET_WINDOW_MS);
    return { ok: false, reason: "throttled", minutes: minutesUntil(until, now) };
  }

  const user = await db.selectFrom("users").select(["id", "name", "email"]).where("email", "=", email).where("active", "=", 1).executeTakeFirst();
  let sent = false;
  await db.transaction().execute(async (trx) => {
    if (user) {
      const recent = await trx
        .selectFrom("user_tokens")
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .where("user_id", "=", user.id)
        .where("purpose", "=", "reset")
        .where("created_at", ">=", since)
        .executeTakeFirstOrThrow();
      if (Number(recent.count) < MAX_RESET_EMAILS_PER_ACCOUNT) {
        const { token } = await createUserToken(trx, user.id, "reset", now);
        const queued = await enqueueMessage(trx, resetEmail(user, `${input.baseUrl}/reset-password/${token}`), now);
        sent = queued.ok;
      }
    }
    await recordAudit(trx, { actor: actorFor(null), action: REQUESTED, recordType: "user", recordId: user?.id, detail: { email, sent }, ip: input.ip }, now);
  });
  return { ok: true };
}

function resetEmail(user: { id: string; name: string; email: string }, link: string) {
  const body = [
    `Hello ${user.name},`,
    "Someone asked to reset the password for your Waymark account. To choose a new password, open this link:",
    link,
    "The link works once and expires in 1 hour.",
    "If you did not ask for this, you can ignore this email: your password has not changed.",
  ].join("\n\n");
  return { channel: "email", to: user.email, subject: "Reset your Waymark password", body, purpose: "password-reset", related: { type: "user", id: user.id } } as const;
}
