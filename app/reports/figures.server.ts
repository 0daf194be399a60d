/**
 * The database side of /reports: a handful of grouped queries, each served by an index (see
 * db/migrations/010-reporting.ts, 017-report-counts-monthly.ts and docs/PERFORMANCE.md), whose
 * small results build-figures.ts turns into figures. Triages and referrals are read from their
 * monthly and daily counts, never row by row.
 */
import type { Db } from "~/lib/db.server";
import { CATEGORY_TAXONOMY_ID, getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { taxonomyIdFor } from "~/directory/stable-id";
import { getTrainingModules } from "~/knowledge/training.server";
import { type BuiltReport, type FigureLabels, type ReportData, buildReport } from "./build-figures";
import type { ReportMeasure } from "~db/schema/reporting";
import { outreachFactsFor } from "./outreach-facts.server";
import { NO_OUTREACH } from "./outreach-figures";
import { type Period, periodInstants, splitByWholeMonths } from "./period";
import { refreshReferralCounts } from "./referral-counts.server";

export interface FigureScope {
  period: Period;
  /** The areas reported on, or "all": every area, plus activity with no known area. */
  areaIds: readonly string[] | "all";
  /** Today in the UK, for how old directory listings are. */
  today: string;
}

const NO_DATA: ReportData = { counts: [], serviceCategories: {}, peopleHelped: [], trainingPasses: [], listings: [], openProblemReports: 0, outreach: NO_OUTREACH };

const MEASURES: readonly ReportMeasure[] = ["mode", "barrier", "eds", "goal", "referral", "referral-service", "first-action"];

export function figureLabels(): FigureLabels {
  return {
    categories: getCategoryTaxonomy().terms.map((t) => ({ id: t.id, name: t.name })),
    modules: getTrainingModules()
      .filter((m) => m.core)
      .map((m) => ({ id: m.id, title: m.title })),
  };
}

/** Every figure for a period and areas; brings the referral counts up to date first. */
export async function getReport(db: Db, scope: FigureScope): Promise<BuiltReport> {
  await refreshReferralCounts(db);
  const data = await loadReportData(db, scope);
  return buildReport(data, { period: scope.period, today: scope.today, labels: figureLabels() });
}

export async function loadReportData(db: Db, scope: FigureScope): Promise<ReportData> {
  // A coordinator with no areas yet sees empty figures, not everyone's.
  if (scope.areaIds !== "all" && scope.areaIds.length === 0) return NO_DATA;
  const [counts, serviceCategories, peopleHelped, trainingPasses, listings, openProblemReports, outreach] = await Promise.all([
    countsFor(db, scope),
    serviceCategoriesFor(db),
    peopleHelpedFor(db, scope),
    trainingPassesFor(db, scope),
    listingsFor(db, scope),
    openProblemReportsFor(db, scope),
    outreachFactsFor(db, scope),
  ]);
  return { counts, serviceCategories, peopleHelped, trainingPasses, listings, openProblemReports, outreach };
}

/**
 * Triage and referral counts for the period, added up by measure and key: whole months from the
 * monthly roll-up, and only the days at the ends of the period outside whole months from the
 * daily counts (a year is 11 or 12 months' rows and a month of days', rather than 365 days'),
 * each end its own range on the (day, …) covering index. The queries run side by side on
 * PostgreSQL's pool. Rows come back in (measure, key) order, whichever tables they came from.
 */
export async function countsFor(db: Db, scope: FigureScope) {
  const { months, days } = splitByWholeMonths(scope.period);
  const areaIds = scope.areaIds;
  const monthly = async () => {
    if (!months) return [];
    let query = db
      .selectFrom("report_counts_monthly")
      .select((eb) => ["measure", "key", eb.fn.sum<number>("count").as("count")])
      .where("measure", "in", MEASURES)
      .where("month", ">=", months.first)
      .where("month", "<=", months.last);
    if (areaIds !== "all") query = query.where("area_id", "in", areaIds);
    return query.groupBy(["measure", "key"]).execute();
  };
  const daily = async (range: Period) => {
    let query = db
      .selectFrom("report_counts_daily")
      .select((eb) => ["measure", "key", eb.fn.sum<number>("count").as("count")])
      .where("day", ">=", range.from)
      .where("day", "<=", range.to)
      .where("measure", "in", MEASURES);
    if (areaIds !== "all") query = query.where("area_id", "in", areaIds);
    return query.groupBy(["measure", "key"]).execute();
  };
  const totals = new Map<string, { measure: ReportMeasure; key: string; count: number }>();
  for (const row of (await Promise.all([monthly(), ...days.map(daily)])).flat()) {
    const id = `${row.measure}\u0000${row.key}`;
    const seen = totals.get(id);
    if (seen) seen.count += Number(row.count);
    else totals.set(id, { measure: row.measure, key: row.key, count: Number(row.count) });
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

export async function serviceCategoriesFor(db: Db): Promise<Record<string, string[]>> {
  const rows = await db
    .selectFrom("attributes")
    .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
    .select(["attributes.link_id", "taxonomy_terms.code"])
    .where("attributes.link_entity", "=", "service")
    .where("taxonomy_terms.taxonomy_id", "=", taxonomyIdFor(CATEGORY_TAXONOMY_ID))
    .execute();
  const map: Record<string, string[]> = {};
  for (const row of rows) if (row.code) (map[row.link_id] ??= []).push(row.code);
  return map;
}

/**
 * By day and area, read in the order of the (helped_on, area_id, minutes) index with no sort;
 * the areas are picked out here rather than in SQL, which would lead SQLite to an index that
 * needs a sort. Months are added up in build-figures.
 */
export async function peopleHelpedFor(db: Db, scope: FigureScope) {
  const rows = await db
    .selectFrom("people_helped")
    .select((eb) => ["helped_on", "area_id", eb.fn.countAll<number>().as("people"), eb.fn.sum<number>("minutes").as("minutes")])
    .where("helped_on", ">=", scope.period.from)
    .where("helped_on", "<=", scope.period.to)
    .groupBy(["helped_on", "area_id"])
    .execute();
  const areaIds = scope.areaIds === "all" ? null : new Set(scope.areaIds);
  return rows
    .filter((r) => areaIds === null || (r.area_id !== null && areaIds.has(r.area_id)))
    .map((r) => ({ day: r.helped_on, people: Number(r.people), minutes: Number(r.minutes) }));
}

/** People whose first pass of a module fell in the period; for areas, people who work in them. */
export async function trainingPassesFor(db: Db, scope: FigureScope) {
  const { fromInstant, toInstantExclusive } = periodInstants(scope.period);
  let firstPasses = db
    .selectFrom("quiz_attempts")
    .select((eb) => ["module_id", "user_id", eb.fn.min("attempted_at").as("first_passed_at")])
    .where("passed", "=", 1)
    .groupBy(["module_id", "user_id"]);
  if (scope.areaIds !== "all") {
    const areaIds = scope.areaIds;
    firstPasses = firstPasses.where("user_id", "in", (eb) => eb.selectFrom("user_areas").select("user_id").where("area_id", "in", areaIds));
  }
  const rows = await db
    .selectFrom(firstPasses.as("first_passes"))
    .select((eb) => ["module_id", eb.fn.countAll<number>().as("users")])
    .where("first_passed_at", ">=", fromInstant)
    .where("first_passed_at", "<", toInstantExclusive)
    .groupBy("module_id")
    .execute();
  return rows.map((r) => ({ moduleId: r.module_id, users: Number(r.users) }));
}

/** Published listings that are not closed for good: local ones in the areas, or all (national too). */
function listingsInScope(db: Db, scope: FigureScope) {
  let query = db.selectFrom("services").where("services.published", "=", 1).where("services.status", "!=", "defunct");
  if (scope.areaIds !== "all") query = query.where("services.area_id", "in", scope.areaIds);
  return query;
}

export async function listingsFor(db: Db, scope: FigureScope) {
  const rows = await listingsInScope(db, scope)
    .select((eb) => ["services.assured_date", eb.fn.countAll<number>().as("count")])
    .groupBy("services.assured_date")
    .execute();
  return rows.map((r) => ({ assuredDate: r.assured_date, count: Number(r.count) }));
}

export async function openProblemReportsFor(db: Db, scope: FigureScope): Promise<number> {
  const row = await listingsInScope(db, scope)
    .innerJoin("listing_reports", "listing_reports.service_id", "services.id")
    .where("listing_reports.status", "=", "open")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
