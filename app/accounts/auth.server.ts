import { redirect } from "@remix-run/node";
import type { Role } from "~db/schema/accounts";
import { getDb } from "~/lib/db.server";
import { can, type Permission } from "./policy";
import { getSession } from "./session.server";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  /** Areas the user works in; a coordinator's reach. */
  areaIds: string[];
}

const cache = new WeakMap<Request, Promise<CurrentUser | null>>();

/** The signed-in user for this request, or null; looked up once per request. */
export function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = loadCurrentUser(request);
    cache.set(request, pending);
  }
  return pending;
}

async function loadCurrentUser(request: Request): Promise<CurrentUser | null> {
  const session = await getSession(request);
  const userId = session.get("userId");
  if (typeof userId !== "string") return null;
  const db = getDb();
  const user = await db
    .selectFrom("users")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select(["users.id", "users.name", "users.email", "users.role", "users.organisation_id", "organisations.name as organisation_name"])
    .where("users.id", "=", userId)
    .where("users.active", "=", 1)
    .executeTakeFirst();
  if (!user) return null;
  const areas = await db.selectFrom("user_areas").select("area_id").where("user_id", "=", userId).execute();
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    organisationId: user.organisation_id,
    organisationName: user.organisation_name,
    areaIds: areas.map((a) => a.area_id),
  };
}

function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  return redirect(`/login?${params}`);
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) throw signInRedirect(request);
  return user;
}

export function forbidden(message = "You do not have permission to see this page."): Response {
  return new Response(message, { status: 403, statusText: "Forbidden" });
}

/** Signed out: sign in first. Signed in without the permission: 403. */
export async function requirePermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) throw forbidden();
  return user;
}

/** For pages open to several permissions; returns which ones the user holds. */
export async function requireAnyPermission<P extends Permission>(request: Request, permissions: readonly P[]): Promise<{ user: CurrentUser; held: P[] }> {
  const user = await requireUser(request);
  const held = permissions.filter((p) => can(user.role, p));
  if (held.length === 0) throw forbidden();
  return { user, held };
}
