/**
 * An outreach campaign due now to `people` opted-in people in an area of their own, written
 * straight to the database. Shared by the outreach send benchmark and the crash test, so both
 * send the same campaign the same way.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { createCampaign } from "~/outreach/campaigns.server";
import { consentWords } from "~/outreach/outreach";

export interface OutreachAudience {
  campaignId: string;
  /** Every person's phone number or email address, as the campaign will send to it. */
  contacts: string[];
}

export async function seedOutreachAudience(db: Db, people: number, channel: "sms" | "email"): Promise<OutreachAudience> {
  const areaId = randomUUID();
  await db.insertInto("areas").values({ id: areaId, name: `Outreach area ${areaId.slice(0, 8)}` }).execute();
  const orgId = randomUUID();
  await db.insertInto("organisations").values({ id: orgId, name: `Outreach council ${orgId.slice(0, 8)}`, kind: "council" }).execute();
  const at = new Date().toISOString();
  const contacts = Array.from({ length: people }, (_, i) => (channel === "sms" ? `07${String(700_000_000 + i).padStart(9, "0")}` : `person-${i}@outreach.waymark.example`));
  for (let i = 0; i < people; i += 1_000) {
    const rows = contacts.slice(i, i + 1_000).map((contact) => ({
      id: randomUUID(),
      stop_token: randomUUID().replace(/-/g, ""),
      channel,
      contact,
      source: "check" as const,
      source_id: null,
      area_id: areaId,
      outward_code: "ME14",
      consent_text: consentWords(channel),
      consented_at: at,
      recorded_by_user_id: null,
      status: "active" as const,
      ended_at: null,
      ended_by: null,
      last_sent_at: null,
    }));
    await db.insertInto("outreach_subscriptions").values(rows).execute();
  }
  const campaignId = await createCampaign(db, {
    name: "Outreach run",
    channel,
    subject: channel === "email" ? "The digital bus is coming" : "",
    body: "The digital bus is at Park Wood on Monday, 10am to 2pm.",
    audience: { areaIds: [areaId], districts: [], barriers: [], goals: [] },
    serviceId: null,
    organisationId: orgId,
    createdByUserId: randomUUID(),
    sendAfter: new Date(),
  });
  return { campaignId, contacts };
}
