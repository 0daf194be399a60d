import { afterEach, describe, expect, it, vi } from "vitest";
import { resetConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as inviteAction } from "~/routes/admin.users.invite";
import { createTestArea, createTestOrganisation, createTestUser, formBody, sessionCookieFor } from "../../helpers/auth";
import { args } from "./support";

// Whoever sends a request chooses its Host header. If links in emails were built from it, an
// attacker could ask for a reset of someone else's password and have the link point at their
// own site, collecting the token when the victim clicks.
const FORGED = "http://attacker.example";

function useConfig(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  resetConfig();
}
afterEach(() => {
  vi.unstubAllEnvs();
  resetConfig();
});

async function latestEmail(to: string, purpose: "password-reset" | "invite") {
  return getDb()
    .selectFrom("messages")
    .select("body")
    .where("recipient", "=", to)
    .where("purpose", "=", purpose)
    .orderBy("created_at", "desc")
    .executeTakeFirstOrThrow();
}

async function forgotFromForgedHost(email: string) {
  const response = await forgotAction(args(new Request(`${FORGED}/forgot-password`, { method: "POST", body: formBody({ email }) }), {}, "192.0.2.50"));
  expect(response.status).toBe(200);
  return (await latestEmail(email, "password-reset")).body;
}

describe("links in emails, when a request arrives with a forged Host header", () => {
  it("use BASE_URL when it is set", async () => {
    useConfig({ BASE_URL: "https://waymark.example.org" });
    const user = await createTestUser(getDb(), { role: "staff" });
    const body = await forgotFromForgedHost(user.email);
    expect(body).toMatch(/https:\/\/waymark\.example\.org\/reset-password\/[A-Za-z0-9_-]{43}/);
    expect(body).not.toContain("attacker.example");
  });

  it("use this machine's address outside production when BASE_URL is not set", async () => {
    useConfig({ BASE_URL: "", PORT: "4123" });
    const user = await createTestUser(getDb(), { role: "staff" });
    const body = await forgotFromForgedHost(user.email);
    expect(body).toMatch(/http:\/\/localhost:4123\/reset-password\/[A-Za-z0-9_-]{43}/);
    expect(body).not.toContain("attacker.example");
  });

  it("are the same for invitations", async () => {
    useConfig({ BASE_URL: "", PORT: "4124" });
    const db = getDb();
    const area = await createTestArea(db);
    const coordinator = await createTestUser(db, { role: "coordinator", areaIds: [area] });
    const request = new Request(`${FORGED}/admin/users/invite`, {
      method: "POST",
      headers: { Cookie: await sessionCookieFor(coordinator) },
      body: formBody({ name: "Kim Lee", email: "kim.lee@example.org", role: "champion", organisationId: await createTestOrganisation(db), areaIds: [area] }),
    });
    expect((await inviteAction(args(request))).status).toBe(302);
    const { body } = await latestEmail("kim.lee@example.org", "invite");
    expect(body).toMatch(/http:\/\/localhost:4124\/accept-invite\/[A-Za-z0-9_-]{43}/);
    expect(body).not.toContain("attacker.example");
  });
});
