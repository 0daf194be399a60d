import { beforeAll, describe, expect, it } from "vitest";
import { getDirectoryIndex } from "~/directory/directory-index.server";
import { assuredDateFor } from "~/directory/listing-edit-verified";
import { getDb } from "~/lib/db.server";
import { action as approveAction, loader as approvalLoader } from "~/routes/directory.approvals.$id";
import { loader as approvalsLoader } from "~/routes/directory.approvals._index";
import { action as editAction, loader as editLoader } from "~/routes/directory.manage.$id.edit";
import { loader as manageLoader } from "~/routes/directory.manage._index";
import { formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { args, bodyOf, editForm, ids, seedPeople, thrownResponse, type People } from "./support";

let people: People;
const today = assuredDateFor(new Date());

beforeAll(async () => {
  people = await seedPeople(getDb());
});

async function formValues(user: TestUser, serviceId: string): Promise<Record<string, string | string[]>> {
  const data = await bodyOf<{ values: Record<string, string | string[]> }>(await editLoader(args(await signedInRequest(`/directory/manage/${serviceId}/edit`, user), { id: serviceId })));
  return data.values;
}

async function save(user: TestUser, serviceId: string, changes: Record<string, string | string[]>) {
  const values = await formValues(user, serviceId);
  const request = await signedInRequest(`/directory/manage/${serviceId}/edit`, user, { method: "POST", body: editForm(values, changes) });
  try {
    return await editAction(args(request, { id: serviceId }));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const liveService = (id: string) => getDb().selectFrom("services").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const pendingFor = (id: string) => getDb().selectFrom("listing_changes").selectAll().where("service_id", "=", id).where("status", "=", "pending").execute();
const messagesTo = (email: string) => getDb().selectFrom("messages").selectAll().where("recipient", "=", email).orderBy("created_at").execute();

async function decide(user: TestUser, changeId: string, fields: Record<string, string>) {
  const request = await signedInRequest(`/directory/approvals/${changeId}`, user, { method: "POST", body: formBody(fields) });
  try {
    return await approveAction(args(request, { id: changeId }));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("who may edit which listing", () => {
  it("lets a provider open their own organisation's listing and nobody else's (404, not 403)", async () => {
    const own = await editLoader(args(await signedInRequest(`/directory/manage/${ids.parkWood}/edit`, people.provider), { id: ids.parkWood }));
    expect((own as Response).status).toBe(200);
    const other = await thrownResponse(editLoader(args(await signedInRequest(`/directory/manage/${ids.connectedTenants}/edit`, people.provider), { id: ids.connectedTenants })));
    expect(other.status).toBe(404);
    const unknown = await thrownResponse(editLoader(args(await signedInRequest("/directory/manage/nope/edit", people.provider), { id: "nope" })));
    expect(unknown.status).toBe(404);
  });

  it("refuses another organisation's listing on POST too, changing nothing", async () => {
    const before = await liveService(ids.connectedTenants);
    const request = await signedInRequest(`/directory/manage/${ids.connectedTenants}/edit`, people.provider, { method: "POST", body: formBody({ name: "Hijacked" }) });
    expect((await thrownResponse(editAction(args(request, { id: ids.connectedTenants })))).status).toBe(404);
    expect((await liveService(ids.connectedTenants)).name).toBe(before.name);
    expect(await pendingFor(ids.connectedTenants)).toEqual([]);
  });

  it("keeps coordinators to their areas; national listings are for admins", async () => {
    const thanetListing = (await getDb().selectFrom("services").select("id").where("area_id", "=", ids.thanet).executeTakeFirstOrThrow()).id;
    const national = await getDb().selectFrom("services").select("id").where("area_id", "is", null).executeTakeFirstOrThrow();
    for (const id of [thanetListing, national.id]) {
      const denied = await thrownResponse(editLoader(args(await signedInRequest(`/directory/manage/${id}/edit`, people.coordinator), { id })));
      expect(denied.status).toBe(404);
    }
    const ok = await editLoader(args(await signedInRequest(`/directory/manage/${national.id}/edit`, people.admin), { id: national.id }));
    expect((ok as Response).status).toBe(200);
  });

  it("sends signed-out people to sign in and refuses champions", async () => {
    const signedOut = await thrownResponse(manageLoader(args(await signedInRequest("/directory/manage", null))));
    expect(signedOut.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect((await thrownResponse(manageLoader(args(await signedInRequest("/directory/manage", people.champion))))).status).toBe(403);
  });

  it("lists only the listings each person looks after", async () => {
    const names = async (user: TestUser) => (await bodyOf<{ listings: Array<{ id: string; organisationName: string }> }>(await manageLoader(args(await signedInRequest("/directory/manage", user))))).listings;
    const providerList = await names(people.provider);
    expect(providerList.length).toBeGreaterThan(0);
    expect(new Set(providerList.map((l) => l.organisationName))).toEqual(new Set(["Connect Kent CIC"]));
    const coordinatorList = await names(people.coordinator);
    expect(coordinatorList.map((l) => l.id)).toContain(ids.connectedTenants);
    expect(coordinatorList.length).toBeGreaterThan(providerList.length);
    const thanet = await getDb().selectFrom("services").select("id").where("area_id", "=", ids.thanet).execute();
    expect(thanet.length).toBeGreaterThan(0);
    expect(coordinatorList.filter((l) => thanet.some((t) => t.id === l.id))).toEqual([]);
  });
});

describe("a provider's change waits for approval", () => {
  let changeId: string;
  const newDescription = "Borrow a refurbished laptop or tablet for up to a year. Free SIM cards too.";

  it("becomes a pending change and leaves the live listing alone", async () => {
    const before = await liveService(ids.parkWood);
    const result = await save(people.provider, ids.parkWood, { description: newDescription, "hours-1-day": "TH", "hours-1-opens": "14:00", "hours-1-closes": "16:00" });
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe(`/directory/manage/${ids.parkWood}/edit?done=proposed`);
    const live = await liveService(ids.parkWood);
    expect(live.description).toBe(before.description);
    expect(live.assured_date).toBe(before.assured_date);
    const pending = await pendingFor(ids.parkWood);
    expect(pending).toHaveLength(1);
    changeId = pending[0].id;
    expect(JSON.parse(pending[0].proposed).description).toBe(newDescription);
    expect(JSON.parse(pending[0].previous!).description).toBe(before.description);
    expect((await messagesTo(people.coordinator.email)).some((m) => m.body.includes(`/directory/approvals/${changeId}`))).toBe(true);
  });

  it("shows the provider their proposal with a waiting-for-approval banner", async () => {
    const data = await bodyOf<{ pending: { id: string } | null; values: Record<string, string> }>(
      await editLoader(args(await signedInRequest(`/directory/manage/${ids.parkWood}/edit`, people.provider), { id: ids.parkWood })),
    );
    expect(data.pending?.id).toBe(changeId);
    expect(data.values.description).toBe(newDescription);
  });

  it("replaces the proposal on a second save rather than queueing two", async () => {
    await save(people.provider, ids.parkWood, { eligibility: "Maidstone residents on a low income." });
    const pending = await pendingFor(ids.parkWood);
    expect(pending.map((p) => p.id)).toEqual([changeId]);
    expect(JSON.parse(pending[0].proposed)).toMatchObject({ description: newDescription, eligibility: "Maidstone residents on a low income." });
  });

  it("is in the queue of the listing's area only, with a diff of what changed", async () => {
    const queue = await bodyOf<{ changes: Array<{ id: string }> }>(await approvalsLoader(args(await signedInRequest("/directory/approvals", people.coordinator))));
    expect(queue.changes.map((c) => c.id)).toContain(changeId);
    const elsewhere = await bodyOf<{ changes: Array<{ id: string }> }>(await approvalsLoader(args(await signedInRequest("/directory/approvals", people.thanetCoordinator))));
    expect(elsewhere.changes.map((c) => c.id)).not.toContain(changeId);
    expect((await thrownResponse(approvalLoader(args(await signedInRequest(`/directory/approvals/${changeId}`, people.thanetCoordinator), { id: changeId })))).status).toBe(404);
    expect((await thrownResponse(approvalsLoader(args(await signedInRequest("/directory/approvals", people.provider))))).status).toBe(403);

    const detail = await bodyOf<{ diff: Array<{ field: string; before: string; after: string }> }>(
      await approvalLoader(args(await signedInRequest(`/directory/approvals/${changeId}`, people.coordinator), { id: changeId })),
    );
    expect(detail.diff.map((d) => d.field)).toEqual(["description", "eligibility", "hours"]);
    expect(detail.diff.find((d) => d.field === "hours")).toEqual({ field: "hours", label: "Opening hours", before: "Monday 10:00 to 13:00", after: "Monday 10:00 to 13:00; Thursday 14:00 to 16:00" });
  });

  it("goes live when a coordinator approves it: verified today, in search at once, the provider told", async () => {
    const index = await getDirectoryIndex(getDb());
    expect(index.records.get(ids.parkWood)?.description).not.toBe(newDescription);
    const result = await decide(people.coordinator, changeId, { intent: "approve", note: "" });
    expect(result.headers.get("Location")).toBe("/directory/approvals?done=approved");
    const live = await liveService(ids.parkWood);
    expect(live.description).toBe(newDescription);
    expect(live.eligibility_description).toBe("Maidstone residents on a low income.");
    expect(live.assured_date).toBe(today);
    expect(live.assurer_email).toBe(people.provider.email);
    expect(index.records.get(ids.parkWood)?.description).toBe(newDescription);
    expect(index.records.get(ids.parkWood)?.schedules.map((s) => s.byday).sort()).toEqual(["MO", "TH"]);
    const change = await getDb().selectFrom("listing_changes").selectAll().where("id", "=", changeId).executeTakeFirstOrThrow();
    expect(change).toMatchObject({ status: "approved", decided_by_user_id: people.coordinator.id });
    const told = await messagesTo(people.provider.email);
    expect(told.at(-1)?.subject).toBe("Approved: Laptop, tablet and free SIM scheme at Park Wood");
    const audit = await getDb().selectFrom("audit_log").selectAll().where("action", "=", "listing.change-approved").where("record_id", "=", ids.parkWood).execute();
    expect(audit).toHaveLength(1);
  });

  it("cannot be decided twice", async () => {
    const again = await decide(people.coordinator, changeId, { intent: "reject", note: "Too late" });
    expect(again.status).toBe(409);
    expect((await liveService(ids.parkWood)).description).toBe(newDescription);
  });

  it("leaves the listing unchanged when rejected, and tells the provider why", async () => {
    const before = await liveService(ids.parkWood);
    await save(people.provider, ids.parkWood, { name: "Laptops for everyone" });
    const [pending] = await pendingFor(ids.parkWood);
    const noNote = await decide(people.coordinator, pending.id, { intent: "reject", note: " " });
    expect(noNote.status).toBe(400);
    expect((await bodyOf<{ errors: Record<string, string> }>(noNote)).errors.note).toBe("Say why you are not approving it, so the provider can put it right");
    const result = await decide(people.coordinator, pending.id, { intent: "reject", note: "Please keep the scheme's full name." });
    expect(result.headers.get("Location")).toBe("/directory/approvals?done=rejected");
    const live = await liveService(ids.parkWood);
    expect(live.name).toBe(before.name);
    expect(live.updated_at).toBe(before.updated_at);
    const told = (await messagesTo(people.provider.email)).at(-1);
    expect(told?.subject).toBe("Not approved: Laptops for everyone");
    expect(told?.body).toContain("Please keep the scheme's full name.");
  });

  it("tells a provider who changed nothing to confirm it instead", async () => {
    const result = await save(people.provider, ids.parkWood, {});
    expect(result.status).toBe(400);
    expect((await bodyOf<{ unchanged: boolean }>(result)).unchanged).toBe(true);
    expect(await pendingFor(ids.parkWood)).toEqual([]);
  });
});

describe("a coordinator's edit", () => {
  it("goes live at once and moves the last-verified date", async () => {
    await getDb().updateTable("services").set({ assured_date: "2025-01-01" }).where("id", "=", ids.connectedTenants).execute();
    const result = await save(people.coordinator, ids.connectedTenants, { phone: "01632 960112", languages: "English, Polish" });
    expect(result.headers.get("Location")).toBe(`/directory/manage/${ids.connectedTenants}/edit?done=saved`);
    const live = await liveService(ids.connectedTenants);
    expect(live.assured_date).toBe(today);
    const phones = await getDb().selectFrom("phones").select("number").where("service_id", "=", ids.connectedTenants).execute();
    expect(phones.map((p) => p.number)).toContain("01632 960112");
    const languages = await getDb().selectFrom("languages").select(["name", "code"]).where("service_id", "=", ids.connectedTenants).orderBy("name").execute();
    expect(languages).toEqual([{ name: "English", code: "en" }, { name: "Polish", code: "pl" }]);
    expect(await pendingFor(ids.connectedTenants)).toEqual([]);
  });

  it("shows errors beside the fields and keeps what was typed", async () => {
    const result = await save(people.coordinator, ids.connectedTenants, { name: "", postcode: "nonsense", "hours-0-day": "MO", "hours-0-opens": "17:00", "hours-0-closes": "09:00", description: "Typed text kept" });
    expect(result.status).toBe(400);
    const body = await bodyOf<{ errors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.errors).toMatchObject({ name: "Enter the name of the service", postcode: "Enter a real postcode, like ME14 1LE", "hours-0-closes": "The closing time must be after the opening time" });
    expect(Object.keys(body.errors)[0]).toBe("name");
    expect(body.values.description).toBe("Typed text kept");
  });

  it("gives a listing at a shared place its own copy when its address changes, leaving the other listings' place alone", async () => {
    const db = getDb();
    const links = await db
      .selectFrom("service_at_locations")
      .innerJoin("services", "services.id", "service_at_locations.service_id")
      .select(["service_at_locations.location_id", "service_at_locations.service_id"])
      .where("services.area_id", "=", ids.maidstone)
      .execute();
    const shared = links.find((l) => links.filter((o) => o.location_id === l.location_id).length > 1);
    if (!shared) return expect.fail("the demo data should have a Maidstone place used by two listings");
    const before = await db.selectFrom("locations").selectAll().where("id", "=", shared.location_id).executeTakeFirstOrThrow();
    const result = await save(people.coordinator, shared.service_id, { address_1: "Side entrance, 1 High Street", postcode: "ME14 1LE" });
    expect(result.status).toBe(302);
    const place = await db
      .selectFrom("service_at_locations")
      .innerJoin("locations", "locations.id", "service_at_locations.location_id")
      .select(["locations.id", "locations.address_1", "locations.postal_code", "locations.latitude"])
      .where("service_at_locations.service_id", "=", shared.service_id)
      .executeTakeFirstOrThrow();
    expect(place).toMatchObject({ address_1: "Side entrance, 1 High Street", postal_code: "ME14 1LE", latitude: 51.2764 });
    expect(place.id).not.toBe(shared.location_id);
    const original = await db.selectFrom("locations").selectAll().where("id", "=", shared.location_id).executeTakeFirstOrThrow();
    expect(original).toEqual(before);
    const copiedAccessibility = await db.selectFrom("accessibility").select("description").where("location_id", "=", place.id).execute();
    const originalAccessibility = await db.selectFrom("accessibility").select("description").where("location_id", "=", shared.location_id).execute();
    expect(copiedAccessibility).toEqual(originalAccessibility);
  });

  it("says a postcode postcodes.io does not know is wrong, and saves nothing", async () => {
    const before = await liveService(ids.connectedTenants);
    const result = await save(people.coordinator, ids.connectedTenants, { attending: ["in-person", "phone"], address_1: "1 High Street", city: "Maidstone", postcode: "ME14 9ZZ" });
    expect(result.status).toBe(400);
    expect((await bodyOf<{ errors: Record<string, string> }>(result)).errors.postcode).toBe("We could not find the postcode ME14 9ZZ. Check it and try again.");
    expect((await liveService(ids.connectedTenants)).updated_at).toBe(before.updated_at);
  });
});
