import type { Kysely } from "kysely";

/**
 * Counts of anonymous form posts per fixed window, kept in the database rather than in a server's
 * memory so that every app server sharing the database enforces the same limits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("rate_limit_counts")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_start", "text", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("rate_limit_counts_pk", ["scope", "key", "window_start"])
    .execute();
  await db.schema.createIndex("rate_limit_counts_window").on("rate_limit_counts").column("window_start").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("rate_limit_counts").execute();
}
