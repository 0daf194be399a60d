import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import type { MessageClient, SendOutcome } from "~/messaging/message";
import { createOutboxMessageClient } from "~/messaging/notify-client.server";
import { enqueueMessage, getMessage } from "~/messaging/outbox.server";
import { startOutboxWorker } from "~/messaging/sender.server";
import { migrateToLatest } from "~db/migrator";

let db: Db;

beforeEach(async () => {
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

async function enqueueText(): Promise<string> {
  const result = await enqueueMessage(db, { channel: "sms", to: "07700900000", body: "Hello", purpose: "plan" });
  if (!result.ok) throw new Error("could not queue");
  return result.id;
}

describe("startOutboxWorker", () => {
  it("sends a queued message within a few intervals", async () => {
    const stop = startOutboxWorker(db, { intervalMs: 10, client: createOutboxMessageClient() });
    const id = await enqueueText();
    await vi.waitFor(async () => expect((await getMessage(db, id))?.status).toBe("sent"), { timeout: 2_000, interval: 10 });
    await stop();
  });

  it("never runs twice at once, and stop waits for the run in flight", async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    let calls = 0;
    const slow: MessageClient = {
      name: "slow",
      async send(): Promise<SendOutcome> {
        calls++;
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 40));
        inFlight--;
        return { kind: "sent", providerId: "slow" };
      },
    };
    for (let i = 0; i < 4; i++) await enqueueText();
    // Ticks every 5 ms while each send takes 40 ms: without the guard, runs would pile up.
    const stop = startOutboxWorker(db, { intervalMs: 5, client: slow });
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2), { timeout: 2_000, interval: 5 });
    await stop();
    expect(inFlight).toBe(0);
    expect(mostAtOnce).toBe(1);
    const callsAtStop = calls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(callsAtStop);
  });

  it("reports a failed run and keeps going", async () => {
    const errors: unknown[] = [];
    const stop = startOutboxWorker(db, { intervalMs: 5, client: createOutboxMessageClient(), onError: (e) => errors.push(e) });
    await db.schema.alterTable("messages").renameTo("messages_elsewhere").execute();
    await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(2), { timeout: 2_000, interval: 5 });
    await db.schema.alterTable("messages_elsewhere").renameTo("messages").execute();
    const id = await enqueueText();
    await vi.waitFor(async () => expect((await getMessage(db, id))?.status).toBe("sent"), { timeout: 2_000, interval: 10 });
    await stop();
  });
});
