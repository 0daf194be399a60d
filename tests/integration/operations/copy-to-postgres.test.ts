/**
 * PostgreSQL only: `npm run db:copy-to-postgres` moves the demo partnership and a generated year
 * of history from an SQLite file into this file's empty PostgreSQL database, and a referral's
 * timeline, its audit log and its consent record read the same from both.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, getDb, type Db } from "~/lib/db.server";
import { listEvents } from "~/referrals/record.server";
import { onPostgres } from "../../setup/integration";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../..");

describe.runIf(onPostgres)("npm run db:copy-to-postgres", () => {
  let dir: string;
  let sqlite: Db;
  let output: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-copy-"));
    const file = path.join(dir, "waymark.db");
    const env = { ...process.env, NODE_ENV: "development" as const, DATABASE_PATH: file, DATABASE_URL: "", SEED_DEMO_DATA: "true" };
    await run(process.execPath, ["--import", "tsx", "scripts/demo-history.ts"], { cwd: root, env });
    ({ stdout: output } = await run("npm", ["run", "--silent", "db:copy-to-postgres", "--", "--from", file, "--to", process.env.DATABASE_URL!], { cwd: root, env }));
    sqlite = createDatabase(file);
  }, 240_000);

  afterAll(async () => {
    await sqlite?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies every row of every table", async () => {
    expect(output).toMatch(/Copied \d+ rows/);
    const counts = async (db: Db) => {
      const result: Record<string, number> = {};
      for (const table of ["organisations", "users", "services", "triage_results", "referrals", "referral_events", "audit_log", "messages", "report_counts_daily", "people_helped"] as const) {
        result[table] = Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
      }
      return result;
    };
    const before = await counts(sqlite);
    expect(before.triage_results).toBeGreaterThan(1_000);
    expect(before.referrals).toBeGreaterThan(100);
    expect(await counts(getDb())).toEqual(before);
  });

  it("reads a referral's timeline, audit log and consent the same on both", async () => {
    const referral = await sqlite
      .selectFrom("referrals")
      .innerJoin("referral_events", "referral_events.referral_id", "referrals.id")
      .select("referrals.id")
      .where("referrals.consent_given", "=", 1)
      .groupBy("referrals.id")
      .orderBy((eb) => eb.fn.countAll(), "desc")
      .orderBy("referrals.id")
      .executeTakeFirstOrThrow();
    const consent = (db: Db) =>
      db.selectFrom("referrals").select(["consent_given", "consent_method", "consent_confirmed_by", "consent_at", "person_name", "status"]).where("id", "=", referral.id).executeTakeFirstOrThrow();
    const audit = (db: Db) => db.selectFrom("audit_log").selectAll().orderBy("id").execute();
    const timeline = await listEvents(sqlite, referral.id);
    expect(timeline.length).toBeGreaterThan(1);
    expect(await listEvents(getDb(), referral.id)).toEqual(timeline);
    expect(await consent(getDb())).toEqual(await consent(sqlite));
    expect(await audit(getDb())).toEqual(await audit(sqlite));
  });

  it("refuses to copy into a database that already holds a partnership", async () => {
    const again = run("npm", ["run", "--silent", "db:copy-to-postgres", "--", "--from", path.join(dir, "waymark.db"), "--to", process.env.DATABASE_URL!], { cwd: root, env: process.env });
    await expect(again).rejects.toMatchObject({ stderr: expect.stringMatching(/already holds users/) });
  }, 60_000);
});
