import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { getConfig } from "~/lib/config.server";

export type TokenPurpose = "invite" | "reset";

/** An invitation waits a week for someone to get round to it; a reset is only for the moment. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

/** Only this hash is stored, so a copy of the database cannot be used to take over accounts. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Issues a single-use token. Any earlier unused token for the same user and purpose is retired
 * first, so only the newest link in someone's inbox works.
 */
export async function createUserToken(
  db: Db,
  userId: string,
  purpose: TokenPurpose,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]);
  await db
    .updateTable("user_tokens")
    .set({ used_at: now.toISOString() })
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("user_tokens")
    .values({
      id: randomUUID(),
      user_id: userId,
      purpose,
      token_hash: hashToken(token),
      expires_at: expiresAt.toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

export type TokenCheck =
  | { ok: true; tokenId: string; user: { id: string; name: string; email: string; active: number } }
  | { ok: false; reason: "invalid" | "expired" | "used" };

/** Looks a token up without using it, so a page can say whether the link still works. */
export async function checkUserToken(db: Db, token: string, purpose: TokenPurpose, now: Date = new Date()): Promise<TokenCheck> {
  // A well-formed token is 43 base64url characters; anything else cannot match, so skip the query.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: "invalid" };
  const row = await db
    .selectFrom("user_tokens")
    .innerJoin("users", "users.id", "user_tokens.user_id")
    .select(["user_tokens.id as token_id", "user_tokens.expires_at", "user_tokens.used_at", "users.id", "users.name", "users.email", "users.active"])
    .where("user_tokens.token_hash", "=", hashToken(token))
    .where("user_tokens.purpose", "=", purpose)
    .executeTakeFirst();
  if (!row || row.active !== 1) return { ok: false, reason: "invalid" };
  if (row.used_at) return { ok: false, reason: "used" };
  if (row.expires_at <= now.toISOString()) return { ok: false, reason: "expired" };
  return { ok: true, tokenId: row.token_id, user: { id: row.id, name: row.name, email: row.email, active: row.active } };
}

/**
 * Marks a token used. The update only matches an unused token, so of two requests racing with
 * the same link exactly one wins.
 */
export async function consumeUserToken(db: Db, tokenId: string, now: Date = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("user_tokens")
    .set({ used_at: now.toISOString() })
    .where("id", "=", tokenId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Where links in emails and texts point: BASE_URL (required in production), otherwise this
 * machine. Never the address a request came in on: its Host header is whatever the sender
 * wrote, and a forged one would put someone else's site in a password-reset link. Routes still
 * pass their request; it is deliberately not read.
 */
export function publicBaseUrl(_request?: Request): string {
  const { BASE_URL, PORT } = getConfig();
  return BASE_URL ?? `http://localhost:${PORT}`;
}
