import type { Kysely } from "kysely";
import { nowDefault } from "../dialect";

/**
 * "Report a problem with this listing": what a member of the public saw wrong, kept until a
 * coordinator deals with it. The email address is optional and only there to answer them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("listing_reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("reporter_email", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowDefault(db)))
    .addColumn("resolved_at", "text")
    .addColumn("resolved_by_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  // The coordinators' list: open reports, newest first, per listing.
  await db.schema.createIndex("listing_reports_status_created").on("listing_reports").columns(["status", "created_at"]).execute();
  await db.schema.createIndex("listing_reports_service").on("listing_reports").columns(["service_id", "status"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("listing_reports").execute();
}
