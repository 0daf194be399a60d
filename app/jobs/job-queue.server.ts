import PgBoss from "pg-boss";
import type { Config } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { runJob, SCHEDULED_JOBS } from "./scheduled-jobs.server";

/**
 * The scheduled jobs on several servers sharing one PostgreSQL database, through pg-boss
 * (docs/decisions/006-13-pg-boss.md). Every server schedules every job and offers to work on
 * it; pg-boss sends one job per schedule tick however many servers ask, and one server takes it
 * (SKIP LOCKED). A job that throws is tried again with backoff, and pg-boss keeps each job's
 * state and output for a week besides the job_runs row that runJob writes.
 */
export async function startJobQueue(db: Db, config: Config & { DATABASE_URL: string }): Promise<() => Promise<void>> {
  const boss = new PgBoss({
    connectionString: config.DATABASE_URL,
    schema: "pgboss",
    max: 3,
    application_name: "waymark-jobs",
    // A tick is sent within seconds of its minute, however few servers are up.
    cronMonitorIntervalSeconds: 5,
    cronWorkerIntervalSeconds: 5,
  });
  boss.on("error", (error) => console.error("Job queue error", error));
  await boss.start();
  for (const job of SCHEDULED_JOBS) {
    // "stately": at most one run waiting and one running per job, across every server.
    await boss.createQueue(job.name, { name: job.name, policy: "stately", retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 30 * 60 });
    await boss.schedule(job.name, config.JOBS_SCHEDULE, {}, { tz: "Europe/London" });
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      await runJob(db, config, job);
    });
  }
  return () => boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
