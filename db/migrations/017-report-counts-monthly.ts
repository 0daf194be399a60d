import type { Kysely } from "kysely";

/**
 * Monthly counts beside the daily ones (issue 13). A year of reports read about 110,000 daily
 * rows at 1,000,000 triages, which is most of the page's database time on PostgreSQL. A month
 * row holds the sum of that month's day rows for the same (area, measure, key), so a report reads
 * whole months from here (about 1/30 of the rows) and only the part months at the ends of its
 * period from the daily table. Written in the same transactions as the daily counts.
 *
 * The daily table is now read by day range only (those part months, and a referral day's recount),
 * so its covering index leads with the day instead of the measure: PostgreSQL then reads a month
 * of days as an index-only range rather than scanning the whole table, and SQLite likewise.
 * The (measure, …) index served the year-long read and the open data file, which now read months.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("report_counts_monthly")
    // YYYY-MM: the first 7 characters of the UK day.
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("area_id", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("report_counts_monthly_pk", ["month", "area_id", "measure", "key"])
    .execute();

  // Every month of counts so far, added up from the days.
  await db
    .insertInto("report_counts_monthly")
    .columns(["month", "area_id", "measure", "key", "count"])
    .expression(
      db
        .selectFrom("report_counts_daily")
        .select((eb) => [eb.fn("substr", ["day", eb.val(1), eb.val(7)]).as("month"), "area_id", "measure", "key", eb.fn.sum("count").as("count")])
        .groupBy(["month", "area_id", "measure", "key"]),
    )
    .execute();

  await db.schema.dropIndex("report_counts_daily_measure").execute();
  await db.schema.createIndex("report_counts_daily_days").on("report_counts_daily").columns(["day", "area_id", "measure", "key", "count"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("report_counts_daily_days").execute();
  await db.schema.createIndex("report_counts_daily_measure").on("report_counts_daily").columns(["measure", "key", "day", "area_id", "count"]).execute();
  await db.schema.dropTable("report_counts_monthly").execute();
}
