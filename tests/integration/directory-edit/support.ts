import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";
import type { Role } from "~db/schema/accounts";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import type { Db } from "~/lib/db.server";
import { createTestUser, type TestUser } from "../../helpers/auth";

// Vitest sets BASE_URL to "/" for Vite, which is no URL for Waymark; without it links in emails
// are built from the configured port.
process.env.BASE_URL = "";

/** What Remix passes a loader or action, as the Express edge would build it. */
export function args(request: Request, params: Record<string, string> = {}) {
  const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };
  return { request, params, context };
}

/** Loaders and actions refuse by throwing a Response (redirect, 403, 404); this returns it. */
export async function thrownResponse(pending: Promise<unknown>): Promise<Response> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  return expect.fail("expected a thrown Response");
}

/** The body of a loader's or action's json() answer. */
export async function bodyOf<T = Record<string, unknown>>(result: unknown): Promise<T> {
  if (!(result instanceof Response)) throw new Error("expected a Response");
  return (await result.json()) as T;
}

export const ids = {
  connectKent: organisationIdFor("connect-kent-cic"),
  medwayValley: organisationIdFor("medway-valley-homes"),
  council: organisationIdFor("mid-kent-borough-council"),
  maidstone: areaIdFor("maidstone"),
  thanet: areaIdFor("thanet"),
  /** Connect Kent CIC's Maidstone listing, at Park Wood Community Hub. */
  parkWood: serviceIdFor("park-wood-device-and-data"),
  /** Another organisation's Maidstone listing. */
  connectedTenants: serviceIdFor("medway-valley-homes-connected-tenants"),
};

export interface People {
  provider: TestUser;
  otherProvider: TestUser;
  coordinator: TestUser;
  thanetCoordinator: TestUser;
  admin: TestUser;
  champion: TestUser;
}

/** The demo directory and one person per role, as in the demo partnership. */
export async function seedPeople(db: Db): Promise<People> {
  await seedDirectory(db);
  const make = (role: Role, organisationId: string, areaIds: string[]) => createTestUser(db, { role, organisationId, areaIds });
  return {
    provider: await make("provider", ids.connectKent, [ids.maidstone]),
    otherProvider: await make("provider", ids.medwayValley, [ids.maidstone]),
    coordinator: await make("coordinator", ids.council, [ids.maidstone]),
    thanetCoordinator: await make("coordinator", ids.council, [ids.thanet]),
    admin: await make("admin", ids.council, []),
    champion: await make("champion", ids.council, [ids.maidstone]),
  };
}

/** The edit form as a browser would send it, from the listing's own values with some changed. */
export function editForm(values: Record<string, string | string[]>, changes: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...changes })) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
  }
  return body;
}
