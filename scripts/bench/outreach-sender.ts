/**
 * The benchmark's sending process: the same outreach hand-over and outbox worker the server
 * runs, against the benchmark's database and Notify stand-in, until it is killed.
 * Environment: DATABASE_PATH, NOTIFY_BASE_URL, RATE (per minute), LEASE_MS.
 */
import { createDatabase } from "~/lib/db.server";
import { createNotifyMessageClient } from "~/messaging/notify-client.server";
import { createPacer } from "~/messaging/pacing";
import { startOutboxWorker } from "~/messaging/sender.server";
import { dispatchOutreach } from "~/outreach/dispatch.server";
import { OUTBOX_CONCURRENCY } from "~/server/background.server";

const rate = Number(process.env.RATE);
const db = createDatabase(process.env.DATABASE_PATH!);
const client = createNotifyMessageClient({
  apiKey: `bench-${"4a8b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"}-${"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}`,
  baseUrl: process.env.NOTIFY_BASE_URL,
  emailTemplateId: "f33517ff-2a88-4f6e-b855-c550268ce08a",
  smsTemplateId: "b6a4f8a2-6b73-4c36-8d86-2d3a4f1c9e07",
  timeoutMs: 2_000,
});
startOutboxWorker(db, { intervalMs: 200, client, concurrency: OUTBOX_CONCURRENCY, pacer: createPacer(rate), batchSize: 200, leaseMs: Number(process.env.LEASE_MS) });
for (;;) {
  await dispatchOutreach(db, { now: new Date(), baseUrl: "https://waymark.example", replyStop: true, outboxRoom: Math.ceil(rate / 6) });
  await new Promise((resolve) => setTimeout(resolve, 200));
}
