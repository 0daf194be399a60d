import type { Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Every outgoing email and text is written here first, in the same transaction as the change
  // that caused it, so a Notify outage delays a message but never loses it or blocks the change.
  await db.schema
    .createTable("messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("forget_recipient", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("subject", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("related_type", "text")
    .addColumn("related_id", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("queued"))
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text")
    .addColumn("notify_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  // The sender's query: due messages by status, oldest first.
  await db.schema.createIndex("messages_due").on("messages").columns(["status", "next_attempt_at"]).execute();
  // The outbox page: newest first, optionally one purpose.
  await db.schema.createIndex("messages_created").on("messages").column("created_at").execute();
  await db.schema.createIndex("messages_purpose_created").on("messages").columns(["purpose", "created_at"]).execute();
  // Features ask "was a chaser already sent for this referral?".
  await db.schema.createIndex("messages_related").on("messages").columns(["related_type", "related_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("messages").execute();
}
