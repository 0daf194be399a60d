import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createNotifyMessageClient } from "~/messaging/notify-client.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { applyDeliveryReceipt, applyInboundSms } from "~/outreach/callbacks.server";
import { dispatchOutreach } from "~/outreach/dispatch.server";
import { action as joinAction } from "~/routes/outreach.join";
import { action as newCampaignAction } from "~/routes/outreach.new";
import { action as stopAction, loader as stopLoader } from "~/routes/outreach.stop.$token";
import { loader as campaignLoader } from "~/routes/outreach.campaigns.$id";
import { createTestArea, createTestOrganisation, createTestUser, signedInRequest, testUrl, type TestUser } from "../../helpers/auth";
import { NOTIFY_BASE_URL, notifyRequests, resetNotifyMock, TEST_EMAIL_TEMPLATE_ID, TEST_NOTIFY_API_KEY, TEST_SMS_TEMPLATE_ID } from "../../mocks/notify";
import { testDb } from "../../setup/integration";

const DAY = 24 * 60 * 60_000;
/** Tomorrow at 10:00 UTC (10 or 11 in the UK): after anything queued now, outside quiet hours. */
const at = (days: number, utcTime: string) => new Date(`${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}T${utcTime}:00.000Z`);
const MORNING = at(1, "10:00");
const context = { cspNonce: "", clientIp: "10.1.1.1" };
const notify = createNotifyMessageClient({ apiKey: TEST_NOTIFY_API_KEY, baseUrl: NOTIFY_BASE_URL, emailTemplateId: TEST_EMAIL_TEMPLATE_ID, smsTemplateId: TEST_SMS_TEMPLATE_ID });

let coordinator: TestUser;
let areaId: string;

async function join(mobile: string, postcode = "ME14 1LE") {
  const body = new URLSearchParams({ channel: "sms", mobile, postcode, agree: "yes" });
  const response = (await joinAction({ request: await signedInRequest("/outreach/join", null, { method: "POST", body }), params: {}, context })) as Response;
  expect(response.status).toBe(302);
}

async function sendCampaign(name: string, extra: Record<string, string> = {}) {
  const body = new URLSearchParams({ intent: "send", name, channel: "sms", body: "The digital bus is at Park Wood on Monday, 10am to 2pm.", when: "now", ...extra });
  body.append("areaIds", areaId);
  try {
    await newCampaignAction({ request: await signedInRequest("/outreach/new", coordinator, { method: "POST", body }), params: {}, context });
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return thrown.headers.get("Location")!.split("/").pop()!;
    throw thrown;
  }
  throw new Error("the campaign was not scheduled");
}

async function runUntilSent(now: Date) {
  for (let i = 0; i < 5; i++) {
    await dispatchOutreach(testDb, { now, baseUrl: "https://waymark.test", replyStop: true, outboxRoom: 100 });
    await deliverDueMessages(testDb, { now, client: notify, batchSize: 100 });
  }
  await dispatchOutreach(testDb, { now, baseUrl: "https://waymark.test", replyStop: true, outboxRoom: 100 });
}

const outreachTexts = () => notifyRequests.filter((r) => r.channel === "sms" && String((r.body.personalisation as { body: string }).body).includes("digital bus"));

beforeAll(async () => {
  areaId = await createTestArea(testDb, "Outreach test area", ["ME14", "ME15"]);
  coordinator = await createTestUser(testDb, { role: "coordinator", organisationId: await createTestOrganisation(testDb), areaIds: [areaId] });
});
beforeEach(() => resetNotifyMock());

describe("outreach from sign-up to stop", () => {
  it("sends a campaign to people who asked, once each, and not again after they stop", async () => {
    await join("07700 900 101");
    await join("07700900102");
    await join("07700900103", "ME15 6AA");
    // The sign-up confirmation goes at once, with a stop link.
    await deliverDueMessages(testDb, { now: new Date(), client: notify });
    expect(notifyRequests).toHaveLength(3);
    const stopLink = String((notifyRequests[0].body.personalisation as { body: string }).body).match(/\/outreach\/stop\/([A-Za-z0-9_-]+)/)?.[1];
    expect(stopLink).toBeTruthy();
    resetNotifyMock();

    const first = await sendCampaign("Bus to ME14", { districts: "ME14" });
    await runUntilSent(MORNING);
    expect(outreachTexts().map((r) => r.body.phone_number).sort()).toEqual(["07700900101", "07700900102"]);
    const text = String((outreachTexts()[0].body.personalisation as { body: string }).body);
    expect(text).toMatch(/Reply STOP to stop these texts, or go to https:\/\/waymark\.test\/outreach\/stop\//);

    // Notify's receipts move the recipients on; a small count is hidden on the results page.
    const [messageA] = await testDb.selectFrom("outreach_recipients").select("message_id").where("campaign_id", "=", first).execute();
    await applyDeliveryReceipt(testDb, { id: "n1", reference: messageA.message_id, status: "delivered" });
    const page = (await campaignLoader({ request: await signedInRequest(`/outreach/campaigns/${first}`, coordinator), params: { id: first }, context }).then((r) => r.json())) as { results: { rows: Array<{ label: string; value: unknown }>; total: unknown } };
    expect(page.results.total).toBe("<5");
    expect(page.results.rows.find((r) => r.label === "Delivered")?.value).toBe("<5");

    // The first person stops by the link, without signing in; the second replies STOP.
    const stopPage = (await stopLoader({ request: new Request(testUrl(`/outreach/stop/${stopLink}`)), params: { token: stopLink }, context }).then((r) => r.json())) as { data: { status: string } };
    expect(stopPage.data.status).toBe("active");
    await stopAction({ request: new Request(testUrl(`/outreach/stop/${stopLink}`), { method: "POST", body: new URLSearchParams({ intent: "stop" }) }), params: { token: stopLink }, context });
    expect(await applyInboundSms(testDb, { id: "in1", source_number: "447700900102", message: "Stop" })).toBe(1);
    const left = await testDb.selectFrom("outreach_subscriptions").select(["contact", "status"]).where("outward_code", "in", ["ME14", "ME15"]).execute();
    expect(left.filter((s) => s.status === "active").map((s) => s.contact)).toEqual(["07700900103"]);
    expect(left.filter((s) => s.status === "ended").every((s) => s.contact === null)).toBe(true);

    // A week later a second campaign to the whole area reaches only the one still signed up.
    resetNotifyMock();
    await sendCampaign("Bus to the area");
    await runUntilSent(new Date(MORNING.getTime() + 8 * DAY));
    expect(outreachTexts().map((r) => r.body.phone_number)).toEqual(["07700900103"]);
  });

  it("holds texts in quiet hours and skips anyone messaged in the last week", async () => {
    await join("07700900201", "ME15 1AA");
    const first = await sendCampaign("Quiet first");
    const evening = at(20, "20:30");
    resetNotifyMock();
    await runUntilSent(evening);
    // Chosen, but held until 9am.
    const held = await testDb.selectFrom("outreach_recipients").select("status").where("campaign_id", "=", first).execute();
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((s) => s.status === "queued")).toBe(true);
    expect(outreachTexts()).toEqual([]);
    await runUntilSent(at(21, "09:05"));
    const statuses = await testDb.selectFrom("outreach_recipients").select("status").where("campaign_id", "=", first).execute();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s.status === "sent")).toBe(true);

    const second = await sendCampaign("Too soon");
    await runUntilSent(at(22, "10:00"));
    const skipped = await testDb.selectFrom("outreach_recipients").select("status").where("campaign_id", "=", second).execute();
    expect(skipped.every((s) => s.status === "skipped")).toBe(true);
  });

  it("refuses a sign-up without the box ticked, keeping what was typed", async () => {
    const body = new URLSearchParams({ channel: "sms", mobile: "07700 900 301" });
    const response = (await joinAction({ request: await signedInRequest("/outreach/join", null, { method: "POST", body }), params: {}, context })) as Response;
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { agree: "Tick the box to say you want these messages" }, values: { mobile: "07700 900 301" } });
  });
});
