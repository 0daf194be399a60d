import type { Config } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import { startOutboxWorker } from "~/messaging/sender.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { startReferralJobsTimer } from "~/referrals/jobs.server";

/**
 * Work the server does beside answering requests: sending queued messages within seconds.
 * Scheduled jobs (chasers, retention, listing reviews) run from `npm run jobs` in production and
 * on a timer here in development.
 */
export function startBackgroundWork(db: Db, config: Config): () => Promise<void> {
  const stopOutbox = startOutboxWorker(db, { intervalMs: 5_000 });
  const stopReferralJobs =
    config.NODE_ENV === "development"
      ? startReferralJobsTimer(db, { retentionMonths: config.RETENTION_MONTHS, baseUrl: publicBaseUrl() })
      : async () => {};
  return async () => {
    await stopOutbox();
    await stopReferralJobs();
  };
}
