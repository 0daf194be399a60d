import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import { migrateToLatest } from "~db/migrator";

let db: Db;

beforeAll(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
  await db.insertInto("organisations").values({ id: "org-1", name: "Maidstone Digital", kind: "service-provider" }).execute();
  await db.insertInto("areas").values({ id: "area-1", name: "Maidstone" }).execute();
  await db.insertInto("services").values({ id: "svc-1", organisation_id: "org-1", name: "Drop-in help" }).execute();
});

afterAll(async () => {
  await db.destroy();
});

function referral(id: string, reference: string) {
  return {
    id,
    reference,
    kind: "live" as const,
    status: "new" as const,
    service_id: "svc-1",
    organisation_id: "org-1",
    area_id: "area-1",
    referrer_user_id: null,
    referrer_organisation_id: null,
    triage_result_id: null,
    reasons: JSON.stringify({ barriers: ["device"], goals: [] }),
    reason_note: null,
    person_name: "Sam",
    contact_method: "phone" as const,
    contact_detail: "01632960001",
    best_times: null,
    outward_code: "ME14",
    access_needs: null,
    language: null,
    safeguarding_note: null,
    consent_method: "in-person" as const,
    consent_confirmed_by: "Priya",
    consent_at: "2026-03-02T10:00:00.000Z",
    decline_reason: null,
    outcome: null,
    sent_at: null,
    reminder_sent_at: null,
    coordinator_flagged_at: null,
    first_action_at: null,
    closed_at: null,
    personal_data_erased_at: null,
  };
}

describe("migration 006-referrals", () => {
  it("stores a referral and its timeline, with defaults for flags and times", async () => {
    await db.insertInto("referrals").values(referral("r-1", "7KQ3MXP2")).execute();
    await db
      .insertInto("referral_events")
      .values({ id: "e-1", referral_id: "r-1", from_status: null, to_status: "new", actor_user_id: null, actor_label: "Priya", note: null, at: "2026-03-02T10:00:00.000Z" })
      .execute();
    const row = await db.selectFrom("referrals").selectAll().where("id", "=", "r-1").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ safeguarding: 0, consent_given: 0, self_referral: 0, status: "new" });
    expect(row.created_at).toBeTruthy();
    expect(row.status_changed_at).toBeTruthy();
  });

  it("keeps references unique", async () => {
    await expect(db.insertInto("referrals").values(referral("r-2", "7KQ3MXP2")).execute()).rejects.toThrow(/UNIQUE/);
  });

  it("refuses a referral to a service that does not exist", async () => {
    await expect(
      db.insertInto("referrals").values({ ...referral("r-3", "ABCD2345"), service_id: "no-such-service" }).execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it("drops a referral's timeline with the referral", async () => {
    await db.deleteFrom("referrals").where("id", "=", "r-1").execute();
    const events = await db.selectFrom("referral_events").select("id").where("referral_id", "=", "r-1").execute();
    expect(events).toEqual([]);
  });

  it("answers the provider inbox query from an index", async () => {
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT id FROM referrals WHERE organisation_id = 'org-1' AND status = 'sent'`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(" ")).toMatch(/USING INDEX referrals_organisation_status/);
  });
});
