import { type Kysely, sql } from "kysely";
import { autoIncrementKey, dialectOf } from "../dialect";

/**
 * What several app servers on one PostgreSQL database need from the schema:
 *
 * - job_runs: a record of every scheduled job run, whichever server (or `npm run jobs`) ran it,
 *   so an operator can see what ran, when, where and whether it failed.
 * - On PostgreSQL, every change to a listing tells the other servers which one changed
 *   (NOTIFY waymark_directory, sent when the transaction commits), so each server's in-memory
 *   search index follows within moments. SQLite has one server and needs no signal.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("job_runs")
    .addColumn("id", "integer", autoIncrementKey(db))
    .addColumn("job", "text", (c) => c.notNull())
    .addColumn("runner", "text", (c) => c.notNull())
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("finished_at", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("summary", "text")
    .addColumn("error", "text")
    .execute();
  await db.schema.createIndex("job_runs_job_started").on("job_runs").columns(["job", "started_at"]).execute();

  if (dialectOf(db) !== "postgres") return;
  await sql`
    CREATE FUNCTION services_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('waymark_directory', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
      RETURN NULL;
    END
    $$
  `.execute(db);
  await sql`
    CREATE TRIGGER services_notify_change AFTER INSERT OR UPDATE OR DELETE ON services
    FOR EACH ROW EXECUTE FUNCTION services_notify_change()
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`DROP TRIGGER IF EXISTS services_notify_change ON services`.execute(db);
    await sql`DROP FUNCTION IF EXISTS services_notify_change()`.execute(db);
  }
  await db.schema.dropTable("job_runs").execute();
}
