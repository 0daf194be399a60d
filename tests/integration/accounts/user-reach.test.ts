import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/lib/db.server";
import { action as userAction, loader as userLoader } from "~/routes/admin.users.$id";
import { createTestArea, createTestUser, formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { args, thrownResponse } from "./support";

let north: string;
let south: string;
let nora: TestUser;

beforeAll(async () => {
  const db = getDb();
  north = await createTestArea(db, "North");
  south = await createTestArea(db, "South");
  nora = await createTestUser(db, { role: "coordinator", areaIds: [north], name: "Nora North" });
});

async function view(id: string, as: { id: string }) {
  return userLoader(args(await signedInRequest(`/admin/users/${id}`, as), { id }));
}

async function post(id: string, as: { id: string }, fields: Record<string, string | string[]>) {
  return userAction(args(await signedInRequest(`/admin/users/${id}`, as, { method: "POST", body: formBody(fields) }), { id }));
}

async function state(id: string) {
  const db = getDb();
  const user = await db.selectFrom("users").select(["role", "active"]).where("id", "=", id).executeTakeFirstOrThrow();
  const areas = await db.selectFrom("user_areas").select("area_id").where("user_id", "=", id).orderBy("area_id").execute();
  return { ...user, areaIds: areas.map((a) => a.area_id) };
}

describe("a coordinator sharing only some of someone's areas", () => {
  it("cannot deactivate or demote a coordinator who also coordinates elsewhere", async () => {
    const db = getDb();
    const sam = await createTestUser(db, { role: "coordinator", areaIds: [north, south] });
    const before = await state(sam.id);

    expect((await thrownResponse(view(sam.id, nora))).status).toBe(403);
    expect((await thrownResponse(post(sam.id, nora, { intent: "deactivate" }))).status).toBe(403);
    expect((await thrownResponse(post(sam.id, nora, { intent: "update", role: "staff", areaIds: [north] }))).status).toBe(403);
    expect(await state(sam.id)).toEqual(before);
    expect(await db.selectFrom("audit_log").select("action").where("record_id", "=", sam.id).execute()).toEqual([]);
  });

  it("cannot make someone who also works elsewhere a coordinator, nor deactivate them", async () => {
    const db = getDb();
    const pat = await createTestUser(db, { role: "staff", areaIds: [north, south] });
    const before = await state(pat.id);

    expect((await thrownResponse(post(pat.id, nora, { intent: "update", role: "coordinator", areaIds: [north] }))).status).toBe(403);
    expect((await thrownResponse(post(pat.id, nora, { intent: "deactivate" }))).status).toBe(403);
    expect(await state(pat.id)).toEqual(before);
  });

  it("leaves the change to a coordinator of all their areas, or an admin", async () => {
    const db = getDb();
    const pat = await createTestUser(db, { role: "staff", areaIds: [north, south] });
    const sam = await createTestUser(db, { role: "coordinator", areaIds: [north, south] });
    const admin = await createTestUser(db, { role: "admin", areaIds: [] });

    expect((await post(pat.id, sam, { intent: "deactivate" })).status).toBe(302);
    expect((await state(pat.id)).active).toBe(0);
    expect((await post(sam.id, admin, { intent: "update", role: "staff", areaIds: [north, south] })).status).toBe(302);
    expect((await state(sam.id)).role).toBe("staff");
  });
});
