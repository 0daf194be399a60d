import { randomUUID } from "node:crypto";
import type { Role } from "~db/schema/accounts";
import { hashPassword } from "~/accounts/password.server";
import { commitSession, getSession } from "~/accounts/session.server";
import type { Db } from "~/lib/db.server";

export interface TestUser {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string;
  areaIds: string[];
}

export interface TestUserOptions {
  role: Role;
  /** An existing organisation; without one, a new organisation is made for this user. */
  organisationId?: string;
  /** Existing areas; without them, a new area is made for this user. Pass [] for none. */
  areaIds?: string[];
  name?: string;
  email?: string;
  /** Hashing is slow on purpose, so users have no password unless a test signs in with one. */
  password?: string;
  active?: boolean;
}

export async function createTestOrganisation(db: Db, name = `Test organisation ${randomUUID().slice(0, 8)}`): Promise<string> {
  const id = randomUUID();
  await db.insertInto("organisations").values({ id, name, kind: "council" }).execute();
  return id;
}

export async function createTestArea(db: Db, name = `Test area ${randomUUID().slice(0, 8)}`, districts: string[] = []): Promise<string> {
  const id = randomUUID();
  await db.insertInto("areas").values({ id, name }).execute();
  if (districts.length > 0) {
    await db.insertInto("area_districts").values(districts.map((outward_code) => ({ area_id: id, outward_code }))).execute();
  }
  return id;
}

/** A user of the given role, with an organisation and an area made for it unless given. */
export async function createTestUser(db: Db, options: TestUserOptions): Promise<TestUser> {
  const id = randomUUID();
  const organisationId = options.organisationId ?? (await createTestOrganisation(db));
  const areaIds = options.areaIds ?? [await createTestArea(db)];
  const email = (options.email ?? `${options.role}-${id.slice(0, 8)}@test.waymark.example`).toLowerCase();
  const name = options.name ?? `Test ${options.role} ${id.slice(0, 4)}`;
  await db
    .insertInto("users")
    .values({
      id,
      email,
      name,
      role: options.role,
      organisation_id: organisationId,
      password_hash: options.password === undefined ? null : await hashPassword(options.password),
      active: options.active === false ? 0 : 1,
    })
    .execute();
  if (areaIds.length > 0) await db.insertInto("user_areas").values(areaIds.map((area_id) => ({ user_id: id, area_id }))).execute();
  return { id, name, email, role: options.role, organisationId, areaIds };
}

/** An absolute URL for a path, since Request needs one. */
export function testUrl(path: string): string {
  return new URL(path, "http://localhost").toString();
}

/** The Cookie header value for a new database session signed in as this user. */
export async function sessionCookieFor(user: { id: string }): Promise<string> {
  const session = await getSession(new Request(testUrl("/")));
  session.set("userId", user.id);
  const setCookie = await commitSession(session);
  return setCookie.split(";")[0];
}

/**
 * A request as the user would send it from the browser, with a fresh session cookie. `url` may be
 * a path. Pass `null` for a signed-out request. Bodies such as URLSearchParams get their content type.
 */
export async function signedInRequest(url: string, user: { id: string } | null, init: RequestInit = {}): Promise<Request> {
  const headers = new Headers(init.headers);
  if (user) headers.set("Cookie", await sessionCookieFor(user));
  return new Request(testUrl(url), { ...init, headers });
}

/** A POST of form fields; repeat a key (checkboxes) by giving an array. */
export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return body;
}
