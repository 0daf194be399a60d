import type { Kysely } from "kysely";

/**
 * /reports counts outreach by period: campaigns by when they started, consents by when they were
 * given or ended. Without these, each report would read every campaign and consent ever made.
 * The status poll asks about messages still only "sent", least recently asked first.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("outreach_campaigns_started").on("outreach_campaigns").columns(["started_at"]).execute();
  await db.schema.createIndex("outreach_subscriptions_given").on("outreach_subscriptions").columns(["consented_at", "area_id"]).execute();
  await db.schema.createIndex("outreach_subscriptions_ended").on("outreach_subscriptions").columns(["ended_at", "area_id"]).execute();
  await db.schema.createIndex("outreach_recipients_poll").on("outreach_recipients").columns(["status", "updated_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ["outreach_recipients_poll", "outreach_subscriptions_ended", "outreach_subscriptions_given", "outreach_campaigns_started"]) await db.schema.dropIndex(name).execute();
}
