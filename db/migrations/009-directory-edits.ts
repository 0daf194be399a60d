import type { Kysely } from "kysely";
import { nowDefault } from "../dialect";

/**
 * Keeping listings right: changes proposed by providers wait here for a coordinator, with the
 * listing as it was when proposed so the approver sees exactly what changed; and the "is this
 * still correct?" reminders with their one-click links.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);

  await db.schema
    .createTable("listing_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Null while a proposed new listing waits; set to the new service once approved.
    .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    // Copied from the listing (or chosen for a new one) so the queue can be scoped to areas.
    .addColumn("area_id", "text", (c) => c.references("areas.id").onDelete("set null"))
    .addColumn("proposed_by_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("proposed", "text", (c) => c.notNull())
    .addColumn("previous", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending"))
    .addColumn("decided_by_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "text")
    .addColumn("decision_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("listing_changes_status_area").on("listing_changes").columns(["status", "area_id", "created_at"]).execute();
  await db.schema.createIndex("listing_changes_service_status").on("listing_changes").columns(["service_id", "status"]).execute();

  await db.schema
    .createTable("listing_reviews")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    // Only a SHA-256 hash of the link's token, so a copy of the database cannot confirm listings.
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text")
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("listing_reviews_service_kind").on("listing_reviews").columns(["service_id", "kind", "sent_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("listing_reviews").execute();
  await db.schema.dropTable("listing_changes").execute();
}
