import os from "node:os";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { runLearnerRetention } from "~/courses/people.server";
import { runListingReviewJob } from "~/directory/review-jobs.server";
import type { Config } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { createMessageClient, createNotificationStatusLookup } from "~/messaging/notify-client.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { CONSENT_MONTHS } from "~/outreach/outreach";
import { pollOutreachStatuses } from "~/outreach/status-polling.server";
import { expireOldSubscriptions } from "~/outreach/subscriptions.server";
import { runReferralJobs } from "~/referrals/jobs.server";
import { refreshReferralCounts } from "~/reports/referral-counts.server";

/**
 * The scheduled work, by name. Whoever runs a job (`npm run jobs`, the development timer, or
 * the PostgreSQL queue on one of several servers) runs it through runJob, so every run is
 * recorded the same way in job_runs. Each job is safe to run twice; the queue makes sure it
 * is not.
 */
export interface ScheduledJob {
  name: string;
  /** A one-line account of what the run did, for the log and job_runs.summary. */
  run: (db: Db, config: Config, now: Date) => Promise<string>;
}

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: "referral-chasers-and-retention",
    run: async (db, config, now) => {
      const r = await runReferralJobs(db, now, { retentionMonths: config.RETENTION_MONTHS, baseUrl: publicBaseUrl() });
      return `${r.remindersSent} reminder(s) to services, ${r.coordinatorsFlagged} referral(s) flagged to coordinators, ${r.closed} closed, ${r.erased} erased after ${config.RETENTION_MONTHS} months`;
    },
  },
  {
    name: "learner-retention",
    run: async (db, config, now) => `${await runLearnerRetention(db, now, config.RETENTION_MONTHS)} learner(s) erased ${config.RETENTION_MONTHS} months after their last session`,
  },
  {
    name: "listing-reviews",
    run: async (db, _config, now) => `${(await runListingReviewJob(db, now, { baseUrl: publicBaseUrl() })).reminded} listing(s) not verified for six months reminded`,
  },
  {
    name: "outreach-consent-expiry",
    run: async (db, _config, now) => `${await expireOldSubscriptions(db, CONSENT_MONTHS, now)} outreach consent(s) ended after ${CONSENT_MONTHS} months, their contact details deleted`,
  },
  {
    name: "message-retries",
    run: async (db, config, now) => {
      const m = await deliverDueMessages(db, { now, client: createMessageClient(config) });
      return `${m.sent} sent, ${m.retrying} to retry, ${m.failed} failed`;
    },
  },
  {
    name: "outreach-status-poll",
    run: async (db, config, now) => {
      const lookup = createNotificationStatusLookup(config);
      if (!lookup) return "no Notify key, so no statuses to ask for (messages go to the outbox)";
      const p = await pollOutreachStatuses(db, lookup, { now, afterMinutes: config.OUTREACH_STATUS_POLL_MINUTES });
      return `${p.asked} outreach message(s) without a receipt after ${config.OUTREACH_STATUS_POLL_MINUTES} minutes asked about: ${p.settled} settled, ${p.stillWaiting} still on their way, ${p.unknown} not answered`;
    },
  },
  {
    name: "report-daily-counts",
    run: async (db, _config, now) => `${await refreshReferralCounts(db, now)} day(s) of referral counts brought up to date`,
  },
];

/** Names this process in job_runs, so an operator can tell which server ran what. */
export const RUNNER = `${os.hostname()}:${process.pid}`;

/** Runs one job and records the run; a failure is recorded and thrown again for the caller (or queue) to retry. */
export async function runJob(db: Db, config: Config, job: ScheduledJob, now: Date = new Date()): Promise<string> {
  const { id } = await db
    .insertInto("job_runs")
    .values({ job: job.name, runner: RUNNER, started_at: now.toISOString(), status: "running" })
    .returning("id")
    .executeTakeFirstOrThrow();
  try {
    const summary = await job.run(db, config, now);
    await db.updateTable("job_runs").set({ status: "succeeded", finished_at: new Date().toISOString(), summary }).where("id", "=", id).execute();
    return summary;
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await db.updateTable("job_runs").set({ status: "failed", finished_at: new Date().toISOString(), error: message }).where("id", "=", id).execute();
    throw error;
  }
}

/** Every job once, each on its own so one failing does not stop the others. Returns the failures. */
export async function runAllJobs(db: Db, config: Config, report: (line: string) => void, now: Date = new Date()): Promise<number> {
  let failures = 0;
  for (const job of SCHEDULED_JOBS) {
    try {
      report(`${job.name}: ${await runJob(db, config, job, now)}.`);
    } catch (error) {
      failures++;
      console.error(`${job.name} failed`, error);
    }
  }
  return failures;
}
