import type { Db } from "~/lib/db.server";
import { actorFor, recordAudit } from "./audit.server";
import { decoyHash, verifyPassword } from "./password.server";
import { lockedUntil, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP, minutesUntil, THROTTLE_WINDOW_MS, type Attempt } from "./throttle";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; minutes: number };

/** The latest attempts in the window, newest first: enough of them to decide either rule. */
async function recentAttempts(db: Db, column: "email" | "ip", value: string, now: Date, { failuresOnly = false } = {}): Promise<Attempt[]> {
  let query = db
    .selectFrom("sign_in_attempts")
    .select(["succeeded", "created_at"])
    .where(column, "=", value)
    .where("created_at", ">=", new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString());
  if (failuresOnly) query = query.where("succeeded", "=", 0);
  const rows = await query
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(Math.max(MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP) + 1)
    .execute();
  return rows.map((row) => ({ succeeded: row.succeeded === 1, at: new Date(row.created_at) }));
}

/**
 * Checks an email and password. Unknown emails and wrong passwords give the same answer, after
 * the same amount of work. Every attempt is logged for throttling and the audit trail.
 */
export async function signIn(db: Db, input: { email: string; password: string; ip: string }, now: Date = new Date()): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const locks = [
    lockedUntil(await recentAttempts(db, "email", email, now), MAX_FAILURES_PER_ACCOUNT, now),
    // Successes do not forgive an IP address's failures, and are not fetched, so a run of them
    // cannot push the failures out of the rows read.
    lockedUntil(await recentAttempts(db, "ip", input.ip, now, { failuresOnly: true }), MAX_FAILURES_PER_IP, now, { successResets: false }),
  ].filter((d): d is Date => d !== null);
  if (locks.length > 0) {
    const until = new Date(Math.max(...locks.map((d) => d.getTime())));
    await recordAudit(db, { actor: actorFor(null), action: "sign-in-throttled", recordType: "user", detail: { email }, ip: input.ip }, now);
    return { ok: false, reason: "throttled", minutes: minutesUntil(until, now) };
  }

  const user = await db.selectFrom("users").select(["id", "name", "email", "password_hash", "active"]).where("email", "=", email).executeTakeFirst();
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await decoyHash()));
  const succeeded = Boolean(user && user.active === 1 && user.password_hash && valid);

  await db.insertInto("sign_in_attempts").values({ email, ip: input.ip, succeeded: succeeded ? 1 : 0, created_at: now.toISOString() }).execute();
  if (!succeeded || !user) {
    await recordAudit(db, { actor: actorFor(null), action: "sign-in-failed", recordType: "user", recordId: user?.id, detail: { email }, ip: input.ip }, now);
    return { ok: false, reason: "invalid" };
  }
  await db.updateTable("users").set({ last_sign_in_at: now.toISOString() }).where("id", "=", user.id).execute();
  await recordAudit(db, { actor: actorFor(user), action: "sign-in", recordType: "user", recordId: user.id, ip: input.ip }, now);
  return { ok: true, userId: user.id };
}

const OWN_ORIGIN = "http://waymark.invalid";

/**
 * Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. Browsers
 * drop tabs and newlines inside a URL and read a backslash as "/", so a slash, a tab and a slash
 * (or a slash and a backslash) before a host name would leave the site: anything with a control
 * character or backslash is refused outright, and what is left must resolve to a path on our own
 * origin. The answer is that resolved path, percent-encoded, so it is always safe to put in a
 * Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || /[\p{Cc}\\]/u.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN || !url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
