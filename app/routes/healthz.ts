import { sql } from "kysely";
import { getDb } from "~/lib/db.server";

export async function loader() {
  const headers = { "Cache-Control": "no-store", "Content-Type": "application/json" };
  try {
    await sql`select 1`.execute(getDb());
    return new Response(JSON.stringify({ status: "ok", database: "ok" }), { status: 200, headers });
  } catch {
    return new Response(JSON.stringify({ status: "unavailable", database: "unreachable" }), { status: 503, headers });
  }
}
