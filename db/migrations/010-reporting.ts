import type { Kysely } from "kysely";

/**
 * Reporting. A busy partnership's year is a million triages, whose barriers, skills level and
 * goals sit in a JSON blob, and hundreds of thousands of referrals; grouping those per request
 * cannot meet the page budget (measured: most of a second of CPU just sorting referrals). So
 * reports read daily counts instead: one row per (day, area, measure, key). Periods are whole
 * days, so the daily grain loses nothing.
 *
 * - Triages are counted once, when saved (triage_counted remembers which).
 * - Referrals change status after they are made, so their counts are worked out again for each
 *   day that had a referral made or changed since the last refresh (found through updated_at).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("triage_counted")
    .addColumn("triage_id", "text", (c) => c.primaryKey())
    .addColumn("counted_at", "text", (c) => c.notNull())
    .execute();

  // area_id is '' (not NULL) when unknown, so the key is unique and upserts work.
  await db.schema
    .createTable("report_counts_daily")
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("area_id", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_counts_daily_pk", ["day", "area_id", "measure", "key"])
    .execute();
  // In GROUP BY order and covering: the report adds rows up as it reads them, with no sort.
  await db.schema.createIndex("report_counts_daily_measure").on("report_counts_daily").columns(["measure", "key", "day", "area_id", "count"]).execute();

  // Barriers by postcode district, for the gap analysis.
  await db.schema
    .createTable("triage_district_counts_daily")
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("area_id", "text", (c) => c.notNull())
    .addColumn("outward_code", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("triage_district_counts_daily_pk", ["day", "area_id", "outward_code", "key"])
    .execute();

  // Which days' referral counts are out of date: referrals changed since the last refresh.
  await db.schema.createIndex("referrals_updated").on("referrals").columns(["updated_at", "created_at"]).execute();
  // People helped by day (then by month) with the hours, read from the index in day order.
  await db.schema.createIndex("people_helped_reporting").on("people_helped").columns(["helped_on", "area_id", "minutes"]).execute();
  await db.schema.createIndex("quiz_attempts_passes").on("quiz_attempts").columns(["passed", "module_id", "user_id", "attempted_at"]).execute();

  await backfillTriages(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("quiz_attempts_passes").execute();
  await db.schema.dropIndex("people_helped_reporting").execute();
  await db.schema.dropIndex("referrals_updated").execute();
  await db.schema.dropTable("triage_district_counts_daily").execute();
  await db.schema.dropTable("report_counts_daily").execute();
  await db.schema.dropTable("triage_counted").execute();
}

const BATCH = 2_000;

/**
 * Counts the triages saved before this migration. Frozen with the migration: it reads stored
 * result format 1 as it was when this was written, whatever the app does later. Referral counts
 * need no backfill: the first report works them out.
 */
async function backfillTriages(db: Kysely<any>): Promise<void> {
  const totals = new Map<string, number>();
  const districts = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let after = "";
  for (;;) {
    const rows: { id: string; mode: string; area_id: string | null; outward_postcode: string | null; completed_at: string; result: string }[] = await db
      .selectFrom("triage_results")
      .select(["id", "mode", "area_id", "outward_postcode", "completed_at", "result"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const stored = JSON.parse(row.result) as {
        result?: { barriers?: Record<string, { severity?: string }>; skills?: { level?: string }; goals?: string[] };
      };
      const day = londonDay(row.completed_at);
      const area = row.area_id ?? "";
      add(totals, JSON.stringify([day, area, "mode", row.mode]));
      for (const [barrier, score] of Object.entries(stored.result?.barriers ?? {})) {
        if (score?.severity !== "some" && score?.severity !== "high") continue;
        add(totals, JSON.stringify([day, area, "barrier", `${barrier}:${score.severity}`]));
        if (row.outward_postcode) add(districts, JSON.stringify([day, area, row.outward_postcode, `${barrier}:${score.severity}`]));
      }
      if (stored.result?.skills?.level) add(totals, JSON.stringify([day, area, "eds", stored.result.skills.level]));
      for (const goal of new Set(stored.result?.goals ?? [])) add(totals, JSON.stringify([day, area, "goal", goal]));
    }
    const counted_at = new Date().toISOString();
    await db.insertInto("triage_counted").values(rows.map((row) => ({ triage_id: row.id, counted_at }))).execute();
    after = rows[rows.length - 1].id;
  }
  const dayRows = [...totals].map(([id, count]) => {
    const [day, area_id, measure, key] = JSON.parse(id) as string[];
    return { day, area_id, measure, key, count };
  });
  for (let i = 0; i < dayRows.length; i += 100) await db.insertInto("report_counts_daily").values(dayRows.slice(i, i + 100)).execute();
  const districtRows = [...districts].map(([id, count]) => {
    const [day, area_id, outward_code, key] = JSON.parse(id) as string[];
    return { day, area_id, outward_code, key, count };
  });
  for (let i = 0; i < districtRows.length; i += 100) await db.insertInto("triage_district_counts_daily").values(districtRows.slice(i, i + 100)).execute();
}

function londonDay(timestamp: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(timestamp));
}
