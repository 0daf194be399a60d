import type { Kysely } from "kysely";
import { dropAppendOnly, makeAppendOnly } from "../dialect";

/**
 * The audit log is append-only: the database itself now refuses to change or remove an entry,
 * so neither a bug nor someone with a stray SQL prompt can quietly rewrite history (triggers on
 * SQLite, a trigger function raising an exception on PostgreSQL).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await makeAppendOnly(db, "audit_log");
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropAppendOnly(db, "audit_log");
}
