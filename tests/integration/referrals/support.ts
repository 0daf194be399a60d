import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import { seedDirectory } from "~/directory/seed.server";
import type { Db } from "~/lib/db.server";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import { createTestUser, formBody, sessionCookieFor, testUrl, type TestUser } from "../../helpers/auth";

// Vitest sets BASE_URL to "/" for Vite; without it, email links use the request's origin.
process.env.BASE_URL = "";

export const IDS = {
  maidstone: areaIdFor("maidstone"),
  thanet: areaIdFor("thanet"),
  connectKent: organisationIdFor("connect-kent-cic"),
  moneyMatters: organisationIdFor("money-matters-kent"),
  champions: organisationIdFor("maidstone-digital-champions"),
  council: organisationIdFor("mid-kent-borough-council"),
  /** Maidstone, Connect Kent CIC. */
  parkWood: serviceIdFor("park-wood-device-and-data"),
  /** Thanet, Connect Kent CIC. */
  cliftonville: serviceIdFor("cliftonville-free-sim"),
  /** Maidstone, Money Matters Kent. */
  moneyMaidstone: serviceIdFor("money-matters-maidstone"),
  /** National. */
  helpline: serviceIdFor("get-online-helpline-phone"),
};

export interface Cast {
  champion: TestUser;
  otherChampion: TestUser;
  thanetChampion: TestUser;
  provider: TestUser;
  otherProvider: TestUser;
  coordinator: TestUser;
  thanetCoordinator: TestUser;
  admin: TestUser;
}

/** The directory's demo partnership plus one user per role, placed in its organisations and areas. */
export async function seedCast(db: Db): Promise<Cast> {
  await seedDirectory(db);
  return {
    champion: await createTestUser(db, { role: "champion", name: "Priya Shah", organisationId: IDS.champions, areaIds: [IDS.maidstone] }),
    otherChampion: await createTestUser(db, { role: "staff", name: "Tom Bailey", organisationId: IDS.champions, areaIds: [IDS.maidstone] }),
    thanetChampion: await createTestUser(db, { role: "champion", name: "Jo Thanet", organisationId: IDS.champions, areaIds: [IDS.thanet] }),
    provider: await createTestUser(db, { role: "provider", name: "Grace Okafor", organisationId: IDS.connectKent, areaIds: [] }),
    otherProvider: await createTestUser(db, { role: "provider", name: "Sam Money", organisationId: IDS.moneyMatters, areaIds: [] }),
    coordinator: await createTestUser(db, { role: "coordinator", name: "Chris Morgan", organisationId: IDS.council, areaIds: [IDS.maidstone] }),
    thanetCoordinator: await createTestUser(db, { role: "coordinator", name: "Dee Coast", organisationId: IDS.council, areaIds: [IDS.thanet] }),
    admin: await createTestUser(db, { role: "admin", name: "Alex Reid", organisationId: IDS.council, areaIds: [] }),
  };
}

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;

/** What a loader or action answered, whether it returned or threw the Response. */
export async function respond(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await handler({ request, params, context: { cspNonce: "", clientIp: "127.0.0.1" } });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result), { status: 200 });
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** One visitor with one session cookie, as a browser would keep it between pages. */
export class Visitor {
  private constructor(private cookie: string | null) {}

  static async signedIn(user: { id: string }): Promise<Visitor> {
    return new Visitor(await sessionCookieFor(user));
  }

  static anonymous(): Visitor {
    return new Visitor(null);
  }

  private request(path: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", this.cookie);
    return new Request(testUrl(path), { ...init, headers });
  }

  private keep(response: Response): Response {
    const set = response.headers.get("Set-Cookie");
    if (set) this.cookie = set.split(";")[0];
    return response;
  }

  async get(loader: Handler, path: string, params: Record<string, string> = {}): Promise<Response> {
    return this.keep(await respond(loader, this.request(path), params));
  }

  async post(action: Handler, path: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}): Promise<Response> {
    return this.keep(await respond(action, this.request(path, { method: "POST", body: formBody(fields) }), params));
  }
}

export function expectRedirect(response: Response, to: string): void {
  expect(response.status, `expected a redirect to ${to}`).toBe(302);
  expect(response.headers.get("Location")).toBe(to);
}

export async function errorsOf(response: Response): Promise<Record<string, string>> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { errors: Record<string, string> };
  return body.errors;
}

/** A finished triage from a persona scenario (a jobseeker on Universal Credit), saved as the app would. */
export async function seedTriage(db: Db, postcode: string) {
  const content = loadTriageContent();
  const scenario = loadScenarios().find((s) => s.id === "jobseeker-uc-journal")!;
  const done = completeTriage(content, scenario.answers as never, scenario.mode);
  if (!done.ok) throw new Error(done.error);
  const saved = await saveTriageResult(db, { outcome: done.outcome, postcode });
  return {
    reference: saved.reference,
    barriers: Object.keys(scenario.expect.barriers),
    goals: saved.result.goals,
  };
}
