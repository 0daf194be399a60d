import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { Role } from "~db/schema/accounts";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, organisationIdFor } from "~/directory/stable-id";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import { createTestUser, formBody, signedInRequest, type TestUser } from "../../helpers/auth";
import { testDb } from "../../setup/integration";

export const context = { cspNonce: "", clientIp: "10.2.2.2" };
export const maidstone = areaIdFor("maidstone");

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown> | unknown;

/** A loader's or action's answer as a Response, whether it returned or threw it. */
export async function answer(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await handler({ request, params, context });
    if (result instanceof Response) return result;
    throw new Error("the handler returned something that is not a Response");
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function post(handler: Handler, url: string, user: TestUser | null, fields: Record<string, string | string[]>, params: Record<string, string> = {}): Promise<Response> {
  return answer(handler, await signedInRequest(url, user, { method: "POST", body: formBody(fields) }), params);
}

export async function get(handler: Handler, url: string, user: TestUser | null, params: Record<string, string> = {}): Promise<Response> {
  return answer(handler, await signedInRequest(url, user), params);
}

/** The seeded directory and one user per role, with the demo roles' organisations, all in Maidstone. */
export async function setUpPartnership(): Promise<Record<Role | "otherProvider", TestUser>> {
  await seedDirectory(testDb);
  const make = (role: Role, organisation: string) => createTestUser(testDb, { role, organisationId: organisationIdFor(organisation), areaIds: [maidstone] });
  return {
    champion: await make("champion", "maidstone-digital-champions"),
    staff: await make("staff", "medway-valley-homes"),
    provider: await make("provider", "connect-kent-cic"),
    otherProvider: await make("provider", "medway-valley-homes"),
    coordinator: await make("coordinator", "mid-kent-borough-council"),
    admin: await make("admin", "mid-kent-borough-council"),
  };
}

/** An assisted plan made by this champion in Maidstone; returns its reference. */
export async function assistedPlanBy(user: TestUser): Promise<string> {
  const done = completeTriage(loadTriageContent(), loadScenarios()[0].answers, "assisted");
  if (!done.ok) throw new Error(done.error);
  const saved = await saveTriageResult(testDb, { outcome: done.outcome, areaId: maidstone, createdByUserId: user.id, organisationId: user.organisationId });
  return saved.reference;
}
