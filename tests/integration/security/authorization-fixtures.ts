import type { Role } from "~db/schema/accounts";
import { areaIdFor, organisationIdFor } from "~/directory/stable-id";
import type { Db } from "~/lib/db.server";
import { createTestUser, type TestUser } from "../../helpers/auth";
import type { Fixtures } from "./authorization-rules";

/** Records the matrix's URLs point at, made once per run. */
export async function createFixtures(db: Db, _users: Record<Role, TestUser>): Promise<Fixtures> {
  const maidstone = areaIdFor("maidstone");
  const managed = await createTestUser(db, { role: "champion", organisationId: organisationIdFor("maidstone-digital-champions"), areaIds: [maidstone] });
  return { managedUserId: managed.id, organisationId: organisationIdFor("connect-kent-cic"), areaId: maidstone };
}
