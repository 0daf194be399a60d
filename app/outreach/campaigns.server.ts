import { randomUUID } from "node:crypto";
import { type AuditActor, recordAudit } from "~/accounts/audit.server";
import type { Db } from "~/lib/db.server";
import type { OutreachCampaign } from "~db/schema/outreach";
import type { OutreachReach } from "./access";
import type { Audience } from "./campaign-form";
import { type OutreachChannel, RECIPIENT_STATUSES, type RecipientStatus } from "./outreach";

/** Active consents matching an audience on one channel. */
export function audienceQuery(db: Db, audience: Audience, channel: OutreachChannel) {
  let query = db
    .selectFrom("outreach_subscriptions as s")
    .select("s.id")
    .where("s.status", "=", "active")
    .where("s.channel", "=", channel)
    .where("s.area_id", "in", audience.areaIds.length > 0 ? audience.areaIds : [""]);
  if (audience.districts.length > 0) query = query.where("s.outward_code", "in", audience.districts);
  for (const [kind, values] of [
    ["barrier", audience.barriers],
    ["goal", audience.goals],
  ] as const) {
    if (values.length === 0) continue;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom("outreach_interests as i").select("i.subscription_id").whereRef("i.subscription_id", "=", "s.id").where("i.kind", "=", kind).where("i.value", "in", values)),
    );
  }
  return query;
}

export async function countAudience(db: Db, audience: Audience, channel: OutreachChannel): Promise<number> {
  const row = await db
    .selectFrom(audienceQuery(db, audience, channel).as("a"))
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewCampaign {
  name: string;
  channel: OutreachChannel;
  subject: string;
  body: string;
  audience: Audience;
  serviceId: string | null;
  organisationId: string;
  createdByUserId: string;
  sendAfter: Date;
}

/**
 * Creates a campaign, scheduled to go at `sendAfter`: writing one and scheduling it are a single
 * act, so one audit row (written in the same transaction by the caller) records both.
 */
export async function createCampaign(db: Db, input: NewCampaign, now: Date = new Date()): Promise<string> {
  const id = randomUUID();
  const write = async (trx: Db) => {
    await trx
      .insertInto("outreach_campaigns")
      .values({
        id,
        name: input.name,
        channel: input.channel,
        subject: input.subject,
        body: input.body,
        audience: JSON.stringify(input.audience),
        service_id: input.serviceId,
        organisation_id: input.organisationId,
        created_by_user_id: input.createdByUserId,
        status: "scheduled",
        send_after: input.sendAfter.toISOString(),
        started_at: null,
        finished_at: null,
        created_at: now.toISOString(),
      })
      .execute();
    await trx
      .insertInto("outreach_campaign_areas")
      .values(input.audience.areaIds.map((areaId) => ({ campaign_id: id, area_id: areaId })))
      .execute();
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return id;
}

/** Campaigns a user may see: an admin all, a coordinator those sent in their areas, a provider its own organisation's. */
function campaignsInReach(db: Db, reach: OutreachReach) {
  let query = db.selectFrom("outreach_campaigns");
  if (reach.kind === "area") {
    query = query.where("id", "in", db.selectFrom("outreach_campaign_areas").select("campaign_id").where("area_id", "in", reach.areaIds.length > 0 ? reach.areaIds : [""]));
  } else if (reach.kind === "own-org") {
    query = query.where("organisation_id", "=", reach.organisationId);
  } else if (reach.kind === "none") {
    query = query.where("id", "=", "");
  }
  return query;
}

export async function listCampaigns(db: Db, reach: OutreachReach, limit = 50): Promise<OutreachCampaign[]> {
  return campaignsInReach(db, reach).selectAll().orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

export async function findCampaign(db: Db, reach: OutreachReach, id: string): Promise<OutreachCampaign | undefined> {
  return campaignsInReach(db, reach).selectAll().where("id", "=", id).executeTakeFirst();
}

export function parseAudience(campaign: Pick<OutreachCampaign, "audience">): Audience {
  return JSON.parse(campaign.audience) as Audience;
}

export type StatusCounts = Record<RecipientStatus, number>;

export interface CampaignResults {
  counts: StatusCounts;
  clicked: number;
  followedUp: number;
}

export async function campaignResults(db: Db, campaignIds: readonly string[]): Promise<CampaignResults> {
  const counts = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
  if (campaignIds.length === 0) return { counts, clicked: 0, followedUp: 0 };
  const ids = [...campaignIds];
  const rows = await db
    .selectFrom("outreach_recipients")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("campaign_id", "in", ids)
    .groupBy("status")
    .execute();
  for (const row of rows) counts[row.status] = Number(row.n);
  const extra = await db
    .selectFrom("outreach_recipients")
    .select((eb) => [eb.fn.count<number>("clicked_at").as("clicked"), eb.fn.count<number>("followed_up").as("followed")])
    .where("campaign_id", "in", ids)
    .executeTakeFirstOrThrow();
  return { counts, clicked: Number(extra.clicked), followedUp: Number(extra.followed) };
}

/** A scheduled campaign may be called off until it starts; the audit row is written with the change or not at all. */
export async function cancelCampaign(db: Db, id: string, audit: { actor: AuditActor; ip?: string | null }, now: Date = new Date()): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.updateTable("outreach_campaigns").set({ status: "cancelled" }).where("id", "=", id).where("status", "=", "scheduled").executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return false;
    await recordAudit(trx, { actor: audit.actor, action: "outreach-campaign-cancelled", recordType: "outreach_campaign", recordId: id, ip: audit.ip }, now);
    return true;
  });
}

export async function isAllowedSender(db: Db, organisationId: string): Promise<boolean> {
  return (await db.selectFrom("outreach_senders").select("organisation_id").where("organisation_id", "=", organisationId).executeTakeFirst()) !== undefined;
}

export async function allowSender(db: Db, organisationId: string, userId: string, now: Date = new Date()): Promise<void> {
  await db
    .insertInto("outreach_senders")
    .values({ organisation_id: organisationId, allowed_by_user_id: userId, allowed_at: now.toISOString() })
    .onConflict((oc) => oc.column("organisation_id").doNothing())
    .execute();
}

export async function revokeSender(db: Db, organisationId: string): Promise<void> {
  await db.deleteFrom("outreach_senders").where("organisation_id", "=", organisationId).execute();
}

/** Organisations with services in the areas given (null: anywhere), and whether each may send. */
export async function senderCandidates(db: Db, areaIds: string[] | null): Promise<Array<{ id: string; name: string; allowed: boolean }>> {
  let owners = db.selectFrom("services").select("organisation_id").distinct();
  if (areaIds) owners = owners.where("area_id", "in", areaIds.length > 0 ? areaIds : [""]);
  const rows = await db
    .selectFrom("organisations as o")
    .leftJoin("outreach_senders as s", "s.organisation_id", "o.id")
    .select(["o.id", "o.name", "s.organisation_id as allowedId"])
    .where("o.id", "in", owners)
    .orderBy("o.name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, allowed: r.allowedId !== null }));
}
