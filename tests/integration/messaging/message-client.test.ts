import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfig } from "~/lib/config.server";
import { createDatabase, type Db } from "~/lib/db.server";
import { createMessageClient, OUTBOX_PROVIDER_ID } from "~/messaging/notify-client.server";
import { enqueueMessage, getMessage } from "~/messaging/outbox.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { migrateToLatest } from "~db/migrator";
import {
  NOTIFY_BASE_URL,
  notifyRequests,
  resetNotifyMock,
  TEST_EMAIL_TEMPLATE_ID,
  TEST_NOTIFY_API_KEY,
  TEST_SMS_TEMPLATE_ID,
} from "../../mocks/notify";

const now = new Date("2025-03-03T09:00:00.000Z");
const noKey = { NOTIFY_API_KEY: undefined, NOTIFY_BASE_URL: undefined, NOTIFY_EMAIL_TEMPLATE_ID: undefined, NOTIFY_SMS_TEMPLATE_ID: undefined };
let db: Db;

// A key without template ids never gets this far: parseConfig refuses it (tests/unit/lib/config.test.ts).
// Notify is answered by the shared msw server (tests/mocks/server.ts), which fails any request it has no handler for.
beforeEach(async () => {
  resetNotifyMock();
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  resetConfig();
  await db.destroy();
});

describe("createMessageClient", () => {
  it("uses the local outbox when no key is set: marked sent, readable, nothing leaves the machine", async () => {
    const client = createMessageClient(noKey);
    expect(client.name).toBe("outbox");
    const queued = await enqueueMessage(db, { channel: "email", to: "sam@example.org", subject: "Reset your password", body: "Use this link", purpose: "password-reset" }, now);
    expect(await deliverDueMessages(db, { now, client })).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(notifyRequests).toHaveLength(0);
    expect(await getMessage(db, queued.ok ? queued.id : "")).toMatchObject({
      status: "sent",
      notify_id: OUTBOX_PROVIDER_ID,
      sent_at: now.toISOString(),
      subject: "Reset your password",
      body: "Use this link",
    });
  });

  it("reads the environment through getConfig by default", async () => {
    vi.stubEnv("NODE_ENV", "test");
    // Vitest sets BASE_URL to "/" for Vite, which is no URL for Waymark.
    vi.stubEnv("BASE_URL", "");
    vi.stubEnv("SESSION_SECRET", "a-test-secret-that-is-long-enough-0123456789");
    vi.stubEnv("NOTIFY_API_KEY", "");
    resetConfig();
    expect(createMessageClient().name).toBe("outbox");

    vi.stubEnv("NOTIFY_API_KEY", TEST_NOTIFY_API_KEY);
    vi.stubEnv("NOTIFY_BASE_URL", NOTIFY_BASE_URL);
    vi.stubEnv("NOTIFY_EMAIL_TEMPLATE_ID", TEST_EMAIL_TEMPLATE_ID);
    vi.stubEnv("NOTIFY_SMS_TEMPLATE_ID", TEST_SMS_TEMPLATE_ID);
    resetConfig();
    const client = createMessageClient();
    expect(client.name).toBe("notify");
    const queued = await enqueueMessage(db, { channel: "sms", to: "07700900111", body: "Hello", purpose: "plan" }, now);
    await deliverDueMessages(db, { now, client });
    expect(notifyRequests.map((r) => r.answer)).toEqual([201]);
    expect((await getMessage(db, queued.ok ? queued.id : ""))?.status).toBe("sent");
  });
});
