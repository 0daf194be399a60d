import type { Db } from "~/lib/db.server";
import { londonDate } from "~/referrals/working-days";
import { addMonthlyCounts } from "./monthly-counts.server";
import { type CountableTriage, triageFacts } from "./triage-facts";

export interface DailyCountRow {
  day: string;
  area_id: string;
  measure: "mode" | "barrier" | "eds" | "goal";
  key: string;
  count: number;
}

export interface DistrictCountRow {
  day: string;
  area_id: string;
  outward_code: string;
  key: string;
  count: number;
}

export interface TriageCountRows {
  daily: DailyCountRow[];
  districts: DistrictCountRow[];
}

export type CountableSavedTriage = CountableTriage & { completedAt: string; areaId: string | null; outwardCode: string | null };

/** The count rows (1 each) one triage adds; '' stands for an unknown area. */
export function triageCountRows(triage: CountableSavedTriage): TriageCountRows {
  const day = londonDate(triage.completedAt);
  const area_id = triage.areaId ?? "";
  const facts = triageFacts(triage);
  return {
    daily: facts.map((fact) => ({ day, area_id, ...fact, count: 1 })),
    districts: triage.outwardCode
      ? facts.filter((f) => f.measure === "barrier").map((f) => ({ day, area_id, outward_code: triage.outwardCode!, key: f.key, count: 1 }))
      : [],
  };
}

/**
 * Adds a saved triage to the daily counts that reports read. Safe to call more than once for the
 * same triage: it is counted only the first time. Runs in the caller's transaction if there is
 * one, otherwise in its own, so the marker and the counts are written together or not at all.
 */
export async function recordTriageFacts(db: Db, triageId: string): Promise<void> {
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => recordTriageFacts(trx, triageId));
    return;
  }
  const row = await db
    .selectFrom("triage_results")
    .select(["id", "mode", "area_id", "outward_postcode", "completed_at", "result"])
    .where("id", "=", triageId)
    .executeTakeFirst();
  if (!row) return;
  const marked = await db
    .insertInto("triage_counted")
    .values({ triage_id: row.id, counted_at: new Date().toISOString() })
    .onConflict((oc) => oc.column("triage_id").doNothing())
    .executeTakeFirst();
  if (Number(marked.numInsertedOrUpdatedRows ?? 0) === 0) return;
  const stored = JSON.parse(row.result) as { result: CountableTriage["result"] };
  await addTriageCounts(db, triageCountRows({ mode: row.mode, result: stored.result, completedAt: row.completed_at, areaId: row.area_id, outwardCode: row.outward_postcode }));
}

/** Rows with the same key merged, since one statement may not update the same row twice in PostgreSQL. */
export function mergeCounts<T extends { count: number }>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const merged = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const seen = merged.get(key);
    if (seen) seen.count += row.count;
    else merged.set(key, { ...row });
  }
  return [...merged.values()];
}

export const dailyKey = (r: DailyCountRow) => `${r.day}|${r.area_id}|${r.measure}|${r.key}`;
export const districtKey = (r: DistrictCountRow) => `${r.day}|${r.area_id}|${r.outward_code}|${r.key}`;

const byKey = <T>(keyOf: (row: T) => string) => (a: T, b: T) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0);

/**
 * Adds counts to both daily tables and to the monthly roll-up, for a triage being saved. Call it
 * in a transaction, so the day and month rows agree. Rows are written in key
 * order (a triage's goals come in the order they were chosen), so two triages saved at once on
 * PostgreSQL lock the rows they share in the same order and one waits, rather than deadlocking.
 */
export async function addTriageCounts(db: Db, rows: TriageCountRows): Promise<void> {
  const daily = mergeCounts(rows.daily, dailyKey).sort(byKey(dailyKey));
  for (let i = 0; i < daily.length; i += 100) {
    await db
      .insertInto("report_counts_daily")
      .values(daily.slice(i, i + 100))
      .onConflict((oc) => oc.columns(["day", "area_id", "measure", "key"]).doUpdateSet((eb) => ({ count: eb("report_counts_daily.count", "+", eb.ref("excluded.count")) })))
      .execute();
  }
  await addMonthlyCounts(db, daily);
  const districts = mergeCounts(rows.districts, districtKey).sort(byKey(districtKey));
  for (let i = 0; i < districts.length; i += 100) {
    await db
      .insertInto("triage_district_counts_daily")
      .values(districts.slice(i, i + 100))
      .onConflict((oc) =>
        oc.columns(["day", "area_id", "outward_code", "key"]).doUpdateSet((eb) => ({ count: eb("triage_district_counts_daily.count", "+", eb.ref("excluded.count")) })),
      )
      .execute();
  }
}
