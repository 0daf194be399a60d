import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { assuredDateFor } from "~/directory/listing-edit-verified";
import { getDb } from "~/lib/db.server";
import { action as approveAction } from "~/routes/directory.approvals.$id";
import { action as newAction, loader as newLoader } from "~/routes/directory.manage.new";
import { action as verifyAction, loader as verifyLoader } from "~/routes/directory.manage.$id.verify";
import { action as reportsAction, loader as reportsLoader } from "~/routes/directory.reports";
import { formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { args, bodyOf, ids, seedPeople, thrownResponse, type People } from "./support";

let people: People;
const today = assuredDateFor(new Date());

beforeAll(async () => {
  people = await seedPeople(getDb());
});

const listing = {
  name: "Tablet taster sessions",
  description: "Try a tablet with a volunteer beside you.",
  categories: ["skills-course", "one-to-one-support"],
  how_to_access: "drop-in",
  attending: ["in-person"],
  accepts_self_referral: "yes",
  free: "yes",
  phone: "01632 960720",
  address_1: "Town Hall, High Street",
  city: "Maidstone",
  postcode: "ME14 1LE",
  "hours-0-day": "FR",
  "hours-0-opens": "10:00",
  "hours-0-closes": "12:00",
};

async function post<A extends (a: ReturnType<typeof args>) => Promise<unknown>>(fn: A, url: string, user: TestUser | null, fields: Record<string, string | string[]>, params: Record<string, string> = {}) {
  const request = await signedInRequest(url, user, { method: "POST", body: formBody(fields) });
  try {
    return (await fn(args(request, params))) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("new listings", () => {
  it("go live at once when a coordinator adds one in their area", async () => {
    const result = await post(newAction, "/directory/manage/new", people.coordinator, { ...listing, organisation: ids.connectKent, area: ids.maidstone });
    expect(result.headers.get("Location")).toBe("/directory/manage?done=created");
    const created = await getDb().selectFrom("services").selectAll().where("name", "=", listing.name).executeTakeFirstOrThrow();
    expect(created).toMatchObject({ organisation_id: ids.connectKent, area_id: ids.maidstone, published: 1, assured_date: today, is_national: 0 });
  });

  it("may not be put in an area the coordinator does not look after, or left national", async () => {
    for (const area of [ids.thanet, "national", "forged"]) {
      const result = await post(newAction, "/directory/manage/new", people.coordinator, { ...listing, name: `Elsewhere ${area}`, organisation: ids.connectKent, area });
      expect(result.status).toBe(400);
      const body = await bodyOf<{ errors: Record<string, string>; values: Record<string, string> }>(result);
      expect(body.errors).toEqual({ area: "Choose the area the service is in" });
      expect(body.values.description).toBe(listing.description);
    }
    expect(await getDb().selectFrom("services").select("id").where("name", "like", "Elsewhere%").execute()).toEqual([]);
  });

  it("offer a provider only their own organisation, and wait for approval before they exist", async () => {
    const form = await bodyOf<{ organisations: Array<{ id: string }>; needsApproval: boolean }>(await newLoader(args(await signedInRequest("/directory/manage/new", people.provider))));
    expect(form.organisations.map((o) => o.id)).toEqual([ids.connectKent]);
    expect(form.needsApproval).toBe(true);

    const forged = await post(newAction, "/directory/manage/new", people.provider, { ...listing, name: "Forged", organisation: ids.medwayValley, area: ids.maidstone });
    expect((await bodyOf<{ errors: Record<string, string> }>(forged)).errors).toEqual({ organisation: "Choose the organisation that runs the service" });

    const proposed = await post(newAction, "/directory/manage/new", people.provider, { ...listing, name: "Phone help line", organisation: ids.connectKent, area: ids.maidstone });
    expect(proposed.headers.get("Location")).toBe("/directory/manage?done=proposed-new");
    expect(await getDb().selectFrom("services").select("id").where("name", "=", "Phone help line").execute()).toEqual([]);
    const change = await getDb().selectFrom("listing_changes").selectAll().where("service_id", "is", null).where("status", "=", "pending").executeTakeFirstOrThrow();

    const approved = await post(approveAction, `/directory/approvals/${change.id}`, people.coordinator, { intent: "approve", note: "Welcome aboard" }, { id: change.id });
    expect(approved.headers.get("Location")).toBe("/directory/approvals?done=approved");
    const created = await getDb().selectFrom("services").selectAll().where("name", "=", "Phone help line").executeTakeFirstOrThrow();
    expect(created).toMatchObject({ organisation_id: ids.connectKent, area_id: ids.maidstone, published: 1, assured_date: today });
    const decided = await getDb().selectFrom("listing_changes").selectAll().where("id", "=", change.id).executeTakeFirstOrThrow();
    expect(decided).toMatchObject({ status: "approved", service_id: created.id, decision_note: "Welcome aboard" });
  });
});

describe("still correct, while signed in", () => {
  it("shows on GET and confirms on POST, for the listing's own provider only", async () => {
    await getDb().updateTable("services").set({ assured_date: "2025-02-01" }).where("id", "=", ids.parkWood).execute();
    const shown = await verifyLoader(args(await signedInRequest(`/directory/manage/${ids.parkWood}/verify`, people.provider), { id: ids.parkWood }));
    expect((shown as Response).status).toBe(200);
    expect((await getDb().selectFrom("services").select("assured_date").where("id", "=", ids.parkWood).executeTakeFirstOrThrow()).assured_date).toBe("2025-02-01");

    const denied = await post(verifyAction, `/directory/manage/${ids.connectedTenants}/verify`, people.provider, {}, { id: ids.connectedTenants });
    expect(denied.status).toBe(404);

    const done = await post(verifyAction, `/directory/manage/${ids.parkWood}/verify`, people.provider, {}, { id: ids.parkWood });
    expect(done.headers.get("Location")).toBe("/directory/manage?done=verified");
    const service = await getDb().selectFrom("services").select(["assured_date", "assurer_email"]).where("id", "=", ids.parkWood).executeTakeFirstOrThrow();
    expect(service).toEqual({ assured_date: today, assurer_email: people.provider.email });
    const review = await getDb().selectFrom("listing_reviews").selectAll().where("service_id", "=", ids.parkWood).executeTakeFirstOrThrow();
    expect(review).toMatchObject({ kind: "still-correct", token_hash: null });
    const audit = await getDb().selectFrom("audit_log").selectAll().where("action", "=", "listing.verified").where("actor_user_id", "=", people.provider.id).execute();
    expect(audit).toHaveLength(1);
  });
});

describe("problem reports", () => {
  async function report(serviceId: string, email: string | null) {
    const id = randomUUID();
    await getDb()
      .insertInto("listing_reports")
      .values({ id, service_id: serviceId, kind: "out-of-date", details: "The phone number is wrong.", reporter_email: email, status: "open", created_at: new Date().toISOString(), resolved_at: null, resolved_by_user_id: null })
      .execute();
    return id;
  }

  it("lists open reports in the coordinator's areas, audits the view of reporters' addresses, and resolves them", async () => {
    const maidstone = await report(ids.parkWood, "resident@example.org");
    const thanetService = await getDb().selectFrom("services").select("id").where("area_id", "=", ids.thanet).executeTakeFirstOrThrow();
    const thanet = await report(thanetService.id, null);

    const list = await bodyOf<{ reports: Array<{ id: string; reporterEmail: string | null }> }>(await reportsLoader(args(await signedInRequest("/directory/reports", people.coordinator))));
    expect(list.reports.map((r) => r.id)).toEqual([maidstone]);
    expect(await getDb().selectFrom("audit_log").select("detail").where("action", "=", "listing-reports.viewed").where("actor_user_id", "=", people.coordinator.id).execute()).toHaveLength(1);
    expect((await thrownResponse(reportsLoader(args(await signedInRequest("/directory/reports", people.provider))))).status).toBe(403);

    const outside = await post(reportsAction, "/directory/reports", people.coordinator, { report: thanet });
    expect(outside.status).toBe(400);
    expect((await getDb().selectFrom("listing_reports").select("status").where("id", "=", thanet).executeTakeFirstOrThrow()).status).toBe("open");

    const resolved = await post(reportsAction, "/directory/reports", people.coordinator, { report: maidstone });
    expect(resolved.headers.get("Location")).toBe("/directory/reports?done=resolved");
    const row = await getDb().selectFrom("listing_reports").selectAll().where("id", "=", maidstone).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "resolved", resolved_by_user_id: people.coordinator.id, reporter_email: null });

    const admin = await bodyOf<{ reports: Array<{ id: string }> }>(await reportsLoader(args(await signedInRequest("/directory/reports", people.admin))));
    expect(admin.reports.map((r) => r.id)).toEqual([thanet]);
  });
});
