import type { Db } from "~/lib/db.server";
import type { Message, MessageUpdate } from "~db/schema/messaging";
import { MAX_ATTEMPTS, retryDelayMs } from "./delivery";
import type { MessageClient, OutgoingMessage, SendOutcome } from "./message";
import { createMessageClient } from "./notify-client.server";
import type { Pacer } from "./pacing";

/**
 * A message being sent is leased for this long, well over the client's 15-second timeout. If the
 * process dies mid-send, the message is picked up again afterwards, and the provider is first
 * asked whether it already has it, so it is not sent twice.
 */
export const SENDING_LEASE_MS = 2 * 60_000;
export const DELIVERY_BATCH_SIZE = 50;
/** A lookup that cannot answer (Notify unreachable) is tried again this much later. */
const LOOKUP_RETRY_MS = 60_000;

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
export interface DeliveryOptions {
  now: Date;
  client: MessageClient;
  batchSize?: number;
  random?: () => number;
  /** Sends in flight at once (default 1). */
  concurrency?: number;
  /** Keeps sends within the provider's rate limit. */
  pacer?: Pacer;
  leaseMs?: number;
}

export async function deliverDueMessages(db: Db, options: DeliveryOptions): Promise<DeliveryReport> {
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

  let stop = false;
  const next = () => (stop ? undefined : due.shift());
  // A lease runs from the moment its message is claimed, not from when the batch was read: a
  // long batch (a slow provider, a tight rate limit) would otherwise hand out leases that are
  // already over, and another run would take a message still being sent.
  const started = performance.now();
  const claimTime = () => new Date(options.now.getTime() + (performance.now() - started));
  const lane = async () => {
    for (let message = next(); message; message = next()) {
      // Waiting for the rate limit comes before the claim, so it never uses up a lease.
      await options.pacer?.wait();
      const claimed = await claim(db, message, claimTime(), options.leaseMs ?? SENDING_LEASE_MS);
      if (!claimed) continue;
      const outgoing = toOutgoing(message);
      // Left "sending" by a run that never finished: the provider may already have it.
      if (message.status === "sending" && options.client.lookup) {
        const known = await options.client.lookup(outgoing);
        if (known.kind === "found") {
          await db.updateTable("messages").set(recordOutcome(message, message.attempts + 1, { kind: "sent", providerId: known.providerId }, options.now)).where("id", "=", message.id).execute();
          report.sent++;
          continue;
        }
        if (known.kind === "unknown") {
          await db
            .updateTable("messages")
            .set({ status: "sending", last_error: `lookup ${known.reason}`, next_attempt_at: new Date(options.now.getTime() + LOOKUP_RETRY_MS).toISOString() })
            .where("id", "=", message.id)
            .execute();
          report.retrying++;
          stop = true;
          continue;
        }
      }
      const outcome = await attempt(options.client, outgoing);
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
        stop = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, lane));
  return report;
}

function toOutgoing(message: Message): OutgoingMessage {
  return { id: message.id, channel: message.channel, to: message.recipient, subject: message.subject, body: message.body };
}

/**
 * Marks the message as being sent, only if no other run (a second server, `npm run jobs`) took it
 * first: the update matches the exact row this run read.
 */
async function claim(db: Db, message: Message, now: Date, leaseMs: number): Promise<boolean> {
  const result = await db
    .updateTable("messages")
    .set({
      status: "sending",
      attempts: message.attempts + 1,
      next_attempt_at: new Date(now.getTime() + leaseMs).toISOString(),
    })
    .where("id", "=", message.id)
    .where("status", "=", message.status)
    .where("attempts", "=", message.attempts)
    .where("next_attempt_at", "=", message.next_attempt_at)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

async function attempt(client: MessageClient, message: OutgoingMessage): Promise<SendOutcome> {
  try {
    return await client.send(message);
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
 * last has finished, at once if it found a full batch (a campaign is being sent), otherwise after
 * the interval. The returned function stops the timer and resolves once any run in flight is done.
 */
export function startOutboxWorker(
  db: Db,
  options: { intervalMs: number; client?: MessageClient; onError?: (error: unknown) => void } & Pick<DeliveryOptions, "batchSize" | "concurrency" | "pacer" | "leaseMs">,
): () => Promise<void> {
  const client = options.client ?? createMessageClient();
  const onError = options.onError ?? ((error: unknown) => console.error("Outbox worker run failed", error));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const batchSize = options.batchSize ?? DELIVERY_BATCH_SIZE;
  const run = async (): Promise<boolean> => {
    try {
      const report = await deliverDueMessages(db, { now: new Date(), client, batchSize, concurrency: options.concurrency, pacer: options.pacer, leaseMs: options.leaseMs });
      return report.sent + report.failed >= batchSize && report.retrying === 0;
    } catch (error) {
      onError(error);
      return false;
    }
  };
  const schedule = (delayMs = options.intervalMs) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().then((more) => {
        running = undefined;
        schedule(more ? 0 : options.intervalMs);
      });
    }, delayMs);
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
