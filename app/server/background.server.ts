import type { Config } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { runListingReviewJob } from "~/directory/review-jobs.server";
import { createPacer } from "~/messaging/pacing";
import { startOutboxWorker } from "~/messaging/sender.server";
import { dispatchOutreach } from "~/outreach/dispatch.server";
import { expireOldSubscriptions } from "~/outreach/subscriptions.server";
import { CONSENT_MONTHS } from "~/outreach/outreach";
import { runReferralJobs } from "~/referrals/jobs.server";

export const DEVELOPMENT_JOBS_INTERVAL_MS = 15 * 60_000;

/** Sends in flight at once: enough to keep up with Notify's rate over a slow connection. */
export const OUTBOX_CONCURRENCY = 8;
export const OUTREACH_INTERVAL_MS = 2_000;

/**
 * Work the server does beside answering requests: sending queued messages within seconds, at
 * Notify's rate, and handing outreach campaigns to the outbox a minute's worth at a time. In
 * development it also runs the scheduled jobs that production runs from `npm run jobs` (referral
 * chasers and retention, listing reviews, outreach consents past their time): once as it starts,
 * then every 15 minutes.
 */
export function startBackgroundWork(db: Db, config: Config): () => Promise<void> {
  const stopOutbox = startOutboxWorker(db, { intervalMs: 5_000, concurrency: OUTBOX_CONCURRENCY, pacer: createPacer(config.NOTIFY_RATE_LIMIT_PER_MINUTE) });
  const stopOutreach = startJobsTimer(
    async () => {
      await dispatchOutreach(db, { now: new Date(), baseUrl: publicBaseUrl(), replyStop: config.OUTREACH_REPLY_STOP, outboxRoom: config.NOTIFY_RATE_LIMIT_PER_MINUTE });
    },
    { intervalMs: OUTREACH_INTERVAL_MS, onError: (error) => console.error("Outreach sender run failed", error) },
  );
  const stopJobs = config.NODE_ENV === "development" ? startJobsTimer(() => runScheduledJobs(db, config)) : async () => {};
  return async () => {
    await stopOutreach();
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
  await expireOldSubscriptions(db, CONSENT_MONTHS, now).catch((error: unknown) => console.error("Outreach consent expiry failed", error));
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
