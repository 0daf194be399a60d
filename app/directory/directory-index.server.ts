/**
 * The directory's search index, held in memory for each database: every published, active
 * listing read once (a query per table, never per service) into the index plus the few fields a
 * result shows, so no request reads the database for results. It follows changes two ways:
 *
 * - Made here: a saved listing replaces its own entry at once (refreshServiceInIndex), and a bulk
 *   change forgets the index so the next search reads everything (rebuildDirectoryIndex).
 * - Made by another process (`npm run import:oruk`, `npm run db:seed`) writing to the same file:
 *   at most every 30 seconds a search asks SQLite whether any other connection has committed
 *   since the index was read. `PRAGMA data_version` answers that from a counter, reading no
 *   table, and does not move for this process's own writes. Only when it has moved are the
 *   listings fingerprinted, and only when they differ is the index read again, in the background
 *   while the old one keeps answering.
 */
import { sql, type SelectQueryBuilder } from "kysely";
import { dialectOf, epochSeconds } from "~db/dialect";
import type { Database } from "~db/schema";
import type { HowToAccess } from "~db/schema/directory";
import type { Db } from "~/lib/db.server";
import { listen, type Subscription } from "~/lib/db-notifications.server";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import type { ScheduleRule } from "./opening-times";
import { attendingModesOf } from "./search-store";
import { type SearchIndex, buildSearchIndex, removeDocument, updateDocument } from "./search-index";
import { type ServiceRecord, toSearchDocument } from "./service-view";

export interface DirectoryIndex {
  index: SearchIndex;
  records: Map<string, ServiceRecord>;
  /** "Open now" and the next session per listing, worked out at most once a minute. */
  opening: Map<string, { minute: number; value: { openNow: boolean; text: string | null } }>;
}

/** How often, at most, a search looks for changes made by other processes. */
export const OUTSIDE_CHECK_INTERVAL_MS = 30_000;

/** What the database looked like just before the listings were read. */
interface Stamp {
  /**
   * SQLite's count of commits by other connections, as this connection sees it; on PostgreSQL,
   * how many times the listening connection has connected (notifications carry the rest).
   */
  dataVersion: number;
  listings: string;
}

interface Held {
  built: Promise<{ directory: DirectoryIndex; stamp: Stamp }>;
  /** When a search last looked for outside changes (milliseconds since 1970). */
  checkedAt: number;
  checking: Promise<boolean> | null;
}

// Per database, so each test file's fresh database gets its own index; a promise, so requests
// arriving while the first build runs wait for it instead of starting their own.
const held = new WeakMap<Db, Held>();
// PostgreSQL only: the NOTIFY subscription, made once per database and kept across rebuilds.
const feeds = new WeakMap<Db, Subscription>();

/** More changed listings than this in one burst are cheaper to read all at once. */
const BURST_REBUILD = 200;

const isCategory = (code: string | null): code is CategoryId => CATEGORY_IDS.includes(code as CategoryId);

function visible<O>(qb: SelectQueryBuilder<Database, "services", O>, serviceId?: string) {
  const q = qb.where("services.published", "=", 1).where("services.status", "=", "active");
  return serviceId === undefined ? q : q.where("services.id", "=", serviceId);
}

/** Published, active listings (or just one) as records: nine queries however many there are. */
async function loadRecords(db: Db, serviceId?: string): Promise<ServiceRecord[]> {
  const [services, terms, costs, locations, serviceSchedules, placeSchedules, languages] = await Promise.all([
    visible(
      db
        .selectFrom("services")
        .innerJoin("organisations", "organisations.id", "services.organisation_id")
        .select([
          "services.id",
          "services.name",
          "services.description",
          "services.name_cy",
          "services.description_cy",
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
    visible(
      db
        .selectFrom("languages")
        .innerJoin("services", "services.id", "languages.service_id")
        .where("languages.code", "is not", null)
        .select(["services.id as service_id", "languages.code"]),
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
  const languagesOf = byService(languages);
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
    const modes = attendingModesOf(s);
    return {
      id: s.id,
      name: s.name,
      description: s.description,
      nameCy: s.name_cy,
      descriptionCy: s.description_cy,
      organisationName: s.organisation_name,
      categories: filed.flatMap((t) => (isCategory(t.code) ? [{ id: t.code, name: t.name }] : [])),
      termNames: [...new Set(filed.map((t) => t.name))],
      status: s.status,
      isNational: s.is_national === 1,
      attendingModes: modes,
      languageCodes: [...new Set((languagesOf.get(s.id) ?? []).map((l) => l.code!.toLowerCase()))],
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

async function readDataVersion(db: Db): Promise<number> {
  if (dialectOf(db) === "postgres") return feeds.get(db)?.generation ?? 0;
  const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return rows[0].data_version;
}

/** Subscribes to other servers' listing changes, once per PostgreSQL database; waits until listening. */
async function followOtherServers(db: Db): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  let feed = feeds.get(db);
  if (!feed) {
    const changed = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    const apply = async (ids: string[]) => {
      const entry = held.get(db);
      if (!entry || feed?.closed) return;
      if (ids.length > BURST_REBUILD) await readAgain(db, entry);
      else for (const id of ids) await refreshServiceInIndex(db, id);
    };
    // Notifications arrive one per row: gather a burst for a moment, then apply it once.
    const flush = () => {
      timer = undefined;
      const ids = [...changed];
      changed.clear();
      apply(ids).catch((error: unknown) => console.error("Could not apply listing changes from another server", error));
    };
    feed = listen(
      db,
      "waymark_directory",
      (id) => {
        changed.add(id);
        timer ??= setTimeout(flush, 50);
      },
      () => void catchUpWithOutsideChanges(db).catch(() => false),
    );
    if (!feed) return;
    feeds.set(db, feed);
  }
  await feed.ready;
}

/**
 * Moves whenever a listing is added, removed or rewritten: every writer (the import, the seed,
 * the editing pages) sets updated_at, and the sum of its seconds catches a batch that stamps many
 * rows with one time. One pass over the services table, run only after another process committed.
 */
async function readListingsFingerprint(db: Db): Promise<string> {
  const row = await db
    .selectFrom("services")
    .select((eb) => [
      eb.fn.countAll<number>().as("count"),
      eb.fn.max("updated_at").as("latest"),
      eb.fn.sum<number | null>(epochSeconds(db, "updated_at")).as("seconds"),
    ])
    .executeTakeFirstOrThrow();
  return `${row.count}/${row.latest}/${row.seconds}`;
}

async function buildDirectoryIndex(db: Db): Promise<{ directory: DirectoryIndex; stamp: Stamp }> {
  await followOtherServers(db);
  // Stamped before reading, so a change landing mid-read is seen again by the next check.
  const stamp = { dataVersion: await readDataVersion(db), listings: await readListingsFingerprint(db) };
  const records = await loadRecords(db);
  const directory = {
    index: buildSearchIndex(records.map(toSearchDocument)),
    records: new Map(records.map((r) => [r.id, r])),
    opening: new Map(),
  };
  return { directory, stamp };
}

function startBuild(db: Db, now: number): Held {
  const entry: Held = { built: buildDirectoryIndex(db), checkedAt: now, checking: null };
  held.set(db, entry);
  // A failed build (the database was busy, say) must not be remembered as the index.
  entry.built.catch(() => {
    if (held.get(db) === entry) held.delete(db);
  });
  return entry;
}

async function readAgainIfChanged(db: Db, entry: Held): Promise<boolean> {
  const { stamp } = await entry.built;
  const dataVersion = await readDataVersion(db);
  if (dataVersion === stamp.dataVersion) return false;
  const listings = await readListingsFingerprint(db);
  if (listings === stamp.listings) {
    // Another process wrote something other than listings (a scheduled job, say).
    stamp.dataVersion = dataVersion;
    return false;
  }
  return readAgain(db, entry);
}

/** Reads every listing into a new index while the old one keeps answering, then swaps it in. */
async function readAgain(db: Db, entry: Held): Promise<boolean> {
  const next = await buildDirectoryIndex(db);
  if (held.get(db) !== entry) return false;
  entry.built = Promise.resolve(next);
  return true;
}

/**
 * Reads every listing again if another process has changed them since the index was read, and
 * resolves (true if it did) once the new index answers. Searches call it every 30 seconds at
 * most without waiting; it does nothing before the first search, which reads everything fresh.
 */
export function catchUpWithOutsideChanges(db: Db, now: number = Date.now()): Promise<boolean> {
  const entry = held.get(db);
  if (!entry) return Promise.resolve(false);
  entry.checkedAt = now;
  entry.checking ??= readAgainIfChanged(db, entry).finally(() => {
    entry.checking = null;
  });
  return entry.checking;
}

/**
 * The index for this database, built on first use. A search costs one clock comparison here;
 * the look for outside changes runs at most every 30 seconds, behind the search that prompted it.
 */
export async function getDirectoryIndex(db: Db, now: number = Date.now()): Promise<DirectoryIndex> {
  const entry = held.get(db);
  if (!entry) return (await startBuild(db, now).built).directory;
  if (!entry.checking && now - entry.checkedAt >= OUTSIDE_CHECK_INTERVAL_MS) {
    catchUpWithOutsideChanges(db, now).catch((error: unknown) => {
      // The index in hand keeps answering; the next check, 30 seconds on, tries again.
      console.error("Could not check the directory for changes made by other processes", error);
    });
  }
  return (await entry.built).directory;
}

/**
 * Brings one listing's search entry up to date after it is created, edited, approved, verified,
 * unpublished or closed: it enters, changes or leaves search at once. Cheap when no one has
 * searched yet (the first search reads everything fresh).
 */
export async function refreshServiceInIndex(db: Db, serviceId: string): Promise<void> {
  const entry = held.get(db);
  if (!entry) return;
  // An index being read again may have read this listing before the change: wait, then apply it.
  await entry.checking?.catch(() => false);
  const { directory } = await entry.built;
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
  held.delete(db);
}
