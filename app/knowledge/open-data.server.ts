/**
 * Reads the live database for the open data sets. Only what the files publish is selected:
 * no names, contact details or notes about residents ever leave these queries.
 */
import type { Db } from "~/lib/db.server";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import { getCategory } from "~/directory/taxonomy.server";
import { isFreeService } from "~/directory/service-view";
import { listOrukServices } from "~/directory/oruk.server";
import { ORUK_MAX_PER_PAGE } from "~/directory/oruk-page";
import { attendingModesOf } from "~/directory/search-store";
import type { OrukObject } from "~/directory/oruk-shapes";
import { type DirectoryRecord, type ReferralRecord, type TriageCount, ukMonthOfBucket } from "./open-data";

function isCategoryId(code: string | null): code is CategoryId {
  return code !== null && (CATEGORY_IDS as readonly string[]).includes(code);
}

/** Category names of each service (or other linked record), from Waymark's own taxonomy only. */
async function categoryNamesByLink(db: Db, linkIds: string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (linkIds.length === 0) return names;
  const rows = await db
    .selectFrom("attributes")
    .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
    .select(["attributes.link_id", "taxonomy_terms.code"])
    .where("attributes.link_entity", "=", "service")
    .orderBy("taxonomy_terms.code")
    .execute();
  const wanted = new Set(linkIds);
  for (const row of rows) {
    if (!wanted.has(row.link_id) || !isCategoryId(row.code)) continue;
    const list = names.get(row.link_id) ?? [];
    const name = getCategory(row.code).name;
    if (!list.includes(name)) list.push(name);
    names.set(row.link_id, list);
  }
  return names;
}

function group<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return map;
}

/** Published, active services: the same listings the directory search and the ORUK API show. */
export async function listDirectoryRecords(db: Db): Promise<DirectoryRecord[]> {
  const services = await db
    .selectFrom("services")
    .innerJoin("organisations", "organisations.id", "services.organisation_id")
    .leftJoin("areas", "areas.id", "services.area_id")
    .select([
      "services.id",
      "services.name",
      "organisations.name as organisation",
      "areas.name as area_name",
      "services.fees_description",
      "services.attends_in_person",
      "services.attends_online",
      "services.attends_phone",
      "services.attends_home_visit",
      "services.email",
      "services.url",
      "services.assured_date",
    ])
    .where("services.published", "=", 1)
    .where("services.status", "=", "active")
    .orderBy("services.name")
    .orderBy("services.id")
    .execute();
  const ids = services.map((s) => s.id);
  const [categories, districts, phones, costs] = await Promise.all([
    categoryNamesByLink(db, ids),
    db
      .selectFrom("service_at_locations")
      .innerJoin("locations", "locations.id", "service_at_locations.location_id")
      .select(["service_at_locations.service_id", "locations.outward_code"])
      .where("locations.outward_code", "is not", null)
      .execute(),
    db.selectFrom("phones").select(["service_id", "number"]).where("service_id", "is not", null).orderBy("id").execute(),
    db.selectFrom("cost_options").select(["service_id", "amount"]).execute(),
  ]);
  const districtsBy = group(districts, (row) => row.service_id);
  const phonesBy = group(phones, (row) => row.service_id ?? "");
  const costsBy = group(costs, (row) => row.service_id);

  return services.map((s) => {
    const modes = attendingModesOf(s);
    return {
      id: s.id,
      name: s.name,
      organisation: s.organisation,
      categoryNames: categories.get(s.id) ?? [],
      areaName: s.area_name,
      postcodeDistricts: (districtsBy.get(s.id) ?? []).flatMap((row) => (row.outward_code ? [row.outward_code] : [])),
      free: isFreeService(s.fees_description, costsBy.get(s.id) ?? []),
      attendingModes: modes,
      phone: phonesBy.get(s.id)?.[0]?.number ?? null,
      email: s.email,
      url: s.url,
      lastVerified: s.assured_date,
    };
  });
}

/** Every listed service in full ORUK 3.0 form, a page of the largest size the API allows at a time. */
export async function listAllOrukServices(db: Db): Promise<OrukObject[]> {
  const all: OrukObject[] = [];
  for (let page = 1; ; page++) {
    const result = await listOrukServices(db, { page, perPage: ORUK_MAX_PER_PAGE }, {}, { full: true });
    all.push(...result.contents);
    if (result.last_page || result.empty) return all;
  }
}

async function areaNames(db: Db): Promise<Map<string, string>> {
  const areas = await db.selectFrom("areas").select(["id", "name"]).execute();
  return new Map(areas.map((a) => [a.id, a.name]));
}

/**
 * Triages and the barriers they found, by UK month and area, from the monthly counts the reports
 * keep (report_counts_monthly; every triage is added when it is saved), so a request reads a few
 * thousand small rows rather than parsing every triage's JSON.
 */
export async function listTriageCounts(db: Db): Promise<TriageCount[]> {
  const [rows, names] = await Promise.all([
    db
      .selectFrom("report_counts_monthly")
      .select(["month", "area_id", "measure", "key", "count"])
      .where("measure", "in", ["mode", "barrier"])
      .execute(),
    areaNames(db),
  ]);
  return rows.map((r) => ({ month: r.month, areaName: names.get(r.area_id) ?? null, measure: r.measure as TriageCount["measure"], key: r.key, count: Number(r.count) }));
}

/**
 * Referrals added up by the database: by month (see ukMonthOfBucket), area, service and the facts
 * that decide their result column. The reports' daily counts do not hold the service and the
 * result together, nor decline reasons or what a closed referral was closed from, so this still
 * reads the referrals table, but returns groups rather than a row per referral.
 */
export async function listReferralRecords(db: Db): Promise<ReferralRecord[]> {
  const [rows, names] = await Promise.all([
    db
      .selectFrom("referrals")
      .select((eb) => [
        eb
          .case()
          .when(eb.fn("substr", ["referrals.created_at", eb.val(12), eb.val(2)]), "=", "23")
          .then(eb.fn<string>("substr", ["referrals.created_at", eb.val(1), eb.val(10)]))
          .else(eb.fn<string>("substr", ["referrals.created_at", eb.val(1), eb.val(7)]))
          .end()
          .as("bucket"),
        "referrals.area_id",
        "referrals.service_id",
        "referrals.kind",
        "referrals.status",
        "referrals.outcome",
        "referrals.decline_reason",
        // Where a referral was closed from decides its result only when nothing else does (see referralResult).
        eb
          .case()
          .when(eb.and([eb("referrals.kind", "=", "live"), eb("referrals.status", "=", "closed"), eb("referrals.outcome", "is", null), eb("referrals.decline_reason", "is", null)]))
          .then(
            eb
              .selectFrom("referral_events")
              .select("referral_events.from_status")
              .whereRef("referral_events.referral_id", "=", "referrals.id")
              .where("referral_events.to_status", "=", "closed")
              .orderBy("referral_events.at")
              .limit(1),
          )
          .end()
          .as("closed_from"),
        eb.fn.countAll<number>().as("count"),
      ])
      .groupBy(["bucket", "referrals.area_id", "referrals.service_id", "referrals.kind", "referrals.status", "referrals.outcome", "referrals.decline_reason", "closed_from"])
      .execute(),
    areaNames(db),
  ]);
  const categories = await categoryNamesByLink(db, [...new Set(rows.map((row) => row.service_id))]);
  return rows.map((row) => ({
    kind: row.kind,
    status: row.status,
    outcome: row.outcome,
    declineReason: row.decline_reason,
    closedFrom: row.closed_from,
    month: ukMonthOfBucket(row.bucket ?? ""),
    areaName: row.area_id === null ? null : (names.get(row.area_id) ?? null),
    categoryNames: categories.get(row.service_id) ?? [],
    count: Number(row.count),
  }));
}
