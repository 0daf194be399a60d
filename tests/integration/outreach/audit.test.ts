import { beforeAll, describe, expect, it } from "vitest";
import { dispatchOutreach } from "~/outreach/dispatch.server";
import { createSubscription, endSubscriptions } from "~/outreach/subscriptions.server";
import { action as campaignAction } from "~/routes/outreach.campaigns.$id";
import { action as newCampaignAction } from "~/routes/outreach.new";
import { createTestArea, createTestOrganisation, createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { testDb } from "../../setup/integration";

const context = { cspNonce: "", clientIp: "10.2.2.2" };
const DAY = 24 * 60 * 60_000;
const MORNING = new Date(`${new Date(Date.now() + DAY).toISOString().slice(0, 10)}T10:00:00.000Z`);

let coordinator: TestUser;
let areaId: string;

async function schedule(name: string, when: Record<string, string>): Promise<string> {
  const body = new URLSearchParams({ intent: "send", name, channel: "sms", body: "Free tablets at the library on Saturday.", areaIds: areaId, ...when });
  const thrown = await newCampaignAction({ request: await signedInRequest("/outreach/new", coordinator, { method: "POST", body }), params: {}, context }).catch((t: unknown) => t);
  expect(thrown).toBeInstanceOf(Response);
  return (thrown as Response).headers.get("Location")!.split("/").pop()!;
}

const auditOf = (id: string) => testDb.selectFrom("audit_log").select(["action", "actor_user_id", "detail", "ip"]).where("record_type", "=", "outreach_campaign").where("record_id", "=", id).orderBy("id").execute();

beforeAll(async () => {
  areaId = await createTestArea(testDb, "Audit dale", ["CT9"]);
  coordinator = await createTestUser(testDb, { role: "coordinator", organisationId: await createTestOrganisation(testDb), areaIds: [areaId] });
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    ids.push((await createSubscription(testDb, { channel: "sms", contact: `0770090060${i}`, source: "check", sourceId: null, areaId, outwardCode: "CT9", barriers: [], goals: [], recordedByUserId: null })).id);
  }
  // One of them stops before the campaign goes.
  await endSubscriptions(testDb, [ids[3]], "link");
});

describe("the audit log of outreach", () => {
  it("records a campaign being scheduled, started, each batch handed to the outbox by recipient, and finished", async () => {
    const id = await schedule("Tablets", { when: "now" });
    await dispatchOutreach(testDb, { now: MORNING, baseUrl: "https://waymark.test", replyStop: true, outboxRoom: 100 });
    const rows = await auditOf(id);
    expect(rows.map((r) => r.action)).toEqual(["outreach-campaign-scheduled", "outreach-campaign-started", "outreach-messages-queued", "outreach-campaign-handed-over"]);
    expect(rows[0]).toMatchObject({ actor_user_id: coordinator.id, ip: "10.2.2.2" });
    const recipients = await testDb.selectFrom("outreach_recipients").select(["id", "message_id"]).where("campaign_id", "=", id).execute();
    const sent = recipients.filter((r) => r.message_id !== null).map((r) => r.id);
    expect(sent).toHaveLength(3);
    const batch = JSON.parse(rows[2].detail) as { recipientIds: string[]; messages: number };
    expect(batch.messages).toBe(3);
    expect(batch.recipientIds.sort()).toEqual(sent.sort());
  });

  it("records a cancelled campaign, and refuses to cancel it twice without a second row", async () => {
    const id = await schedule("Called off", { when: "later", sendDate: new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10), sendTime: "10:00" });
    const cancel = async () => campaignAction({ request: await signedInRequest(`/outreach/campaigns/${id}`, coordinator, { method: "POST", body: new URLSearchParams({ intent: "cancel" }) }), params: { id }, context }).catch((t: unknown) => t as Response);
    expect((await cancel())?.status).toBe(302);
    expect((await cancel())?.status).toBe(400);
    expect((await auditOf(id)).map((r) => r.action)).toEqual(["outreach-campaign-scheduled", "outreach-campaign-cancelled"]);
  });
});
