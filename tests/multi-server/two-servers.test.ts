/**
 * Two app servers, as a load balancer would have them, on one PostgreSQL database: what one
 * server writes, the other must see, and the scheduled jobs must run once between them.
 * Runs on the built app (npm run test:e2e builds it) against TEST_DATABASE_URL's server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, inject, vi } from "vitest";
import { createDatabase, type Db } from "~/lib/db.server";
import { PERSON_LIMIT } from "~/lib/rate-limit.server";
import { freePort } from "../../scripts/free-port";
import { waitForUrl } from "../e2e/harness/global-setup";
import { createFreshDatabase, dropDatabase } from "../../scripts/lib/postgres-databases";

const PASSWORD = "waymark-demo-2026";
const root = path.resolve(import.meta.dirname, "../..");
const servers: { url: string; child: ChildProcess }[] = [];
let databaseAddress: string;
let db: Db;

async function startServer(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseAddress,
      SESSION_SECRET: "two-servers-session-secret-that-is-long-enough-0123456789",
      SEED_DEMO_DATA: "true",
      JOBS_SCHEDULE: "* * * * *",
      POSTCODES_API_URL: "http://127.0.0.1:9",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await waitForUrl(child);
  servers.push({ url, child });
  return url;
}

/** Follows nothing: a sign-in answers 302 with the session cookie, a refusal 400 or 429. */
async function signIn(server: string, email: string, password: string): Promise<{ status: number; cookie: string | null }> {
  const response = await fetch(`${server}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "" }),
    headers: { origin: server },
    redirect: "manual",
  });
  await response.arrayBuffer();
  // The last session cookie set wins (an anonymous one may be cleared first).
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => /^waymark_session=./.test(c))
    .at(-1);
  return { status: response.status, cookie: cookie ?? null };
}

async function loaderData<T>(server: string, pathname: string, route: string, cookie?: string): Promise<{ status: number; data: T }> {
  const separator = pathname.includes("?") ? "&" : "?";
  const response = await fetch(`${server}${pathname}${separator}_data=${encodeURIComponent(route)}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { status: response.status, data: response.status === 200 ? ((await response.json()) as T) : (undefined as T) };
}

const found = async (server: string, q: string) =>
  (await loaderData<{ services: { id: string }[] }>(server, `/services?q=${encodeURIComponent(q)}`, "routes/services._index")).data.services.map((s) => s.id);

describe.runIf(inject("postgresServer"))("two app servers on one PostgreSQL database", () => {
  let a: string;
  let b: string;
  const startedAt = new Date();

  beforeAll(async () => {
    const template = inject("postgresServer")!;
    databaseAddress = await createFreshDatabase(template, `waymark_two_servers_${process.pid}`);
    // A migrates and loads the demo partnership; B then starts on the same database, as on a deploy.
    a = await startServer();
    b = await startServer();
    db = createDatabase(databaseAddress);
  }, 180_000);

  afterAll(async () => {
    for (const { child } of servers) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await db?.destroy();
    if (databaseAddress) await dropDatabase(databaseAddress);
  }, 60_000);

  it("finds on B, within 5 seconds, a listing edited through A", async () => {
    const admin = await signIn(a, "admin@waymark.example", PASSWORD);
    expect(admin.status).toBe(302);
    const { id } = await db.selectFrom("services").select("id").where("published", "=", 1).where("status", "=", "active").orderBy("name").executeTakeFirstOrThrow();
    // B has its index in memory before the edit, as a server in use would.
    expect(await found(b, "quokka")).toEqual([]);

    const route = "routes/directory.manage.$id.edit";
    const form = await loaderData<{ values: Record<string, string | string[]> }>(a, `/directory/manage/${id}/edit`, route, admin.cookie!);
    expect(form.status).toBe(200);
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...form.data.values, name: "Quokka digital skills club" })) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    const saved = await fetch(`${a}/directory/manage/${id}/edit`, { method: "POST", body, headers: { cookie: admin.cookie!, origin: a }, redirect: "manual" });
    expect(saved.status).toBe(302);
    const editedAt = Date.now();
    expect((await db.selectFrom("services").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name).toBe("Quokka digital skills club");
    await vi.waitFor(async () => expect(await found(b, "quokka")).toEqual([id]), { timeout: 5_000, interval: 100 });
    expect(Date.now() - editedAt).toBeLessThan(5_000);
  });

  it("accepts on B a session made on A", async () => {
    const coordinator = await signIn(a, "coordinator@waymark.example", PASSWORD);
    expect(coordinator.status).toBe(302);
    const onB = await fetch(`${b}/referrals`, { headers: { cookie: coordinator.cookie! }, redirect: "manual" });
    expect(onB.status).toBe(200);
    const signedOut = await fetch(`${b}/referrals`, { redirect: "manual" });
    expect(signedOut.status).toBe(302);
  });

  it("locks an account after 5 failed sign-ins spread across A and B", async () => {
    for (const server of [a, b, a, b, a]) expect((await signIn(server, "staff@waymark.example", "not-the-password")).status).toBe(400);
    const right = await signIn(b, "staff@waymark.example", PASSWORD);
    expect(right.status).toBe(429);
    expect(right.cookie).toBeNull();
  });

  it(`refuses a visitor's post after ${PERSON_LIMIT} counted on A and B together`, async () => {
    // Starting the self-check is a form any visitor may post; the first post gives the browser its session.
    const startCheck = async (server: string, cookie?: string) => {
      const response = await fetch(`${server}/check`, { method: "POST", body: new URLSearchParams(), headers: { origin: server, ...(cookie ? { cookie } : {}) }, redirect: "manual" });
      await response.arrayBuffer();
      const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => /^waymark_session=./.test(c));
      return { status: response.status, cookie: session ?? cookie };
    };
    const first = await startCheck(a);
    expect(first.status).toBe(302);
    expect(first.cookie).toBeDefined();
    // Each server sees only half of these, so the limit holds only if they count in one place.
    for (let i = 0; i < PERSON_LIMIT; i++) expect((await startCheck(i % 2 === 0 ? b : a, first.cookie)).status).toBe(302);
    expect((await startCheck(a, first.cookie)).status).toBe(429);
    expect((await startCheck(b, first.cookie)).status).toBe(429);
  });

  it("runs each scheduled job once per tick, not once per server", async () => {
    const jobs = ["referral-chasers-and-retention", "listing-reviews", "message-retries", "report-daily-counts"];
    // Every minute is a tick; wait for two, so both servers have had their chance at each.
    await vi.waitFor(
      async () => {
        const runs = await db.selectFrom("job_runs").select(["job", "started_at"]).where("started_at", ">=", startedAt.toISOString()).execute();
        const minutes = new Set(runs.map((r) => r.started_at.slice(0, 16)));
        expect(minutes.size).toBeGreaterThanOrEqual(2);
      },
      { timeout: 150_000, interval: 2_000 },
    );
    const runs = await db.selectFrom("job_runs").selectAll().where("started_at", ">=", startedAt.toISOString()).execute();
    const perTick = new Map<string, number>();
    for (const run of runs) perTick.set(`${run.job} ${run.started_at.slice(0, 16)}`, (perTick.get(`${run.job} ${run.started_at.slice(0, 16)}`) ?? 0) + 1);
    expect([...perTick.values()].every((count) => count === 1)).toBe(true);
    for (const job of jobs) expect(runs.filter((r) => r.job === job).length).toBeGreaterThanOrEqual(1);
    expect(runs.filter((r) => r.status === "failed").map((r) => `${r.job}: ${r.error}`)).toEqual([]);
  }, 180_000);
});
