/**
 * Referral load benchmark: 20 signed-in champions make referrals through the real form pages
 * while 20 provider accounts move each one to an outcome, for 30 seconds, against the built
 * server on loopback. Afterwards: no request may have failed, and every referral whose
 * confirmation page showed a reference must be in the database with its final status.
 *
 * Needs `npm run build` first. Run: npx tsx scripts/bench/referral-load.ts [seconds] [clients]
 *
 * Sign-in throttling counts failures only (5 per account, 20 per connection address), so the
 * 40 successful sign-ins from one address are not throttled; each client has its own accounts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "~/accounts/password.server";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import { createDatabase } from "~/lib/db.server";
import { freePort } from "../free-port";

const SECONDS = Number(process.argv[2] ?? 30);
const CLIENTS = Number(process.argv[3] ?? 20);
const PASSWORD = "bench-password-that-is-long-enough";
const SERVICE_ID = serviceIdFor("park-wood-device-and-data");
/** However the run goes, the benchmark stops after this long. */
const HARD_LIMIT_MS = (SECONDS + 120) * 1000;

const root = fileURLToPath(new URL("../..", import.meta.url));
if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
  console.error("The app is not built. Run `npm run build` first.");
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-referral-bench-"));
const databasePath = path.join(dataDir, "waymark.db");
let server: ChildProcess | undefined;
const hardStop = setTimeout(() => {
  console.error(`The benchmark did not finish within ${HARD_LIMIT_MS / 1000} s; stopping.`);
  void cleanUp().then(() => process.exit(1));
}, HARD_LIMIT_MS);
hardStop.unref();

async function cleanUp(): Promise<void> {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function startServer(): Promise<string> {
  const port = await freePort();
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: databasePath,
      SESSION_SECRET: "referral-bench-session-secret-0123456789abcdef",
      SEED_DEMO_DATA: "true",
      BASE_URL: `http://127.0.0.1:${port}`,
      POSTCODES_API_URL: "http://127.0.0.1:9",
      NOTIFY_API_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    server!.stdout?.on("data", onData);
    server!.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    server!.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output}`));
    });
  });
}

interface Account {
  email: string;
}

/** Champions in Maidstone and providers at Connect Kent CIC, written straight to the database. */
async function createAccounts(): Promise<{ champions: Account[]; providers: Account[] }> {
  const db = createDatabase(databasePath);
  try {
    const hash = await hashPassword(PASSWORD);
    const make = async (role: "champion" | "provider", organisation: string, i: number): Promise<Account> => {
      const id = randomUUID();
      const email = `bench-${role}-${i}@bench.waymark.example`;
      await db
        .insertInto("users")
        .values({ id, email, name: `Bench ${role} ${i}`, role, organisation_id: organisationIdFor(organisation), password_hash: hash })
        .execute();
      if (role === "champion") await db.insertInto("user_areas").values({ user_id: id, area_id: areaIdFor("maidstone") }).execute();
      return { email };
    };
    const champions: Account[] = [];
    const providers: Account[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      champions.push(await make("champion", "maidstone-digital-champions", i));
      providers.push(await make("provider", "connect-kent-cic", i));
    }
    return { champions, providers };
  } finally {
    await db.destroy();
  }
}

interface Sample {
  step: string;
  ms: number;
}

const samples: Sample[] = [];
const errors: string[] = [];

class Client {
  private cookie = "";
  constructor(private base: string) {}

  async request(step: string, pathname: string, expected: number, form?: Record<string, string>): Promise<Response> {
    const started = performance.now();
    const response = await fetch(new URL(pathname, this.base), {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { ...(this.cookie ? { Cookie: this.cookie } : {}), ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
    });
    const body = await response.text();
    samples.push({ step, ms: performance.now() - started });
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";")[0];
      if (pair.startsWith("waymark_session=") && pair !== "waymark_session=") this.cookie = pair;
    }
    if (response.status !== expected) throw new Error(`${step}: expected ${expected}, got ${response.status} ${body.slice(0, 200)}`);
    return new Response(body, { status: response.status, headers: response.headers });
  }

  async signIn(email: string): Promise<void> {
    await this.request("sign in", "/login", 302, { email, password: PASSWORD, redirectTo: "/referrals" });
  }
}

const PERSON = {
  personName: "Bench",
  contactMethod: "phone",
  phone: "01632 960001",
  mobile: "",
  email: "",
  addressLine: "",
  addressPostcode: "",
  bestTimes: "Mornings",
  postcode: "ME14",
};

/** One referral through every page of the form; returns the reference its confirmation showed. */
async function makeReferral(champion: Client): Promise<string> {
  await champion.request("start", `/referrals/new?service=${SERVICE_ID}`, 302);
  await champion.request("reasons", "/referrals/new/reasons", 302, { barriers: "device", goals: "job-search", reasonNote: "" });
  await champion.request("person", "/referrals/new/person", 302, PERSON);
  await champion.request("needs", "/referrals/new/needs", 302, { accessNeeds: "", language: "", safeguarding: "no", safeguardingNote: "" });
  await champion.request("consent", "/referrals/new/consent", 302, { consent: "yes", consentMethod: "in-person" });
  await champion.request("send", "/referrals/new/check", 302, {});
  const page = await (await champion.request("confirmation", "/referrals/new/confirmation", 200)).text();
  const match = /class="app-reference">([2-9A-Z]{4}) ([2-9A-Z]{4})</.exec(page);
  if (!match) throw new Error("confirmation: no reference on the page");
  return match[1] + match[2];
}

async function moveToOutcome(provider: Client, reference: string): Promise<void> {
  for (const [to, extra] of [
    ["accepted", {}],
    ["contacted", {}],
    ["outcome", { outcome: "got-online" }],
  ] as const) {
    await provider.request(`move ${to}`, `/referrals/${reference}`, 302, { intent: "move", to, ...extra });
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const base = await startServer();
  const { champions, providers } = await createAccounts();
  const clients = champions.map(() => ({ champion: new Client(base), provider: new Client(base) }));
  await Promise.all(clients.map(async (c, i) => {
    await c.champion.signIn(champions[i].email);
    await c.provider.signIn(providers[i].email);
  }));
  samples.length = 0;

  const acknowledged: string[] = [];
  const moved: string[] = [];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    clients.map(async ({ champion, provider }) => {
      while (performance.now() < deadline) {
        try {
          const reference = await makeReferral(champion);
          acknowledged.push(reference);
          await moveToOutcome(provider, reference);
          moved.push(reference);
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;

  const db = createDatabase(databasePath);
  const stored = new Map<string, string>();
  for (let i = 0; i < acknowledged.length; i += 500) {
    const rows = await db.selectFrom("referrals").select(["reference", "status"]).where("reference", "in", acknowledged.slice(i, i + 500)).execute();
    for (const row of rows) stored.set(row.reference, row.status);
  }
  await db.destroy();
  const missing = acknowledged.filter((r) => !stored.has(r));
  const wrongStatus = moved.filter((r) => stored.get(r) !== "outcome");

  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.availableParallelism()} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`${CLIENTS} clients for ${elapsed.toFixed(1)} s: ${samples.length} requests, ${(samples.length / elapsed).toFixed(0)} requests/s`);
  console.log(`Referrals confirmed: ${acknowledged.length} (${(acknowledged.length / elapsed).toFixed(1)}/s); moved to an outcome: ${moved.length}`);
  console.log(`Latency, all requests: median ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms, max ${all[all.length - 1]?.toFixed(1)} ms`);
  const steps = [...new Set(samples.map((s) => s.step))];
  console.log("| step | requests | median ms | p95 ms |\n|---|---|---|---|");
  for (const step of steps) {
    const times = samples.filter((s) => s.step === step).map((s) => s.ms).sort((a, b) => a - b);
    console.log(`| ${step} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
  console.log(`Errors: ${errors.length}; confirmed but missing from the database: ${missing.length}; moved but not at "outcome": ${wrongStatus.length}`);
  for (const error of errors.slice(0, 5)) console.log(`  ${error}`);
  if (errors.length > 0 || missing.length > 0 || wrongStatus.length > 0 || acknowledged.length === 0) process.exitCode = 1;
}

try {
  await main();
} finally {
  await cleanUp();
  clearTimeout(hardStop);
}
