import { beforeAll, describe, expect, it } from "vitest";
import { runJob, SCHEDULED_JOBS } from "~/jobs/scheduled-jobs.server";
import { getConfig } from "~/lib/config.server";
import { createNotificationStatusLookup, createNotifyMessageClient } from "~/messaging/notify-client.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { applyDeliveryReceipt } from "~/outreach/callbacks.server";
import { dispatchOutreach } from "~/outreach/dispatch.server";
import { pollOutreachStatuses } from "~/outreach/status-polling.server";
import { createSubscription } from "~/outreach/subscriptions.server";
import { action as newCampaignAction } from "~/routes/outreach.new";
import { createTestArea, createTestOrganisation, createTestUser, signedInRequest } from "../../helpers/auth";
import { NOTIFY_BASE_URL, setNotifyStatus, TEST_EMAIL_TEMPLATE_ID, TEST_NOTIFY_API_KEY, TEST_SMS_TEMPLATE_ID } from "../../mocks/notify";
import { testDb } from "../../setup/integration";

const MINUTE = 60_000;
const context = { cspNonce: "", clientIp: "10.3.3.3" };
const notify = createNotifyMessageClient({ apiKey: TEST_NOTIFY_API_KEY, baseUrl: NOTIFY_BASE_URL, emailTemplateId: TEST_EMAIL_TEMPLATE_ID, smsTemplateId: TEST_SMS_TEMPLATE_ID });
const lookup = createNotificationStatusLookup({ NOTIFY_API_KEY: TEST_NOTIFY_API_KEY, NOTIFY_BASE_URL })!;
/** Yesterday at 11:00 UTC: outside quiet hours, and long enough ago for Notify's token clock not to matter. */
const SENT_AT = new Date(`${new Date(Date.now() - 24 * 60 * MINUTE).toISOString().slice(0, 10)}T11:00:00.000Z`);

let campaignId: string;
let recipients: { id: string; message_id: string | null }[];
const statusOf = async (id: string) => (await testDb.selectFrom("outreach_recipients").select(["status", "reason"]).where("id", "=", id).executeTakeFirstOrThrow());

beforeAll(async () => {
  const areaId = await createTestArea(testDb, "Polling heath", ["DA1"]);
  const coordinator = await createTestUser(testDb, { role: "coordinator", organisationId: await createTestOrganisation(testDb), areaIds: [areaId] });
  for (let i = 0; i < 4; i++) await createSubscription(testDb, { channel: "sms", contact: `0770090070${i}`, source: "check", sourceId: null, areaId, outwardCode: "DA1", barriers: [], goals: [], recordedByUserId: null });
  const body = new URLSearchParams({ intent: "send", name: "Polled", channel: "sms", body: "Drop-in help with phones at Dartford library.", when: "now", areaIds: areaId });
  const thrown = await newCampaignAction({ request: await signedInRequest("/outreach/new", coordinator, { method: "POST", body }), params: {}, context }).catch((t: unknown) => t);
  campaignId = (thrown as Response).headers.get("Location")!.split("/").pop()!;
  await testDb.updateTable("outreach_campaigns").set({ send_after: SENT_AT.toISOString() }).where("id", "=", campaignId).execute();
  for (let i = 0; i < 3; i++) {
    await dispatchOutreach(testDb, { now: SENT_AT, baseUrl: "https://waymark.test", replyStop: false, outboxRoom: 100 });
    await deliverDueMessages(testDb, { now: SENT_AT, client: notify, batchSize: 100 });
  }
  recipients = await testDb.selectFrom("outreach_recipients").select(["id", "message_id"]).where("campaign_id", "=", campaignId).orderBy("id").execute();
});

describe("polling Notify for outreach statuses", () => {
  it("asks only about messages still without a receipt after the set minutes, and settles them as a callback would", async () => {
    expect(recipients).toHaveLength(4);
    expect((await statusOf(recipients[0].id)).status).toBe("sent");
    // One receipt came by callback; two have a final status at Notify; one is still on its way.
    await applyDeliveryReceipt(testDb, { id: "cb", reference: recipients[0].message_id, status: "delivered" });
    setNotifyStatus(recipients[1].message_id!, "delivered");
    setNotifyStatus(recipients[2].message_id!, "permanent-failure");

    const tooSoon = await pollOutreachStatuses(testDb, lookup, { now: new Date(SENT_AT.getTime() + 10 * MINUTE), afterMinutes: 30 });
    expect(tooSoon.asked).toBe(0);

    const later = await pollOutreachStatuses(testDb, lookup, { now: new Date(SENT_AT.getTime() + 31 * MINUTE), afterMinutes: 30 });
    expect(later).toEqual({ asked: 3, settled: 2, stillWaiting: 1, unknown: 0 });
    expect(await statusOf(recipients[1].id)).toEqual({ status: "delivered", reason: null });
    expect(await statusOf(recipients[2].id)).toEqual({ status: "failed", reason: "permanent-failure" });
    expect((await statusOf(recipients[3].id)).status).toBe("sent");
  });

  it("runs as the outreach-status-poll scheduled job and records what it did", async () => {
    setNotifyStatus(recipients[3].message_id!, "delivered");
    const job = SCHEDULED_JOBS.find((j) => j.name === "outreach-status-poll")!;
    const config = { ...getConfig(), NOTIFY_API_KEY: TEST_NOTIFY_API_KEY, NOTIFY_BASE_URL, OUTREACH_STATUS_POLL_MINUTES: 30 };
    const summary = await runJob(testDb, config, job, new Date(SENT_AT.getTime() + 60 * MINUTE));
    expect(summary).toMatch(/^1 outreach message\(s\) without a receipt after 30 minutes asked about: 1 settled/);
    expect((await statusOf(recipients[3].id)).status).toBe("delivered");
  });

  it("says there is nothing to ask without a Notify key", async () => {
    const job = SCHEDULED_JOBS.find((j) => j.name === "outreach-status-poll")!;
    expect(await job.run(testDb, { ...getConfig(), NOTIFY_API_KEY: undefined }, new Date())).toMatch(/^no Notify key/);
  });
});
