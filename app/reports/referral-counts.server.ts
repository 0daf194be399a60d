/**
 * Keeps the referral counts in report_counts_daily up to date. A referral's status, outcome and
 * first action change after the day it was made, so rather than adding to counts, each affected
 * day is counted again from scratch: days with a referral made or changed (updated_at) since the
 * last refresh. Counting a day again is idempotent, so refreshes may overlap safely; the overlap
 * covers changes whose timestamp was taken just before a refresh but written just after it.
 */
import type { Db } from "~/lib/db.server";
import { londonDate } from "~/referrals/working-days";
import { addMonthlyCounts } from "./monthly-counts.server";
import { addDays, startOfUkDay } from "./period";
import { REFERRAL_MEASURES, referralFacts } from "./referral-facts";
import { mergeCounts } from "./triage-facts.server";

const WATERMARK_KEY = "reports_referrals_counted_to";
// Long enough for a change whose time was taken just before a refresh to be written after it.
const OVERLAP_MS = 60_000;

const LOCK_KEY = "reports_referrals_recounting";

/**
 * Counts the referrals made on each of these UK days again, replacing what was there, and moves
 * the monthly roll-up by the difference. One day at a time, each in a transaction that first takes
 * a row lock every recount shares: two servers recounting the same day then take turns, and the
 * second reads the first's rows as the old ones, rather than both taking the same old rows away
 * from the month (or colliding on the new rows' keys).
 */
export async function recountReferralDays(db: Db, days: Iterable<string>): Promise<void> {
  for (const day of days) {
    await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await trx
        .insertInto("app_meta")
        .values({ key: LOCK_KEY, value: day })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value: day, updated_at: now }))
        .execute();
      const referrals = await trx
        .selectFrom("referrals")
        .select(["kind", "status", "outcome", "decline_reason", "service_id", "area_id", "created_at", "first_action_at"])
        .where("created_at", ">=", startOfUkDay(day))
        .where("created_at", "<", startOfUkDay(addDays(day, 1)))
        .execute();
      const rows = mergeCounts(
        referrals.flatMap((r) => referralFacts(r).map((fact) => ({ day, area_id: r.area_id ?? "", ...fact, count: 1 }))),
        (r) => `${r.area_id}|${r.measure}|${r.key}`,
      );
      const old = await trx
        .selectFrom("report_counts_daily")
        .select(["area_id", "measure", "key", "count"])
        .where("day", "=", day)
        .where("measure", "in", REFERRAL_MEASURES)
        .execute();
      await trx.deleteFrom("report_counts_daily").where("day", "=", day).where("measure", "in", REFERRAL_MEASURES).execute();
      for (let i = 0; i < rows.length; i += 100) await trx.insertInto("report_counts_daily").values(rows.slice(i, i + 100)).execute();
      await addMonthlyCounts(trx, [...rows, ...old.map((r) => ({ ...r, day, count: -r.count }))]);
    });
  }
}

/** Brings the referral counts up to date; cheap when little has changed. Returns the days counted again. */
export async function refreshReferralCounts(db: Db, now: Date = new Date()): Promise<number> {
  const mark = await db.selectFrom("app_meta").select("value").where("key", "=", WATERMARK_KEY).executeTakeFirst();
  const days = new Set<string>();
  if (mark) {
    const since = new Date(Date.parse(mark.value) - OVERLAP_MS).toISOString();
    const changed = await db.selectFrom("referrals").select("created_at").where("updated_at", ">", since).execute();
    for (const r of changed) days.add(londonDate(r.created_at));
  } else {
    const range = await db
      .selectFrom("referrals")
      .select((eb) => [eb.fn.min("created_at").as("first"), eb.fn.max("created_at").as("last")])
      .executeTakeFirst();
    if (range?.first && range.last) {
      for (let day = londonDate(range.first); day <= londonDate(range.last); day = addDays(day, 1)) days.add(day);
    }
  }
  await recountReferralDays(db, [...days].sort());
  const value = now.toISOString();
  await db
    .insertInto("app_meta")
    .values({ key: WATERMARK_KEY, value })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: value }))
    .execute();
  return days.size;
}

/**
 * Counts every referral again. For after a bulk load that wrote past timestamps (demo history,
 * benchmarks), which a refresh would not notice.
 */
export async function rebuildReferralCounts(db: Db, now: Date = new Date()): Promise<number> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("report_counts_daily").where("measure", "in", REFERRAL_MEASURES).execute();
    await trx.deleteFrom("report_counts_monthly").where("measure", "in", REFERRAL_MEASURES).execute();
    await trx.deleteFrom("app_meta").where("key", "=", WATERMARK_KEY).execute();
  });
  return refreshReferralCounts(db, now);
}
