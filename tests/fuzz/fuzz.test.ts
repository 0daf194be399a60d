/**
 * `npm run test:fuzz`: every route of the built app, as every kind of visitor, gets hostile values
 * in every field of every form its pages render, in every query parameter its links use and in
 * its path parameters, plus bodies of the wrong type and broken encodings. Counted and required
 * to be zero: answers of 500 or more, payloads that come back as markup on any page, and writes
 * made by a request that was refused.
 *
 * Routes come from the build's route manifest and fields from the pages' own HTML, so a new
 * route or field is covered without editing this file. FUZZ_CASES (default 1) bounds the values
 * tried per field; FUZZ_SEED (default 18) replays a run. Each route and visitor draws from its own
 * sequence, so FUZZ_ROUTES (a pattern matched against the URL) replays one route's cases alone.
 */
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~db/schema/accounts";
import { seedDirectory } from "~/directory/seed.server";
import { areaIdFor, organisationIdFor } from "~/directory/stable-id";
import { getDb } from "~/lib/db.server";
import { createTestUser, sessionCookieFor } from "../helpers/auth";
import { createFixtures } from "../integration/security/authorization-fixtures";
import { matrix, type Actor, type Fixtures } from "../integration/security/authorization-rules";
import { withStorageFaultPages } from "~/server/storage-faults";
import { type Answer, createSender, loadBuild, type Visitor } from "./harness";
import { type Field, type Form, formsIn, linkParamsIn } from "./forms";
import { HTML_PAYLOADS, payloadsFor, plausibleValue, seededRandom } from "./payloads";

const CASES = Number(process.env.FUZZ_CASES ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 18);
const ONLY = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
const root = fileURLToPath(new URL("../..", import.meta.url));
const ACTORS: Actor[] = ["signedOut", "champion", "staff", "provider", "coordinator", "admin"];

interface Finding {
  actor: Actor;
  method: string;
  url: string;
  what: string;
  status: number;
  error?: string | null;
}

const counts = { cases: 0, serverErrors: 0, unescaped: 0, refusedWrites: 0, refused: 0 };
const findings: Finding[] = [];
let build: ServerBuild;
let sender: ReturnType<typeof createSender>;
let fixtures: Fixtures;
const visitors = {} as Record<Actor, Visitor>;

beforeAll(async () => {
  const db = getDb();
  // Guarded as the server guards it; the anonymous-form limits are left out so every case reaches the
  // route (they have their own tests), and each request comes from its own address for the same reason.
  build = withStorageFaultPages(await loadBuild(root));
  sender = createSender(build, db);
  await seedDirectory(db);
  const organisationFor: Record<Role, string> = {
    champion: organisationIdFor("maidstone-digital-champions"),
    staff: organisationIdFor("medway-valley-homes"),
    provider: organisationIdFor("connect-kent-cic"),
    coordinator: organisationIdFor("mid-kent-borough-council"),
    admin: organisationIdFor("mid-kent-borough-council"),
  };
  const users = {} as Record<Role, Awaited<ReturnType<typeof createTestUser>>>;
  for (const role of ["champion", "staff", "provider", "coordinator", "admin"] as const) {
    users[role] = await createTestUser(db, { role, organisationId: organisationFor[role], areaIds: [areaIdFor("maidstone")] });
  }
  fixtures = await createFixtures(db, users);
  visitors.signedOut = { name: "signedOut", cookie: "", renew: async () => "" };
  for (const role of ["champion", "staff", "provider", "coordinator", "admin"] as const) {
    const renew = () => sessionCookieFor(users[role]);
    visitors[role] = { name: role, cookie: await renew(), renew };
  }
}, 120_000);

afterAll(() => sender?.restore());

/** The URL the authorization matrix uses for a route (real records), or the pattern with stand-ins. */
function urlFor(routeId: string, routePath: string): string {
  const file = routeId.replace(/^routes\//, "");
  const rule = matrix[`${file}.tsx`] ?? matrix[`${file}.ts`];
  if (rule) return rule.path(fixtures);
  return "/" + routePath.replace(/:(\w+)/g, "fuzz").replace(/\*$/, "fuzz");
}

function note(actor: Actor, method: string, url: string, what: string, answer: Answer): void {
  counts.cases++;
  if (answer.refused) counts.refused++;
  const finding = (kind: string) => findings.push({ actor, method, url: url.slice(0, 160), what: `${kind}: ${what}`, status: answer.status, error: answer.error });
  if (answer.status >= 500) {
    counts.serverErrors++;
    finding("5xx");
  }
  if (answer.unescaped) {
    counts.unescaped++;
    finding("unescaped");
  }
  if (answer.refused && answer.wrote) {
    counts.refusedWrites++;
    finding("refused but wrote");
  }
}

type Values = [string, string][];

function defaults(form: Form, plausible: boolean): Values {
  const values: Values = [];
  for (const field of form.fields) {
    if (field.type === "submit") {
      if (field.choices.length > 0) values.push([field.name, field.choices[0]]);
      continue;
    }
    if (field.type === "file") continue;
    if ((field.type === "radio" || field.type === "checkbox") && field.value === null) {
      if (plausible && field.choices.length > 0) values.push([field.name, field.choices[0]]);
      continue;
    }
    const value = field.value ?? "";
    values.push([field.name, plausible && value === "" ? plausibleValue(field.name, field.type) : value]);
  }
  return values;
}

function withField(values: Values, field: Field, value: string | string[]): Values {
  const others = values.filter(([name]) => name !== field.name);
  return [...others, ...(Array.isArray(value) ? value : [value]).map((v) => [field.name, v] as [string, string])];
}

async function submit(actor: Actor, form: Form, values: Values, what: string): Promise<void> {
  const body = new URLSearchParams(values);
  if (form.method === "get") {
    const url = new URL(form.action, "http://localhost");
    for (const [name, value] of values) url.searchParams.append(name, value);
    note(actor, "GET", url.pathname + url.search, what, await sender.send(visitors[actor], "GET", url.pathname + url.search));
    return;
  }
  if (form.enctype === "multipart/form-data") {
    const data = new FormData();
    for (const [name, value] of values) data.append(name, value);
    note(actor, "POST", form.action, what, await sender.send(visitors[actor], "POST", form.action, data));
    return;
  }
  note(actor, "POST", form.action, what, await sender.send(visitors[actor], "POST", form.action, body, "application/x-www-form-urlencoded"));
}

/** Bodies no browser form sends: the wrong content type, broken percent-encoding, bytes that are not UTF-8. */
async function badBodies(actor: Actor, action: string, values: Values): Promise<void> {
  const encoded = new URLSearchParams(values).toString();
  const cases: [string, BodyInit, string | undefined][] = [
    ["json body", JSON.stringify(Object.fromEntries(values)), "application/json"],
    ["text/plain body", encoded, "text/plain"],
    ["no content type", encoded, undefined],
    ["multipart without boundary", encoded, "multipart/form-data"],
    ["broken percent-encoding", `${encoded}&x=%E0%A4%A&%%=%`, "application/x-www-form-urlencoded"],
    ["invalid UTF-8", Buffer.concat([Buffer.from(`${encoded}&`), Buffer.from([0x6e, 0x3d, 0xc3, 0x28, 0xff, 0xfe])]), "application/x-www-form-urlencoded"],
    ["huge body", `${encoded}&pad=${"x".repeat(500_000)}`, "application/x-www-form-urlencoded"],
  ];
  for (const [what, body, type] of cases) note(actor, "POST", action, what, await sender.send(visitors[actor], "POST", action, body, type));
}

/** FNV-1a, to give each route and visitor its own seeded sequence. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Percent-encoded, except that a lone surrogate becomes the bytes of broken UTF-8, as a hand-made link might carry. */
function pathSegment(value: string): string {
  return value
    .split(/([\ud800-\udfff])/)
    .map((part, i) => (i % 2 === 1 ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("")
    .slice(0, 4_000);
}

/** The page's URL with one path parameter replaced; the others keep the real records' values. */
function withPathParam(page: Page, name: string, segment: string): string {
  const real = new URL(page.url, "http://localhost").pathname.split("/").slice(1);
  return "/" + page.pattern.split("/").map((part, i) => (part === `:${name}` ? segment : real[i])).join("/");
}

interface Page {
  routeId: string;
  url: string;
  hasAction: boolean;
  pattern: string;
  pathParams: string[];
}

function pages(): Page[] {
  const routes = Object.values(build.routes).filter((r) => r.id !== "root" && r.path !== undefined);
  // Starts of multi-page forms sort before their later steps; signing out goes last.
  return routes
    .map((r) => ({ routeId: r.id, url: urlFor(r.id, r.path ?? ""), hasAction: Boolean(r.module.action), pattern: r.path ?? "", pathParams: [...(r.path ?? "").matchAll(/:(\w+)/g)].map((m) => m[1]) }))
    .sort((a, b) => Number(a.url === "/logout") - Number(b.url === "/logout") || a.url.localeCompare(b.url));
}

describe(`fuzz (seed ${SEED}, ${CASES} values per field)`, () => {
  it("answers every hostile request without a server error, an unescaped payload or a refused write", { timeout: 1_800_000 }, async () => {
    const all = pages().filter((page) => !ONLY || ONLY.test(page.url));
    let fields = 0;
    const slowest: [string, number][] = [];
    for (const page of all) {
      const started = performance.now();
      for (const actor of ACTORS) {
        const random = seededRandom(SEED ^ hash(`${page.routeId} ${actor}`));
        const first = await sender.send(visitors[actor], "GET", page.url);
        note(actor, "GET", page.url, "page as rendered", first);
        const forms = first.html ? formsIn(first.html, new URL(page.url, "http://localhost").href) : [];
        for (const form of forms) {
          const start = defaults(form, false);
          for (const field of form.fields) {
            fields++;
            for (const { kind, value } of payloadsFor(random, CASES)) await submit(actor, form, withField(start, field, value), `${field.name} = ${kind}`);
          }
          // Hostile text in every free-text field at once, with plausible values elsewhere, so a form that saves stores it.
          const plausible = defaults(form, true);
          const stored = plausible.map(([name, value]): [string, string] => {
            const field = form.fields.find((f) => f.name === name);
            const freeText = field && (field.type === "text" || field.type === "textarea" || field.type === "search") && value === "";
            return [name, freeText ? HTML_PAYLOADS[fields % HTML_PAYLOADS.length] : value];
          });
          await submit(actor, form, stored, "markup in every text field");
          if (form.method === "post") await badBodies(actor, form.action, plausible);
        }
        // An action this visitor was shown no form for still gets the bad bodies, refusals included.
        if (page.hasAction && !forms.some((f) => f.method === "post")) await badBodies(actor, page.url, []);

        const params = new Set([...new URL(page.url, "http://localhost").searchParams.keys(), ...(first.html ? linkParamsIn(first.html, new URL(page.url, "http://localhost").href) : [])]);
        for (const name of params) {
          fields++;
          for (const { kind, value } of payloadsFor(random, CASES)) {
            const url = new URL(page.url, "http://localhost");
            url.searchParams.delete(name);
            for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, v);
            note(actor, "GET", url.pathname + url.search, `?${name} = ${kind}`, await sender.send(visitors[actor], "GET", url.pathname + url.search));
          }
        }
        for (const name of page.pathParams) {
          fields++;
          for (const { kind, value } of payloadsFor(random, CASES)) {
            const segment = pathSegment(Array.isArray(value) ? value.join(",") : value);
            const url = withPathParam(page, name, segment);
            note(actor, "GET", url, `:${name} = ${kind}`, await sender.send(visitors[actor], "GET", url));
            if (page.hasAction) note(actor, "POST", url, `:${name} = ${kind}`, await sender.send(visitors[actor], "POST", url, new URLSearchParams(), "application/x-www-form-urlencoded"));
          }
        }
      }
      slowest.push([page.url, performance.now() - started]);
    }
    slowest.sort((a, b) => b[1] - a[1]);

    // Anything stored above must come back as text on every page, for every visitor.
    for (const page of all) {
      for (const actor of ACTORS) note(actor, "GET", page.url, "page after the fuzz", await sender.send(visitors[actor], "GET", page.url));
    }

    console.log(
      [
        `Fuzz, seed ${SEED}, ${CASES} values per field: ${all.length} routes, ${ACTORS.length} visitors, ${fields} fields and parameters`,
        `  cases tried: ${counts.cases} (${counts.refused} refused)`,
        `  answers >= 500: ${counts.serverErrors}`,
        `  unescaped payloads: ${counts.unescaped}`,
        `  writes by refused requests: ${counts.refusedWrites}`,
        `  slowest routes: ${slowest.slice(0, 5).map(([url, ms]) => `${url} ${(ms / 1000).toFixed(1)} s`).join(", ")}`,
        `  slowest requests: ${sender.slowest.map(({ what, ms }) => `${what} ${ms.toFixed(0)} ms`).join(", ")}`,
        ...findings.slice(0, 40).map((f) => `  ${f.actor} ${f.method} ${f.url} [${f.what}] -> ${f.status} ${f.error ?? ""}`),
      ].join("\n"),
    );
    expect(findings).toEqual([]);
    if (!ONLY) expect(counts.cases).toBeGreaterThan(1_000);
  });
});
