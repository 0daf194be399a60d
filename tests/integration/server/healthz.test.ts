import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { createDatabase, setDb, type Db } from "~/lib/db.server";
import { loader } from "~/routes/healthz";
import { migrateToLatest } from "~db/migrator";
import { testDb } from "../../setup/integration";

const UNAVAILABLE = { status: "unavailable", database: "unreachable" };

async function check(): Promise<{ status: number; text: string }> {
  const response = await loader();
  expect(response.headers.get("Cache-Control")).toBe("no-store");
  return { status: response.status, text: await response.text() };
}

/** Points the app at a broken database for one test; the file's own database comes back after. */
let broken: Db | undefined;
function useBrokenDatabase(db: Db) {
  broken = db;
  setDb(db);
}
afterEach(async () => {
  setDb(testDb);
  await broken?.destroy().catch(() => undefined);
  broken = undefined;
});

describe("GET /healthz", () => {
  it("answers 200 when the migrated database answers", async () => {
    const { status, text } = await check();
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database file is missing, which SQLite would quietly replace with an empty one", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-healthz-"));
    try {
      useBrokenDatabase(createDatabase(path.join(dir, "not-there.db")));
      const { status, text } = await check();
      expect(status).toBe(503);
      expect(JSON.parse(text)).toEqual(UNAVAILABLE);
    } finally {
      // The file must be closed before its folder can go.
      await broken?.destroy();
      broken = undefined;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers 503, with no error detail, when the database connection is closed", async () => {
    const sqlite = new SQLite(":memory:");
    const db: Db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db);
    useBrokenDatabase(db);
    sqlite.close();
    const { status, text } = await check();
    expect(status).toBe(503);
    expect(JSON.parse(text)).toEqual(UNAVAILABLE);
    expect(text).not.toMatch(/\bat |Error|SQLITE|not open/i);
  });

  it("answers 503 when the database has been shut down", async () => {
    const db = createDatabase(":memory:");
    await migrateToLatest(db);
    await db.destroy();
    useBrokenDatabase(db);
    const { status, text } = await check();
    expect(status).toBe(503);
    expect(JSON.parse(text)).toEqual(UNAVAILABLE);
  });
});
