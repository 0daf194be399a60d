import type { Db } from "~/lib/db.server";
import { actorFor, recordAudit } from "./audit.server";
import { hashPassword } from "./password.server";
import { revokeUserSessions } from "./session.server";
import { checkUserToken, consumeUserToken, type TokenCheck, type TokenPurpose } from "./tokens.server";

export type SetPasswordResult = { ok: true; userId: string } | Extract<TokenCheck, { ok: false }>;

/**
 * Sets a password from an invitation or reset link: the token is used up, the password stored,
 * and every session the user has is ended, so whoever may have had the old password is signed out.
 */
export async function setPasswordWithToken(
  db: Db,
  input: { token: string; purpose: TokenPurpose; password: string; ip?: string | null },
  now: Date = new Date(),
): Promise<SetPasswordResult> {
  const check = await checkUserToken(db, input.token, input.purpose, now);
  if (!check.ok) return check;
  // Hashing takes a while; do it before the transaction so the database is not held meanwhile.
  const passwordHash = await hashPassword(input.password);
  const consumed = await db.transaction().execute(async (trx) => {
    if (!(await consumeUserToken(trx, check.tokenId, now))) return false;
    await trx
      .updateTable("users")
      .set({ password_hash: passwordHash, password_changed_at: now.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", check.user.id)
      .execute();
    await recordAudit(
      trx,
      {
        actor: actorFor(check.user),
        action: input.purpose === "invite" ? "invitation-accepted" : "password-reset",
        recordType: "user",
        recordId: check.user.id,
        ip: input.ip,
      },
      now,
    );
    return true;
  });
  if (!consumed) return { ok: false, reason: "used" };
  await revokeUserSessions(check.user.id);
  return { ok: true, userId: check.user.id };
}
