/**
 * The directory's search as the pages use it. Every published, active listing is read from the
 * database once (a query per table, never per service) into memory: the search index plus the
 * few fields a result shows. A saved listing replaces its own entry (refreshServiceInIndex), so
 * no request rebuilds the index or reads the database for results; only the postcode is looked up.
 */
import type { SelectQueryBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { HowToAccess } from "~db/schema/directory";
import type { Db } from "~/lib/db.server";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import type { LatLon } from "./geo";
import type { ScheduleRule } from "./opening-times";
import { UNAVAILABLE_MESSAGE, lookupPostcode, type LookupOptions, type PostcodeLookup } from "./postcodes.server";
import { parsePostcodeInput } from "./postcodes";
import type { DirectorySearchParams } from "./search-params";
import {
  type AttendingMode,
  type SearchIndex,
  type SearchResultPage,
  buildSearchIndex,
  removeDocument,
  searchServices,
  updateDocument,
} from "./search-index";
import { type ServiceRecord, type ServiceSummary, openingText, summarise, toSearchDocument } from "./service-view";

export type { ServiceSummary } from "./service-view";

interface DirectoryIndex {
  index: SearchIndex;
  records: Map<string, ServiceRecord>;
  /** "Open now" and the next session per listing, worked out at most once a minute. */
  opening: Map<string, { minute: number; value: { openNow: boolean; text: string | null } }>;
}

// Per database, so each test file's fresh database gets its own index; a promise, so requests
// arriving while the first build runs wait for it instead of starting their own.
const built = new WeakMap<Db, Promise<DirectoryIndex>>();

const isCategory = (code: string | null): code is CategoryId => CATEGORY_IDS.includes(code as CategoryId);

function visible<O>(qb: SelectQueryBuilder<Database, "services", O>, serviceId?: string) {
  const q = qb.where("services.published", "=", 1).where("services.status", "=", "active");
  return serviceId === undefined ? q : q.where("services.id", "=", serviceId);
}

/** Published, active listings (or just one) as records: nine queries however many there are. */
async function loadRecords(db: Db, serviceId?: string): Promise<ServiceRecord[]> {
  const [services, terms, costs, locations, serviceSchedules, placeSchedules] = await Promise.all([
    visible(
      db
        .selectFrom("services")
        .innerJoin("organisations", "organisations.id", "services.organisation_id")
        .select([
          "services.id",
          "services.name",
          "services.description",
          "services.status",
          "services.is_national",
          "services.attends_in_person",
          "services.attends_online",
          "services.attends_phone",
          "services.attends_home_visit",
          "services.how_to_access",
          "services.fees_description",
          "services.assured_date",
          "services.is_demo",
          "organisations.name as organisation_name",
        ]),
      serviceId,
    )
      .orderBy("services.name")
      .execute(),
    visible(
      db
        .selectFrom("attributes")
        .innerJoin("services", "services.id", "attributes.link_id")
        .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
        .where("attributes.link_entity", "=", "service")
        .select(["services.id as service_id", "taxonomy_terms.code", "taxonomy_terms.name"]),
      serviceId,
    ).execute(),
    visible(
      db
        .selectFrom("cost_options")
        .innerJoin("services", "services.id", "cost_options.service_id")
        .select(["services.id as service_id", "cost_options.option", "cost_options.amount"]),
      serviceId,
    ).execute(),
    visible(
      db
        .selectFrom("service_at_locations")
        .innerJoin("services", "services.id", "service_at_locations.service_id")
        .innerJoin("locations", "locations.id", "service_at_locations.location_id")
        .where("locations.latitude", "is not", null)
        .where("locations.longitude", "is not", null)
        .select(["services.id as service_id", "locations.name", "locations.latitude", "locations.longitude"]),
      serviceId,
    ).execute(),
    visible(
      db.selectFrom("schedules").innerJoin("services", "services.id", "schedules.service_id").selectAll("schedules"),
      serviceId,
    ).execute(),
    visible(
      db
        .selectFrom("schedules")
        .innerJoin("service_at_locations", "service_at_locations.id", "schedules.service_at_location_id")
        .innerJoin("services", "services.id", "service_at_locations.service_id")
        .innerJoin("locations", "locations.id", "service_at_locations.location_id")
        .selectAll("schedules")
        .select(["services.id as owner_id", "locations.name as place"]),
      serviceId,
    ).execute(),
  ]);

  const byService = <R extends { service_id: string | null }>(rows: R[]) => {
    const map = new Map<string, R[]>();
    for (const row of rows) if (row.service_id) map.set(row.service_id, [...(map.get(row.service_id) ?? []), row]);
    return map;
  };
  const termsOf = byService(terms);
  const costsOf = byService(costs);
  const locationsOf = byService(locations);
  const schedulesOf = new Map<string, Map<string, ScheduleRule>>();
  const addSchedule = (owner: string, id: string, rule: ScheduleRule) => {
    const rules = schedulesOf.get(owner) ?? new Map<string, ScheduleRule>();
    // A schedule may name both the service and one of its places; the place is the better reading.
    if (!rules.has(id) || rule.place) rules.set(id, rule);
    schedulesOf.set(owner, rules);
  };
  for (const s of serviceSchedules) if (s.service_id) addSchedule(s.service_id, s.id, s);
  for (const s of placeSchedules) addSchedule(s.owner_id, s.id, s);

  return services.map((s) => {
    const filed = termsOf.get(s.id) ?? [];
    const modes: AttendingMode[] = [];
    if (s.attends_in_person) modes.push("in-person");
    if (s.attends_online) modes.push("online");
    if (s.attends_phone) modes.push("phone");
    if (s.attends_home_visit) modes.push("home-visit");
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      organisationName: s.organisation_name,
      categories: filed.flatMap((t) => (isCategory(t.code) ? [{ id: t.code, name: t.name }] : [])),
      termNames: [...new Set(filed.map((t) => t.name))],
      status: s.status,
      isNational: s.is_national === 1,
      attendingModes: modes,
      howToAccess: s.how_to_access as HowToAccess | null,
      feesDescription: s.fees_description,
      costs: (costsOf.get(s.id) ?? []).map((c) => ({ option: c.option, amount: c.amount })),
      assuredDate: s.assured_date,
      locations: (locationsOf.get(s.id) ?? []).map((l) => ({ name: l.name, lat: l.latitude!, lon: l.longitude! })),
      schedules: [...(schedulesOf.get(s.id)?.values() ?? [])],
      isDemo: s.is_demo === 1,
    };
  });
}

async function buildDirectoryIndex(db: Db): Promise<DirectoryIndex> {
  const records = await loadRecords(db);
  return {
    index: buildSearchIndex(records.map(toSearchDocument)),
    records: new Map(records.map((r) => [r.id, r])),
    opening: new Map(),
  };
}

/** The index for this database, built on first use and kept for the life of the process. */
export function getDirectoryIndex(db: Db): Promise<DirectoryIndex> {
  let index = built.get(db);
  if (!index) {
    index = buildDirectoryIndex(db);
    built.set(db, index);
    // A failed build (the database was busy, say) must not be remembered as the index.
    index.catch(() => built.delete(db));
  }
  return index;
}

/**
 * Brings one listing's search entry up to date after it is created, edited, approved, verified,
 * unpublished or closed: it enters, changes or leaves search at once. Cheap when no one has
 * searched yet (the first search reads everything fresh).
 */
export async function refreshServiceInIndex(db: Db, serviceId: string): Promise<void> {
  const pending = built.get(db);
  if (!pending) return;
  const directory = await pending;
  const [record] = await loadRecords(db, serviceId);
  directory.opening.delete(serviceId);
  if (record) {
    updateDocument(directory.index, toSearchDocument(record));
    directory.records.set(serviceId, record);
  } else {
    removeDocument(directory.index, serviceId);
    directory.records.delete(serviceId);
  }
}

/** Forgets the index so the next search reads every listing again, e.g. after a bulk import. */
export function rebuildDirectoryIndex(db: Db): void {
  built.delete(db);
}

export interface DirectorySearchResult {
  /** The postcode lookup, or null when no postcode was given. */
  lookup: PostcodeLookup | null;
  /** Where distances are measured from; null when results are not sorted by distance. */
  origin: LatLon | null;
  /** Said above the results: distances are approximate, or could not be measured. */
  notice: string | null;
  /** Said beside the postcode field: it is not a postcode, or no such postcode exists. */
  postcodeError: string | null;
  page: SearchResultPage;
  services: ServiceSummary[];
}

export interface DirectorySearchOptions {
  now?: Date;
  lookup?: LookupOptions;
}

/**
 * When postcodes.io is down and nothing is cached, the directory's own addresses in the same
 * district give a rough centre, so a search for "ME14" still sorts by distance.
 */
async function centreFromListings(db: Db, outwardCode: string): Promise<LatLon | null> {
  const points = await db
    .selectFrom("locations")
    .select(["latitude", "longitude"])
    .where("outward_code", "=", outwardCode)
    .where("latitude", "is not", null)
    .where("longitude", "is not", null)
    .execute();
  if (points.length === 0) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { lat: mean(points.map((p) => p.latitude!)), lon: mean(points.map((p) => p.longitude!)) };
}

async function originFor(db: Db, postcode: string, options: LookupOptions) {
  if (!postcode) return { lookup: null, origin: null, notice: null, postcodeError: null };
  const lookup = await lookupPostcode(db, postcode, options);
  switch (lookup.kind) {
    case "found":
      return { lookup, origin: { lat: lookup.lat, lon: lookup.lon }, notice: null, postcodeError: null };
    case "approximate":
      return {
        lookup,
        origin: { lat: lookup.lat, lon: lookup.lon },
        notice: `We cannot look up postcodes at the moment, so distances are measured from the middle of ${lookup.outwardCode}.`,
        postcodeError: null,
      };
    case "invalid":
    case "not-found":
      return { lookup, origin: null, notice: null, postcodeError: lookup.message };
    case "unavailable": {
      const parsed = parsePostcodeInput(postcode);
      const centre = parsed.kind === "invalid" ? null : await centreFromListings(db, parsed.outwardCode);
      if (!centre || parsed.kind === "invalid") return { lookup, origin: null, notice: UNAVAILABLE_MESSAGE, postcodeError: null };
      return {
        lookup,
        origin: centre,
        notice: `We cannot look up postcodes at the moment, so distances are measured roughly from ${parsed.outwardCode}.`,
        postcodeError: null,
      };
    }
  }
}

/**
 * Result summaries; "open now" and the next session are remembered for the minute, since
 * walking a quarter of calendar for each of 20 results on every request cost more than the search.
 */
export function summariesFor(
  directory: DirectoryIndex,
  items: { id: string; distanceKm: number | null; nearestLocation: string | null }[],
  now: Date,
): ServiceSummary[] {
  const minute = Math.floor(now.getTime() / 60_000);
  return items.flatMap((item) => {
    const record = directory.records.get(item.id);
    if (!record) return [];
    let opening = directory.opening.get(item.id);
    if (opening?.minute !== minute) {
      opening = { minute, value: openingText(record.schedules, now) };
      directory.opening.set(item.id, opening);
    }
    return [summarise(record, item, now, opening.value)];
  });
}

/** One page of /services: postcode looked up, filters applied, results summarised for display. */
export async function searchDirectory(
  db: Db,
  params: DirectorySearchParams,
  options: DirectorySearchOptions = {},
): Promise<DirectorySearchResult> {
  const now = options.now ?? new Date();
  const [directory, place] = await Promise.all([getDirectoryIndex(db), originFor(db, params.postcode, options.lookup ?? {})]);
  const page = searchServices(directory.index, {
    q: params.q,
    categoryIds: params.categories,
    free: params.free,
    day: params.day,
    attending: params.attending,
    origin: place.origin,
    page: params.page,
    now,
  });
  return { ...place, page, services: summariesFor(directory, page.items, now) };
}

/**
 * Services for a triage result: the best few for each category in turn (nearest first with a
 * postcode), so three needs get a mix rather than ten answers to the first. A postcode that
 * cannot be placed just means no distances.
 */
export async function findHelpNearby(
  db: Db,
  input: { categoryIds: string[]; postcode?: string; limit: number },
  options: DirectorySearchOptions = {},
): Promise<ServiceSummary[]> {
  const now = options.now ?? new Date();
  const categories = [...new Set(input.categoryIds.filter(isCategory))];
  if (categories.length === 0 || input.limit <= 0) return [];
  const [directory, place] = await Promise.all([getDirectoryIndex(db), originFor(db, input.postcode?.trim() ?? "", options.lookup ?? {})]);
  const lists = categories.map((category) =>
    searchServices(directory.index, { categoryIds: [category], origin: place.origin, now }).items,
  );
  const chosen = new Map<string, (typeof lists)[number][number]>();
  for (let rank = 0; chosen.size < input.limit && lists.some((list) => rank < list.length); rank++) {
    for (const list of lists) {
      const item = list[rank];
      if (item && !chosen.has(item.id) && chosen.size < input.limit) chosen.set(item.id, item);
    }
  }
  return summariesFor(directory, [...chosen.values()], now);
}
