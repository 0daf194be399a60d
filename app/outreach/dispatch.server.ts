import { randomUUID } from "node:crypto";
import { recordAudit } from "~/accounts/audit.server";
import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import type { OutreachCampaign } from "~db/schema/outreach";
import { audienceQuery, parseAudience } from "./campaigns.server";
import { personalMessage } from "./campaign-message";
import { MIN_DAYS_BETWEEN_MESSAGES } from "./outreach";
import { inQuietHours, type QuietHours } from "./quiet-hours";

const SYSTEM = { userId: null, label: "Waymark (outreach sender)" };
const DAY_MS = 24 * 60 * 60_000;
/** Recipients handed over per transaction: big enough to be quick, small enough not to hold the writer long. */
const HAND_OVER_BATCH = 250;

export interface DispatchOptions {
  now: Date;
  baseUrl: string;
  replyStop: boolean;
  /**
   * Outreach messages allowed to wait in the outbox at once, about a minute of sending at
   * Notify's rate. Handing over little by little keeps quiet hours and opt-outs close to the
   * moment of sending, instead of filling the outbox with a whole campaign at once.
   */
  outboxRoom: number;
  /** When no texts go (UK hours); null for none. The default is 20:00 until 09:00. */
  quietHours?: QuietHours | null;
}

export interface DispatchReport {
  started: number;
  handedOver: number;
  skipped: number;
  finished: number;
}

/**
 * One run of the outreach sender. Every step is a transaction that either happens whole or not
 * at all, and each recipient row is claimed by a guarded update, so a crash or a second server
 * running at the same time never gives anyone a second message.
 */
export async function dispatchOutreach(db: Db, options: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { started: 0, handedOver: 0, skipped: 0, finished: 0 };
  await syncFromOutbox(db, options.now);
  const due = await db.selectFrom("outreach_campaigns").selectAll().where("status", "=", "scheduled").where("send_after", "<=", options.now.toISOString()).orderBy("send_after").execute();
  for (const campaign of due) if (await startCampaign(db, campaign, options.now)) report.started++;

  const sending = await db.selectFrom("outreach_campaigns").selectAll().where("status", "=", "sending").orderBy("started_at").execute();
  for (const campaign of sending) {
    if (campaign.channel === "sms" && inQuietHours(options.now, options.quietHours)) continue;
    let room = options.outboxRoom - (await waitingInOutbox(db));
    while (room > 0) {
      const handed = await handOver(db, campaign, Math.min(room, HAND_OVER_BATCH), options);
      report.handedOver += handed.handedOver;
      report.skipped += handed.skipped;
      room -= handed.handedOver;
      if (handed.claimed === 0) break;
    }
    if (await finishIfDone(db, campaign, options.now)) report.finished++;
  }
  return report;
}

/** Chooses the audience once, as it stands when the campaign starts. */
async function startCampaign(db: Db, campaign: OutreachCampaign, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const started = await trx.updateTable("outreach_campaigns").set({ status: "sending", started_at: now.toISOString() }).where("id", "=", campaign.id).where("status", "=", "scheduled").executeTakeFirst();
    if (started.numUpdatedRows !== 1n) return false;
    const people = await audienceQuery(trx, parseAudience(campaign), campaign.channel).execute();
    const at = now.toISOString();
    for (let i = 0; i < people.length; i += 500) {
      await trx
        .insertInto("outreach_recipients")
        .values(people.slice(i, i + 500).map((p) => ({ id: randomUUID(), campaign_id: campaign.id, subscription_id: p.id, status: "queued" as const, reason: null, message_id: null, updated_at: at, sent_at: null, clicked_at: null, followed_up: null })))
        .onConflict((oc) => oc.columns(["campaign_id", "subscription_id"]).doNothing())
        .execute();
    }
    await recordAudit(trx, { actor: SYSTEM, action: "outreach-campaign-started", recordType: "outreach_campaign", recordId: campaign.id, detail: { recipients: people.length } }, now);
    return true;
  });
}

async function waitingInOutbox(db: Db): Promise<number> {
  const row = await db
    .selectFrom("messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "in", ["queued", "sending"])
    .where("purpose", "=", "outreach")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Moves up to `limit` queued recipients into the outbox in one transaction. Someone who has
 * stopped is marked opted out; someone sent any outreach message in the last few days is
 * skipped, so two campaigns close together never both reach them.
 */
async function handOver(db: Db, campaign: OutreachCampaign, limit: number, options: DispatchOptions): Promise<{ claimed: number; handedOver: number; skipped: number }> {
  const { now } = options;
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("outreach_recipients as r")
      .innerJoin("outreach_subscriptions as s", "s.id", "r.subscription_id")
      .select(["r.id", "r.subscription_id", "s.status as subscriptionStatus", "s.contact", "s.stop_token", "s.last_sent_at"])
      .where("r.campaign_id", "=", campaign.id)
      .where("r.status", "=", "queued")
      .orderBy("r.id")
      .limit(limit)
      .execute();
    const service = campaign.service_id ? await trx.selectFrom("services").select("name").where("id", "=", campaign.service_id).executeTakeFirst() : undefined;
    const at = now.toISOString();
    const recentCutoff = new Date(now.getTime() - MIN_DAYS_BETWEEN_MESSAGES * DAY_MS).toISOString();
    const handedIds: string[] = [];
    let skipped = 0;
    let stopped = 0;
    let invalid = 0;
    for (const row of rows) {
      const claim = (status: "sending" | "opted-out" | "skipped", reason: string | null) =>
        trx.updateTable("outreach_recipients").set({ status, reason, updated_at: at }).where("id", "=", row.id).where("status", "=", "queued").executeTakeFirst();
      if (row.subscriptionStatus !== "active" || !row.contact) {
        await claim("opted-out", "stopped before sending");
        stopped++;
        continue;
      }
      if (row.last_sent_at && row.last_sent_at > recentCutoff) {
        await claim("skipped", `had a message in the last ${MIN_DAYS_BETWEEN_MESSAGES} days`);
        skipped++;
        continue;
      }
      const claimed = await claim("sending", null);
      if (claimed.numUpdatedRows !== 1n) continue;
      const text = personalMessage(
        { channel: campaign.channel, subject: campaign.subject, body: campaign.body, serviceName: service?.name ?? null },
        { baseUrl: options.baseUrl, recipientId: row.id, stopToken: row.stop_token, replyStop: options.replyStop },
      );
      const queued = await enqueueMessage(
        trx,
        { channel: campaign.channel, to: row.contact, subject: text.subject, body: text.body, purpose: "outreach", related: { type: "outreach_recipient", id: row.id }, forgetRecipient: true },
        now,
      );
      if (!queued.ok) {
        await trx.updateTable("outreach_recipients").set({ status: "failed", reason: "invalid contact" }).where("id", "=", row.id).execute();
        invalid++;
        continue;
      }
      await trx.updateTable("outreach_recipients").set({ message_id: queued.id }).where("id", "=", row.id).execute();
      await trx.updateTable("outreach_subscriptions").set({ last_sent_at: at }).where("id", "=", row.subscription_id).execute();
      handedIds.push(row.id);
    }
    // One audit row per batch, written in the batch's transaction, names every recipient handed
    // to the outbox: a row per message would add 10,000 rows to the append-only log for one
    // county-wide text, while the batch row still lets anyone trace any single send (the
    // recipient row links to its outbox message) and costs one insert per 250 messages.
    if (rows.length > 0) {
      await recordAudit(trx, { actor: SYSTEM, action: "outreach-messages-queued", recordType: "outreach_campaign", recordId: campaign.id, detail: { messages: handedIds.length, recipientIds: handedIds, skipped, stopped, invalid } }, now);
    }
    return { claimed: rows.length, handedOver: handedIds.length, skipped };
  });
}

/**
 * Copies what the outbox knows onto the recipients: accepted by Notify (sent) or given up on
 * (failed, with the outbox's reason). Delivery receipts then move sent to delivered or failed.
 */
async function syncFromOutbox(db: Db, now: Date): Promise<void> {
  const at = now.toISOString();
  for (const status of ["sent", "failed"] as const) {
    await db
      .updateTable("outreach_recipients")
      .set((eb) => ({
        status,
        updated_at: at,
        sent_at: eb.selectFrom("messages").select("messages.sent_at").whereRef("messages.id", "=", "outreach_recipients.message_id"),
        reason: eb.selectFrom("messages").select("messages.last_error").whereRef("messages.id", "=", "outreach_recipients.message_id"),
      }))
      .where("status", "=", "sending")
      .where(({ exists, selectFrom }) => exists(selectFrom("messages").select("messages.id").whereRef("messages.id", "=", "outreach_recipients.message_id").where("messages.status", "=", status)))
      .execute();
  }
}

/** The campaign's last step: every recipient handed over (or stopped or skipped), recorded with the change. */
async function finishIfDone(db: Db, campaign: OutreachCampaign, now: Date): Promise<boolean> {
  const left = await db.selectFrom("outreach_recipients").select("id").where("campaign_id", "=", campaign.id).where("status", "=", "queued").limit(1).executeTakeFirst();
  if (left) return false;
  return db.transaction().execute(async (trx) => {
    const done = await trx.updateTable("outreach_campaigns").set({ status: "sent", finished_at: now.toISOString() }).where("id", "=", campaign.id).where("status", "=", "sending").executeTakeFirst();
    if (done.numUpdatedRows !== 1n) return false;
    await recordAudit(trx, { actor: SYSTEM, action: "outreach-campaign-handed-over", recordType: "outreach_campaign", recordId: campaign.id }, now);
    return true;
  });
}
