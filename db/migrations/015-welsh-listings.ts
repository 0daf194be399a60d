import type { Kysely } from "kysely";

/**
 * A listing's name and description in Welsh, for residents reading Waymark in Welsh. Optional:
 * a listing without them is shown as the provider wrote it. Carried in the ORUK API as the
 * `translations` extension (docs/ORUK-TRANSLATIONS.md). Plain text columns, the same on SQLite
 * and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("services").addColumn("name_cy", "text").execute();
  await db.schema.alterTable("services").addColumn("description_cy", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("services").dropColumn("description_cy").execute();
  await db.schema.alterTable("services").dropColumn("name_cy").execute();
}
