import { migrateToLatest } from "~db/migrator";
import { getConfig } from "~/lib/config.server";
import { createDatabase, databaseLocation } from "~/lib/db.server";

const config = getConfig();
const db = createDatabase(databaseLocation(config));
const result = await migrateToLatest(db);
const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
await db.destroy();
