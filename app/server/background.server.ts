import { startJobQueue } from "~/jobs/job-queue.server";
import { runAllJobs } from "~/jobs/scheduled-jobs.server";
import type { Config } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { createPacer } from "~/messaging/pacing";
import { startOutboxWorker } from "~/messaging/sender.server";
import { dispatchOutreach } from "~/outreach/dispatch.server";

export const DEVELOPMENT_JOBS_INTERVAL_MS = 15 * 60_000;

/** Sends in flight at once: enough to keep up with Notify's rate over a slow connection. */
export const OUTBOX_CONCURRENCY = 8;
export const OUTREACH_INTERVAL_MS = 2_000;

/**
 * Work the server does beside answering requests: sending queued messages within seconds, at
 * Notify's rate; handing outreach campaigns to the outbox a minute's worth at a time; and the
 * scheduled jobs (referral chasers and retention, listing reviews, message retries, report
 * counts, outreach consents past their time). On PostgreSQL every server joins the job queue,
 * which runs each job once across them on JOBS_SCHEDULE; the outbox and outreach senders claim
 * each row with a guarded update, so several servers may run them side by side. On SQLite there
 * is one server: production runs `npm run jobs` from cron, and development runs the jobs on a
 * timer here, once as it starts and then every 15 minutes.
 */
export function startBackgroundWork(db: Db, config: Config): () => Promise<void> {
  const stopOutbox = startOutboxWorker(db, { intervalMs: 5_000, concurrency: OUTBOX_CONCURRENCY, pacer: createPacer(config.NOTIFY_RATE_LIMIT_PER_MINUTE) });
  const stopOutreach = startJobsTimer(
    async () => {
      await dispatchOutreach(db, { now: new Date(), baseUrl: publicBaseUrl(), replyStop: config.OUTREACH_REPLY_STOP, outboxRoom: config.NOTIFY_RATE_LIMIT_PER_MINUTE, quietHours: config.OUTREACH_QUIET_HOURS });
    },
    { intervalMs: OUTREACH_INTERVAL_MS, onError: (error) => console.error("Outreach sender run failed", error) },
  );
  const stopJobs = config.DATABASE_URL
    ? startQueue(db, { ...config, DATABASE_URL: config.DATABASE_URL })
    : config.NODE_ENV === "development"
      ? startJobsTimer(async () => void (await runAllJobs(db, config, () => {})))
      : async () => {};
  return async () => {
    await stopOutreach();
    await stopOutbox();
    await stopJobs();
  };
}

/** Joins the queue in the background; a server that cannot join still serves, and says why. */
function startQueue(db: Db, config: Config & { DATABASE_URL: string }): () => Promise<void> {
  const started = startJobQueue(db, config).catch((error: unknown) => {
    console.error("Could not join the job queue; scheduled jobs will not run on this server", error);
    return async () => {};
  });
  return async () => (await started)();
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
