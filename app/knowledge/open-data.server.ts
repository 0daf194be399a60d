/**
 * Reads the live database for the open data sets. Only what the files publish is selected:
 * no names, contact details or notes about residents ever leave these queries.
 */
import type { Db } from "~/lib/db.server";
import { CATEGORY_IDS, type BarrierId, type CategoryId, type Severity } from "~/lib/frameworks";
import { getCategory } from "~/directory/taxonomy.server";
import { isFreeService } from "~/directory/service-view";
import { listOrukServices } from "~/directory/oruk.server";
import { ORUK_MAX_PER_PAGE } from "~/directory/oruk-page";
import type { OrukObject } from "~/directory/oruk-shapes";
import type { StoredTriageResult } from "~/triage/triage-results.server";
import type { AttendingModeId, DirectoryRecord, ReferralRecord, TriageRecord } from "./open-data";

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
    const modes: AttendingModeId[] = [];
    if (s.attends_in_person) modes.push("in-person");
    if (s.attends_online) modes.push("online");
    if (s.attends_phone) modes.push("phone");
    if (s.attends_home_visit) modes.push("home-visit");
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

function severitiesOf(resultJson: string): Partial<Record<BarrierId, Severity>> {
  try {
    const stored = JSON.parse(resultJson) as Partial<StoredTriageResult>;
    const barriers: Partial<Record<BarrierId, { severity?: Severity }>> = stored.result?.barriers ?? {};
    return Object.fromEntries(Object.entries(barriers).map(([id, score]) => [id, score?.severity])) as Partial<Record<BarrierId, Severity>>;
  } catch {
    // A result that cannot be read still counts as a triage; it just adds to no barrier.
    return {};
  }
}

export async function listTriageRecords(db: Db): Promise<TriageRecord[]> {
  const rows = await db
    .selectFrom("triage_results")
    .leftJoin("areas", "areas.id", "triage_results.area_id")
    .select(["triage_results.completed_at", "areas.name as area_name", "triage_results.result"])
    .execute();
  return rows.map((row) => ({ completedAt: row.completed_at, areaName: row.area_name, severities: severitiesOf(row.result) }));
}

export async function listReferralRecords(db: Db): Promise<ReferralRecord[]> {
  const rows = await db
    .selectFrom("referrals")
    .leftJoin("areas", "areas.id", "referrals.area_id")
    .leftJoin("referral_events as closing", (join) =>
      join.onRef("closing.referral_id", "=", "referrals.id").on("closing.to_status", "=", "closed"),
    )
    .select([
      "referrals.id",
      "referrals.service_id",
      "referrals.kind",
      "referrals.status",
      "referrals.outcome",
      "referrals.decline_reason",
      "referrals.created_at",
      "areas.name as area_name",
      "closing.from_status as closed_from",
    ])
    .execute();
  const categories = await categoryNamesByLink(db, [...new Set(rows.map((row) => row.service_id))]);
  // A referral closed twice is impossible in the state machine, but one row each keeps counts honest if it happened.
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.id)) return [];
    seen.add(row.id);
    return [
      {
        kind: row.kind,
        status: row.status,
        outcome: row.outcome,
        declineReason: row.decline_reason,
        closedFrom: row.closed_from,
        createdAt: row.created_at,
        areaName: row.area_name,
        categoryNames: categories.get(row.service_id) ?? [],
      },
    ];
  });
}
