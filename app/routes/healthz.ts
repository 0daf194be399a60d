import { DEFAULT_MIGRATION_TABLE, sql } from "kysely";
import { checkWritable } from "~db/dialect";
import { getDb } from "~/lib/db.server";
import { recentStorageFault, storageFaultKind } from "~/server/storage-faults";

export async function loader() {
  const headers = { "Cache-Control": "no-store", "Content-Type": "application/json" };
  try {
    // `select 1` is answered by SQLite without opening a table, so it passes even when the file is
    // missing (SQLite makes an empty one) or unreadable. Reading the migration table proves the
    // real, migrated database is there.
    await sql`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} limit 1`.execute(getDb());
    await checkWritable(getDb());
  } catch (error) {
    const database = storageFaultKind(error) === "read-only" ? "read-only" : "unreachable";
    return new Response(JSON.stringify({ status: "unavailable", database }), { status: 503, headers });
  }
  // A full disk lets the lock be taken; only a write that failed shows it.
  const fault = recentStorageFault();
  if (fault) return new Response(JSON.stringify({ status: "unavailable", database: fault }), { status: 503, headers });
  return new Response(JSON.stringify({ status: "ok", database: "ok" }), { status: 200, headers });
}
