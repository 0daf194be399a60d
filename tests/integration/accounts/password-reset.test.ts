import { describe, expect, it } from "vitest";
import { getCurrentUser } from "~/accounts/auth.server";
import { MAX_RESET_EMAILS_PER_ACCOUNT, MAX_RESET_REQUESTS_PER_IP } from "~/accounts/password-reset.server";
import { signIn } from "~/accounts/sign-in.server";
import { hashToken } from "~/accounts/tokens.server";
import { getDb } from "~/lib/db.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { createTestUser, formBody, signedInRequest } from "../../helpers/auth";
import { args, linkToken } from "./support";

function forgot(email: string, ip: string) {
  return forgotAction(args(new Request("http://localhost/forgot-password", { method: "POST", body: formBody({ email }) }), {}, ip));
}

function resetEmails(to: string) {
  return getDb().selectFrom("messages").selectAll().where("recipient", "=", to).where("purpose", "=", "password-reset").orderBy("created_at", "desc").execute();
}

describe("forgotten passwords", () => {
  it("answers the same for an unknown email as for a real one, and only emails the real one", async () => {
    const db = getDb();
    const user = await createTestUser(db, { role: "staff" });
    const known = await forgot(user.email, "192.0.2.1");
    const unknown = await forgot("nobody-here@example.org", "192.0.2.1");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(await known.json()).toMatchObject({ sent: true, errors: {} });
    expect(await unknown.json()).toMatchObject({ sent: true, errors: {} });
    expect(await resetEmails(user.email)).toHaveLength(1);
    expect(await resetEmails("nobody-here@example.org")).toHaveLength(0);
  });

  it("sends a link that expires after an hour", async () => {
    const db = getDb();
    const user = await createTestUser(db, { role: "staff" });
    await forgot(user.email, "192.0.2.2");
    const token = linkToken((await resetEmails(user.email))[0].body, "reset-password");
    const row = await db.selectFrom("user_tokens").selectAll().where("token_hash", "=", hashToken(token)).executeTakeFirstOrThrow();
    expect(row.purpose).toBe("reset");
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(60 * 60 * 1000);
    expect((await resetLoader(args(new Request(`http://localhost/reset-password/${token}`), { token }))).status).toBe(200);
    await db.updateTable("user_tokens").set({ expires_at: new Date(Date.now() - 1).toISOString() }).where("id", "=", row.id).execute();
    const expired = await resetLoader(args(new Request(`http://localhost/reset-password/${token}`), { token }));
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ state: "expired" });
  });

  it("sets the new password, ends every session the user had, and records it", async () => {
    const db = getDb();
    const user = await createTestUser(db, { role: "coordinator", password: "the old password" });
    const laptop = await signedInRequest("/", user);
    const phone = await signedInRequest("/", user);
    expect(await getCurrentUser(laptop)).not.toBeNull();

    await forgot(user.email, "192.0.2.3");
    const token = linkToken((await resetEmails(user.email))[0].body, "reset-password");
    const response = await resetAction(
      args(new Request(`http://localhost/reset-password/${token}`, { method: "POST", body: formBody({ password: "a brand new password", confirmPassword: "a brand new password" }) }), { token }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?passwordSet=1");

    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute()).toEqual([]);
    expect(await getCurrentUser(new Request("http://localhost/", { headers: phone.headers }))).toBeNull();
    const row = await db.selectFrom("users").select("password_changed_at").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_changed_at).not.toBeNull();
    const audit = await db.selectFrom("audit_log").select(["actor_user_id", "ip"]).where("action", "=", "password-reset").where("record_id", "=", user.id).execute();
    expect(audit).toHaveLength(1);
    expect(await signIn(db, { email: user.email, password: "the old password", ip: "192.0.2.30" })).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(db, { email: user.email, password: "a brand new password", ip: "192.0.2.30" })).toEqual({ ok: true, userId: user.id });

    const reused = await resetAction(
      args(new Request(`http://localhost/reset-password/${token}`, { method: "POST", body: formBody({ password: "yet another password", confirmPassword: "yet another password" }) }), { token }),
    );
    expect(reused.status).toBe(410);
  });

  it("only the newest link works, and a flood of requests sends only a few emails", async () => {
    const db = getDb();
    const user = await createTestUser(db, { role: "staff" });
    for (let i = 0; i < MAX_RESET_EMAILS_PER_ACCOUNT + 2; i++) expect((await forgot(user.email, `192.0.2.${40 + i}`)).status).toBe(200);
    const emails = await resetEmails(user.email);
    expect(emails).toHaveLength(MAX_RESET_EMAILS_PER_ACCOUNT);
    const statuses: number[] = [];
    for (const email of emails) {
      const token = linkToken(email.body, "reset-password");
      statuses.push((await resetLoader(args(new Request(`http://localhost/reset-password/${token}`), { token }))).status);
    }
    expect(statuses.sort()).toEqual([200, ...Array(MAX_RESET_EMAILS_PER_ACCOUNT - 1).fill(410)]);
  });

  it("sends nothing to a deactivated account", async () => {
    const db = getDb();
    const user = await createTestUser(db, { role: "staff", active: false });
    expect((await forgot(user.email, "192.0.2.60")).status).toBe(200);
    expect(await resetEmails(user.email)).toHaveLength(0);
  });

  it("slows down one connection asking over and over, whatever the email", async () => {
    const ip = "192.0.2.99";
    for (let i = 0; i < MAX_RESET_REQUESTS_PER_IP; i++) expect((await forgot(`someone-${i}@example.org`, ip)).status).toBe(200);
    const refused = await forgot("one-more@example.org", ip);
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors.email).toMatch(/^Too many requests from this connection\. Try again in \d+ minutes?\.$/);
    expect((await forgot("one-more@example.org", "192.0.2.100")).status).toBe(200);
  });

  it("explains what is wrong with the email field and keeps what was typed", async () => {
    const response = await forgot("not an email", "192.0.2.70");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ sent: false, errors: { email: "Enter an email address in the correct format, like name@example.org" }, email: "not an email" });
  });
});
