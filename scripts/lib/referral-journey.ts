/**
 * Drives the built server as people do: starts it on a database file, signs accounts in, and
 * makes referrals through every page of the form. Shared by the referral load benchmark and the
 * crash-safety test, so both measure the journey people actually take.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { hashPassword } from "~/accounts/password.server";
import { areaIdFor, organisationIdFor, serviceIdFor } from "~/directory/stable-id";
import { createDatabase, isPostgresUrl, type Db } from "~/lib/db.server";
import type { Role } from "~db/schema/accounts";
import { freePort } from "../free-port";

export const PASSWORD = "bench-password-that-is-long-enough";
export const SERVICE_ID = serviceIdFor("park-wood-device-and-data");
const root = fileURLToPath(new URL("../..", import.meta.url));

export interface RunningServer {
  base: string;
  child: ChildProcess;
}

/**
 * `npm start`'s entry point in production mode on a free loopback port, resolved once it is
 * listening. `database` is an SQLite file or a postgres:// address.
 */
export async function startServer(database: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      ...(isPostgresUrl(database) ? { DATABASE_URL: database } : { DATABASE_PATH: database, DATABASE_URL: "" }),
      SESSION_SECRET: "referral-bench-session-secret-0123456789abcdef",
      SEED_DEMO_DATA: "true",
      BASE_URL: `http://127.0.0.1:${port}`,
      POSTCODES_API_URL: "http://127.0.0.1:9",
      NOTIFY_API_KEY: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`The server did not start within 90 s:\n${output}`)), 90_000);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output}`));
    };
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        child.off("exit", onExit);
        resolve({ base: match[1], child });
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", onExit);
  });
}

/** Stops a server with the given signal and waits until the process has gone. */
export async function stopServer(server: RunningServer | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const gone = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill(signal);
  await gone;
}

export interface Account {
  email: string;
}

/**
 * One account, written straight to the database with PASSWORD: a champion gets Maidstone as
 * their area. `hash` is PASSWORD's hash, made once by the caller because hashing is slow on purpose.
 */
export async function addAccount(db: Db, role: Role, organisation: string, i: number, hash: string): Promise<Account> {
  const id = randomUUID();
  const email = `bench-${role}-${i}@bench.waymark.example`;
  await db
    .insertInto("users")
    .values({ id, email, name: `Bench ${role} ${i}`, role, organisation_id: organisationIdFor(organisation), password_hash: hash })
    .execute();
  if (role === "champion") await db.insertInto("user_areas").values({ user_id: id, area_id: areaIdFor("maidstone") }).execute();
  return { email };
}

/** Champions in Maidstone and providers at Connect Kent CIC, written straight to the database. */
export async function createAccounts(database: string, count: number): Promise<{ champions: Account[]; providers: Account[] }> {
  const db = createDatabase(database);
  try {
    const hash = await hashPassword(PASSWORD);
    const champions: Account[] = [];
    const providers: Account[] = [];
    for (let i = 0; i < count; i++) {
      champions.push(await addAccount(db, "champion", "maidstone-digital-champions", i, hash));
      providers.push(await addAccount(db, "provider", "connect-kent-cic", i, hash));
    }
    return { champions, providers };
  } finally {
    await db.destroy();
  }
}

export interface Sample {
  step: string;
  ms: number;
}

/** One signed-in browser: keeps its session cookie and checks each answer's status. */
export class Client {
  private cookie = "";
  constructor(
    private base: string,
    private samples: Sample[] = [],
  ) {}

  async request(step: string, pathname: string, expected: number, form?: Record<string, string>): Promise<Response> {
    const started = performance.now();
    const response = await fetch(new URL(pathname, this.base), {
      method: form ? "POST" : "GET",
      redirect: "manual",
      headers: { ...(this.cookie ? { Cookie: this.cookie } : {}), ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
      body: form ? new URLSearchParams(form) : undefined,
    });
    const body = await response.text();
    this.samples.push({ step, ms: performance.now() - started });
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
export async function makeReferral(champion: Client): Promise<string> {
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
