import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, isPostgresUrl, setDb, type Db } from "~/lib/db.server";
import { cloneDatabase, dropDatabase } from "../../scripts/lib/postgres-databases";

process.env.NODE_ENV ??= "test";
// Vite puts its own BASE_URL ("/") in the environment; Waymark reads BASE_URL as its public address.
if (process.env.BASE_URL === "/") delete process.env.BASE_URL;
process.env.SESSION_SECRET ??= "integration-tests-secret-that-is-long-enough-0123456789";
process.env.POSTCODES_API_URL ??= "https://api.postcodes.io";

/** True in the integration-pg project, for the few tests that look at one engine's own workings. */
export const onPostgres = isPostgresUrl(inject("templateDatabase"));

/** The database for this test file: a copy of the migrated template, shared by its tests. */
export let testDb: Db;
let location: string;

beforeAll(async () => {
  const template = inject("templateDatabase");
  if (isPostgresUrl(template)) {
    location = await cloneDatabase(template, `waymark_test_${crypto.randomUUID().replaceAll("-", "")}`);
    process.env.DATABASE_URL = location;
  } else {
    location = path.join(path.dirname(template), `${crypto.randomUUID()}.db`);
    fs.copyFileSync(template, location);
    process.env.DATABASE_PATH = location;
  }
  testDb = createDatabase(location);
  setDb(testDb);
});

afterAll(async () => {
  await testDb.destroy();
  if (isPostgresUrl(location)) await dropDatabase(location);
  else for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(location + suffix, { force: true });
});
