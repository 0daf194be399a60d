import type { Db } from "~/lib/db.server";
import type { Role } from "~db/schema/accounts";
import { actorFor, recordAudit } from "./audit.server";
import { assignableRoles } from "./policy";
import { revokeUserSessions } from "./session.server";
import { canChangeAccount, canSeeAccount, managesEveryone, roleNeedsArea, type Manager } from "./user-scope";

export const USERS_PAGE_SIZE = 25;

export interface ManagedUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  areas: { id: string; name: string }[];
  active: boolean;
  invitationPending: boolean;
  lastSignInAt: string | null;
}

export interface UserFilters {
  role?: Role;
  active?: boolean;
  page: number;
}

export interface UserPage {
  users: ManagedUser[];
  page: number;
  totalPages: number;
  total: number;
}

function usersQuery(db: Db) {
  return db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select([
      "users.id",
      "users.name",
      "users.email",
      "users.role",
      "users.organisation_id",
      "organisations.name as organisation_name",
      "users.active",
      "users.password_hash",
      "users.last_sign_in_at",
    ]);
}

type UserRow = Awaited<ReturnType<ReturnType<typeof usersQuery>["executeTakeFirstOrThrow"]>>;

async function withAreas(db: Db, rows: UserRow[]): Promise<ManagedUser[]> {
  if (rows.length === 0) return [];
  const areas = await db
    .selectFrom("user_areas")
    .innerJoin("areas", "areas.id", "user_areas.area_id")
    .select(["user_areas.user_id", "areas.id", "areas.name"])
    .where("user_areas.user_id", "in", rows.map((r) => r.id))
    .orderBy("areas.name")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    areas: areas.filter((a) => a.user_id === row.id).map(({ id, name }) => ({ id, name })),
    active: row.active === 1,
    invitationPending: row.password_hash === null,
    lastSignInAt: row.last_sign_in_at,
  }));
}

/** The accounts a manager looks after, by name, a page at a time. */
export async function listManagedUsers(db: Db, manager: Manager, filters: UserFilters): Promise<UserPage> {
  if (!managesEveryone(manager) && manager.areaIds.length === 0) return { users: [], page: 1, totalPages: 1, total: 0 };
  let query = usersQuery(db);
  if (!managesEveryone(manager)) {
    query = query.where("users.id", "in", db.selectFrom("user_areas").select("user_id").where("area_id", "in", manager.areaIds));
  }
  if (filters.role) query = query.where("users.role", "=", filters.role);
  if (filters.active !== undefined) query = query.where("users.active", "=", filters.active ? 1 : 0);

  const { count } = await query.clearSelect().select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const total = Number(count);
  const totalPages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const page = Math.min(Math.max(Math.trunc(filters.page) || 1, 1), totalPages);
  const rows = await query
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(USERS_PAGE_SIZE)
    .offset((page - 1) * USERS_PAGE_SIZE)
    .execute();
  return { users: await withAreas(db, rows), page, totalPages, total };
}

export type Lookup<T> = { status: "ok"; user: T } | { status: "not-found" } | { status: "forbidden" };

/**
 * One account, if the manager may manage it. Accounts outside a coordinator's areas are "not
 * found", so ids cannot be probed; an administrator inside them is "forbidden".
 */
export async function findManagedUser(db: Db, manager: Manager, id: string): Promise<Lookup<ManagedUser>> {
  const row = await usersQuery(db).where("users.id", "=", id).executeTakeFirst();
  if (!row) return { status: "not-found" };
  const [user] = await withAreas(db, [row]);
  const target = { role: user.role, areaIds: user.areas.map((a) => a.id) };
  if (!canSeeAccount(manager, target)) return { status: "not-found" };
  if (!canChangeAccount(manager, target)) return { status: "forbidden" };
  return { status: "ok", user };
}

export interface AccountChange {
  role: Role;
  /** The areas chosen on the form; only those within the manager's reach are considered. */
  areaIds: string[];
}

export type ChangeResult = { ok: true } | { ok: false; errors: Partial<Record<"role" | "areaIds", string>> };

/**
 * Changes someone's role and areas. Areas outside a coordinator's reach are kept as they were,
 * since the coordinator could not see them to untick them.
 */
export async function changeManagedUser(
  db: Db,
  manager: Manager,
  user: ManagedUser,
  change: AccountChange,
  options: { ip?: string | null; now?: Date } = {},
): Promise<ChangeResult> {
  const now = options.now ?? new Date();
  const errors: Partial<Record<"role" | "areaIds", string>> = {};
  if (!assignableRoles(manager.role).includes(change.role)) errors.role = "Select a role you are allowed to give";
  else if (user.id === manager.id && change.role !== user.role) errors.role = "You cannot change your own role";

  const reach = managesEveryone(manager)
    ? (await db.selectFrom("areas").select("id").execute()).map((a) => a.id)
    : manager.areaIds;
  const chosen = [...new Set(change.areaIds)];
  if (chosen.some((id) => !reach.includes(id))) errors.areaIds = "Select only areas you coordinate";
  const before = user.areas.map((a) => a.id);
  const after = [...before.filter((id) => !reach.includes(id)), ...chosen];
  if (!errors.areaIds && after.length === 0 && roleNeedsArea(change.role)) errors.areaIds = "Select at least one area";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  if (change.role === user.role && added.length === 0 && removed.length === 0) return { ok: true };

  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ role: change.role, updated_at: now.toISOString() }).where("id", "=", user.id).execute();
    if (removed.length > 0) await trx.deleteFrom("user_areas").where("user_id", "=", user.id).where("area_id", "in", removed).execute();
    if (added.length > 0) await trx.insertInto("user_areas").values(added.map((area_id) => ({ user_id: user.id, area_id }))).execute();
    const detail = { role: change.role === user.role ? undefined : { from: user.role, to: change.role }, areasAdded: added, areasRemoved: removed };
    await recordAudit(trx, { actor: actorFor(manager), action: "user-updated", recordType: "user", recordId: user.id, detail, ip: options.ip }, now);
  });
  return { ok: true };
}

/**
 * Deactivating ends every session at once, and the account can no longer sign in or use a link
 * already sent to it. Nobody may deactivate themselves, so an organisation is never locked out by accident.
 */
export async function setManagedUserActive(
  db: Db,
  manager: Manager,
  user: ManagedUser,
  active: boolean,
  options: { ip?: string | null; now?: Date } = {},
): Promise<{ ok: true } | { ok: false; error: string }> {
  const now = options.now ?? new Date();
  if (user.id === manager.id) return { ok: false, error: "You cannot deactivate your own account" };
  if (user.active === active) return { ok: true };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ active: active ? 1 : 0, updated_at: now.toISOString() }).where("id", "=", user.id).execute();
    await recordAudit(trx, { actor: actorFor(manager), action: active ? "user-reactivated" : "user-deactivated", recordType: "user", recordId: user.id, ip: options.ip }, now);
  });
  if (!active) await revokeUserSessions(user.id);
  return { ok: true };
}
