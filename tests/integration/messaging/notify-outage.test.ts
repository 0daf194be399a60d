import { delay, http, HttpResponse } from "msw";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import { createNotifyMessageClient } from "~/messaging/notify-client.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { migrateToLatest } from "~db/migrator";
import { seededRandom } from "../../fuzz/payloads";
import { NOTIFY_BASE_URL, notifyRequests, resetNotifyMock, TEST_EMAIL_TEMPLATE_ID, TEST_NOTIFY_API_KEY, TEST_SMS_TEMPLATE_ID } from "../../mocks/notify";
import { server } from "../../mocks/server";

const MINUTE = 60_000;
const MESSAGES = 30;
const t0 = new Date("2026-03-02T09:00:00.000Z");

let db: Db;
beforeEach(async () => {
  resetNotifyMock();
  db = createDatabase(":memory:");
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

it(`sends every one of ${MESSAGES} messages exactly once after Notify answers 500s and times out for an hour`, { timeout: 60_000 }, async () => {
  const ids: string[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const result = await enqueueMessage(
      db,
      i % 2 ? { channel: "sms", to: "07700 900 982", body: `Your reference is ${i}`, purpose: "plan" } : { channel: "email", to: `person${i}@example.org`, subject: "Your referral", body: `Reference ${i}`, purpose: "referral-status" },
      t0,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    ids.push(result.id);
  }
  const client = createNotifyMessageClient({ apiKey: TEST_NOTIFY_API_KEY, baseUrl: NOTIFY_BASE_URL, emailTemplateId: TEST_EMAIL_TEMPLATE_ID, smsTemplateId: TEST_SMS_TEMPLATE_ID, timeoutMs: 50 });
  const random = seededRandom(18);

  // The outage: every other request answers 500, the rest hang past the client's timeout.
  let outageRequests = 0;
  server.use(
    http.post(`${NOTIFY_BASE_URL}/v2/notifications/:channel`, async () => {
      outageRequests++;
      if (outageRequests % 2) return HttpResponse.json({ status_code: 500, errors: [{ error: "Exception", message: "Internal server error" }] }, { status: 500 });
      await delay(200);
      return HttpResponse.json({ status_code: 500, errors: [{ error: "Exception", message: "late" }] }, { status: 500 });
    }),
  );
  // The server's worker runs every few seconds; a run each minute of a fake clock covers the same schedule.
  let now = t0;
  for (; now.getTime() < t0.getTime() + 60 * MINUTE; now = new Date(now.getTime() + MINUTE)) {
    const report = await deliverDueMessages(db, { now, client, random });
    expect(report.sent).toBe(0);
  }
  expect(outageRequests).toBeGreaterThan(0);

  server.resetHandlers();
  const deadline = t0.getTime() + 9 * 60 * MINUTE;
  for (; now.getTime() < deadline; now = new Date(now.getTime() + MINUTE)) await deliverDueMessages(db, { now, client, random });

  const rows = await db.selectFrom("messages").select(["id", "status", "attempts"]).execute();
  const accepted = notifyRequests.filter((r) => r.answer === 201).map((r) => String(r.body.reference));
  const lost = ids.filter((id) => !accepted.includes(id));
  const twice = accepted.filter((id, i) => accepted.indexOf(id) !== i);
  console.log(`Notify outage of 60 min: ${outageRequests} failed requests; then ${accepted.length} of ${MESSAGES} sent, lost ${lost.length}, sent twice ${twice.length}`);
  expect(lost).toEqual([]);
  expect(twice).toEqual([]);
  expect(rows.every((r) => r.status === "sent")).toBe(true);
});
