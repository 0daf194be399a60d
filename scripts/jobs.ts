/**
 * `npm run jobs`: the scheduled work, once, each run recorded in job_runs. On SQLite run it from
 * cron in production, every 15 minutes:
 *   0,15,30,45 * * * *  cd /srv/waymark && npm run jobs >> /var/log/waymark-jobs.log 2>&1
 * On PostgreSQL the servers' job queue runs the jobs on its own; this is for running them by hand.
 * Each run sends the referral chasers that are due, erases personal details past the retention
 * period, reminds listings due a review, ends outreach consents past their time, sends queued
 * messages once (the servers' own workers send them too; both may run) and brings the reports'
 * daily counts up to date. Exits 1 if a job failed.
 */
import { migrateToLatest } from "~db/migrator";
import { runAllJobs } from "~/jobs/scheduled-jobs.server";
import { ConfigError, getConfig } from "~/lib/config.server";
import { createDatabase, databaseLocation, setDb } from "~/lib/db.server";

let config;
try {
  config = getConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const db = createDatabase(databaseLocation(config));
setDb(db);
let failures = 0;
try {
  await migrateToLatest(db);
  console.log(`Scheduled jobs at ${new Date().toISOString()}:`);
  failures = await runAllJobs(db, config, (line) => console.log(`  ${line}`));
} finally {
  await db.destroy();
}
if (failures > 0) process.exit(1);
