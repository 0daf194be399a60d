/**
 * Referral load benchmark: 20 signed-in champions make referrals through the real form pages
 * while 20 provider accounts move each one to an outcome, for 30 seconds, against the built
 * server on loopback. Afterwards: no request may have failed, and every referral whose
 * confirmation page showed a reference must be in the database with its final status.
 *
 * Needs `npm run build` first. Run: npx tsx scripts/bench/referral-load.ts [seconds] [clients]
 *
 * With `--postgres postgres://…/postgres` (a server the benchmark may create databases on) it makes
 * a fresh database there and starts two servers on it, as behind a load balancer: each champion
 * uses one server and their provider the other, so every referral is made on one server and
 * moved on through the other.
 *
 * Sign-in throttling counts failures only (5 per account, 20 per connection address), so the
 * 40 successful sign-ins from one address are not throttled; each client has its own accounts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase } from "~/lib/db.server";
import { createFreshDatabase, dropDatabase } from "../lib/postgres-databases";
import { Client, createAccounts, makeReferral, type RunningServer, type Sample, startServer, stopServer } from "../lib/referral-journey";

const args = process.argv.slice(2);
const postgresAt = args.indexOf("--postgres");
const POSTGRES_SERVER = postgresAt >= 0 ? args.splice(postgresAt, 2)[1] : undefined;
const SECONDS = Number(args[0] ?? 30);
const CLIENTS = Number(args[1] ?? 20);
/** However the run goes, the benchmark stops after this long. */
const HARD_LIMIT_MS = (SECONDS + 120) * 1000;

const root = fileURLToPath(new URL("../..", import.meta.url));
if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
  console.error("The app is not built. Run `npm run build` first.");
  process.exit(1);
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "waymark-referral-bench-"));
const databaseLocation = POSTGRES_SERVER ? await createFreshDatabase(POSTGRES_SERVER, `waymark_referral_bench_${process.pid}`) : path.join(dataDir, "waymark.db");
const servers: RunningServer[] = [];
const hardStop = setTimeout(() => {
  console.error(`The benchmark did not finish within ${HARD_LIMIT_MS / 1000} s; stopping.`);
  void cleanUp().then(() => process.exit(1));
}, HARD_LIMIT_MS);
hardStop.unref();

let stopping = false;
async function cleanUp(): Promise<void> {
  stopping = true;
  for (const server of servers) await stopServer(server);
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (POSTGRES_SERVER) await dropDatabase(databaseLocation);
}

const samples: Sample[] = [];
const errors: string[] = [];

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
  // The first server migrates and loads the demo partnership; the second then starts on it, as on a deploy.
  for (let n = 0; n < (POSTGRES_SERVER ? 2 : 1); n++) {
    const server = await startServer(databaseLocation);
    // Whatever a server logs as an error during the run is shown, as is a server that stops early.
    server.child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[server ${n + 1}] ${chunk.toString()}`));
    server.child.once("exit", (code, signal) => {
      if (!stopping) console.error(`[server ${n + 1}] stopped during the run: ${signal ?? `exit code ${code}`}`);
    });
    servers.push(server);
  }
  const { champions, providers } = await createAccounts(databaseLocation, CLIENTS);
  const on = (n: number) => servers[n % servers.length].base;
  const clients = champions.map((_, i) => ({ champion: new Client(on(i), samples), provider: new Client(on(i + 1), samples) }));
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

  const db = createDatabase(databaseLocation);
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
  console.log(`Database: ${POSTGRES_SERVER ? `PostgreSQL, ${servers.length} servers` : "SQLite, 1 server"}`);
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
