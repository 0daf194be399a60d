import type { Kysely } from "kysely";

/**
 * Outreach: residents who asked to hear about help near them, the campaigns sent to them and one
 * row per person a campaign reaches. Written with the schema builder only, so the same migration
 * runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per consent given. The contact is cleared the moment consent ends; the rest stays,
  // anonymous, so campaign figures still add up.
  await db.schema
    .createTable("outreach_subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    // The secret in the stop link, kept as it is (not hashed) so every message can carry it: it
    // only stops messages to this one person, and must keep working whatever keys are rotated.
    .addColumn("stop_token", "text", (c) => c.notNull().unique())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("contact", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_id", "text")
    .addColumn("area_id", "text")
    .addColumn("outward_code", "text")
    .addColumn("consent_text", "text", (c) => c.notNull())
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addColumn("recorded_by_user_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("ended_at", "text")
    .addColumn("ended_by", "text")
    .addColumn("last_sent_at", "text")
    .execute();
  // The audience query: active people in an area, then by district.
  await db.schema.createIndex("outreach_subscriptions_audience").on("outreach_subscriptions").columns(["status", "area_id", "outward_code"]).execute();
  // A STOP reply finds its sender's number.
  await db.schema.createIndex("outreach_subscriptions_contact").on("outreach_subscriptions").columns(["contact"]).execute();
  // Retention: consents past their time.
  await db.schema.createIndex("outreach_subscriptions_consented").on("outreach_subscriptions").columns(["status", "consented_at"]).execute();

  // Barriers and goals as rows rather than JSON, so an audience filter is an indexed join on any database.
  await db.schema
    .createTable("outreach_interests")
    .addColumn("subscription_id", "text", (c) => c.notNull().references("outreach_subscriptions.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("outreach_interests_pk", ["subscription_id", "kind", "value"])
    .execute();
  await db.schema.createIndex("outreach_interests_value").on("outreach_interests").columns(["kind", "value", "subscription_id"]).execute();

  await db.schema
    .createTable("outreach_campaigns")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("body", "text", (c) => c.notNull())
    // JSON of the Audience: areas, districts, barriers, goals.
    .addColumn("audience", "text", (c) => c.notNull())
    .addColumn("service_id", "text")
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("send_after", "text", (c) => c.notNull())
    .addColumn("started_at", "text")
    .addColumn("finished_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("outreach_campaigns_due").on("outreach_campaigns").columns(["status", "send_after"]).execute();
  await db.schema.createIndex("outreach_campaigns_created").on("outreach_campaigns").columns(["created_at"]).execute();

  // Which areas a campaign was sent in, for scoping lists and reports to a coordinator's areas.
  await db.schema
    .createTable("outreach_campaign_areas")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("outreach_campaigns.id").onDelete("cascade"))
    .addColumn("area_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("outreach_campaign_areas_pk", ["campaign_id", "area_id"])
    .execute();
  await db.schema.createIndex("outreach_campaign_areas_area").on("outreach_campaign_areas").columns(["area_id", "campaign_id"]).execute();

  // One row per person per campaign, unique, so a restart can never make a second.
  await db.schema
    .createTable("outreach_recipients")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("campaign_id", "text", (c) => c.notNull().references("outreach_campaigns.id").onDelete("cascade"))
    .addColumn("subscription_id", "text", (c) => c.notNull().references("outreach_subscriptions.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("message_id", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("clicked_at", "text")
    .addColumn("followed_up", "text")
    .addUniqueConstraint("outreach_recipients_once", ["campaign_id", "subscription_id"])
    .execute();
  await db.schema.createIndex("outreach_recipients_campaign_status").on("outreach_recipients").columns(["campaign_id", "status"]).execute();
  await db.schema.createIndex("outreach_recipients_message").on("outreach_recipients").columns(["message_id"]).execute();
  // The sender copies outbox results onto recipients still being sent.
  await db.schema.createIndex("outreach_recipients_status").on("outreach_recipients").columns(["status", "message_id"]).execute();
  await db.schema.createIndex("outreach_recipients_subscription").on("outreach_recipients").columns(["subscription_id"]).execute();

  // Provider organisations a coordinator has allowed to write to residents about their own services.
  await db.schema
    .createTable("outreach_senders")
    .addColumn("organisation_id", "text", (c) => c.primaryKey())
    .addColumn("allowed_by_user_id", "text", (c) => c.notNull())
    .addColumn("allowed_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["outreach_senders", "outreach_recipients", "outreach_campaign_areas", "outreach_campaigns", "outreach_interests", "outreach_subscriptions"]) {
    await db.schema.dropTable(table).execute();
  }
}
