import { type Kysely, sql } from "kysely";

/**
 * The audit log is append-only: the database itself now refuses to change or remove an entry,
 * so neither a bug nor someone with a stray SQL prompt can quietly rewrite history. (SQLite
 * triggers; on PostgreSQL the same would be a trigger function raising an exception.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END
  `.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log is append-only');
    END
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS audit_log_no_delete`.execute(db);
  await sql`DROP TRIGGER IF EXISTS audit_log_no_update`.execute(db);
}
