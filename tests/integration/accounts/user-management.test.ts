import { beforeAll, describe, expect, it } from "vitest";
import { getCurrentUser } from "~/accounts/auth.server";
import { signIn } from "~/accounts/sign-in.server";
import { getDb } from "~/lib/db.server";
import { action as userAction, loader as userLoader } from "~/routes/admin.users.$id";
import { loader as usersLoader } from "~/routes/admin.users._index";
import { createTestArea, createTestUser, formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { args, thrownResponse } from "./support";

let north: string;
let south: string;
let coordinator: TestUser;
let admin: TestUser;

beforeAll(async () => {
  const db = getDb();
  north = await createTestArea(db, "North");
  south = await createTestArea(db, "South");
  coordinator = await createTestUser(db, { role: "coordinator", areaIds: [north], name: "Nora North" });
  admin = await createTestUser(db, { role: "admin", areaIds: [] });
});

async function view(id: string, as: { id: string }) {
  return userLoader(args(await signedInRequest(`/admin/users/${id}`, as), { id }));
}

async function post(id: string, as: { id: string }, fields: Record<string, string | string[]>) {
  return userAction(args(await signedInRequest(`/admin/users/${id}`, as, { method: "POST", body: formBody(fields) }), { id }));
}

async function userRow(id: string) {
  return getDb().selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

describe("a coordinator's reach", () => {
  it("lists only people in their areas, while an admin sees everyone", async () => {
    const db = getDb();
    const inNorth = await createTestUser(db, { role: "staff", areaIds: [north] });
    const inSouth = await createTestUser(db, { role: "staff", areaIds: [south] });
    const listed = async (as: TestUser) => (await (await usersLoader(args(await signedInRequest("/admin/users?role=staff", as)))).json()).users.map((u: { id: string }) => u.id);
    expect(await listed(coordinator)).toContain(inNorth.id);
    expect(await listed(coordinator)).not.toContain(inSouth.id);
    expect(await listed(admin)).toEqual(expect.arrayContaining([inNorth.id, inSouth.id]));
  });

  it("finds nothing outside their areas, and is refused an administrator inside them, changing nothing", async () => {
    const db = getDb();
    const outsider = await createTestUser(db, { role: "staff", areaIds: [south] });
    expect((await thrownResponse(view(outsider.id, coordinator))).status).toBe(404);
    expect((await thrownResponse(post(outsider.id, coordinator, { intent: "deactivate" }))).status).toBe(404);
    expect((await thrownResponse(view("no-such-user", coordinator))).status).toBe(404);
    expect((await userRow(outsider.id)).active).toBe(1);

    const localAdmin = await createTestUser(db, { role: "admin", areaIds: [north] });
    expect((await thrownResponse(view(localAdmin.id, coordinator))).status).toBe(403);
    expect((await thrownResponse(post(localAdmin.id, coordinator, { intent: "update", role: "staff", areaIds: [north] }))).status).toBe(403);
    expect((await userRow(localAdmin.id)).role).toBe("admin");
  });

  it("cannot promote anyone to admin", async () => {
    const db = getDb();
    const champion = await createTestUser(db, { role: "champion", areaIds: [north] });
    const response = await post(champion.id, coordinator, { intent: "update", role: "admin", areaIds: [north] });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.role).toBe("Select a role you are allowed to give");
    expect(body.values).toEqual({ role: "admin", areaIds: [north] });
    expect((await userRow(champion.id)).role).toBe("champion");
  });

  it("changes roles up to their own and areas within their own, and audits it", async () => {
    const db = getDb();
    const east = await createTestArea(db, "East");
    const local = await createTestUser(db, { role: "staff", areaIds: [north] });
    const wider = await createTestUser(db, { role: "coordinator", areaIds: [north, east] });

    const page = await (await view(local.id, wider)).json();
    expect(page.areas.map((a: { id: string }) => a.id).sort()).toEqual([east, north].sort());
    expect(page.otherAreas).toEqual([]);

    const response = await post(local.id, wider, { intent: "update", role: "coordinator", areaIds: [east] });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/users/${local.id}?done=updated`);
    expect((await userRow(local.id)).role).toBe("coordinator");
    const areas = await db.selectFrom("user_areas").select("area_id").where("user_id", "=", local.id).execute();
    expect(areas.map((a) => a.area_id)).toEqual([east]);

    const entry = await db.selectFrom("audit_log").selectAll().where("action", "=", "user-updated").where("record_id", "=", local.id).executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(wider.id);
    expect(JSON.parse(entry.detail)).toEqual({ role: { from: "staff", to: "coordinator" }, areasAdded: [east], areasRemoved: [north] });
  });

  it("must leave someone at least one area", async () => {
    const db = getDb();
    const staff = await createTestUser(db, { role: "staff", areaIds: [north] });
    const response = await post(staff.id, coordinator, { intent: "update", role: "staff" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.areaIds).toBe("Select at least one area");
  });
});

describe("deactivating an account", () => {
  it("signs the person out everywhere and stops them signing in, until re-activated", async () => {
    const db = getDb();
    const staff = await createTestUser(db, { role: "staff", areaIds: [north], password: "staff password 1" });
    const theirRequest = await signedInRequest("/", staff);
    expect(await getCurrentUser(theirRequest)).not.toBeNull();

    const response = await post(staff.id, coordinator, { intent: "deactivate" });
    expect(response.headers.get("Location")).toBe(`/admin/users/${staff.id}?done=deactivated`);
    expect((await userRow(staff.id)).active).toBe(0);
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", staff.id).execute()).toEqual([]);
    expect(await getCurrentUser(new Request("http://localhost/", { headers: theirRequest.headers }))).toBeNull();
    expect(await signIn(db, { email: staff.email, password: "staff password 1", ip: "203.0.113.50" })).toEqual({ ok: false, reason: "invalid" });
    expect(await db.selectFrom("audit_log").select("actor_user_id").where("action", "=", "user-deactivated").where("record_id", "=", staff.id).execute()).toEqual([{ actor_user_id: coordinator.id }]);

    await post(staff.id, coordinator, { intent: "reactivate" });
    expect(await signIn(db, { email: staff.email, password: "staff password 1", ip: "203.0.113.50" })).toEqual({ ok: true, userId: staff.id });
  });

  it("is refused for your own account", async () => {
    const response = await post(coordinator.id, coordinator, { intent: "deactivate" });
    expect(response.status).toBe(400);
    expect((await response.json()).errors.status).toBe("You cannot deactivate your own account");
    expect((await userRow(coordinator.id)).active).toBe(1);
  });

  it("sends a new invitation to someone who has not set a password, retiring the old link", async () => {
    const db = getDb();
    const invited = await createTestUser(db, { role: "champion", areaIds: [north] });
    const response = await post(invited.id, coordinator, { intent: "resend-invitation" });
    expect(response.headers.get("Location")).toBe(`/admin/users/${invited.id}?done=invited`);
    expect(await db.selectFrom("messages").select("purpose").where("recipient", "=", invited.email).execute()).toEqual([{ purpose: "invite" }]);
  });
});

describe("the users list", () => {
  it("pages 25 at a time and filters by role and status", async () => {
    const db = getDb();
    const west = await createTestArea(db, "West");
    const westCoordinator = await createTestUser(db, { role: "coordinator", areaIds: [west] });
    for (let i = 0; i < 27; i++) await createTestUser(db, { role: "champion", areaIds: [west], name: `Champion ${String(i).padStart(2, "0")}`, active: i % 9 !== 0 });
    const list = async (query: string) => (await usersLoader(args(await signedInRequest(`/admin/users${query}`, westCoordinator)))).json();

    const first = await list("?role=champion");
    expect(first).toMatchObject({ total: 27, page: 1, totalPages: 2 });
    expect(first.users).toHaveLength(25);
    expect(first.users[0]).toMatchObject({ name: "Champion 00", active: false, lastSignIn: "Never", organisationName: expect.any(String) });
    expect((await list("?role=champion&page=2")).users.map((u: { name: string }) => u.name)).toEqual(["Champion 25", "Champion 26"]);
    expect((await list("?role=champion&status=inactive")).total).toBe(3);
    expect((await list("?role=coordinator")).users.map((u: { id: string }) => u.id)).toEqual([westCoordinator.id]);
    expect((await list("?role=nonsense&page=-4")).page).toBe(1);
  });
});
