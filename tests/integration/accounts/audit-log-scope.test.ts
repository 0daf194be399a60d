import { beforeAll, describe, expect, it } from "vitest";
import { auditFilterOptions, listAuditEntries } from "~/accounts/audit-log.server";
import type { Manager } from "~/accounts/user-scope";
import { getDb } from "~/lib/db.server";
import { createTestArea, createTestUser, type TestUser } from "../../helpers/auth";

let north: string;
let south: string;
let coordinator: Manager;
let admin: Manager;
let both: TestUser;

const manager = (user: TestUser): Manager => ({ id: user.id, name: user.name, email: user.email, role: user.role, areaIds: user.areaIds });

beforeAll(async () => {
  const db = getDb();
  north = await createTestArea(db, "North");
  south = await createTestArea(db, "South");
  coordinator = manager(await createTestUser(db, { role: "coordinator", areaIds: [north] }));
  admin = manager(await createTestUser(db, { role: "admin", areaIds: [] }));
  both = await createTestUser(db, { role: "staff", areaIds: [north, south] });

  const base = { at: new Date().toISOString(), detail: "{}", ip: null };
  await db
    .insertInto("audit_log")
    .values([
      { ...base, action: "scope-north", actor_user_id: both.id, actor_label: "by them in North", record_type: "referral", record_id: null, area_id: north },
      { ...base, action: "scope-south", actor_user_id: both.id, actor_label: "by them in South", record_type: "referral", record_id: null, area_id: south },
      { ...base, action: "scope-none", actor_user_id: both.id, actor_label: "by them, no area", record_type: "referral", record_id: null, area_id: null },
      { ...base, action: "scope-south", actor_user_id: null, actor_label: "about them in South", record_type: "user", record_id: both.id, area_id: south },
      { ...base, action: "scope-none", actor_user_id: null, actor_label: "about them, no area", record_type: "user", record_id: both.id, area_id: null },
      { ...base, action: "scope-south", actor_user_id: null, actor_label: "in South", record_type: "service", record_id: null, area_id: south },
    ])
    .execute();
});

async function labels(reader: Manager): Promise<string[]> {
  const page = await listAuditEntries(getDb(), reader, { page: 1 });
  return page.entries.filter((e) => e.action.startsWith("scope-")).map((e) => e.actor_label).sort();
}

describe("a coordinator's part of the audit log", () => {
  it("leaves out what a colleague who also works elsewhere did, or had done to them, in another area", async () => {
    expect(await labels(coordinator)).toEqual(["about them, no area", "by them in North", "by them, no area"]);
    expect(await labels(admin)).toEqual(["about them in South", "about them, no area", "by them in North", "by them in South", "by them, no area", "in South"]);
  });

  it("does not offer the other area's actions in the filter lists", async () => {
    const { actions } = await auditFilterOptions(getDb(), coordinator);
    expect(actions.filter((a) => a.startsWith("scope-"))).toEqual(["scope-none", "scope-north"]);
  });
});
