/**
 * PostgreSQL only: `npm run db:copy-to-postgres` moves the demo partnership and a generated year
 * of history from an SQLite file into this file's empty PostgreSQL database. Every table arrives
 * row for row, and a referral's timeline, the audit log and the consent records read the same
 * from both through the app's own functions.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/accounts/auth.server";
import { listAuditEntries } from "~/accounts/audit-log.server";
import { createDatabase, getDb, type Db } from "~/lib/db.server";
import { personData } from "~/outreach/person-data.server";
import { createSubscription, findSubscriptionByToken } from "~/outreach/subscriptions.server";
import { exportReferralFor } from "~/referrals/export.server";
import { findReferralByReference, listEvents } from "~/referrals/record.server";
import { onPostgres } from "../../setup/integration";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../..");

async function demoAdmin(db: Db): Promise<CurrentUser> {
  const user = await db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select(["users.id", "users.name", "users.email", "users.role", "users.organisation_id", "organisations.name as organisation_name"])
    .where("users.email", "=", "admin@waymark.example")
    .executeTakeFirstOrThrow();
  return { id: user.id, name: user.name, email: user.email, role: user.role, organisationId: user.organisation_id, organisationName: user.organisation_name, areaIds: [] };
}

/** Every row of a table, in an order that does not depend on the database. */
async function rowsOf(db: Db, table: string): Promise<string[]> {
  const rows = await (db as unknown as Db).selectFrom(table as "users").selectAll().execute();
  return rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))).sort();
}

describe.runIf(onPostgres)("npm run db:copy-to-postgres", () => {
  let dir: string;
  let sqlite: Db;
  let output: string;
  let reference: string;
  let stopToken: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-copy-"));
    const file = path.join(dir, "waymark.db");
    const env = { ...process.env, NODE_ENV: "development" as const, DATABASE_PATH: file, DATABASE_URL: "", SEED_DEMO_DATA: "true" };
    await run(process.execPath, ["--import", "tsx", "scripts/demo-history.ts"], { cwd: root, env });

    // The generated year writes no audit entries or outreach consents; a partnership in use has both.
    sqlite = createDatabase(file);
    const busiest = await sqlite
      .selectFrom("referrals")
      .innerJoin("referral_events", "referral_events.referral_id", "referrals.id")
      .select("referrals.reference")
      .where("referrals.consent_given", "=", 1)
      .where("referrals.kind", "=", "live")
      .groupBy("referrals.reference")
      .orderBy((eb) => eb.fn.countAll(), "desc")
      .orderBy("referrals.reference")
      .executeTakeFirstOrThrow();
    reference = busiest.reference;
    const admin = await demoAdmin(sqlite);
    expect(await exportReferralFor(sqlite, admin, reference, { format: "json", ip: "192.0.2.10", now: new Date() })).not.toBeNull();
    ({ token: stopToken } = await createSubscription(sqlite, {
      channel: "email",
      contact: "moving-house@example.com",
      source: "triage",
      sourceId: null,
      areaId: null,
      outwardCode: "ME14",
      barriers: ["skills"],
      goals: ["job-search"],
      recordedByUserId: admin.id,
    }));

    ({ stdout: output } = await run("npm", ["run", "--silent", "db:copy-to-postgres", "--", "--from", file, "--to", process.env.DATABASE_URL!], { cwd: root, env }));
  }, 240_000);

  afterAll(async () => {
    await sqlite?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies every row of every table in the schema, the newest migrations' included", async () => {
    expect(output).toMatch(/Copied \d+ rows/);
    const tables = (await sqlite.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["rate_limit_counts", "outreach_subscriptions", "outreach_interests", "outreach_campaigns", "outreach_recipients", "job_runs"]));
    const sizes: Record<string, number> = {};
    for (const table of tables) {
      const before = await rowsOf(sqlite, table);
      expect({ table, rows: await rowsOf(getDb(), table) }).toEqual({ table, rows: before });
      sizes[table] = before.length;
    }
    expect(sizes.triage_results).toBeGreaterThan(1_000);
    expect(sizes.referral_events).toBeGreaterThan(1_000);
    expect(sizes.audit_log).toBeGreaterThan(0);
    expect(sizes.outreach_interests).toBe(2);
  });

  it("reads a referral's timeline and consent, the audit log and an outreach consent the same on both", async () => {
    const record = await findReferralByReference(sqlite, reference);
    expect(record?.referral.consent_given).toBe(1);
    expect(await findReferralByReference(getDb(), reference)).toEqual(record);

    const timeline = await listEvents(sqlite, record!.referral.id);
    expect(timeline.length).toBeGreaterThan(1);
    expect(await listEvents(getDb(), record!.referral.id)).toEqual(timeline);

    const reader = { ...(await demoAdmin(sqlite)), areaIds: [] };
    const audit = await listAuditEntries(sqlite, reader, { page: 1 });
    expect(audit.entries.map((e) => e.action)).toContain("referral-exported");
    expect(await listAuditEntries(getDb(), reader, { page: 1 })).toEqual(audit);

    const subscription = await findSubscriptionByToken(sqlite, stopToken);
    expect(await findSubscriptionByToken(getDb(), stopToken)).toEqual(subscription);
    const held = await personData(sqlite, subscription!);
    expect(held.barriers.length + held.goals.length).toBe(2);
    expect(await personData(getDb(), subscription!)).toEqual(held);
  });

  it("refuses to copy into a database that already holds a partnership", async () => {
    const again = run("npm", ["run", "--silent", "db:copy-to-postgres", "--", "--from", path.join(dir, "waymark.db"), "--to", process.env.DATABASE_URL!], { cwd: root, env: process.env });
    await expect(again).rejects.toMatchObject({ stderr: expect.stringMatching(/already holds users/) });
  }, 60_000);
});
