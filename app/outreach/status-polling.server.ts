import type { Db } from "~/lib/db.server";
import type { NotificationStatusLookup } from "~/messaging/notify-client.server";
import { OUTBOX_PROVIDER_ID } from "~/messaging/notify-client.server";
import { applyDeliveryReceipt } from "./callbacks.server";

const MINUTE_MS = 60_000;
/** Notify keeps a notification for 7 days; after that there is nothing left to ask about. */
const NOTIFY_KEEPS_DAYS = 7;
/**
 * Statuses asked for in one run. Each is one request against the same per-minute limit as
 * sending, so a run stays small and a backlog is worked through over several runs.
 */
export const POLL_BATCH = 200;

export interface PollOptions {
  now: Date;
  /** Ask only about messages sent at least this long ago: a callback usually arrives well before. */
  afterMinutes: number;
  limit?: number;
}

export interface PollReport {
  asked: number;
  settled: number;
  stillWaiting: number;
  unknown: number;
}

/**
 * The fallback for lost or unconfigured delivery callbacks: asks Notify about outreach messages
 * it accepted a while ago that still have no receipt, and settles them exactly as a callback
 * would (applyDeliveryReceipt). Those asked about are touched, so the next run starts with
 * others, and nobody is asked about once Notify has forgotten the message.
 */
export async function pollOutreachStatuses(db: Db, lookup: NotificationStatusLookup, options: PollOptions): Promise<PollReport> {
  const { now } = options;
  const sentBefore = new Date(now.getTime() - options.afterMinutes * MINUTE_MS).toISOString();
  const sentAfter = new Date(now.getTime() - NOTIFY_KEEPS_DAYS * 24 * 60 * MINUTE_MS).toISOString();
  const rows = await db
    .selectFrom("outreach_recipients as r")
    .innerJoin("messages as m", "m.id", "r.message_id")
    .select(["r.id", "r.message_id", "m.notify_id"])
    .where("r.status", "=", "sent")
    .where("r.sent_at", "<=", sentBefore)
    .where("r.sent_at", ">", sentAfter)
    .where("m.notify_id", "is not", null)
    .where("m.notify_id", "!=", OUTBOX_PROVIDER_ID)
    .orderBy("r.updated_at")
    .orderBy("r.id")
    .limit(options.limit ?? POLL_BATCH)
    .execute();
  const report: PollReport = { asked: rows.length, settled: 0, stillWaiting: 0, unknown: 0 };
  for (const row of rows) {
    const answer = await lookup(row.notify_id!);
    if (answer.kind === "found" && (await applyDeliveryReceipt(db, { id: row.notify_id!, reference: row.message_id, status: answer.status }, now))) {
      report.settled++;
      continue;
    }
    if (answer.kind === "found") report.stillWaiting++;
    else report.unknown++;
    await db.updateTable("outreach_recipients").set({ updated_at: now.toISOString() }).where("id", "=", row.id).where("status", "=", "sent").execute();
  }
  return report;
}
