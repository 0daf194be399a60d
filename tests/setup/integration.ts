import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { createDatabase, setDb, type Db } from "~/lib/db.server";

process.env.NODE_ENV ??= "test";
// Vite puts its own BASE_URL ("/") in the environment; Waymark reads BASE_URL as its public address.
if (process.env.BASE_URL === "/") delete process.env.BASE_URL;
process.env.SESSION_SECRET ??= "integration-tests-secret-that-is-long-enough-0123456789";
process.env.POSTCODES_API_URL ??= "https://api.postcodes.io";

/** The database for this test file: a copy of the migrated template, shared by its tests. */
export let testDb: Db;
let file: string;

beforeAll(() => {
  const template = inject("templateDatabase");
  file = path.join(path.dirname(template), `${crypto.randomUUID()}.db`);
  fs.copyFileSync(template, file);
  process.env.DATABASE_PATH = file;
  testDb = createDatabase(file);
  setDb(testDb);
});

afterAll(async () => {
  await testDb.destroy();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
