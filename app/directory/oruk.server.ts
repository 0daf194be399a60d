/**
 * Reads the directory as Open Referral UK 3.0 JSON for the read API and for exports. Only
 * published, active listings are visible. Related records are fetched per table for a whole page
 * of services at once, so a full page costs a dozen queries, not a dozen per service.
 */
import type { ExpressionBuilder, Selectable, SelectQueryBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { Service } from "~db/schema/directory";
import type { Db } from "~/lib/db.server";
import { haversineKm } from "./geo";
import { orukPage, pageOffset, type OrukPage, type Paging } from "./oruk-page";
import {
  orukAttribute,
  orukContact,
  orukCostOption,
  orukLanguage,
  orukLocation,
  orukLocationCore,
  orukPhone,
  orukSchedule,
  orukServiceArea,
  orukServiceAtLocationCore,
  orukServiceCore,
  orukTaxonomy,
  orukTaxonomyTerm,
  type OrukObject,
} from "./oruk-shapes";

function listed<O>(qb: SelectQueryBuilder<Database, "services", O>) {
  return qb.where("services.published", "=", 1).where("services.status", "=", "active");
}

/** Rows of `table` whose `column` is one of `ids`; no query at all for an empty list. */
async function rowsWhereIn<T extends keyof Database & string>(db: Db, table: T, column: string, ids: string[]) {
  if (ids.length === 0) return [];
  return (await db
    .selectFrom(table as keyof Database)
    .selectAll()
    .where(column as never, "in", [...new Set(ids)] as never)
    .execute()) as unknown as Array<Selectable<Database[T]>>;
}

async function fullServices(db: Db, services: Service[]): Promise<OrukObject[]> {
  const ids = services.map((s) => s.id);
  const [orgs, phones, contacts, languages, costs, areas, schedules, sals, attributes, funding] = await Promise.all([
    rowsWhereIn(db, "organisations", "id", services.map((s) => s.organisation_id)),
    rowsWhereIn(db, "phones", "service_id", ids),
    rowsWhereIn(db, "contacts", "service_id", ids),
    rowsWhereIn(db, "languages", "service_id", ids),
    rowsWhereIn(db, "cost_options", "service_id", ids),
    rowsWhereIn(db, "service_areas", "service_id", ids),
    rowsWhereIn(db, "schedules", "service_id", ids),
    rowsWhereIn(db, "service_at_locations", "service_id", ids),
    rowsWhereIn(db, "attributes", "link_id", ids),
    rowsWhereIn(db, "funding", "service_id", ids),
  ]);
  const [contactPhones, salSchedules, locations, terms] = await Promise.all([
    rowsWhereIn(db, "phones", "contact_id", contacts.map((c) => c.id)),
    rowsWhereIn(db, "schedules", "service_at_location_id", sals.map((s) => s.id)),
    rowsWhereIn(db, "locations", "id", sals.map((s) => s.location_id)),
    rowsWhereIn(db, "taxonomy_terms", "id", attributes.map((a) => a.taxonomy_term_id)),
  ]);
  const [accessibility, taxonomies] = await Promise.all([
    rowsWhereIn(db, "accessibility", "location_id", locations.map((l) => l.id)),
    rowsWhereIn(db, "taxonomies", "id", terms.flatMap((t) => (t.taxonomy_id ? [t.taxonomy_id] : []))),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  const termById = new Map(terms.map((t) => [t.id, t]));
  const taxonomyById = new Map(taxonomies.map((t) => [t.id, t]));

  return services.map((service) => {
    const mine = <R extends { service_id: string | null }>(rows: R[]) => rows.filter((r) => r.service_id === service.id);
    return {
      ...orukServiceCore(service, orgById.get(service.organisation_id)!),
      phones: mine(phones).map((p) => orukPhone(p, languages)),
      schedules: mine(schedules).map(orukSchedule),
      service_areas: mine(areas).map(orukServiceArea),
      service_at_locations: mine(sals).map((sal) => ({
        ...orukServiceAtLocationCore(sal),
        location: orukLocation(locationById.get(sal.location_id)!, accessibility),
        schedules: salSchedules.filter((s) => s.service_at_location_id === sal.id).map(orukSchedule),
      })),
      languages: mine(languages).map(orukLanguage),
      funding: mine(funding).map((f) => ({ id: f.id, service_id: f.service_id, source: f.source })),
      cost_options: mine(costs).map(orukCostOption),
      contacts: mine(contacts).map((c) => orukContact(c, contactPhones)),
      attributes: attributes
        .filter((a) => a.link_id === service.id && termById.has(a.taxonomy_term_id))
        .map((a) => {
          const term = termById.get(a.taxonomy_term_id)!;
          return orukAttribute(a, term, term.taxonomy_id ? taxonomyById.get(term.taxonomy_id) : undefined);
        }),
    };
  });
}

/** One published, active service with everything ORUK nests in it; null if there is none. */
export async function getOrukService(db: Db, id: string): Promise<OrukObject | null> {
  const service = await listed(db.selectFrom("services").selectAll()).where("id", "=", id).executeTakeFirst();
  if (!service) return null;
  const [full] = await fullServices(db, [service]);
  return full;
}

export interface OrukServiceFilter {
  taxonomyTermId?: string;
  taxonomyId?: string;
  organisationId?: string;
  /** ISO 8601; services whose last_modified is at or after it. */
  modifiedAfter?: string;
  /** Restrict to these services, e.g. the hits of a text search. */
  ids?: string[];
}

function withFilter<O>(qb: SelectQueryBuilder<Database, "services", O>, filter: OrukServiceFilter) {
  let q = listed(qb);
  const hasTerm = (eb: ExpressionBuilder<Database, "services">) =>
    eb
      .selectFrom("attributes")
      .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
      .select("attributes.id")
      .whereRef("attributes.link_id", "=", "services.id")
      .where("attributes.link_entity", "=", "service");
  if (filter.taxonomyTermId) {
    const term = filter.taxonomyTermId;
    q = q.where((eb) => eb.exists(hasTerm(eb).where("attributes.taxonomy_term_id", "=", term)));
  }
  if (filter.taxonomyId) {
    const taxonomy = filter.taxonomyId;
    q = q.where((eb) => eb.exists(hasTerm(eb).where("taxonomy_terms.taxonomy_id", "=", taxonomy)));
  }
  if (filter.organisationId) q = q.where("services.organisation_id", "=", filter.organisationId);
  if (filter.modifiedAfter) q = q.where("services.last_modified", ">=", filter.modifiedAfter);
  if (filter.ids) q = filter.ids.length > 0 ? q.where("services.id", "in", filter.ids) : q.where("services.id", "=", "");
  return q;
}

/** A page of services: one-to-one fields and organisation, or (full) everything nested. */
export async function listOrukServices(
  db: Db,
  paging: Paging,
  filter: OrukServiceFilter = {},
  options: { full?: boolean } = {},
): Promise<OrukPage<OrukObject>> {
  const { total } = await withFilter(db.selectFrom("services"), filter)
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const services = await withFilter(db.selectFrom("services").selectAll("services"), filter)
    .orderBy("services.name")
    .orderBy("services.id")
    .limit(paging.perPage)
    .offset(pageOffset(paging))
    .execute();
  if (options.full) return orukPage(await fullServices(db, services), Number(total), paging);
  const orgs = new Map((await rowsWhereIn(db, "organisations", "id", services.map((s) => s.organisation_id))).map((o) => [o.id, o]));
  return orukPage(services.map((s) => orukServiceCore(s, orgs.get(s.organisation_id)!)), Number(total), paging);
}

/** One service at one location, with the location and service in full. */
export async function getOrukServiceAtLocation(db: Db, id: string): Promise<OrukObject | null> {
  const sal = await db.selectFrom("service_at_locations").selectAll().where("id", "=", id).executeTakeFirst();
  if (!sal) return null;
  const service = await listed(db.selectFrom("services").selectAll()).where("id", "=", sal.service_id).executeTakeFirst();
  if (!service) return null;
  const [full] = await fullServices(db, [service]);
  const here = (full.service_at_locations as OrukObject[]).find((s) => s.id === sal.id)!;
  return { ...here, service: full };
}

export interface OrukServiceAtLocationFilter extends OrukServiceFilter {
  /** Sort by distance from this point, keeping only those within `withinMetres` when given. */
  near?: { latitude: number; longitude: number; withinMetres?: number };
}

/** A page of service-at-locations with their location and service (one-to-one fields). */
export async function listOrukServiceAtLocations(
  db: Db,
  paging: Paging,
  filter: OrukServiceAtLocationFilter = {},
): Promise<OrukPage<OrukObject>> {
  let rows = await withFilter(
    db
      .selectFrom("services")
      .innerJoin("service_at_locations", "service_at_locations.service_id", "services.id")
      .select(["service_at_locations.id as sal_id", "service_at_locations.location_id", "services.id as service_id", "services.name"]),
    filter,
  )
    .orderBy("services.name")
    .orderBy("sal_id")
    .execute();
  let distances = new Map<string, number>();
  const near = filter.near;
  if (near) {
    const points = await rowsWhereIn(db, "locations", "id", rows.map((r) => r.location_id));
    const km = new Map(
      points
        .filter((l) => l.latitude !== null && l.longitude !== null)
        .map((l) => [l.id, haversineKm({ lat: near.latitude, lon: near.longitude }, { lat: l.latitude!, lon: l.longitude! })]),
    );
    distances = new Map(rows.flatMap((r) => (km.has(r.location_id) ? [[r.sal_id, km.get(r.location_id)! * 1000]] : [])));
    rows = rows
      .filter((r) => distances.has(r.sal_id) && (near.withinMetres === undefined || distances.get(r.sal_id)! <= near.withinMetres))
      .sort((a, b) => distances.get(a.sal_id)! - distances.get(b.sal_id)!);
  }
  const slice = rows.slice(pageOffset(paging), pageOffset(paging) + paging.perPage);
  const [sals, services, locations] = await Promise.all([
    rowsWhereIn(db, "service_at_locations", "id", slice.map((r) => r.sal_id)),
    rowsWhereIn(db, "services", "id", slice.map((r) => r.service_id)),
    rowsWhereIn(db, "locations", "id", slice.map((r) => r.location_id)),
  ]);
  const orgs = new Map((await rowsWhereIn(db, "organisations", "id", services.map((s) => s.organisation_id))).map((o) => [o.id, o]));
  const salById = new Map(sals.map((s) => [s.id, s]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  const contents = slice.map((r) => {
    const service = serviceById.get(r.service_id)!;
    return {
      ...orukServiceAtLocationCore(salById.get(r.sal_id)!),
      location: orukLocationCore(locationById.get(r.location_id)!),
      service: orukServiceCore(service, orgs.get(service.organisation_id)!),
    };
  });
  return orukPage(contents, rows.length, paging);
}

export async function listOrukTaxonomies(db: Db, paging: Paging): Promise<OrukPage<OrukObject>> {
  const { total } = await db.selectFrom("taxonomies").select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await db.selectFrom("taxonomies").selectAll().orderBy("name").orderBy("id").limit(paging.perPage).offset(pageOffset(paging)).execute();
  return orukPage(rows.map((t) => orukTaxonomy(t)), Number(total), paging);
}

/** A taxonomy with all its terms. */
export async function getOrukTaxonomy(db: Db, id: string): Promise<OrukObject | null> {
  const taxonomy = await db.selectFrom("taxonomies").selectAll().where("id", "=", id).executeTakeFirst();
  if (!taxonomy) return null;
  const terms = await db.selectFrom("taxonomy_terms").selectAll().where("taxonomy_id", "=", id).orderBy("name").execute();
  return orukTaxonomy(taxonomy, terms);
}

export async function listOrukTaxonomyTerms(
  db: Db,
  paging: Paging,
  filter: { taxonomyId?: string; parentId?: string } = {},
): Promise<OrukPage<OrukObject>> {
  let base = db.selectFrom("taxonomy_terms");
  if (filter.taxonomyId) base = base.where("taxonomy_id", "=", filter.taxonomyId);
  if (filter.parentId) base = base.where("parent_id", "=", filter.parentId);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const terms = await base.selectAll().orderBy("name").orderBy("id").limit(paging.perPage).offset(pageOffset(paging)).execute();
  const taxonomies = new Map(
    (await rowsWhereIn(db, "taxonomies", "id", terms.flatMap((t) => (t.taxonomy_id ? [t.taxonomy_id] : [])))).map((t) => [t.id, t]),
  );
  return orukPage(terms.map((t) => orukTaxonomyTerm(t, t.taxonomy_id ? taxonomies.get(t.taxonomy_id) : undefined)), Number(total), paging);
}

export async function getOrukTaxonomyTerm(db: Db, id: string): Promise<OrukObject | null> {
  const term = await db.selectFrom("taxonomy_terms").selectAll().where("id", "=", id).executeTakeFirst();
  if (!term) return null;
  const taxonomy = term.taxonomy_id
    ? await db.selectFrom("taxonomies").selectAll().where("id", "=", term.taxonomy_id).executeTakeFirst()
    : undefined;
  return orukTaxonomyTerm(term, taxonomy);
}
