/**
 * Open data benchmark: the triage and referral statistics files on /knowledge/data are public and
 * built from the live database on every GET. This times their loaders (query, grouping,
 * suppression and CSV; no HTTP) on the reports benchmark's generated year — 1,000,000 triages and
 * 300,000 referrals — and notes how far the process's memory grew.
 *
 * Uses the database reports.ts makes (/tmp/waymark-reports-bench.db), or another file passed
 * first; makes it with generate-reporting-data.ts if it is missing.
 *
 * Prints EXPLAIN QUERY PLAN for the statistics queries first.
 *
 * Run: npx tsx scripts/bench/open-data.ts [file] [--rounds 10]
 */
import fs from "node:fs";
import os from "node:os";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "~db/schema";
import { createDatabase, setDb } from "~/lib/db.server";
import { migrateToLatest } from "~db/migrator";
import { loader as referralLoader } from "~/routes/knowledge.data.referral-statistics[.]csv";
import { loader as triageLoader } from "~/routes/knowledge.data.triage-statistics[.]csv";
import { DEFAULTS, generateReportingDatabase } from "./generate-reporting-data";

const args = process.argv.slice(2);
const FILE = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--rounds") ?? "/tmp/waymark-reports-bench.db";
const ROUNDS = Number(args[args.indexOf("--rounds") + 1]) || 10;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `median ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${sorted.length})`;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

if (!fs.existsSync(FILE)) {
  console.log(`Generating ${DEFAULTS.triages.toLocaleString("en-GB")} triages and ${DEFAULTS.referrals.toLocaleString("en-GB")} referrals into ${FILE}…`);
  await generateReportingDatabase(FILE, { ...DEFAULTS, log: console.log });
}
const db = createDatabase(FILE);
await migrateToLatest(db);

// Each query the two loaders run, caught through Kysely's log, then explained by SQLite.
const seen: { sql: string; parameters: readonly unknown[] }[] = [];
setDb(
  new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(FILE, { readonly: true }) }),
    log: (event) => {
      if (event.level === "query" && !seen.some((q) => q.sql === event.query.sql)) seen.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  }),
);
await (await triageLoader()).text();
await (await referralLoader()).text();
const explain = new SQLite(FILE, { readonly: true });
for (const query of seen) {
  console.log(`\n${query.sql.replace(/\s+/g, " ").slice(0, 200)}`);
  for (const step of explain.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.parameters as unknown[])) as { detail: string }[]) console.log(`  ${step.detail}`);
}
explain.close();
console.log("");
setDb(db);

const startRss = process.memoryUsage().rss;
for (const [name, loader] of [
  ["triage-statistics.csv", triageLoader],
  ["referral-statistics.csv", referralLoader],
] as const) {
  let bytes = 0;
  let peakRss = 0;
  const run = async () => {
    const t = performance.now();
    const response = await loader();
    bytes = (await response.text()).length;
    const elapsed = performance.now() - t;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    return elapsed;
  };
  await run();
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) times.push(await run());
  console.log(`GET /knowledge/data/${name} (loader, in process): ${summary(times)}; ${Math.round(bytes / 1024)} KB of CSV; process memory up to ${mb(peakRss)} (from ${mb(startRss)})`);
}
await db.destroy();
console.log(`Machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`);
