import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import { loader as adminLoader } from "~/routes/admin._index";
import { action as areasAction, loader as areasLoader } from "~/routes/admin.areas._index";
import { action as areaAction } from "~/routes/admin.areas.$id";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as orgAction, loader as orgLoader } from "~/routes/admin.organisations.$id";
import { loader as orgsLoader } from "~/routes/admin.organisations._index";
import { action as newOrgAction } from "~/routes/admin.organisations.new";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { createTestArea, createTestUser, formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { args, thrownResponse } from "./support";

let admin: TestUser;
let coordinator: TestUser;
let champion: TestUser;

beforeAll(async () => {
  const db = getDb();
  admin = await createTestUser(db, { role: "admin", areaIds: [] });
  coordinator = await createTestUser(db, { role: "coordinator" });
  champion = await createTestUser(db, { role: "champion" });
});

const get = async (loader: (a: ReturnType<typeof args>) => Promise<Response>, path: string, as: TestUser, params: Record<string, string> = {}) =>
  loader(args(await signedInRequest(path, as), params));
const post = async (action: (a: ReturnType<typeof args>) => Promise<Response>, path: string, as: TestUser, fields: Record<string, string>, params: Record<string, string> = {}) =>
  action(args(await signedInRequest(path, as, { method: "POST", body: formBody(fields) }), params));

describe("the admin home page", () => {
  it("lists only what each person may manage", async () => {
    const titles = async (as: TestUser) => (await (await get(adminLoader, "/admin", as)).json()).sections.map((s: { title: string }) => s.title);
    expect(await titles(admin)).toEqual(["Users", "Organisations", "Areas", "Audit log", "Outbox"]);
    expect(await titles(coordinator)).toEqual(["Users", "Audit log"]);
    expect((await thrownResponse(get(adminLoader, "/admin", champion))).status).toBe(403);
  });
});

describe("organisations", () => {
  const valid = { name: "Kent Libraries", kind: "library", description: "Free computers and help", email: "", website: "https://kent.example.org", phone: "03000 41 31 31" };

  it("are for admins only", async () => {
    expect((await thrownResponse(get(orgsLoader, "/admin/organisations", coordinator))).status).toBe(403);
    expect((await thrownResponse(post(newOrgAction, "/admin/organisations/new", coordinator, valid))).status).toBe(403);
  });

  it("are added and changed with every change audited, and blank optional fields stored as nothing", async () => {
    const db = getDb();
    const created = await post(newOrgAction, "/admin/organisations/new", admin, valid);
    expect(created.status).toBe(302);
    const id = created.headers.get("Location")!.match(/^\/admin\/organisations\/([^?]+)\?done=created$/)![1];
    expect(await db.selectFrom("organisations").select(["name", "kind", "email", "website", "phone"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      name: "Kent Libraries",
      kind: "library",
      email: null,
      website: "https://kent.example.org",
      phone: "03000 41 31 31",
    });

    const changed = await post(orgAction, `/admin/organisations/${id}`, admin, { ...valid, email: "help@kent.example.org" }, { id });
    expect(changed.headers.get("Location")).toBe(`/admin/organisations/${id}?done=updated`);
    const audit = await db.selectFrom("audit_log").select(["action", "detail", "actor_user_id"]).where("record_id", "=", id).orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["organisation-created", "organisation-updated"]);
    expect(JSON.parse(audit[1].detail)).toEqual({ changes: { email: { from: null, to: "help@kent.example.org" } } });
    expect(audit[1].actor_user_id).toBe(admin.id);
    expect((await (await get(orgLoader, `/admin/organisations/${id}`, admin, { id })).json()).organisation.email).toBe("help@kent.example.org");
  });

  it("explain each mistake and keep what was typed", async () => {
    const response = await post(newOrgAction, "/admin/organisations/new", admin, { name: "", kind: "pub", description: "", email: "nope", website: "kent.example.org", phone: "call us" });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(Object.keys(body.errors).sort()).toEqual(["email", "kind", "name", "phone", "website"]);
    expect(body.values).toMatchObject({ email: "nope", website: "kent.example.org", phone: "call us" });
  });

  it("that do not exist are not found", async () => {
    expect((await thrownResponse(get(orgLoader, "/admin/organisations/nope", admin, { id: "nope" }))).status).toBe(404);
  });
});

describe("areas", () => {
  it("take UK outward codes only, tidied and without repeats", async () => {
    const db = getDb();
    const bad = await post(areasAction, "/admin/areas", admin, { name: "Swale", districts: "ME10, ME11 1AA, banana" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.districts).toBe("Enter postcode districts like ME14 or CT9, separated by commas. These are not: 1AA, banana");

    const good = await post(areasAction, "/admin/areas", admin, { name: "Swale", districts: "me12 ME10,me10\nME13" });
    expect(good.headers.get("Location")).toBe("/admin/areas?done=created");
    const areas = (await (await get(areasLoader, "/admin/areas", admin)).json()).areas;
    const swale = areas.find((a: { name: string }) => a.name === "Swale");
    expect(swale.districts).toEqual(["ME10", "ME12", "ME13"]);

    const duplicate = await post(areasAction, "/admin/areas", admin, { name: "swale", districts: "ME9" });
    expect((await duplicate.json()).errors.name).toBe("There is already an area with this name");

    const renamed = await post(areaAction, `/admin/areas/${swale.id}`, admin, { name: "Swale and Sheppey", districts: "ME10, ME12" }, { id: swale.id });
    expect(renamed.status).toBe(302);
    const entry = await db.selectFrom("audit_log").select("detail").where("action", "=", "area-updated").where("record_id", "=", swale.id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.detail)).toEqual({ name: { from: "Swale", to: "Swale and Sheppey" }, districtsAdded: [], districtsRemoved: ["ME13"] });
  });

  it("are for admins only", async () => {
    const area = coordinator.areaIds[0];
    expect((await thrownResponse(post(areaAction, `/admin/areas/${area}`, coordinator, { name: "Mine now", districts: "CT9" }, { id: area }))).status).toBe(403);
  });
});

describe("the audit log", () => {
  it("shows a coordinator only their areas' entries, and an admin everything", async () => {
    const db = getDb();
    const elsewhere = await createTestArea(db);
    const local = await createTestUser(db, { role: "staff", areaIds: coordinator.areaIds });
    const distant = await createTestUser(db, { role: "staff", areaIds: [elsewhere] });
    const at = new Date().toISOString();
    const base = { at, action: "test-event", detail: "{}", ip: null, record_id: null };
    await db
      .insertInto("audit_log")
      .values([
        { ...base, actor_user_id: local.id, actor_label: "local", record_type: "referral", area_id: null },
        { ...base, actor_user_id: distant.id, actor_label: "distant", record_type: "referral", area_id: null },
        { ...base, actor_user_id: null, actor_label: "in area", record_type: "service", area_id: coordinator.areaIds[0] },
        { ...base, actor_user_id: null, actor_label: "about local", record_type: "user", area_id: null, record_id: local.id },
        { ...base, actor_user_id: null, actor_label: "about distant", record_type: "user", area_id: null, record_id: distant.id },
      ])
      .execute();
    const labels = async (as: TestUser, query = "?action=test-event") =>
      (await (await get(auditLoader, `/admin/audit${query}`, as)).json()).entries.map((e: { actor: string }) => e.actor).sort();
    expect(await labels(coordinator)).toEqual(["about local", "in area", "local"]);
    expect(await labels(admin)).toEqual(["about distant", "about local", "distant", "in area", "local"]);
    expect(await labels(admin, `?action=test-event&recordType=user`)).toEqual(["about distant", "about local"]);
    expect(await labels(admin, `?action=test-event&actorEmail=${encodeURIComponent(local.email.toUpperCase())}`)).toEqual(["local"]);
    expect(await labels(admin, "?action=test-event&from=2000-01-01&to=2000-12-31")).toEqual([]);
    const today = at.slice(0, 10);
    expect(await labels(admin, `?action=test-event&from=${today}&to=${today}`)).toHaveLength(5);
    expect((await thrownResponse(get(auditLoader, "/admin/audit", champion))).status).toBe(403);
  });

  it("explains a bad date range and keeps the filters typed", async () => {
    const body = await (await get(auditLoader, "/admin/audit?from=2025-03-10&to=2025-02-30&action=sign-in", admin)).json();
    expect(body.errors).toEqual({ to: "End date must be a real date" });
    expect(body.values).toMatchObject({ from: "2025-03-10", to: "2025-02-30", action: "sign-in" });
    expect((await (await get(auditLoader, "/admin/audit?from=2025-03-10&to=2025-03-01", admin)).json()).errors).toEqual({ to: "End date must be the same as or after the start date" });
  });

  it("pages 50 at a time", async () => {
    const db = getDb();
    await db
      .insertInto("audit_log")
      .values(Array.from({ length: 51 }, (_, i) => ({ at: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(), actor_user_id: null, actor_label: `bulk ${i}`, action: "bulk", record_type: "test", detail: "{}" })))
      .execute();
    const page1 = await (await get(auditLoader, "/admin/audit?action=bulk", admin)).json();
    expect(page1).toMatchObject({ total: 51, totalPages: 2, page: 1 });
    expect(page1.entries[0].actor).toBe("bulk 50");
    const page2 = await (await get(auditLoader, "/admin/audit?action=bulk&page=2", admin)).json();
    expect(page2.entries.map((e: { actor: string }) => e.actor)).toEqual(["bulk 0"]);
  });
});

describe("the outbox page", () => {
  it("is for admins only, masks mobile numbers, and hides bodies outside development", async () => {
    const db = getDb();
    await enqueueMessage(db, { channel: "sms", to: "07700 900982", body: "Your code", purpose: "referral-new" });
    await enqueueMessage(db, { channel: "email", to: "reader@example.org", subject: "Hello", body: "Secret link", purpose: "invite" });
    expect((await thrownResponse(get(outboxLoader, "/admin/outbox", coordinator))).status).toBe(403);
    const body = await (await get(outboxLoader, "/admin/outbox?status=queued", admin)).json();
    const sms = body.messages.find((m: { channel: string }) => m.channel === "sms");
    expect(sms.to).toBe("••••••••982");
    expect(JSON.stringify(body)).not.toContain("07700900982");
    expect(body.messages.find((m: { to: string }) => m.to === "reader@example.org")).toMatchObject({ purpose: "invite", status: "queued", attempts: 0, body: null });
  });
});
