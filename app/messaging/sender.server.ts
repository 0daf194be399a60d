import type { Db } from "~/lib/db.server";
import type { Message, MessageUpdate } from "~db/schema/messaging";
import { MAX_ATTEMPTS, retryDelayMs } from "./delivery";
import type { MessageClient, SendOutcome } from "./message";
import { createMessageClient } from "./notify-client.server";

/**
 * A message being sent is leased for this long. If the process dies mid-send, the message is
 * picked up again afterwards (it may then arrive twice, which beats never arriving).
 */
export const SENDING_LEASE_MS = 10 * 60_000;
export const DELIVERY_BATCH_SIZE = 50;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every message that is due, oldest first, and records each outcome on the message alone:
 * nothing here reads or changes the referral, invitation or plan that caused it, and nothing
 * throws. After a retryable failure the run stops, because Notify is rate limiting or unwell and
 * the rest will wait for the next run rather than each spending an attempt.
 */
export async function deliverDueMessages(
  db: Db,
  options: { now: Date; client: MessageClient; batchSize?: number; random?: () => number },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const nowIso = options.now.toISOString();
  const due = await db
    .selectFrom("messages")
    .selectAll()
    .where("status", "in", ["queued", "sending"])
    .where("next_attempt_at", "<=", nowIso)
    .orderBy("next_attempt_at")
    .orderBy("created_at")
    .limit(options.batchSize ?? DELIVERY_BATCH_SIZE)
    .execute();

  for (const message of due) {
    const claimed = await claim(db, message, options.now);
    if (!claimed) continue;
    const outcome = await attempt(options.client, message);
    const attempts = message.attempts + 1;
    await db
      .updateTable("messages")
      .set(recordOutcome(message, attempts, outcome, options.now, options.random))
      .where("id", "=", message.id)
      .execute();
    if (outcome.kind === "sent") report.sent++;
    else if (outcome.kind === "failed" || attempts >= MAX_ATTEMPTS) report.failed++;
    else {
      report.retrying++;
      break;
    }
  }
  return report;
}

/**
 * Marks the message as being sent, only if no other run (a second server, `npm run jobs`) took it
 * first: the update matches the exact row this run read.
 */
async function claim(db: Db, message: Message, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("messages")
    .set({
      status: "sending",
      attempts: message.attempts + 1,
      next_attempt_at: new Date(now.getTime() + SENDING_LEASE_MS).toISOString(),
    })
    .where("id", "=", message.id)
    .where("status", "=", message.status)
    .where("attempts", "=", message.attempts)
    .where("next_attempt_at", "=", message.next_attempt_at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

async function attempt(client: MessageClient, message: Message): Promise<SendOutcome> {
  try {
    return await client.send({
      id: message.id,
      channel: message.channel,
      to: message.recipient,
      subject: message.subject,
      body: message.body,
    });
  } catch (error) {
    // A client is meant to answer with an outcome; a throw is a fault in it, worth another try.
    return { kind: "retry", reason: `client error ${error instanceof Error ? error.name : "unknown"}` };
  }
}

function recordOutcome(
  message: Message,
  attempts: number,
  outcome: SendOutcome,
  now: Date,
  random?: () => number,
): MessageUpdate {
  const at = now.toISOString();
  // Residents' numbers and addresses are kept only as long as they may still be needed to send.
  const finished = { recipient: message.forget_recipient ? "" : message.recipient };
  if (outcome.kind === "sent") {
    return { ...finished, status: "sent", sent_at: at, notify_id: outcome.providerId, last_error: null };
  }
  const delay = outcome.kind === "retry" ? retryDelayMs(attempts, random) : null;
  if (delay === null) {
    return { ...finished, status: "failed", last_error: outcome.reason, next_attempt_at: at };
  }
  return { status: "queued", last_error: outcome.reason, next_attempt_at: new Date(now.getTime() + delay).toISOString() };
}

/**
 * Sends due messages every `intervalMs` inside the server process, so a message goes out within
 * seconds without a separate job runner. Runs never overlap: the next is scheduled only when the
 * last has finished. The returned function stops the timer and resolves once any run in flight
 * is done.
 */
export function startOutboxWorker(
  db: Db,
  options: { intervalMs: number; client?: MessageClient; onError?: (error: unknown) => void },
): () => Promise<void> {
  const client = options.client ?? createMessageClient();
  const onError = options.onError ?? ((error: unknown) => console.error("Outbox worker run failed", error));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async () => {
    try {
      await deliverDueMessages(db, { now: new Date(), client });
    } catch (error) {
      onError(error);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(() => {
        running = undefined;
        schedule();
      });
    }, options.intervalMs);
    // The worker alone must not keep a finishing process (a script, a test run) alive.
    timer.unref();
  };
  schedule();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
