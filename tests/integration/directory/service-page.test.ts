import { beforeAll, describe, expect, it } from "vitest";
import { loader as serviceLoader } from "~/routes/services.$id._index";
import { action as reportAction, loader as reportLoader } from "~/routes/services.$id.report";
import { action as shareAction } from "~/routes/services.$id.share";
import { action as shortlistAction, loader as shortlistLoader } from "~/routes/services.shortlist._index";
import { action as sendAction, loader as sendLoader } from "~/routes/services.shortlist.send";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, serviceIdFor } from "~/directory/stable-id";
import { getDb } from "~/lib/db.server";
import { createTestUser, formBody, signedInRequest } from "../../helpers/auth";

const context = { cspNonce: "", clientIp: "127.0.0.1" };
const DROP_IN = serviceIdFor("maidstone-library-get-online-drop-in");
const NATIONAL = serviceIdFor("community-data-network-free-data");
const UNKNOWN = "00000000-0000-4000-8000-000000000000";

type AnyHandler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;

/** Calls a loader or action and gives back the Response, whether it was returned or thrown. */
async function call(handler: unknown, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    return (await (handler as AnyHandler)({ request, params, context })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  new Request(`http://localhost${path}`, { method: "POST", body: formBody(fields), headers: cookie ? { Cookie: cookie } : {} });
const get = (path: string, cookie?: string) => new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
const cookieOf = (response: Response) => response.headers.get("Set-Cookie")!.split(";")[0];

let unpublished: string;

beforeAll(async () => {
  await seedDirectory(getDb());
  unpublished = (await getDb().selectFrom("services").select("id").where("published", "=", 0).executeTakeFirstOrThrow()).id;
});

describe("/services/:id", () => {
  it("shows a published service with what a person needs to go or get in touch", async () => {
    const response = await call(serviceLoader, get(`/services/${DROP_IN}`), { id: DROP_IN });
    expect(response.status).toBe(200);
    const { service, canRefer, saved, link } = await response.json();
    expect(service.name).toBe("Get online drop-in at Maidstone Library");
    expect(service.howToAccessText).toEqual(expect.any(String));
    expect(service.places[0].mapUrl).toMatch(/^https:\/\/www\.openstreetmap\.org\/\?mlat=51\.\d+&mlon=0\.\d+#map=17\//);
    expect(service.phones[0].href).toMatch(/^tel:\d+$/);
    expect(service.opening.length + service.places[0].opening.length).toBeGreaterThan(0);
    expect(service.lastVerified).toMatch(/^\d{1,2} \w+ \d{4}$/);
    expect(link).toBe(`http://localhost/services/${DROP_IN}`);
    expect(canRefer).toBe(false);
    expect(saved).toBe(false);
  });

  it("is not found for an unpublished, unknown or malformed id", async () => {
    for (const id of [unpublished, UNKNOWN, "not-an-id"]) {
      expect((await call(serviceLoader, get(`/services/${id}`), { id })).status, id).toBe(404);
      expect((await call(reportLoader, get(`/services/${id}/report`), { id })).status, id).toBe(404);
    }
  });

  it("offers “Make a referral” only to people who may refer", async () => {
    const db = getDb();
    for (const [role, expected] of [["champion", true], ["staff", true], ["coordinator", true], ["provider", false]] as const) {
      const user = await createTestUser(db, { role });
      const response = await call(serviceLoader, await signedInRequest(`/services/${DROP_IN}`, user), { id: DROP_IN });
      expect((await response.json()).canRefer, role).toBe(expected);
    }
  });
});

describe("report a problem with a listing", () => {
  it("stores the report and emails the coordinators of the listing's area, with only what was typed", async () => {
    const db = getDb();
    const coordinator = await createTestUser(db, { role: "coordinator", areaIds: [areaIdFor("maidstone")] });
    const elsewhere = await createTestUser(db, { role: "coordinator", areaIds: [areaIdFor("thanet")] });
    const response = await call(
      reportAction,
      post(`/services/${DROP_IN}/report`, { kind: "out-of-date", details: "It now opens at 10am on Tuesdays.", email: "" }),
      { id: DROP_IN },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/services/${DROP_IN}/report?sent=1`);

    const report = await db.selectFrom("listing_reports").selectAll().where("service_id", "=", DROP_IN).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ kind: "out-of-date", details: "It now opens at 10am on Tuesdays.", reporter_email: null, status: "open" });
    const messages = await db.selectFrom("messages").selectAll().where("related_id", "=", report.id).execute();
    expect(messages.map((m) => m.recipient)).toEqual([coordinator.email]);
    expect(messages.map((m) => m.recipient)).not.toContain(elsewhere.email);
    expect(messages[0].body).toContain("It now opens at 10am on Tuesdays.");
    expect(messages[0].body).toContain(`/services/${DROP_IN}`);
    expect(messages[0].body).toContain("did not leave an email address");

    const confirmation = await call(reportLoader, get(`/services/${DROP_IN}/report?sent=1`), { id: DROP_IN });
    expect((await confirmation.json()).sent).toBe(true);
  });

  it("tells admins about national listings, and passes on an email address given for a reply", async () => {
    const db = getDb();
    const admin = await createTestUser(db, { role: "admin", areaIds: [] });
    const response = await call(reportAction, post(`/services/${NATIONAL}/report`, { kind: "closed", details: "", email: "me@example.com" }), { id: NATIONAL });
    expect(response.status).toBe(302);
    const report = await db.selectFrom("listing_reports").selectAll().where("service_id", "=", NATIONAL).executeTakeFirstOrThrow();
    expect(report.reporter_email).toBe("me@example.com");
    const messages = await db.selectFrom("messages").select(["recipient", "body"]).where("related_id", "=", report.id).execute();
    expect(messages.map((m) => m.recipient)).toContain(admin.email);
    expect(messages[0].body).toContain("me@example.com");
  });

  it("refuses a missing choice, “something else” without details, over-long details and a bad email, keeping what was typed", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ details: "hi" }, "kind"],
      [{ kind: "made-up" }, "kind"],
      [{ kind: "something-else", details: "  " }, "details"],
      [{ kind: "out-of-date", details: "x".repeat(1001) }, "details"],
      [{ kind: "closed", email: "not an email" }, "email"],
    ];
    for (const [fields, field] of cases) {
      const response = await call(reportAction, post(`/services/${DROP_IN}/report`, fields), { id: DROP_IN });
      expect(response.status, JSON.stringify(fields)).toBe(400);
      const body = await response.json();
      expect(Object.keys(body.errors), JSON.stringify(fields)).toContain(field);
      if (fields.details) expect(body.values.details).toBe(fields.details);
    }
    expect(await getDb().selectFrom("listing_reports").select("id").where("kind", "=", "something-else").execute()).toEqual([]);
  });
});

describe("the saved list", () => {
  it("adds, lists and removes services in the session, and goes back where the person was", async () => {
    const added = await call(shortlistAction, post("/services/shortlist", { intent: "add", serviceId: DROP_IN, returnTo: "/services?q=laptop#result-1" }));
    expect(added.status).toBe(302);
    expect(added.headers.get("Location")).toBe("/services?q=laptop#result-1");
    let cookie = cookieOf(added);

    const again = await call(shortlistAction, post("/services/shortlist", { intent: "add", serviceId: NATIONAL, returnTo: "https://evil.example/" }, cookie));
    expect(again.headers.get("Location")).toBe("/services/shortlist");
    cookie = cookieOf(again);

    const list = await (await call(shortlistLoader, get("/services/shortlist", cookie))).json();
    expect(list.services.map((s: { id: string }) => s.id)).toEqual([DROP_IN, NATIONAL]);
    const page = await (await call(serviceLoader, get(`/services/${DROP_IN}`, cookie), { id: DROP_IN })).json();
    expect(page.saved).toBe(true);

    const removed = await call(shortlistAction, post("/services/shortlist", { intent: "remove", serviceId: DROP_IN }, cookie));
    cookie = cookieOf(removed);
    const after = await (await call(shortlistLoader, get("/services/shortlist", cookie))).json();
    expect(after.services.map((s: { id: string }) => s.id)).toEqual([NATIONAL]);
  });

  it("refuses to save an unknown or unpublished service with a message", async () => {
    for (const serviceId of [UNKNOWN, unpublished, "<script>"]) {
      const response = await call(shortlistAction, post("/services/shortlist", { intent: "add", serviceId }));
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatch(/could not find that service/);
    }
  });

  it("sends the list by text with consent, and the outbox forgets the number", async () => {
    const added = await call(shortlistAction, post("/services/shortlist", { intent: "add", serviceId: DROP_IN }));
    const cookie = cookieOf(added);
    const refused = await call(sendAction, post("/services/shortlist/send", { to: "07700 900 982" }, cookie));
    expect(refused.status).toBe(400);
    expect(Object.keys((await refused.json()).errors)).toEqual(["consent"]);
    expect((await (await call(sendAction, post("/services/shortlist/send", { to: "07700 900 982" }, cookie))).json()).values.to).toBe("07700 900 982");

    const badNumber = await call(sendAction, post("/services/shortlist/send", { to: "01632 960000", consent: "yes" }, cookie));
    expect(badNumber.status).toBe(400);
    expect((await badNumber.json()).errors.to).toMatch(/UK mobile/);

    const sent = await call(sendAction, post("/services/shortlist/send", { to: "07700 900 982", consent: "yes" }, cookie));
    expect(sent.status).toBe(302);
    expect(sent.headers.get("Location")).toBe("/services/shortlist/send?sent=1");
    const message = await getDb().selectFrom("messages").selectAll().where("recipient", "=", "07700900982").executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: "sms", purpose: "shortlist", forget_recipient: 1 });
    expect(message.body).toContain("Get online drop-in at Maidstone Library");
    expect(message.body).toContain(`http://localhost/services/${DROP_IN}`);
  });

  it("sends nothing from an empty list, and limits sends per session", async () => {
    const empty = await call(sendLoader, get("/services/shortlist/send"));
    expect(empty.status).toBe(302);
    expect(empty.headers.get("Location")).toBe("/services/shortlist");

    const added = await call(shortlistAction, post("/services/shortlist", { intent: "add", serviceId: NATIONAL }));
    let cookie = cookieOf(added);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await call(sendAction, post("/services/shortlist/send", { to: `limit${i}@example.com`, consent: "yes" }, cookie));
      statuses.push(response.status);
      if (response.headers.get("Set-Cookie")) cookie = cookieOf(response);
    }
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
  });

  it("shares one service by email from its page", async () => {
    const response = await call(shareAction, post(`/services/${DROP_IN}/share`, { to: "friend@example.com", consent: "yes" }), { id: DROP_IN });
    expect(response.status).toBe(302);
    const message = await getDb().selectFrom("messages").selectAll().where("recipient", "=", "friend@example.com").executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: "email", purpose: "shortlist", forget_recipient: 1 });
    expect(message.subject).toContain("Get online drop-in at Maidstone Library");
    expect((await call(shareAction, post(`/services/${unpublished}/share`, { to: "a@example.com", consent: "yes" }), { id: unpublished })).status).toBe(404);
  });
});
