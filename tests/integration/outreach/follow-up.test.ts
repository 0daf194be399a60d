import { beforeAll, describe, expect, it } from "vitest";
import { createNotifyMessageClient } from "~/messaging/notify-client.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { applyDeliveryReceipt } from "~/outreach/callbacks.server";
import { dispatchOutreach } from "~/outreach/dispatch.server";
import { createSubscription } from "~/outreach/subscriptions.server";
import * as answersPage from "~/routes/check.answers";
import * as startPage from "~/routes/check._index";
import * as questionPage from "~/routes/check.q.$questionId";
import { loader as goLoader } from "~/routes/outreach.go.$id";
import { loader as campaignLoader } from "~/routes/outreach.campaigns.$id";
import { action as newCampaignAction } from "~/routes/outreach.new";
import { loader as reportsLoader } from "~/routes/reports._index";
import { createTestArea, createTestOrganisation, createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { NOTIFY_BASE_URL, TEST_EMAIL_TEMPLATE_ID, TEST_NOTIFY_API_KEY, TEST_SMS_TEMPLATE_ID } from "../../mocks/notify";
import { testDb } from "../../setup/integration";
import { answerEverything } from "../triage/journey";
import { context, Visitor } from "../triage/support";

const DAY = 24 * 60 * 60_000;
const notify = createNotifyMessageClient({ apiKey: TEST_NOTIFY_API_KEY, baseUrl: NOTIFY_BASE_URL, emailTemplateId: TEST_EMAIL_TEMPLATE_ID, smsTemplateId: TEST_SMS_TEMPLATE_ID });
/** Yesterday at 11:00 UTC (11 or 12 in the UK), so quiet hours never hold the texts. */
const SENT_AT = new Date(`${new Date(Date.now() - DAY).toISOString().slice(0, 10)}T11:00:00.000Z`);

/** A resource route has no page; the Visitor only needs its loader. */
const goLink = { loader: goLoader, default: () => null };

let coordinator: TestUser;
let areaId: string;
let campaignId: string;
let recipients: { id: string }[];

/** A resident following their link, finishing a check in the same visit. */
async function followAndCheck(recipientId: string): Promise<Visitor> {
  const visitor = new Visitor();
  const followed = await visitor.get(goLink, `/outreach/go/${recipientId}`, { id: recipientId });
  expect(followed.status).toBe(302);
  expect(followed.headers.get("Location")).toBe("/check");
  const start = (await (await visitor.get(startPage, "/check")).json()) as { continueHref: string };
  await answerEverything(visitor, "/check", questionPage, start.continueHref);
  const finished = await visitor.post(answersPage, "/check/answers", {});
  expect(finished.headers.get("Location")).toMatch(/^\/check\/result\//);
  return visitor;
}

const followedUp = async () => (await testDb.selectFrom("outreach_recipients").select("followed_up").where("campaign_id", "=", campaignId).execute()).filter((r) => r.followed_up !== null).length;

beforeAll(async () => {
  areaId = await createTestArea(testDb, "Follow-up vale", ["TN9"]);
  coordinator = await createTestUser(testDb, { role: "coordinator", organisationId: await createTestOrganisation(testDb), areaIds: [areaId] });
  for (let i = 0; i < 8; i++) {
    await createSubscription(testDb, { channel: "sms", contact: `0770090050${i}`, source: "check", sourceId: null, areaId, outwardCode: "TN9", barriers: [], goals: [], recordedByUserId: null }, new Date(SENT_AT.getTime() - DAY));
  }
  const body = new URLSearchParams({ intent: "send", name: "Follow-up bus", channel: "sms", body: "The digital bus is in Tonbridge on Friday.", when: "now", areaIds: areaId });
  const sent = await newCampaignAction({ request: await signedInRequest("/outreach/new", coordinator, { method: "POST", body }), params: {}, context }).catch((thrown: unknown) => thrown);
  campaignId = (sent as Response).headers.get("Location")!.split("/").pop()!;
  // Sent yesterday, so a check done now comes after it.
  await testDb.updateTable("outreach_campaigns").set({ send_after: SENT_AT.toISOString() }).where("id", "=", campaignId).execute();
  for (let i = 0; i < 4; i++) {
    await dispatchOutreach(testDb, { now: SENT_AT, baseUrl: "https://waymark.test", replyStop: true, outboxRoom: 100 });
    await deliverDueMessages(testDb, { now: SENT_AT, client: notify, batchSize: 100 });
  }
  const rows = await testDb.selectFrom("outreach_recipients").select(["id", "message_id"]).where("campaign_id", "=", campaignId).orderBy("id").execute();
  for (const row of rows) await applyDeliveryReceipt(testDb, { id: `n-${row.id}`, reference: row.message_id, status: "delivered" });
  recipients = rows;
});

describe("people reached by outreach who then did a check", () => {
  it("counts a check finished after following the link, once per person", async () => {
    expect(recipients).toHaveLength(8);
    const visitor = await followAndCheck(recipients[0].id);
    expect(await followedUp()).toBe(1);
    // The same browser doing a second check is not a second follow-up.
    const again = (await (await visitor.get(startPage, "/check")).json()) as { continueHref: string };
    await answerEverything(visitor, "/check", questionPage, again.continueHref);
    await visitor.post(answersPage, "/check/answers", {});
    expect(await followedUp()).toBe(1);
  });

  it("does not count a check after the 30 days", async () => {
    await testDb.updateTable("outreach_recipients").set({ sent_at: new Date(Date.now() - 31 * DAY).toISOString() }).where("id", "=", recipients[1].id).execute();
    await followAndCheck(recipients[1].id);
    expect(await followedUp()).toBe(1);
  });

  it("does not count a check by someone who never followed a link", async () => {
    const visitor = new Visitor();
    const start = (await (await visitor.get(startPage, "/check")).json()) as { continueHref: string };
    await answerEverything(visitor, "/check", questionPage, start.continueHref);
    await visitor.post(answersPage, "/check/answers", {});
    expect(await followedUp()).toBe(1);
  });

  it("gives a made-up link no session", async () => {
    const response = await new Visitor().get(goLink, "/outreach/go/00000000-0000-4000-8000-000000000000", { id: "00000000-0000-4000-8000-000000000000" });
    expect(response.headers.get("Location")).toBe("/check");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("shows the follow-ups on the campaign page, hidden under 5, and exactly in /reports", async () => {
    const page = async () => (await campaignLoader({ request: await signedInRequest(`/outreach/campaigns/${campaignId}`, coordinator), params: { id: campaignId }, context }).then((r) => r.json())) as { results: { followedUp: unknown; clicked: unknown } };
    expect((await page()).results.followedUp).toBe("<5");
    for (const r of recipients.slice(2, 6)) await followAndCheck(r.id);
    expect(await followedUp()).toBe(5);
    expect((await page()).results).toMatchObject({ followedUp: 5, clicked: 6 });

    const response = await reportsLoader({ request: await signedInRequest(`/reports?period=last-12-months&area=${areaId}`, coordinator), params: {}, context });
    const report = ((await response.json()) as { report: { keyFigures: { id: string; value: string }[]; figures: { id: string; rows: { label: string; cells: string[] }[] }[] } }).report;
    const cells = (id: string) => Object.fromEntries(report.figures.find((f) => f.id === id)!.rows.map((r) => [r.label, r.cells]));
    expect(cells("outreach-messages")).toMatchObject({ Delivered: ["8"], Failed: ["0"] });
    expect(cells("outreach-follow-up")).toEqual({ "Followed the link": ["6", "75%"], "Did a check or asked for help within 30 days": ["5", "63%"] });
    expect(cells("outreach-consents")).toMatchObject({ "Asked for messages": ["8", "0", "8"] });
    expect(report.keyFigures.find((k) => k.id === "outreach-campaigns")?.value).toBe("1");
    expect(report.keyFigures.find((k) => k.id === "outreach-sent")?.value).toBe("8");
  });
});
