import type { Config } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { runListingReviewJob } from "~/directory/review-jobs.server";
import { startOutboxWorker } from "~/messaging/sender.server";
import { runReferralJobs } from "~/referrals/jobs.server";

export const DEVELOPMENT_JOBS_INTERVAL_MS = 15 * 60_000;

/**
 * Work the server does beside answering requests: sending queued messages within seconds. In
 * development it also runs the scheduled jobs that production runs from `npm run jobs` (referral
 * chasers and retention, listing reviews): once as it starts, then every 15 minutes.
 */
export function startBackgroundWork(db: Db, config: Config): () => Promise<void> {
  const stopOutbox = startOutboxWorker(db, { intervalMs: 5_000 });
  const stopJobs = config.NODE_ENV === "development" ? startJobsTimer(() => runScheduledJobs(db, config)) : async () => {};
  return async () => {
    await stopOutbox();
    await stopJobs();
  };
}

/** Each job on its own, so one failing does not stop the others. */
async function runScheduledJobs(db: Db, config: Config): Promise<void> {
  const now = new Date();
  const baseUrl = publicBaseUrl();
  await runReferralJobs(db, now, { retentionMonths: config.RETENTION_MONTHS, baseUrl }).catch((error: unknown) => console.error("Referral jobs run failed", error));
  await runListingReviewJob(db, now, { baseUrl }).catch((error: unknown) => console.error("Listing review job failed", error));
}

/**
 * Runs `run` at once and then `intervalMs` after each run finishes, so runs never overlap. The
 * returned function stops the timer and waits for a run in flight.
 */
export function startJobsTimer(
  run: () => Promise<void>,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => Promise<void> {
  const onError = options.onError ?? ((error: unknown) => console.error("Scheduled jobs run failed", error));
  let stopped = false;
  let running: Promise<void> | undefined;
  const schedule = (delayMs: number) => {
    const timer = setTimeout(() => {
      running = run()
        .catch(onError)
        .finally(() => {
          running = undefined;
          if (!stopped) current = schedule(options.intervalMs ?? DEVELOPMENT_JOBS_INTERVAL_MS);
        });
    }, delayMs);
    timer.unref();
    return timer;
  };
  let current = schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(current);
    await running;
  };
}
