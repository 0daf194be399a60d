import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import type { Message } from "~db/schema/messaging";
import { type MessageInput, type MessagePurpose, type MessageStatus, messageInputSchema } from "./message";

export type EnqueueResult =
  | { ok: true; id: string }
  /** One message per field at fault (to, subject, body, purpose, channel, related, forgetRecipient). */
  | { ok: false; errors: Record<string, string> };

/**
 * Queues a message to be sent within seconds by the outbox worker. Pass the caller's transaction
 * as `db` so the message exists exactly when the change that caused it does. An invalid
 * recipient is an answer, not an exception: callers show it on their form or skip the message.
 */
export async function enqueueMessage(db: Db, input: MessageInput, now: Date = new Date()): Promise<EnqueueResult> {
  const parsed = messageInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "message");
      errors[field] ??= issue.message;
    }
    return { ok: false, errors };
  }
  const message = parsed.data;
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto("messages")
    .values({
      id,
      channel: message.channel,
      recipient: message.to,
      forget_recipient: message.forgetRecipient ? 1 : 0,
      subject: message.subject,
      body: message.body,
      purpose: message.purpose,
      related_type: message.related?.type ?? null,
      related_id: message.related?.id ?? null,
      status: "queued",
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      notify_id: null,
      created_at: at,
      sent_at: null,
    })
    .execute();
  return { ok: true, id };
}

export const OUTBOX_PAGE_SIZE = 25;

export interface OutboxPage {
  messages: Message[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

/** Newest first, for the admin (and development) outbox page. */
export async function listOutbox(
  db: Db,
  options: { page: number; purpose?: MessagePurpose; status?: MessageStatus; pageSize?: number },
): Promise<OutboxPage> {
  const pageSize = Math.max(1, Math.min(options.pageSize ?? OUTBOX_PAGE_SIZE, 100));
  let query = db.selectFrom("messages");
  if (options.purpose) query = query.where("purpose", "=", options.purpose);
  if (options.status) query = query.where("status", "=", options.status);

  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const total = Number(count);
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const page = Number.isInteger(options.page) ? Math.min(Math.max(options.page, 1), totalPages) : 1;

  const messages = await query
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { messages, page, pageSize, total, totalPages };
}

export async function getMessage(db: Db, id: string): Promise<Message | undefined> {
  return db.selectFrom("messages").selectAll().where("id", "=", id).executeTakeFirst();
}
