/// <reference types="vite/client" />
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "~db/dialect";
import type { Role } from "~db/schema/accounts";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, organisationIdFor } from "~/directory/stable-id";
import { getDb } from "~/lib/db.server";
import { createTestUser, signedInRequest, type TestUser } from "../../helpers/auth";
import { matrix, type Actor, type Expected, type Fixtures } from "./authorization-rules";

/**
 * Every route module, for every kind of visitor, answers a GET and (where it has an action) a POST
 * with the status the rules expect. A route file with no rule, or an action with no rule, fails
 * here, so a new page or form cannot ship without deciding who may use it.
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

type Outcome = Expected | number;

async function statusOf(result: unknown): Promise<Outcome> {
  if (result instanceof Response) {
    if (result.status >= 300 && result.status < 400) {
      // Sent to sign in and back again, as requireUser does; the sign-in page after signing out is not that.
      const location = new URL(result.headers.get("Location") ?? "", "http://localhost");
      return location.pathname === "/login" && location.searchParams.has("redirectTo") ? "login" : "redirect";
    }
    return result.status;
  }
  return 200;
}

/** What a loader or action answers, whether it returns its response or throws it. */
async function outcomeOf(run: () => Promise<unknown> | unknown): Promise<Outcome> {
  try {
    return await statusOf(await run());
  } catch (thrown) {
    if (thrown instanceof Response) return statusOf(thrown);
    throw thrown;
  }
}

function argsFor(file: string, actor: Actor) {
  const rule = matrix[file];
  return {
    user: actor === "signedOut" ? null : users[actor],
    url: rule.path(fixtures),
    params: rule.params?.(fixtures) ?? {},
    context: { cspNonce: "", clientIp: `10.0.0.${ACTORS.indexOf(actor) + 1}` },
  };
}

async function get(file: string, actor: Actor): Promise<Outcome> {
  const mod = await modules[`../../../app/routes/${file}`]();
  // A module without a loader renders its page (static content or an empty form); it holds no data to protect.
  if (!mod.loader) return 200;
  const loader = mod.loader;
  const { user, url, params, context } = argsFor(file, actor);
  const request = await signedInRequest(url, user);
  return outcomeOf(() => loader({ request, params, context }));
}

/**
 * Something that moves when any row is inserted, updated or deleted: SQLite counts the app
 * connection's changes (total_changes); PostgreSQL has no such counter that is exact at once,
 * so there it is a digest of every table's rows.
 */
async function changesSoFar(): Promise<string> {
  const db = getDb();
  if (dialectOf(db) === "sqlite") return String((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0].n);
  const digest = createHash("sha256");
  for (const table of await db.introspection.getTables()) {
    const { rows } = await sql`select * from ${sql.table(table.name)}`.execute(db);
    digest.update(`${table.name}:${JSON.stringify(rows)}`);
  }
  return digest.digest("hex");
}

/** POSTs an empty form, as a browser would send it, and notes whether the database changed. */
async function post(file: string, actor: Actor): Promise<{ outcome: Outcome; wrote: boolean }> {
  const mod = await modules[`../../../app/routes/${file}`]();
  const action = mod.action;
  if (!action) throw new Error(`${file} has an action rule but exports no action`);
  const { user, url, params, context } = argsFor(file, actor);
  const request = await signedInRequest(url, user, { method: "POST", body: new URLSearchParams() });
  const before = await changesSoFar();
  const outcome = await outcomeOf(() => action({ request, params, context }));
  return { outcome, wrote: (await changesSoFar()) !== before };
}

const REFUSALS: readonly Outcome[] = ["login", 403, 404];

describe("authorization matrix", () => {
  it("has a rule for every route module and no rule for a route that is gone", () => {
    expect(routeFiles.filter((f) => !(f in matrix))).toEqual([]);
    expect(Object.keys(matrix).filter((f) => !routeFiles.includes(f))).toEqual([]);
  });

  // The first test to load every route module, which takes a while on a small machine.
  it("has an action rule for every module that exports an action, and only for those", { timeout: 60_000 }, async () => {
    const withAction: string[] = [];
    for (const file of routeFiles) if ((await modules[`../../../app/routes/${file}`]()).action) withAction.push(file);
    expect(withAction.filter((f) => !matrix[f]?.action)).toEqual([]);
    expect(Object.keys(matrix).filter((f) => matrix[f].action && !withAction.includes(f))).toEqual([]);
  });

  describe("GET", () => {
    for (const file of routeFiles.filter((f) => f in matrix)) {
      it(`${file}`, async () => {
        const actual: Partial<Record<Actor, Outcome>> = {};
        for (const actor of ACTORS) actual[actor] = await get(file, actor);
        expect(actual, `${file}: ${JSON.stringify(actual)}`).toEqual(matrix[file].expect);
      });
    }
  });

  // After every GET, since allowed POSTs may change records the pages show.
  describe("POST", () => {
    for (const file of routeFiles.filter((f) => matrix[f]?.action)) {
      it(`${file}`, async () => {
        const actual: Partial<Record<Actor, Outcome>> = {};
        const refusedAfterWriting: Actor[] = [];
        for (const actor of ACTORS) {
          const { outcome, wrote } = await post(file, actor);
          actual[actor] = outcome;
          if (wrote && REFUSALS.includes(outcome)) refusedAfterWriting.push(actor);
        }
        expect(actual, `${file}: ${JSON.stringify(actual)}`).toEqual(matrix[file].action);
        // A refusal must come before any work: the permission check is the action's first step.
        expect(refusedAfterWriting, `${file} changed the database before refusing`).toEqual([]);
      });
    }
  });
});
