import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import { MAX_ATTEMPTS } from "~/messaging/delivery";
import type { MessageClient, MessageInput } from "~/messaging/message";
import { createNotifyMessageClient } from "~/messaging/notify-client.server";
import { enqueueMessage, getMessage } from "~/messaging/outbox.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { migrateToLatest } from "~db/migrator";
import {
  failNextNotifyRequests,
  NOTIFY_BASE_URL,
  notifyRequests,
  resetNotifyMock,
  TEST_EMAIL_TEMPLATE_ID,
  TEST_NOTIFY_API_KEY,
  TEST_SMS_TEMPLATE_ID,
} from "../../mocks/notify";

const MINUTE = 60_000;
const t0 = new Date("2025-03-03T09:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const noJitter = () => 0.5;

let db: Db;
const notify = (options: { timeoutMs?: number; apiKey?: string } = {}): MessageClient =>
  createNotifyMessageClient({
    apiKey: options.apiKey ?? TEST_NOTIFY_API_KEY,
    baseUrl: NOTIFY_BASE_URL,
    emailTemplateId: TEST_EMAIL_TEMPLATE_ID,
    smsTemplateId: TEST_SMS_TEMPLATE_ID,
    timeoutMs: options.timeoutMs,
  });
const deliver = (now: Date, client: MessageClient = notify()) => deliverDueMessages(db, { now, client, random: noJitter });

const text: MessageInput = { channel: "sms", to: "07700 900 982", body: "Your reference is 7KQ3 MXP2", purpose: "plan" };
const email: MessageInput = { channel: "email", to: "sam@example.org", subject: "You are invited", body: "Set a password: https://waymark.test/x", purpose: "invite" };

async function enqueue(input: MessageInput): Promise<string> {
  const result = await enqueueMessage(db, input, t0);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.id;
}

// Notify is answered by the shared msw server (tests/mocks/server.ts), which fails any request it has no handler for.
beforeEach(async () => {
  resetNotifyMock();
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

describe("deliverDueMessages through Notify", () => {
  it("sends an email with the generic template and records Notify's id", async () => {
    const id = await enqueue(email);
    expect(await deliver(t0)).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(notifyRequests).toHaveLength(1);
    expect(notifyRequests[0]).toMatchObject({
      channel: "email",
      answer: 201,
      body: {
        template_id: TEST_EMAIL_TEMPLATE_ID,
        email_address: "sam@example.org",
        personalisation: { subject: "You are invited", body: "Set a password: https://waymark.test/x" },
        reference: id,
      },
    });
    const message = await getMessage(db, id);
    expect(message).toMatchObject({ status: "sent", attempts: 1, sent_at: t0.toISOString(), last_error: null, recipient: "sam@example.org" });
    expect(message?.notify_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends a text with only the body", async () => {
    const id = await enqueue(text);
    await deliver(t0);
    expect(notifyRequests[0].body).toEqual({
      template_id: TEST_SMS_TEMPLATE_ID,
      phone_number: "07700900982",
      personalisation: { body: "Your reference is 7KQ3 MXP2" },
      reference: id,
    });
    expect((await getMessage(db, id))?.status).toBe("sent");
  });

  it("sends exactly once after a 429: two calls, one sent message", async () => {
    const id = await enqueue(text);
    failNextNotifyRequests("rate-limit");

    expect(await deliver(t0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await getMessage(db, id)).toMatchObject({ status: "queued", attempts: 1, last_error: "429 RateLimitError", next_attempt_at: at(MINUTE).toISOString() });

    await deliver(at(30_000));
    expect(notifyRequests).toHaveLength(1);

    expect(await deliver(at(MINUTE))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await deliver(at(60 * MINUTE));
    expect(notifyRequests.map((r) => r.answer)).toEqual([429, 201]);
    const rows = await db.selectFrom("messages").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "sent", attempts: 2, last_error: null, sent_at: at(MINUTE).toISOString() });
  });

  it("retries a 500 after 1 min, 5 min, 30 min, 2 h and 6 h, then gives up", async () => {
    const id = await enqueue(email);
    failNextNotifyRequests("server-error", MAX_ATTEMPTS);

    const waits: number[] = [];
    let now = t0;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliver(now);
      const message = (await getMessage(db, id))!;
      expect(message.attempts).toBe(attempt);
      expect(message.last_error).toBe("500 Exception");
      if (message.status === "failed") break;
      const next = new Date(message.next_attempt_at);
      waits.push((next.getTime() - now.getTime()) / MINUTE);
      // Not due a moment early.
      await deliver(new Date(next.getTime() - 1));
      expect(notifyRequests).toHaveLength(attempt);
      now = next;
    }

    expect(waits).toEqual([1, 5, 30, 120, 360]);
    expect(await getMessage(db, id)).toMatchObject({ status: "failed", attempts: 6, sent_at: null });
    await deliver(at(48 * 60 * MINUTE));
    expect(notifyRequests).toHaveLength(MAX_ATTEMPTS);
    expect(notifyRequests.every((r) => r.answer === 500)).toBe(true);
  });

  it("marks a 400 failed at once, without retrying or touching the record it was about", async () => {
    await db.insertInto("organisations").values({ id: "org-1", name: "Riverside Library", kind: "library" }).execute();
    const before = await db.selectFrom("organisations").selectAll().where("id", "=", "org-1").executeTakeFirstOrThrow();
    const id = await enqueue({ ...text, related: { type: "organisation", id: "org-1" } });
    failNextNotifyRequests("validation");

    expect(await deliver(t0)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    await deliver(at(24 * 60 * MINUTE));

    expect(notifyRequests).toHaveLength(1);
    expect(await getMessage(db, id)).toMatchObject({ status: "failed", attempts: 1, last_error: "400 ValidationError", related_id: "org-1" });
    expect(await db.selectFrom("organisations").selectAll().where("id", "=", "org-1").executeTakeFirstOrThrow()).toEqual(before);
  });

  it("marks a 403 failed at once", async () => {
    const id = await enqueue(email);
    failNextNotifyRequests("auth");
    await deliver(t0);
    await deliver(at(24 * 60 * MINUTE));
    expect(notifyRequests).toHaveLength(1);
    expect(await getMessage(db, id)).toMatchObject({ status: "failed", last_error: "403 AuthError" });
  });

  it("is refused with 403 when signed with the wrong key", async () => {
    const id = await enqueue(email);
    const wrongKey = "waymark_test-4a8b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d-00000000-0000-4000-8000-000000000000";
    await deliver(t0, notify({ apiKey: wrongKey }));
    expect(await getMessage(db, id)).toMatchObject({ status: "failed", last_error: "403 AuthError" });
  });

  it("retries a dropped connection", async () => {
    const id = await enqueue(text);
    failNextNotifyRequests("dropped");
    expect(await deliver(t0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const message = await getMessage(db, id);
    expect(message).toMatchObject({ status: "queued", attempts: 1 });
    expect(message?.last_error).toMatch(/^network (ECONNRESET|NO_RESPONSE)$/);

    await deliver(at(MINUTE));
    expect(notifyRequests.map((r) => r.answer)).toEqual(["dropped", 201]);
    expect((await getMessage(db, id))?.status).toBe("sent");
  });

  it("gives up waiting on a slow connection and retries", async () => {
    const id = await enqueue(text);
    failNextNotifyRequests("slow", 1, { slowMs: 400 });
    expect(await deliver(t0, notify({ timeoutMs: 50 }))).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await getMessage(db, id)).toMatchObject({ status: "queued", last_error: "network TIMEOUT" });
  });

  it("stops the run after a 429 so the other messages keep their attempts", async () => {
    const first = await enqueue(text);
    const second = await enqueue(email);
    failNextNotifyRequests("rate-limit");
    await deliver(t0);
    expect(notifyRequests).toHaveLength(1);
    expect(await getMessage(db, first)).toMatchObject({ status: "queued", attempts: 1 });
    expect(await getMessage(db, second)).toMatchObject({ status: "queued", attempts: 0 });

    // The untouched message is now first in line.
    expect(await deliver(at(30_000))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect((await getMessage(db, second))?.status).toBe("sent");
  });
});

describe("deliverDueMessages, whatever the client does", () => {
  it("treats a client that throws as a retry instead of throwing", async () => {
    const id = await enqueue(text);
    const broken: MessageClient = {
      name: "broken",
      send: async () => {
        throw new TypeError("boom");
      },
    };
    await expect(deliver(t0, broken)).resolves.toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await getMessage(db, id)).toMatchObject({ status: "queued", last_error: "client error TypeError" });
  });

  it("sends each message once when two runs overlap", async () => {
    for (let i = 0; i < 5; i++) await enqueue({ ...email, to: `person${i}@example.org` });
    const [a, b] = await Promise.all([deliver(t0), deliver(t0)]);
    expect(a.sent + b.sent).toBe(5);
    expect(notifyRequests).toHaveLength(5);
    expect(new Set(notifyRequests.map((r) => r.body.email_address)).size).toBe(5);
  });

  it("picks up a message left 'sending' by a process that died, once its lease is over", async () => {
    const id = await enqueue(email);
    await db.updateTable("messages").set({ status: "sending", attempts: 1, next_attempt_at: at(10 * MINUTE).toISOString() }).execute();
    await deliver(at(5 * MINUTE));
    expect(notifyRequests).toHaveLength(0);
    await deliver(at(10 * MINUTE));
    expect(await getMessage(db, id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("does not send again a message Notify accepted just before the process died", async () => {
    const id = await enqueue(text);
    await deliver(t0);
    const notifyId = (await getMessage(db, id))?.notify_id;
    // As if the process died after Notify answered but before the outcome was written down.
    await db.updateTable("messages").set({ status: "sending", notify_id: null, next_attempt_at: at(2 * MINUTE).toISOString() }).execute();
    await deliver(at(2 * MINUTE));
    expect(notifyRequests.filter((r) => r.channel === "sms")).toHaveLength(1);
    expect(await getMessage(db, id)).toMatchObject({ status: "sent", notify_id: notifyId });
  });

  it("sends several at once within the pace it is given, each once", async () => {
    for (let i = 0; i < 12; i++) await enqueue({ ...email, to: `person${i}@example.org` });
    const waits: number[] = [];
    const pacer = { wait: async () => void waits.push(1) };
    await expect(deliverDueMessages(db, { now: t0, client: notify(), concurrency: 4, pacer })).resolves.toEqual({ sent: 12, retrying: 0, failed: 0 });
    expect(waits).toHaveLength(12);
    expect(new Set(notifyRequests.map((r) => r.body.email_address)).size).toBe(12);
  });
});

describe("leases", () => {
  it("runs each lease from its claim, so a second run during a long batch takes nothing still being sent", async () => {
    for (let i = 0; i < 24; i++) await enqueue({ ...email, to: `person${i}@example.org` });
    const sends: string[] = [];
    // A provider that takes 25 ms a message and has not yet recorded anything in flight: the
    // lookup cannot save a message that a second run takes while the first is still sending it.
    const slow: MessageClient = {
      name: "slow",
      send: async (message) => {
        sends.push(message.id);
        await new Promise((resolve) => setTimeout(resolve, 25));
        return { kind: "sent", providerId: `notify-${message.id}` };
      },
      lookup: async () => ({ kind: "not-found" }),
    };
    const leaseMs = 400;
    const started = performance.now();
    const first = deliverDueMessages(db, { now: t0, client: slow, leaseMs });
    // The first run needs at least 600 ms for 24 messages, more than the lease: a lease counted from
    // when the batch was read would have run out for its last messages by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    // A lane for every message, so it tries every due one at once, the one being sent among them.
    const second = await deliverDueMessages(db, { now: at(performance.now() - started), client: slow, leaseMs, concurrency: 24 });
    // The second run may take messages the first has not reached yet, but never one it is sending.
    const firstReport = await first;
    expect(firstReport.sent + second.sent).toBe(24);
    expect(sends).toHaveLength(24);
    expect(new Set(sends).size).toBe(24);
  });
});

describe("forget_recipient", () => {
  it("blanks the number once sent, and keeps it for messages not so marked", async () => {
    const forgotten = await enqueue({ ...text, forgetRecipient: true });
    const kept = await enqueue(email);
    await deliver(t0);
    expect(notifyRequests[0].body.phone_number).toBe("07700900982");
    expect(await getMessage(db, forgotten)).toMatchObject({ status: "sent", recipient: "" });
    expect(await getMessage(db, kept)).toMatchObject({ status: "sent", recipient: "sam@example.org" });
  });

  it("keeps the number while a retry may need it, and blanks it when the message fails for good", async () => {
    const id = await enqueue({ ...text, forgetRecipient: true });
    failNextNotifyRequests("server-error");
    await deliver(t0);
    expect(await getMessage(db, id)).toMatchObject({ status: "queued", recipient: "07700900982" });
    failNextNotifyRequests("validation");
    await deliver(at(MINUTE));
    expect(await getMessage(db, id)).toMatchObject({ status: "failed", recipient: "" });
  });
});
