import { beforeAll, describe, expect, it } from "vitest";
import { runListingReviewJob } from "~/directory/review-jobs.server";
import { assuredDateFor } from "~/directory/listing-edit-verified";
import { getDb } from "~/lib/db.server";
import { action, loader } from "~/routes/directory.still-correct.$token";
import { signedInRequest } from "../../helpers/auth";
import { args, bodyOf, ids, seedPeople, type People } from "./support";

let people: People;
const now = new Date("2026-11-23T09:00:00Z");
const BASE = "https://waymark.test";

beforeAll(async () => {
  const db = getDb();
  people = await seedPeople(db);
  await db.updateTable("organisations").set({ email: "hello@connectkent.example.org" }).where("id", "=", ids.connectKent).execute();
  // Every listing fresh except two of Maidstone's: one seven months old, one never checked.
  await db.updateTable("services").set({ assured_date: "2026-10-01" }).execute();
  await db.updateTable("services").set({ assured_date: "2026-04-01" }).where("id", "=", ids.parkWood).execute();
  await db.updateTable("services").set({ assured_date: null }).where("id", "=", ids.connectedTenants).execute();
});

const reminders = (serviceId: string) => getDb().selectFrom("listing_reviews").selectAll().where("service_id", "=", serviceId).where("kind", "=", "reminder").orderBy("sent_at").execute();
const reviewMessages = () => getDb().selectFrom("messages").selectAll().where("purpose", "=", "listing-review").where("related_type", "=", "service").execute();

function tokenIn(body: string): string {
  const match = /\/directory\/still-correct\/([A-Za-z0-9_-]{43})/.exec(body);
  if (!match) return expect.fail(`no still-correct link in: ${body}`);
  return match[1];
}

async function page(token: string, query = "") {
  const result = await loader(args(await signedInRequest(`/directory/still-correct/${token}${query}`, null), { token }));
  return { status: (result as Response).status, body: await bodyOf<{ state: string; summary: { name: string } | null }>(result) };
}

async function confirm(token: string) {
  const request = await signedInRequest(`/directory/still-correct/${token}`, null, { method: "POST", body: new URLSearchParams() });
  return (await action(args(request, { token }))) as Response;
}

describe("the listing review job", () => {
  it("reminds the keepers of listings not checked for six months, and only those", async () => {
    const report = await runListingReviewJob(getDb(), now, { baseUrl: BASE });
    expect(report.reminded).toBe(2);
    expect(await reminders(ids.parkWood)).toHaveLength(1);
    expect(await reminders(ids.connectedTenants)).toHaveLength(1);
    const others = await getDb().selectFrom("listing_reviews").select("service_id").where("service_id", "not in", [ids.parkWood, ids.connectedTenants]).execute();
    expect(others).toEqual([]);

    const toParkWood = (await reviewMessages()).filter((m) => m.related_id === ids.parkWood);
    expect(new Set(toParkWood.map((m) => m.recipient))).toEqual(new Set([people.provider.email, "hello@connectkent.example.org", people.coordinator.email]));
    expect(toParkWood[0].body).toContain("last checked on 1 April 2026");
    expect(toParkWood[0].body).toContain(`${BASE}/directory/manage/${ids.parkWood}/edit`);
    const stored = (await reminders(ids.parkWood))[0];
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(toParkWood[0].body).not.toContain(stored.token_hash!);
    expect(stored.expires_at).toBe("2026-12-23T09:00:00.000Z");
  });

  it("sends one reminder per listing in 30 days, then another", async () => {
    const sent = (await reviewMessages()).length;
    expect((await runListingReviewJob(getDb(), new Date("2026-12-10T09:00:00Z"), { baseUrl: BASE })).reminded).toBe(0);
    expect((await reviewMessages()).length).toBe(sent);
    expect((await runListingReviewJob(getDb(), new Date("2026-12-24T09:00:00Z"), { baseUrl: BASE })).reminded).toBe(2);
    expect(await reminders(ids.parkWood)).toHaveLength(2);
  });
});

describe("the still-correct link", () => {
  it("shows the listing on GET without changing anything, confirms it on POST, and works once", async () => {
    const message = (await reviewMessages()).filter((m) => m.related_id === ids.parkWood).at(-1)!;
    const token = tokenIn(message.body);
    const before = await getDb().selectFrom("services").select("assured_date").where("id", "=", ids.parkWood).executeTakeFirstOrThrow();

    for (let i = 0; i < 2; i++) {
      const shown = await page(token);
      expect(shown.status).toBe(200);
      expect(shown.body.state).toBe("open");
      expect(shown.body.summary?.name).toBe("Laptop, tablet and free SIM scheme at Park Wood");
    }
    expect((await getDb().selectFrom("services").select("assured_date").where("id", "=", ids.parkWood).executeTakeFirstOrThrow()).assured_date).toBe(before.assured_date);

    const confirmed = await confirm(token);
    expect(confirmed.headers.get("Location")).toBe(`/directory/still-correct/${token}?confirmed=1`);
    const after = await getDb().selectFrom("services").select(["assured_date", "assurer_email"]).where("id", "=", ids.parkWood).executeTakeFirstOrThrow();
    expect(after.assured_date).toBe(assuredDateFor(new Date()));
    expect((await page(token, "?confirmed=1")).body.state).toBe("confirmed");
    const audit = await getDb().selectFrom("audit_log").selectAll().where("action", "=", "listing.verified").where("record_id", "=", ids.parkWood).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail)).toMatchObject({ via: "email-link" });

    const reused = await page(token);
    expect(reused).toMatchObject({ status: 410, body: { state: "used" } });
    await confirm(token);
    expect(await getDb().selectFrom("audit_log").select("id").where("action", "=", "listing.verified").where("record_id", "=", ids.parkWood).execute()).toHaveLength(1);
  });

  it("explains an expired link and does not confirm with it", async () => {
    const message = (await reviewMessages()).filter((m) => m.related_id === ids.connectedTenants).at(-1)!;
    const token = tokenIn(message.body);
    await getDb().updateTable("listing_reviews").set({ expires_at: "2020-01-01T00:00:00.000Z" }).where("service_id", "=", ids.connectedTenants).execute();
    expect(await page(token)).toMatchObject({ status: 410, body: { state: "expired" } });
    await confirm(token);
    const service = await getDb().selectFrom("services").select("assured_date").where("id", "=", ids.connectedTenants).executeTakeFirstOrThrow();
    expect(service.assured_date).toBeNull();
  });

  it("says an unknown or mangled link does not work", async () => {
    expect(await page("x".repeat(43))).toMatchObject({ status: 404, body: { state: "invalid", summary: null } });
    expect(await page("short")).toMatchObject({ status: 404, body: { state: "invalid" } });
  });
});
