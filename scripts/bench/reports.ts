/**
 * Reports benchmark. Target: /reports for a year and all areas in at most 500 ms (median) with
 * 1,000,000 triages and 300,000 referrals.
 *
 * 1. Makes the database with generate-reporting-data.ts, or reuses the one cached at
 *    /tmp/waymark-reports-bench.db (pass --regenerate to make it again).
 * 2. Prints EXPLAIN QUERY PLAN for every query the page runs.
 * 3. Times the page over HTTP: starts the built app (npm run build first) on that database,
 *    signs in as the demo admin and as the demo coordinator, and requests the page ROUNDS times
 *    each after a warm-up, so the time includes the session, loader, React render and transfer.
 *    Also times the loader's work (getReport) alone, in this process.
 *
 * With `--postgres postgres://…/postgres` the same happens on PostgreSQL: the data goes into (or is
 * reused from) a database called waymark_reports_bench on that server, the plans are PostgreSQL's
 * EXPLAIN ANALYZE, and the app is started with DATABASE_URL.
 *
 * Run: npx tsx scripts/bench/reports.ts [--regenerate] [--rounds 30] [--postgres postgres://… | --file /tmp/….db]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CompiledQuery } from "kysely";
import { migrateToLatest } from "~db/migrator";
import { createDatabase } from "~/lib/db.server";
import { todayInUk } from "~/knowledge/people-helped";
import { getReport } from "~/reports/figures.server";
import { addDays, presetPeriod } from "~/reports/period";
import { recountReferralDays } from "~/reports/referral-counts.server";
import { freePort } from "../free-port";
import { databaseExists, databaseUrl } from "../lib/postgres-databases";
import { DEFAULTS, generateReportingDatabase } from "./generate-reporting-data";

const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf("--rounds") + 1]) || 30;
const POSTGRES_SERVER = args.includes("--postgres") ? args[args.indexOf("--postgres") + 1] : undefined;
/** Where the generated data is kept between runs (for SQLite, --file picks another file). */
const LOCATION = POSTGRES_SERVER ? databaseUrl(POSTGRES_SERVER, "waymark_reports_bench") : args.includes("--file") ? args[args.indexOf("--file") + 1] : "/tmp/waymark-reports-bench.db";
const root = fileURLToPath(new URL("../..", import.meta.url));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${sorted.length})`;
}

async function ensureDatabase(): Promise<void> {
  const exists = POSTGRES_SERVER ? await databaseExists(LOCATION) : fs.existsSync(LOCATION);
  if (args.includes("--regenerate") || !exists) {
    console.log(`Generating ${DEFAULTS.triages.toLocaleString("en-GB")} triages and ${DEFAULTS.referrals.toLocaleString("en-GB")} referrals into ${LOCATION}…`);
    const started = performance.now();
    await generateReportingDatabase(LOCATION, { ...DEFAULTS, log: console.log });
    console.log(`Generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  const db = createDatabase(LOCATION);
  await migrateToLatest(db);
  const counts = await Promise.all(
    (["triage_results", "referrals", "people_helped", "report_counts_daily"] as const).map(async (table) => {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return `${table} ${Number(row.n).toLocaleString("en-GB")}`;
    }),
  );
  console.log(`Rows: ${counts.join(", ")}`);
  await db.destroy();
}

/**
 * Every query getReport runs (each different one once: the same SQL with other values, such as the
 * two ends of a period read from the daily counts, counts as different), caught through Kysely's
 * log, then explained: SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN ANALYZE (which runs it).
 */
async function explainQueries(label: string, scope: Parameters<typeof getReport>[1]): Promise<void> {
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  const same = (a: { sql: string; parameters: readonly unknown[] }, b: { sql: string; parameters: readonly unknown[] }) => a.sql === b.sql && JSON.stringify(a.parameters) === JSON.stringify(b.parameters);
  const db = createDatabase(LOCATION, (event) => {
    if (event.level === "query" && /^select/i.test(event.query.sql) && !seen.some((q) => same(q, event.query))) seen.push({ sql: event.query.sql, parameters: event.query.parameters });
  });
  await getReport(db, scope);
  console.log(`\nQuery plans (${label}):`);
  for (const query of seen) {
    console.log(`\n${query.sql.replace(/\s+/g, " ").slice(0, 220)}`);
    const explain = POSTGRES_SERVER ? "EXPLAIN (ANALYZE, COSTS OFF)" : "EXPLAIN QUERY PLAN";
    const { rows } = await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`${explain} ${query.sql}`, [...query.parameters]));
    for (const step of rows) console.log(`  ${step.detail ?? step["QUERY PLAN"]}`);
  }
  await db.destroy();
}

async function timeLoader(scope: Parameters<typeof getReport>[1]): Promise<void> {
  const db = createDatabase(LOCATION);
  for (let i = 0; i < 3; i++) await getReport(db, scope);
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await getReport(db, scope);
    times.push(performance.now() - t);
  }
  // What a busy day costs: referrals made on 10 different days change, and those days are counted again.
  const recounts: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const days = Array.from({ length: 10 }, (_, d) => addDays(scope.period.to, -((i * 37 + d * 11) % 300)));
    const t = performance.now();
    await recountReferralDays(db, days);
    recounts.push(performance.now() - t);
  }
  await db.destroy();
  console.log(`\ngetReport in process (loader work, no HTTP or render): ${summary(times)}`);
  console.log(`Counting 10 days of referrals again (after changes on those days): ${summary(recounts)}`);
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) throw new Error("Build the app first: npm run build");
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      BASE_URL: `http://127.0.0.1:${port}`,
      ...(POSTGRES_SERVER ? { DATABASE_URL: LOCATION } : { DATABASE_PATH: LOCATION, DATABASE_URL: "" }),
      SEED_DEMO_DATA: "false",
      SESSION_SECRET: "bench-session-secret-that-is-long-enough-0123456789",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) resolve(match[1]);
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`The app exited with ${code}:\n${output}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email, password: "waymark-demo-2026" }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().at(-1)?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in as ${email}: ${response.status}`);
  return cookie;
}

async function timePage(url: string, cookie: string, query: string): Promise<{ times: number[]; bytes: number }> {
  let bytes = 0;
  const get = async () => {
    const t = performance.now();
    const response = await fetch(`${url}/reports?${query}`, { headers: { Cookie: cookie } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`/reports answered ${response.status}`);
    bytes = body.length;
    return performance.now() - t;
  };
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await get());
  return { times, bytes };
}

await ensureDatabase();
const today = todayInUk();
const year = presetPeriod("last-12-months", today);
await explainQueries("last 12 months, all areas", { period: year, areaIds: "all", today });
const areaIds = await (async () => {
  const db = createDatabase(LOCATION);
  const rows = await db.selectFrom("areas").select("id").execute();
  await db.destroy();
  return rows.map((a) => a.id);
})();
await explainQueries("last 12 months, three areas", { period: year, areaIds, today });
await timeLoader({ period: year, areaIds: "all", today });

console.log(`\nDatabase: ${POSTGRES_SERVER ? "PostgreSQL" : "SQLite"}. Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
const server = await startServer();
try {
  for (const [who, email] of [
    ["admin, all areas", "admin@waymark.example"],
    ["coordinator, their three areas", "coordinator@waymark.example"],
  ]) {
    const cookie = await signIn(server.url, email);
    const { times, bytes } = await timePage(server.url, cookie, "period=last-12-months&area=all");
    console.log(`GET /reports (last 12 months, ${who}) over HTTP: ${summary(times)}; ${Math.round(bytes / 1024)} KB of HTML`);
  }
} finally {
  await server.stop();
}
console.log(`Load average after: ${os.loadavg()[0].toFixed(1)}`);
