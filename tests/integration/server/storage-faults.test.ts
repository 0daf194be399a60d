import fs from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, sql, SqliteDialect } from "kysely";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "~db/schema";
import { seedDirectory } from "~/directory/seed.server";
import { serviceIdFor } from "~/directory/stable-id";
import { setDb, type Db } from "~/lib/db.server";
import * as healthz from "~/routes/healthz";
import * as report from "~/routes/services.$id.report";
import { FAULT_REPORTED_FOR_MS, recentStorageFault, storageFaultKind, withStorageFaultPage } from "~/server/storage-faults";
import { formBody, testUrl } from "../../helpers/auth";
import { onPostgres, testDb } from "../../setup/integration";

const serviceId = serviceIdFor("park-wood-device-and-data");
const guarded = withStorageFaultPage(report);

function reportProblem(details: string): Promise<unknown> {
  const request = new Request(testUrl(`/services/${serviceId}/report`), { method: "POST", body: formBody({ kind: "something-else", details, email: "" }) });
  return guarded.action!({ request, params: { id: serviceId }, context: { cspNonce: "", clientIp: "10.9.9.9" } });
}

async function thrown(run: () => Promise<unknown>): Promise<Response> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected the action to throw a response");
}

async function reportsSaved(db: Db = testDb): Promise<string[]> {
  return (await db.selectFrom("listing_reports").select("details").where("service_id", "=", serviceId).execute()).map((r) => r.details ?? "");
}

beforeAll(async () => {
  await seedDirectory(testDb);
});

// The fault is logged for whoever runs the server; here that log is what is expected.
let logged: string[];
beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(String(args[0]));
  });
});

let other: Db | undefined;
afterEach(async () => {
  setDb(testDb);
  await sql`pragma max_page_count = 1073741823`.execute(testDb);
  await other?.destroy();
  other = undefined;
});

// SQLite only: it makes the database file full or read-only underneath the app, which a PostgreSQL
// server does not expose; /healthz on PostgreSQL is covered by healthz.test.ts.
describe.skipIf(onPostgres)("a database that cannot be written", () => {
  it("names the fault from better-sqlite3's error codes and ignores every other error", () => {
    expect(storageFaultKind({ code: "SQLITE_FULL" })).toBe("full");
    expect(storageFaultKind({ code: "SQLITE_READONLY_DBMOVED" })).toBe("read-only");
    expect(storageFaultKind({ code: "SQLITE_IOERR_WRITE" })).toBe("failing");
    expect(storageFaultKind({ code: "SQLITE_CONSTRAINT_UNIQUE" })).toBeNull();
    expect(storageFaultKind(new Error("boom"))).toBeNull();
  });

  it("answers a form sent while the disk is full with a 503 page that says so, keeps what was saved before, and /healthz reports it", async () => {
    // No more pages may be added to the file: once the free space in it is used, SQLite answers an
    // insert with SQLITE_FULL, as on a full disk. Reports are sent until that happens.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(testDb);
    await sql.raw(`pragma max_page_count = ${rows[0].page_count}`).execute(testDb);
    const acknowledged: string[] = [];
    let response: Response | undefined;
    for (let i = 0; i < 500 && !response; i++) {
      const details = `Report ${i}: ${"the opening times are out of date. ".repeat(25)}`.trim();
      try {
        const answer = (await reportProblem(details)) as Response;
        expect(answer.status).toBe(302);
        acknowledged.push(details);
      } catch (error) {
        if (!(error instanceof Response)) throw error;
        response = error;
      }
    }
    if (!response) throw new Error("the database never filled");
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("The server's disk is full, so Waymark cannot save anything at the moment.");
    expect(recentStorageFault()).toBe("full");
    expect(logged).toEqual(["Storage fault (full) answered with 503:"]);
    const health = await healthz.loader();
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable", database: "full" });
    expect(recentStorageFault(Date.now() + FAULT_REPORTED_FOR_MS)).toBeNull();

    await sql`pragma max_page_count = 1073741823`.execute(testDb);
    expect(acknowledged.length).toBeGreaterThan(0);
    const saved = await reportsSaved();
    expect(acknowledged.filter((d) => !saved.includes(d))).toEqual([]);
    expect(saved).toHaveLength(acknowledged.length);
  });

  it("answers a form sent to a read-only database with a 503 page, and /healthz answers 503 at once", async () => {
    await reportProblem("Saved before the file became read-only");
    const sqlite = new SQLite(process.env.DATABASE_PATH!, { readonly: true });
    other = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    setDb(other);

    const response = await thrown(() => reportProblem("Sent while read-only, long enough to be a real report"));
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/cannot be written to/);
    expect(logged).toEqual(["Storage fault (read-only) answered with 503:"]);
    const health = await healthz.loader();
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "unavailable", database: "read-only" });
    // Still readable: what was acknowledged is there.
    expect(await reportsSaved(other)).toContain("Saved before the file became read-only");
    expect(await reportsSaved(other)).not.toContain("Sent while read-only, long enough to be a real report");
  });

  it("passes every other error through untouched", async () => {
    const broken = withStorageFaultPage({ action: async () => Promise.reject(new TypeError("a bug")) });
    await expect(broken.action()).rejects.toThrow("a bug");
    expect(fs.existsSync(process.env.DATABASE_PATH!)).toBe(true);
  });
});
