import { describe, expect, it } from "vitest";
import { checkUserToken, hashToken } from "~/accounts/tokens.server";
import { getDb } from "~/lib/db.server";
import { action as loginAction } from "~/routes/login";
import { action as acceptAction, loader as acceptLoader } from "~/routes/accept-invite.$token";
import { action as inviteAction, loader as inviteLoader } from "~/routes/admin.users.invite";
import { createTestArea, createTestOrganisation, createTestUser, formBody, signedInRequest } from "../../helpers/auth";
import { args, linkToken, thrownResponse } from "./support";

async function latestInviteEmail(to: string) {
  return getDb().selectFrom("messages").selectAll().where("recipient", "=", to).where("purpose", "=", "invite").orderBy("created_at", "desc").executeTakeFirstOrThrow();
}

async function invite(inviter: { id: string }, fields: Record<string, string | string[]>) {
  const request = await signedInRequest("/admin/users/invite", inviter, { method: "POST", body: formBody(fields) });
  return inviteAction(args(request));
}

describe("inviting someone", () => {
  it("creates an account without a password, emails a link, and the link sets a password that signs in", async () => {
    const db = getDb();
    const area = await createTestArea(db, "Invite area");
    const organisationId = await createTestOrganisation(db);
    const coordinator = await createTestUser(db, { role: "coordinator", areaIds: [area] });

    const response = await invite(coordinator, { name: "Sam Patel", email: "Sam.Patel@Example.org", role: "champion", organisationId, areaIds: [area] });
    expect(response.status).toBe(302);
    const user = await db.selectFrom("users").selectAll().where("email", "=", "sam.patel@example.org").executeTakeFirstOrThrow();
    expect(response.headers.get("Location")).toBe(`/admin/users/${user.id}?invited=1`);
    expect(user).toMatchObject({ name: "Sam Patel", role: "champion", organisation_id: organisationId, password_hash: null, active: 1 });
    expect(await db.selectFrom("user_areas").select("area_id").where("user_id", "=", user.id).execute()).toEqual([{ area_id: area }]);

    const email = await latestInviteEmail("sam.patel@example.org");
    expect(email).toMatchObject({ channel: "email", status: "queued", related_type: "user", related_id: user.id });
    const token = linkToken(email.body, "accept-invite");
    expect(email.body).toContain(`http://localhost/accept-invite/${token}`);
    const stored = await db.selectFrom("user_tokens").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(token));
    expect(stored.token_hash).not.toContain(token);
    const days = (Date.parse(stored.expires_at) - Date.parse(stored.created_at)) / 86_400_000;
    expect(days).toBe(7);
    expect(await db.selectFrom("audit_log").select(["actor_user_id", "record_id"]).where("action", "=", "user-invited").execute()).toContainEqual({ actor_user_id: coordinator.id, record_id: user.id });

    const page = await acceptLoader(args(new Request(`http://localhost/accept-invite/${token}`), { token }));
    expect(await page.json()).toEqual({ state: "ready", name: "Sam Patel", email: "sam.patel@example.org" });

    const accepted = await acceptAction(
      args(new Request(`http://localhost/accept-invite/${token}`, { method: "POST", body: formBody({ password: "correct horse battery", confirmPassword: "correct horse battery" }) }), { token }),
    );
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/login?passwordSet=1");
    const after = await db.selectFrom("users").select(["password_hash", "password_changed_at"]).where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(after.password_hash).toMatch(/^scrypt\$/);
    expect(after.password_changed_at).not.toBeNull();

    const signIn = await loginAction(args(new Request("http://localhost/login", { method: "POST", body: formBody({ email: "sam.patel@example.org", password: "correct horse battery" }) }), {}, "198.51.100.20"));
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("Location")).toBe("/triage");
  });

  it("refuses a second use of the same link, with a clear page rather than an error", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { role: "admin" });
    const organisationId = await createTestOrganisation(db);
    await invite(admin, { name: "Jo Reuse", email: "jo.reuse@example.org", role: "admin", organisationId });
    const token = linkToken((await latestInviteEmail("jo.reuse@example.org")).body, "accept-invite");
    const post = () =>
      acceptAction(args(new Request(`http://localhost/accept-invite/${token}`, { method: "POST", body: formBody({ password: "first password 1", confirmPassword: "first password 1" }) }), { token }));
    expect((await post()).status).toBe(302);
    const hashAfterFirst = (await db.selectFrom("users").select("password_hash").where("email", "=", "jo.reuse@example.org").executeTakeFirstOrThrow()).password_hash;

    const second = await post();
    expect(second.status).toBe(410);
    expect(await second.json()).toMatchObject({ state: "used" });
    const again = await acceptLoader(args(new Request(`http://localhost/accept-invite/${token}`), { token }));
    expect(again.status).toBe(410);
    expect((await db.selectFrom("users").select("password_hash").where("email", "=", "jo.reuse@example.org").executeTakeFirstOrThrow()).password_hash).toBe(hashAfterFirst);
  });

  it("says an expired link has expired, and an unknown one is not valid", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { role: "admin" });
    const organisationId = await createTestOrganisation(db);
    await invite(admin, { name: "Kim Late", email: "kim.late@example.org", role: "admin", organisationId });
    const token = linkToken((await latestInviteEmail("kim.late@example.org")).body, "accept-invite");

    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    expect(await checkUserToken(db, token, "invite", eightDaysOn)).toEqual({ ok: false, reason: "expired" });
    expect((await checkUserToken(db, token, "invite")).ok).toBe(true);
    await db.updateTable("user_tokens").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("token_hash", "=", hashToken(token)).execute();
    const expired = await acceptAction(
      args(new Request(`http://localhost/accept-invite/${token}`, { method: "POST", body: formBody({ password: "a long password", confirmPassword: "a long password" }) }), { token }),
    );
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ state: "expired" });
    expect((await db.selectFrom("users").select("password_hash").where("email", "=", "kim.late@example.org").executeTakeFirstOrThrow()).password_hash).toBeNull();

    const unknown = await acceptLoader(args(new Request("http://localhost/accept-invite/nonsense"), { token: "nonsense" }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ state: "invalid" });
    // A reset token cannot be used as an invitation.
    expect(await checkUserToken(db, token, "reset")).toEqual({ ok: false, reason: "invalid" });
  });

  it("rejects a short password, one equal to the email, and a mismatched confirmation, keeping the link usable", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { role: "admin" });
    const organisationId = await createTestOrganisation(db);
    await invite(admin, { name: "Lee Rules", email: "lee.rules@example.org", role: "admin", organisationId });
    const token = linkToken((await latestInviteEmail("lee.rules@example.org")).body, "accept-invite");
    const post = (password: string, confirmPassword: string) =>
      acceptAction(args(new Request(`http://localhost/accept-invite/${token}`, { method: "POST", body: formBody({ password, confirmPassword }) }), { token }));

    for (const [password, confirm, field, message] of [
      ["short", "short", "password", "Password must be 10 characters or more"],
      ["Lee.Rules@example.org", "Lee.Rules@example.org", "password", "Password must not be your email address"],
      ["long enough password", "long enough passwore", "confirmPassword", "Passwords must match"],
      ["x".repeat(1001), "x".repeat(1001), "password", "Password must be 1,000 characters or fewer"],
    ]) {
      const response = await post(password, confirm);
      expect(response.status).toBe(400);
      expect((await response.json()).errors[field]).toBe(message);
    }
    expect((await checkUserToken(db, token, "invite")).ok).toBe(true);
  });

  it("limits a coordinator to roles up to their own and to their own areas, and shows them only their areas", async () => {
    const db = getDb();
    const mine = await createTestArea(db);
    const theirs = await createTestArea(db);
    const organisationId = await createTestOrganisation(db);
    const coordinator = await createTestUser(db, { role: "coordinator", areaIds: [mine] });

    const form = await (await inviteLoader(args(await signedInRequest("/admin/users/invite", coordinator)))).json();
    expect(form.roles.map((r: { value: string }) => r.value)).not.toContain("admin");
    expect(form.areas.map((a: { id: string }) => a.id)).toEqual([mine]);

    const promote = await invite(coordinator, { name: "Would Be Admin", email: "wba@example.org", role: "admin", organisationId, areaIds: [mine] });
    expect(promote.status).toBe(400);
    expect((await promote.json()).errors.role).toBe("Select a role you are allowed to give");

    const elsewhere = await invite(coordinator, { name: "Far Away", email: "far@example.org", role: "staff", organisationId, areaIds: [theirs] });
    expect(elsewhere.status).toBe(400);
    const body = await elsewhere.json();
    expect(body.errors.areaIds).toBe("Select only areas you coordinate");
    expect(body.values).toMatchObject({ name: "Far Away", email: "far@example.org", role: "staff", areaIds: [theirs] });
    expect(await db.selectFrom("users").select("id").where("email", "in", ["wba@example.org", "far@example.org"]).execute()).toEqual([]);
    expect(await db.selectFrom("messages").select("id").where("recipient", "in", ["wba@example.org", "far@example.org"]).execute()).toEqual([]);
  });

  it("shows every error beside its field and keeps what was typed", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { role: "admin" });
    const response = await invite(admin, { name: "  ", email: "not-an-email", organisationId: "" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.errors).sort()).toEqual(["email", "name", "organisationId", "role"]);
    expect(body.values).toMatchObject({ email: "not-an-email" });

    const existing = await invite(admin, { name: "Twice", email: admin.email.toUpperCase(), role: "staff", organisationId: admin.organisationId, areaIds: admin.areaIds });
    expect((await existing.json()).errors.email).toBe("There is already an account with this email address");
  });

  it("keeps signed-out people and those without the permission out", async () => {
    const db = getDb();
    const signedOut = await thrownResponse(inviteLoader(args(await signedInRequest("/admin/users/invite", null))));
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%2Finvite");
    const champion = await createTestUser(db, { role: "champion" });
    const refused = await thrownResponse(invite(champion, { name: "X", email: "x@example.org", role: "champion", organisationId: champion.organisationId, areaIds: champion.areaIds }));
    expect(refused.status).toBe(403);
    expect(await db.selectFrom("users").select("id").where("email", "=", "x@example.org").execute()).toEqual([]);
  });
});
