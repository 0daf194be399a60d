import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "~/accounts/audit.server";
import { createDatabase, getDb, type Db } from "~/lib/db.server";
import { migrateToLatest } from "~db/migrator";
import * as appendOnly from "~db/migrations/011-audit-append-only";

const REFUSED = /audit_log is append-only/;

async function entry(db: Db, action: string) {
  return db.selectFrom("audit_log").selectAll().where("action", "=", action).executeTakeFirstOrThrow();
}

describe("the audit log in the database", () => {
  beforeAll(async () => {
    await recordAudit(getDb(), { actor: { userId: null, label: "Someone" }, action: "append-only-check", recordType: "test", detail: { n: 1 } });
  });

  it("refuses to change an entry", async () => {
    const db = getDb();
    const before = await entry(db, "append-only-check");
    await expect(db.updateTable("audit_log").set({ actor_label: "Someone else" }).where("id", "=", before.id).execute()).rejects.toThrow(REFUSED);
    await expect(db.updateTable("audit_log").set({ detail: "{}" }).execute()).rejects.toThrow(REFUSED);
    expect(await entry(db, "append-only-check")).toEqual(before);
  });

  it("refuses to remove an entry, and undoes the transaction that tried", async () => {
    const db = getDb();
    const before = await entry(db, "append-only-check");
    await expect(
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, { actor: { userId: null, label: "Someone" }, action: "append-only-cover-up", recordType: "test" });
        await trx.deleteFrom("audit_log").where("id", "=", before.id).execute();
      }),
    ).rejects.toThrow(REFUSED);
    expect(await entry(db, "append-only-check")).toEqual(before);
    expect(await db.selectFrom("audit_log").select("id").where("action", "=", "append-only-cover-up").execute()).toEqual([]);
  });

  it("still takes new entries", async () => {
    const db = getDb();
    await recordAudit(db, { actor: { userId: null, label: "Someone" }, action: "append-only-later", recordType: "test" });
    expect((await entry(db, "append-only-later")).actor_label).toBe("Someone");
  });
});

describe("migration 011", () => {
  let db: Db;
  beforeAll(async () => {
    db = createDatabase(":memory:");
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db.destroy();
  });

  const triggers = async () =>
    (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name`.execute(db)).rows.map((r) => r.name);

  it("is undone by dropping its triggers, which lets entries change again", async () => {
    expect(await triggers()).toEqual(["audit_log_no_delete", "audit_log_no_update"]);
    await appendOnly.down(db);
    expect(await triggers()).toEqual([]);
    await recordAudit(db, { actor: { userId: null, label: "Someone" }, action: "after-down", recordType: "test" });
    await db.deleteFrom("audit_log").where("action", "=", "after-down").execute();
    await appendOnly.up(db);
    expect(await triggers()).toEqual(["audit_log_no_delete", "audit_log_no_update"]);
  });
});
