import { randomBytes, randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import type { OutreachSubscription } from "~db/schema/outreach";
import { consentWords, type InterestKind, type OutreachChannel, type OutreachSource, type SubscriptionEnd } from "./outreach";

export interface NewSubscriptionInput {
  channel: OutreachChannel;
  /** Already normalised: 07… mobile or a trimmed email address. */
  contact: string;
  source: OutreachSource;
  sourceId: string | null;
  areaId: string | null;
  outwardCode: string | null;
  barriers: readonly string[];
  goals: readonly string[];
  recordedByUserId: string | null;
}

/**
 * Records a consent and returns the secret for the person's stop link. Someone who signs up
 * again with the same contact keeps one consent: the earlier one ends, so nobody gets a
 * campaign twice.
 */
export async function createSubscription(db: Db, input: NewSubscriptionInput, now: Date = new Date()): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = randomBytes(24).toString("base64url");
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const earlier = await trx.selectFrom("outreach_subscriptions").select("id").where("status", "=", "active").where("contact", "=", input.contact).execute();
    await endSubscriptions(
      trx,
      earlier.map((s) => s.id),
      "replaced",
      now,
    );
    await trx
      .insertInto("outreach_subscriptions")
      .values({
        id,
        stop_token: token,
        channel: input.channel,
        contact: input.contact,
        source: input.source,
        source_id: input.sourceId,
        area_id: input.areaId,
        outward_code: input.outwardCode,
        consent_text: consentWords(input.channel),
        consented_at: at,
        recorded_by_user_id: input.recordedByUserId,
        status: "active",
        ended_at: null,
        ended_by: null,
        last_sent_at: null,
      })
      .execute();
    const interests = [
      ...new Set(input.barriers.map((v) => `barrier:${v}`)),
      ...new Set(input.goals.map((v) => `goal:${v}`)),
    ].map((key) => {
      const [kind, value] = key.split(":") as [InterestKind, string];
      return { subscription_id: id, kind, value };
    });
    if (interests.length > 0) await trx.insertInto("outreach_interests").values(interests).execute();
  });
  return { id, token };
}

export async function findSubscriptionByToken(db: Db, token: string): Promise<OutreachSubscription | undefined> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  return db.selectFrom("outreach_subscriptions").selectAll().where("stop_token", "=", token).executeTakeFirst();
}

export async function interestsOf(db: Db, subscriptionId: string): Promise<{ barriers: string[]; goals: string[] }> {
  const rows = await db.selectFrom("outreach_interests").select(["kind", "value"]).where("subscription_id", "=", subscriptionId).orderBy("value").execute();
  return { barriers: rows.filter((r) => r.kind === "barrier").map((r) => r.value), goals: rows.filter((r) => r.kind === "goal").map((r) => r.value) };
}

/**
 * Ends consents at once: the contact is cleared, messages still waiting in the outbox are
 * withdrawn, and recipients not yet handed over are marked opted out. Erasure also removes the
 * interests; the remaining row says only that someone in a district once asked.
 */
export async function endSubscriptions(db: Db, ids: readonly string[], by: SubscriptionEnd, now: Date = new Date()): Promise<number> {
  if (ids.length === 0) return 0;
  if (!db.isTransaction) return db.transaction().execute((trx) => endSubscriptions(trx, ids, by, now));
  const at = now.toISOString();
  const list = [...ids];
  const ended = await db
    .updateTable("outreach_subscriptions")
    .set({ status: "ended", contact: null, ended_at: at, ended_by: by })
    .where("id", "in", list)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (by === "erased" || by === "expired") await db.deleteFrom("outreach_interests").where("subscription_id", "in", list).execute();
  const waiting = db.selectFrom("outreach_recipients").select("id").where("subscription_id", "in", list).where("status", "in", ["queued", "sending"]);
  await db
    .updateTable("messages")
    .set({ status: "failed", last_error: "opted out", recipient: "", next_attempt_at: at })
    .where("related_type", "=", "outreach_recipient")
    .where("related_id", "in", waiting)
    .where("status", "=", "queued")
    .execute();
  await db
    .updateTable("outreach_recipients")
    .set({ status: "opted-out", reason: by, updated_at: at })
    .where("subscription_id", "in", list)
    .where("status", "in", ["queued", "sending"])
    // A message already mid-send cannot be called back; its receipt will say what became of it.
    .where((eb) =>
      eb.or([
        eb("message_id", "is", null),
        eb("message_id", "in", eb.selectFrom("messages").select("id").where("related_type", "=", "outreach_recipient").where("last_error", "=", "opted out")),
      ]),
    )
    .execute();
  return Number(ended.numUpdatedRows);
}

/** STOP words people send, after Ofcom's and the mobile networks' usual list. */
const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "STOP ALL"]);

export function isStopReply(text: string): boolean {
  return STOP_WORDS.has(text.trim().replace(/[.!\s]+$/, "").replace(/\s+/g, " ").toUpperCase());
}

/** Ends every text consent for a number that replied STOP; returns how many ended. */
export async function endSubscriptionsForMobile(db: Db, mobile: string, now: Date = new Date()): Promise<number> {
  const rows = await db.selectFrom("outreach_subscriptions").select("id").where("status", "=", "active").where("channel", "=", "sms").where("contact", "=", mobile).execute();
  return endSubscriptions(
    db,
    rows.map((r) => r.id),
    "reply",
    now,
  );
}

/** Consents older than `months` end, as the person was told they would. */
export async function expireOldSubscriptions(db: Db, months: number, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const rows = await db.selectFrom("outreach_subscriptions").select("id").where("status", "=", "active").where("consented_at", "<", cutoff.toISOString()).execute();
  return endSubscriptions(
    db,
    rows.map((r) => r.id),
    "expired",
    now,
  );
}
