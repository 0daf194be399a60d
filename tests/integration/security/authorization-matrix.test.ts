/// <reference types="vite/client" />
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~db/schema/accounts";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, organisationIdFor } from "~/directory/stable-id";
import { getDb } from "~/lib/db.server";
import { createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { matrix, type Actor, type Expected, type Fixtures } from "./authorization-rules";

/**
 * Every route module, for every kind of visitor, answers with the status the rules expect.
 * A route file with no rule fails here, so a new page cannot ship without deciding who may see it.
 */
type RouteModule = {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown> | unknown;
  action?: (args: ActionFunctionArgs) => Promise<unknown> | unknown;
};

const modules = import.meta.glob<RouteModule>("../../../app/routes/*.{ts,tsx}");
const routeFiles = fs.readdirSync(path.resolve(__dirname, "../../../app/routes")).filter((f) => /\.tsx?$/.test(f));
const ACTORS: Actor[] = ["signedOut", "champion", "staff", "provider", "coordinator", "admin"];

let fixtures: Fixtures;
const users = {} as Record<Role, TestUser>;

beforeAll(async () => {
  const db = getDb();
  await seedDirectory(db);
  const maidstone = areaIdFor("maidstone");
  const organisationFor: Record<Role, string> = {
    champion: organisationIdFor("maidstone-digital-champions"),
    staff: organisationIdFor("medway-valley-homes"),
    provider: organisationIdFor("connect-kent-cic"),
    coordinator: organisationIdFor("mid-kent-borough-council"),
    admin: organisationIdFor("mid-kent-borough-council"),
  };
  for (const role of ["champion", "staff", "provider", "coordinator", "admin"] as const) {
    users[role] = await createTestUser(db, { role, organisationId: organisationFor[role], areaIds: [maidstone] });
  }
  fixtures = await (await import("./authorization-fixtures")).createFixtures(db, users);
});

async function statusOf(result: unknown): Promise<Expected | number> {
  if (result instanceof Response) {
    const location = result.headers.get("Location") ?? "";
    if (result.status >= 300 && result.status < 400) return location.startsWith("/login") ? "login" : "redirect";
    return result.status;
  }
  return 200;
}

async function call(file: string, actor: Actor): Promise<Expected | number> {
  const rule = matrix[file];
  const mod = await modules[`../../../app/routes/${file}`]();
  const user = actor === "signedOut" ? null : users[actor];
  const url = rule.path(fixtures);
  const params = rule.params?.(fixtures) ?? {};
  const context = { cspNonce: "", clientIp: `10.0.0.${ACTORS.indexOf(actor) + 1}` };
  try {
    if (mod.loader && rule.method !== "POST") {
      return await statusOf(await mod.loader({ request: await signedInRequest(url, user), params, context }));
    }
    // A module with neither renders static content only; it holds no data to protect.
    if (!mod.action) return 200;
    const request = await signedInRequest(url, user, { method: "POST", body: new URLSearchParams(rule.body ?? {}) });
    return await statusOf(await mod.action({ request, params, context }));
  } catch (thrown) {
    if (thrown instanceof Response) return statusOf(thrown);
    throw thrown;
  }
}

describe("authorization matrix", () => {
  it("has a rule for every route module and no rule for a route that is gone", () => {
    expect(routeFiles.filter((f) => !(f in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((f) => !routeFiles.includes(f))).toEqual([]);
  });

  for (const file of routeFiles.filter((f) => f in matrix)) {
    it(`${file}`, async () => {
      const expected = matrix[file].expect;
      const actual: Partial<Record<Actor, Expected | number>> = {};
      for (const actor of ACTORS) actual[actor] = await call(file, actor);
      expect(actual, `${file}: ${JSON.stringify(actual)}`).toEqual(expected);
    });
  }
});
