/**
 * `npm run import:oruk -- <base-url>`: imports an Open Referral UK 3.0 feed into the directory
 * and prints what happened to each record. Safe to run again: unchanged records are left alone.
 * Exits 1 if a page of the feed could not be read, so a scheduled run shows up as failed.
 */
import { migrateToLatest } from "~db/migrator";
import { importOrukFeed } from "~/directory/import-oruk.server";
import { ConfigError, getConfig } from "~/lib/config.server";
import { createDatabase, databaseLocation } from "~/lib/db.server";

const baseUrl = process.argv[2];
if (!baseUrl || !/^https?:\/\//.test(baseUrl)) {
  console.error("Usage: npm run import:oruk -- <base-url>   e.g. npm run import:oruk -- https://example.org/api/oruk");
  process.exit(2);
}

let databasePath: string;
try {
  databasePath = databaseLocation(getConfig());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}

const db = createDatabase(databasePath);
await migrateToLatest(db);
console.log(`Importing services from ${baseUrl} …`);
const report = await importOrukFeed(db, baseUrl);
await db.destroy();

console.log(`Created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, invalid ${report.invalid.length}.`);
for (const { id, reason } of report.invalid) console.log(`  invalid ${id}: ${reason}`);
if (report.created + report.updated > 0) console.log("A running server shows the changes in search within about 30 seconds; no restart is needed.");
for (const { page, reason } of report.errors) console.error(`  page ${page} failed: ${reason}`);
if (report.errors.length > 0) {
  console.error("Some pages could not be read; what could be read was imported. Run again to retry.");
  process.exit(1);
}
