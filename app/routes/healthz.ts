import { DEFAULT_MIGRATION_TABLE, sql } from "kysely";
import { getDb } from "~/lib/db.server";

export async function loader() {
  const headers = { "Cache-Control": "no-store", "Content-Type": "application/json" };
  try {
    // `select 1` is answered by SQLite without opening a table, so it passes even when the file is
    // missing (SQLite makes an empty one) or unreadable. Reading the migration table proves the
    // real, migrated database is there.
    await sql`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)} limit 1`.execute(getDb());
    return new Response(JSON.stringify({ status: "ok", database: "ok" }), { status: 200, headers });
  } catch {
    return new Response(JSON.stringify({ status: "unavailable", database: "unreachable" }), { status: 503, headers });
  }
}
