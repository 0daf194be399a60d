/**
 * `npm run db:copy-to-postgres -- [--from ./data/waymark.db] [--to postgres://…]`: moves an SQLite
 * partnership onto PostgreSQL. Both databases are migrated first; the target must be empty. Stop
 * the app (or take a backup copy of the file) first, so nothing is written during the copy.
 * Defaults: --from DATABASE_PATH, --to DATABASE_URL.
 */
import { migrateToLatest } from "~db/migrator";
import { copySqliteToPostgres } from "~/lib/copy-database.server";
import { ConfigError, getConfig } from "~/lib/config.server";
import { createDatabase, isPostgresUrl } from "~/lib/db.server";

const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

let from: string;
let to: string | undefined;
try {
  const config = getConfig();
  from = option("--from") ?? config.DATABASE_PATH;
  to = option("--to") ?? config.DATABASE_URL;
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : String(error));
  process.exit(1);
}
if (!to || !isPostgresUrl(to) || isPostgresUrl(from)) {
  console.error("Usage: npm run db:copy-to-postgres -- --from ./data/waymark.db --to postgres://user:password@host:5432/waymark");
  process.exit(2);
}

const source = createDatabase(from);
const target = createDatabase(to);
try {
  await migrateToLatest(source);
  await migrateToLatest(target);
  console.log(`Copying ${from} into PostgreSQL…`);
  const copied = await copySqliteToPostgres(source, target, ({ table, rows }) => console.log(`  ${table}: ${rows} row(s)`));
  console.log(`Copied ${copied.reduce((sum, t) => sum + t.rows, 0)} rows in ${copied.length} tables. Point DATABASE_URL at it and start the servers.`);
} catch (error) {
  console.error(`The copy failed and nothing was kept: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await source.destroy();
  await target.destroy();
}
