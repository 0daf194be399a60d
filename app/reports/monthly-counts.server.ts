/**
 * The monthly roll-up of report_counts_daily (db/migrations/017-report-counts-monthly.ts). Each
 * month row is the sum of its month's day rows for the same area, measure and key, and stays so
 * because every write to the daily counts passes the same change here, in the same transaction:
 * a saved triage adds 1s (triage-facts.server.ts), a referral day counted again passes the
 * difference between its new and old rows (referral-counts.server.ts).
 */
import type { ReportMeasure } from "~db/schema/reporting";
import type { Db } from "~/lib/db.server";

/** A change to one daily count: `count` is added to the day's month, and may be negative. */
export interface DailyCountChange {
  day: string;
  area_id: string;
  measure: ReportMeasure;
  key: string;
  count: number;
}

/** The UK month (YYYY-MM) of a UK day (YYYY-MM-DD). */
export function monthOfDay(day: string): string {
  return day.slice(0, 7);
}

/**
 * The monthly rows these daily changes add up to, merged by month, area, measure and key, without
 * the ones that cancel out, in key order: concurrent transactions then lock the rows they share
 * in the same order, so two triages saved at once on PostgreSQL wait for each other rather than
 * deadlock (addTriageCounts writes its daily rows in key order for the same reason).
 */
export function monthlyChanges(changes: readonly DailyCountChange[]) {
  const merged = new Map<string, { month: string; area_id: string; measure: ReportMeasure; key: string; count: number }>();
  for (const change of changes) {
    const month = monthOfDay(change.day);
    const id = `${month}|${change.area_id}|${change.measure}|${change.key}`;
    const seen = merged.get(id);
    if (seen) seen.count += change.count;
    else merged.set(id, { month, area_id: change.area_id, measure: change.measure, key: change.key, count: change.count });
  }
  return [...merged.entries()]
    .filter(([, row]) => row.count !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

/**
 * Adds daily count changes to the monthly roll-up. Call it in the transaction that makes the same
 * changes to report_counts_daily. A month row brought to 0 is removed, as its days' rows are.
 */
export async function addMonthlyCounts(db: Db, changes: readonly DailyCountChange[]): Promise<void> {
  const rows = monthlyChanges(changes);
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto("report_counts_monthly")
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.columns(["month", "area_id", "measure", "key"]).doUpdateSet((eb) => ({ count: eb("report_counts_monthly.count", "+", eb.ref("excluded.count")) })))
      .execute();
  }
  const emptied = [...new Set(rows.filter((r) => r.count < 0).map((r) => r.month))];
  if (emptied.length > 0) await db.deleteFrom("report_counts_monthly").where("month", "in", emptied).where("count", "=", 0).execute();
}
