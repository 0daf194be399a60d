import type { Db } from "~/lib/db.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Notes that someone followed the link in their message (the first time only) and says where it
 * leads: the service the campaign is about, or the self-check.
 */
export async function followLink(db: Db, recipientId: string, now: Date = new Date()): Promise<string> {
  if (!UUID.test(recipientId)) return "/check";
  const row = await db
    .selectFrom("outreach_recipients as r")
    .innerJoin("outreach_campaigns as c", "c.id", "r.campaign_id")
    .select(["r.id", "c.service_id"])
    .where("r.id", "=", recipientId)
    .executeTakeFirst();
  if (!row) return "/check";
  await db.updateTable("outreach_recipients").set({ clicked_at: now.toISOString() }).where("id", "=", row.id).where("clicked_at", "is", null).execute();
  return row.service_id ? `/services/${row.service_id}` : "/check";
}
