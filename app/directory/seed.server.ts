/**
 * Seeds the taxonomy, the demo partnership (areas, districts, organisations) and the demo
 * services from content/. Every id is derived from the content (stable-id.ts) and every write is
 * write-if-different, so seeding on each start is safe: a second run changes nothing.
 */
import type { Db } from "~/lib/db.server";
import type { ContentLocation, ContentSchedule, ContentService, Partnership } from "./content-schema";
import { loadDirectoryContent, type DirectoryContent } from "./directory-content.server";
import { areaIdFor, locationIdFor, organisationIdFor, serviceIdFor, stableId, taxonomyIdFor, taxonomyTermIdFor } from "./stable-id";
import { CATEGORY_TAXONOMY_ID, getCategoryTaxonomy, type ContentTaxonomy } from "./taxonomy.server";
import { emptyTally, syncChildren, upsertRow, type SyncTally } from "./upsert.server";

export interface SeedDirectoryOptions {
  content?: DirectoryContent;
  taxonomy?: ContentTaxonomy;
  /** The clock, for timestamps on rows that are written. */
  now?: () => Date;
}

export type SeedDirectoryReport = Record<"taxonomy" | "areas" | "organisations" | "locations" | "services" | "details", SyncTally>;

export async function seedDirectory(db: Db, options: SeedDirectoryOptions = {}): Promise<SeedDirectoryReport> {
  const content = options.content ?? loadDirectoryContent();
  const taxonomy = options.taxonomy ?? getCategoryTaxonomy();
  const now = (options.now ?? (() => new Date()))().toISOString();
  const report: SeedDirectoryReport = {
    taxonomy: emptyTally(),
    areas: emptyTally(),
    organisations: emptyTally(),
    locations: emptyTally(),
    services: emptyTally(),
    details: emptyTally(),
  };
  await db.transaction().execute(async (trx) => {
    await seedTaxonomy(trx, taxonomy, report.taxonomy);
    const areaIds = await seedAreas(trx, content.partnership, report.areas);
    await seedOrganisations(trx, content.partnership, now, report.organisations);
    for (const location of content.locations.values()) {
      await seedLocation(trx, location, content.partnership.county, now, report);
    }
    for (const service of content.services) {
      await seedService(trx, service, service.area === null ? null : areaIds.get(service.area)!, now, report);
    }
  });
  return report;
}

async function seedTaxonomy(db: Db, taxonomy: ContentTaxonomy, tally: SyncTally): Promise<void> {
  const taxonomyId = taxonomyIdFor(taxonomy.id);
  await upsertRow(
    db,
    "taxonomies",
    { id: taxonomyId, name: taxonomy.name, description: taxonomy.description, uri: taxonomy.uri ?? null, version: taxonomy.version },
    {},
    tally,
  );
  const terms = taxonomy.terms.map((term) => ({
    id: taxonomyTermIdFor(taxonomy.id, term.id),
    parent_id: null,
    code: term.id,
    name: term.name,
    description: term.description,
    vocabulary: CATEGORY_TAXONOMY_ID,
    term_uri: taxonomy.uri ? `${taxonomy.uri}#${term.id}` : null,
  }));
  await syncChildren(db, "taxonomy_terms", "taxonomy_id", taxonomyId, terms, tally);
}

/** Returns area slug → id. An area another seed already created under the same name keeps its id. */
async function seedAreas(db: Db, partnership: Partnership, tally: SyncTally): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const area of partnership.areas) {
    const existing = await db.selectFrom("areas").select("id").where("name", "=", area.name).executeTakeFirst();
    const id = existing?.id ?? areaIdFor(area.id);
    const outcome = await upsertRow(db, "areas", { id, name: area.name }, {}, tally);
    const stored = await db.selectFrom("area_districts").select("outward_code").where("area_id", "=", id).execute();
    const have = new Set(stored.map((d) => d.outward_code));
    const missing = area.districts.filter((d) => !have.has(d));
    const extra = [...have].filter((d) => !area.districts.includes(d));
    if (missing.length > 0) {
      await db.insertInto("area_districts").values(missing.map((outward_code) => ({ area_id: id, outward_code }))).execute();
    }
    if (extra.length > 0) {
      await db.deleteFrom("area_districts").where("area_id", "=", id).where("outward_code", "in", extra).execute();
    }
    if (outcome === "unchanged" && missing.length + extra.length > 0) {
      tally.unchanged -= 1;
      tally.updated += 1;
    }
    ids.set(area.id, id);
  }
  return ids;
}

async function seedOrganisations(db: Db, partnership: Partnership, now: string, tally: SyncTally): Promise<void> {
  for (const org of partnership.organisations) {
    await upsertRow(
      db,
      "organisations",
      {
        id: organisationIdFor(org.id),
        name: org.name,
        kind: org.kind,
        description: org.description,
        email: org.email ?? null,
        website: org.website ?? null,
        phone: org.phone ?? null,
        legal_status: org.legal_status ?? null,
        is_demo: 1,
      },
      { updated_at: now, last_modified: now },
      tally,
    );
  }
}

async function seedLocation(db: Db, location: ContentLocation, county: string, now: string, report: SeedDirectoryReport): Promise<void> {
  const id = locationIdFor(location.id);
  await upsertRow(
    db,
    "locations",
    {
      id,
      location_type: "physical",
      name: location.name,
      description: location.description ?? null,
      transportation: location.transportation ?? null,
      latitude: location.latitude,
      longitude: location.longitude,
      address_id: stableId("address", location.id),
      address_type: "physical",
      address_1: location.address_1,
      city: location.city,
      state_province: county,
      postal_code: location.postcode,
      outward_code: location.postcode.split(" ")[0],
      country: "GB",
      is_demo: 1,
    },
    { updated_at: now },
    report.locations,
  );
  const accessibility = location.accessibility.map((a, i) => ({
    id: stableId("accessibility", `${location.id}:${i}`),
    description: a.description,
    details: a.details ?? null,
    url: null,
  }));
  await syncChildren(db, "accessibility", "location_id", id, accessibility, report.details);
}

function scheduleRow(id: string, s: ContentSchedule) {
  return {
    id,
    freq: s.freq,
    byday: s.byday ?? null,
    bymonthday: s.bymonthday ?? null,
    interval: s.interval ?? null,
    dtstart: s.dtstart ?? null,
    until: s.until ?? null,
    valid_from: s.valid_from ?? null,
    valid_to: s.valid_to ?? null,
    opens_at: s.opens_at,
    closes_at: s.closes_at,
    timezone: "Europe/London",
    description: s.description ?? null,
    notes: s.notes ?? null,
  };
}

async function seedService(
  db: Db,
  service: ContentService & { area: string | null },
  areaId: string | null,
  now: string,
  report: SeedDirectoryReport,
): Promise<void> {
  const id = serviceIdFor(service.id);
  const key = (kind: string, suffix: string | number) => stableId(kind, `${service.id}:${suffix}`);
  const outcome = await upsertRow(
    db,
    "services",
    {
      id,
      organisation_id: organisationIdFor(service.organisation),
      area_id: areaId,
      name: service.name,
      alternate_name: service.alternate_name ?? null,
      description: service.description,
      url: service.url ?? null,
      email: service.email ?? null,
      status: service.status,
      fees_description: service.fees,
      accreditations: service.accreditations ?? null,
      eligibility_description: service.eligibility ?? null,
      minimum_age: service.minimum_age ?? null,
      maximum_age: service.maximum_age ?? null,
      assured_date: service.verified,
      assurer_email: service.verified_by ?? null,
      alert: service.alert ?? null,
      application_process: service.application_process,
      how_to_access: service.how_to_access,
      attends_in_person: service.attending.includes("in-person") ? 1 : 0,
      attends_online: service.attending.includes("online") ? 1 : 0,
      attends_phone: service.attending.includes("phone") ? 1 : 0,
      attends_home_visit: service.attending.includes("home-visit") ? 1 : 0,
      accepts_self_referral: service.self_referral ? 1 : 0,
      is_national: service.area === null ? 1 : 0,
      is_demo: 1,
      published: service.published ? 1 : 0,
      source: "demo",
    },
    { updated_at: now, last_modified: now },
    report.services,
  );

  const tally = report.details;
  const sync = (table: string, rows: Array<Record<string, string | number | null> & { id: string }>) =>
    syncChildren(db, table, "service_id", id, rows, tally);
  const changes = [
    await syncChildren(
      db,
      "attributes",
      "link_id",
      id,
      service.categories.map((category) => ({
        id: key("attribute", category),
        link_type: "category",
        link_entity: "service",
        taxonomy_term_id: taxonomyTermIdFor(CATEGORY_TAXONOMY_ID, category),
        value: null,
        label: null,
      })),
      tally,
    ),
    await sync(
      "cost_options",
      service.costs.map((c, i) => ({
        id: key("cost_option", i),
        option: c.option,
        amount: c.amount,
        currency: "GBP",
        amount_description: c.amount_description ?? null,
        valid_from: null,
        valid_to: null,
      })),
    ),
    await sync("languages", service.languages.map((l) => ({ id: key("language", l.code), name: l.name, code: l.code, note: null }))),
    await sync("phones", service.phones.map((p, i) => ({ id: key("phone", i), number: p.number, description: p.description ?? null, type: "voice" }))),
    await sync("service_areas", service.service_areas.map((a, i) => ({ id: key("service_area", i), name: a.name, description: a.description ?? null, extent_type: a.extent_type ?? null }))),
    await sync("schedules", service.schedules.map((s, i) => scheduleRow(key("schedule", i), s))),
    await sync("contacts", service.contacts.map((c, i) => ({ id: key("contact", i), name: c.name, title: c.title ?? null, email: c.email ?? null }))),
  ];
  for (const [i, contact] of service.contacts.entries()) {
    const phones = contact.phone ? [{ id: key("contact_phone", i), number: contact.phone, type: "voice" }] : [];
    changes.push(await syncChildren(db, "phones", "contact_id", key("contact", i), phones, tally));
  }
  const sals = service.locations.map((link) => ({
    id: key("service_at_location", link.location),
    location_id: locationIdFor(link.location),
    description: link.description ?? null,
  }));
  changes.push(await sync("service_at_locations", sals));
  for (const link of service.locations) {
    const salId = key("service_at_location", link.location);
    const schedules = link.schedules.map((s, i) => scheduleRow(key("schedule", `${link.location}:${i}`), s));
    changes.push(await syncChildren(db, "schedules", "service_at_location_id", salId, schedules, tally));
  }
  // ORUK's last_modified covers the service "or any related information", so a changed opening
  // time alone still moves it.
  if (outcome === "unchanged" && changes.some(Boolean)) {
    await db.updateTable("services").set({ updated_at: now, last_modified: now }).where("id", "=", id).execute();
    report.services.unchanged -= 1;
    report.services.updated += 1;
  }
}
