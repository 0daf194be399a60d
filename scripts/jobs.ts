/**
 * `npm run jobs`: the scheduled work, once. Run it from cron in production, every 15 minutes:
 *   0,15,30,45 * * * *  cd /srv/waymark && npm run jobs >> /var/log/waymark-jobs.log 2>&1
 * Each run sends the referral chasers that are due, erases personal details past the retention
 * period, ends outreach consents past their time, and sends queued messages once (the server's
 * own worker sends them too; both may run).
 */
import { migrateToLatest } from "~db/migrator";
import { ConfigError, getConfig } from "~/lib/config.server";
import { createDatabase, setDb } from "~/lib/db.server";
import { createMessageClient } from "~/messaging/notify-client.server";
import { deliverDueMessages } from "~/messaging/sender.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { runReferralJobs } from "~/referrals/jobs.server";
import { runListingReviewJob } from "~/directory/review-jobs.server";
import { CONSENT_MONTHS } from "~/outreach/outreach";
import { expireOldSubscriptions } from "~/outreach/subscriptions.server";

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

const db = createDatabase(config.DATABASE_PATH);
setDb(db);
try {
  await migrateToLatest(db);
  const now = new Date();
  const referrals = await runReferralJobs(db, now, { retentionMonths: config.RETENTION_MONTHS, baseUrl: publicBaseUrl() });
  console.log(`Listing reviews: ${(await runListingReviewJob(db, now, { baseUrl: publicBaseUrl() })).reminded} listing(s) not verified for six months reminded.`);
  console.log(`Outreach: ${await expireOldSubscriptions(db, CONSENT_MONTHS, now)} consent(s) ended after ${CONSENT_MONTHS} months, their contact details deleted.`);
  const messages = await deliverDueMessages(db, { now: new Date(), client: createMessageClient(config) });
  console.log(
    `Referral jobs at ${now.toISOString()}: ${referrals.remindersSent} reminder(s) to services, ` +
      `${referrals.coordinatorsFlagged} referral(s) flagged to coordinators, ${referrals.erased} referral(s) erased ` +
      `after ${config.RETENTION_MONTHS} months.`,
  );
  console.log(`Messages: ${messages.sent} sent, ${messages.retrying} to retry, ${messages.failed} failed.`);
} finally {
  await db.destroy();
}
