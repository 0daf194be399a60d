/**
 * Stores one validated ORUK service record, with everything nested in it, under the feed's own
 * ids. A digest of the record is kept on the service, so an identical record on the next run is
 * "unchanged" without touching a row.
 */
import { createHash } from "node:crypto";
import type { Db } from "~/lib/db.server";
import type { OrukLocationRecord, OrukPhoneRecord, OrukScheduleRecord, OrukServiceRecord } from "./oruk-import-schema";
import { syncChildren, upsertRow, type WriteOutcome } from "./upsert.server";
import { welshFrom } from "./oruk-translations";

const UK_POSTCODE = /^([A-Z]{1,2}[0-9][0-9A-Z]?) ?[0-9][A-Z]{2}$/;

export function recordDigest(record: OrukServiceRecord): string {
  return createHash("sha256").update(JSON.stringify(record)).digest("hex");
}

/** A point only when both halves are a real place; some feeds send placeholders. */
function point(latitude: number | null | undefined, longitude: number | null | undefined) {
  const ok = (v: number | null | undefined, limit: number): v is number => typeof v === "number" && Number.isFinite(v) && Math.abs(v) <= limit;
  return ok(latitude, 90) && ok(longitude, 180) ? { latitude, longitude } : { latitude: null, longitude: null };
}

function scheduleRow(s: OrukScheduleRecord) {
  return {
    id: s.id,
    valid_from: s.valid_from ?? null,
    valid_to: s.valid_to ?? null,
    dtstart: s.dtstart ?? null,
    until: s.until ?? null,
    wkst: s.wkst ?? null,
    freq: s.freq ?? null,
    interval: s.interval ?? null,
    count: s.count ?? null,
    byday: s.byday ?? null,
    bymonthday: s.bymonthday ?? null,
    byweekno: s.byweekno ?? null,
    byyearday: s.byyearday ?? null,
    opens_at: s.opens_at ?? null,
    closes_at: s.closes_at ?? null,
    description: s.description ?? null,
    schedule_link: s.schedule_link ?? null,
    attending_type: s.attending_type ?? null,
    notes: s.notes ?? null,
  };
}

function phoneRow(p: OrukPhoneRecord) {
  return { id: p.id, number: p.number, extension: p.extension, type: p.type ?? null, description: p.description ?? null };
}

async function writeLocation(db: Db, location: OrukLocationRecord, now: string): Promise<string | null> {
  // Waymark keeps one address per location: the physical one if there is one.
  const address = location.addresses.find((a) => a.address_type === "physical") ?? location.addresses[0];
  const postcode = address?.postal_code.trim().toUpperCase();
  const outward = postcode?.match(UK_POSTCODE)?.[1] ?? null;
  await upsertRow(
    db,
    "locations",
    {
      id: location.id,
      location_type: location.location_type,
      name: location.name ?? address?.address_1 ?? "Unnamed location",
      alternate_name: location.alternate_name ?? null,
      description: location.description ?? null,
      transportation: location.transportation ?? null,
      ...point(location.latitude, location.longitude),
      external_identifier: location.external_identifier ?? null,
      external_identifier_type: location.external_identifier_type ?? null,
      address_id: address?.id ?? null,
      address_type: address?.address_type ?? null,
      attention: address?.attention ?? null,
      address_1: address?.address_1 ?? null,
      address_2: address?.address_2 ?? null,
      city: address?.city ?? null,
      region: address?.region ?? null,
      state_province: address?.state_province ?? null,
      postal_code: postcode ?? null,
      outward_code: outward,
      country: address?.country ?? "GB",
    },
    { updated_at: now },
  );
  await syncChildren(
    db,
    "accessibility",
    "location_id",
    location.id,
    location.accessibility.map((a) => ({ id: a.id, description: a.description ?? null, details: a.details ?? null, url: a.url ?? null })),
  );
  return outward;
}

async function writeTerms(db: Db, record: OrukServiceRecord): Promise<void> {
  for (const term of record.attributes.flatMap((a) => (a.taxonomy_term ? [a.taxonomy_term] : []))) {
    if (term.taxonomy_detail) {
      const t = term.taxonomy_detail;
      await upsertRow(db, "taxonomies", { id: t.id, name: t.name, description: t.description ?? "", uri: t.uri ?? null, version: t.version ?? null });
    }
    const taxonomyId = term.taxonomy_detail?.id ?? term.taxonomy_id ?? null;
    const knownTaxonomy = taxonomyId && (await db.selectFrom("taxonomies").select("id").where("id", "=", taxonomyId).executeTakeFirst());
    const knownParent = term.parent_id && (await db.selectFrom("taxonomy_terms").select("id").where("id", "=", term.parent_id).executeTakeFirst());
    await upsertRow(db, "taxonomy_terms", {
      id: term.id,
      // References to records the feed never sent are dropped rather than left dangling.
      taxonomy_id: knownTaxonomy ? taxonomyId : null,
      parent_id: knownParent ? term.parent_id! : null,
      code: term.code ?? null,
      name: term.name,
      description: term.description ?? "",
      vocabulary: term.vocabulary ?? term.taxonomy ?? null,
      term_uri: term.term_uri ?? null,
    });
  }
}

async function writeOrganisation(db: Db, record: OrukServiceRecord, now: string): Promise<void> {
  const org = record.organization;
  const existing = await db.selectFrom("organisations").select("id").where("id", "=", org.id).executeTakeFirst();
  await upsertRow(
    db,
    "organisations",
    {
      id: org.id,
      name: org.name,
      description: org.description ?? "",
      email: org.email ?? null,
      website: org.website ?? null,
      alternate_name: org.alternate_name ?? null,
      legal_status: org.legal_status ?? null,
      logo: org.logo ?? null,
      uri: org.uri ?? null,
      parent_organisation_id: org.parent_organization_id ?? null,
      // A partner that already has an account keeps the kind it was given here.
      ...(existing ? {} : { kind: "service-provider" }),
    },
    { updated_at: now },
  );
  await syncChildren(
    db,
    "organisation_identifiers",
    "organisation_id",
    org.id,
    org.organization_identifiers.map((i) => ({ id: i.id, identifier_scheme: i.identifier_scheme ?? null, identifier_type: i.identifier_type, identifier: i.identifier })),
  );
}

/** Listings made in Waymark itself, which no feed may write over. */
const OWN_SOURCES = new Set(["local", "demo"]);

/** Writes the record in one transaction; the caller turns a thrown error into an "invalid" entry. */
export async function writeOrukService(db: Db, record: OrukServiceRecord, source: string, now: string): Promise<WriteOutcome> {
  const digest = recordDigest(record);
  const existing = await db.selectFrom("services").select(["id", "source", "source_digest"]).where("id", "=", record.id).executeTakeFirst();
  // Waymark publishes its own listings' ids at /api/oruk, so a feed that copies that API (or
  // just sends garbage) could otherwise replace a coordinator's listing with its version.
  if (existing && OWN_SOURCES.has(existing.source)) throw new Error("a listing made in Waymark has this id, so it is left as it is");
  if (existing?.source_digest === digest) return "unchanged";

  await db.transaction().execute(async (trx) => {
    await writeOrganisation(trx, record, now);
    await writeTerms(trx, record);
    const outwardCodes: string[] = [];
    for (const sal of record.service_at_locations) {
      const outward = await writeLocation(trx, sal.location, now);
      if (outward) outwardCodes.push(outward);
    }
    const area = outwardCodes.length
      ? await trx.selectFrom("area_districts").select("area_id").where("outward_code", "in", outwardCodes).executeTakeFirst()
      : undefined;
    const id = record.id;
    await upsertRow(
      trx,
      "services",
      {
        id,
        organisation_id: record.organization.id,
        area_id: area?.area_id ?? null,
        name: record.name,
        alternate_name: record.alternate_name ?? null,
        description: record.description ?? "",
        url: record.url ?? null,
        email: record.email ?? null,
        status: record.status,
        fees_description: record.fees_description ?? record.fees ?? null,
        accreditations: record.accreditations ?? null,
        eligibility_description: record.eligibility_description ?? null,
        minimum_age: record.minimum_age ?? null,
        maximum_age: record.maximum_age ?? null,
        assured_date: record.assured_date ?? null,
        assurer_email: record.assurer_email ?? null,
        alert: record.alert ?? null,
        application_process: record.application_process ?? null,
        ...welshFrom(record.translations),
        attends_in_person: record.service_at_locations.some((s) => s.location.location_type === "physical") ? 1 : 0,
        attends_online: record.service_at_locations.some((s) => s.location.location_type === "virtual") || (!record.service_at_locations.length && record.url) ? 1 : 0,
        attends_phone: record.phones.length > 0 ? 1 : 0,
        is_demo: 0,
        published: 1,
        source,
        source_digest: digest,
        last_modified: record.last_modified ?? now,
      },
      { updated_at: now },
    );
    const sync = (table: string, rows: Array<Record<string, string | number | null> & { id: string }>) =>
      syncChildren(trx, table, "service_id", id, rows);
    await sync("phones", record.phones.map(phoneRow));
    await sync("schedules", record.schedules.map(scheduleRow));
    await sync(
      "service_areas",
      record.service_areas.map((a) => ({
        id: a.id,
        name: a.name ?? null,
        description: a.description ?? a.service_area ?? null,
        extent: a.extent ?? null,
        extent_type: a.extent_type ?? null,
        uri: a.uri ?? null,
      })),
    );
    await sync("languages", record.languages.map((l) => ({ id: l.id, name: l.name ?? null, code: l.code ?? null, note: l.note ?? null })));
    await sync("funding", record.funding.map((f) => ({ id: f.id, source: f.source })));
    await sync(
      "cost_options",
      record.cost_options.map((c) => ({
        id: c.id,
        valid_from: c.valid_from ?? null,
        valid_to: c.valid_to ?? null,
        option: c.option ?? null,
        amount: c.amount ?? null,
        currency: c.currency ?? null,
        amount_description: c.amount_description ?? null,
      })),
    );
    await sync(
      "contacts",
      record.contacts.map((c) => ({ id: c.id, name: c.name ?? null, title: c.title ?? null, department: c.department ?? null, email: c.email ?? null })),
    );
    for (const contact of record.contacts) {
      await syncChildren(trx, "phones", "contact_id", contact.id, contact.phones.map(phoneRow));
    }
    const termIds = record.attributes.flatMap((a) => a.taxonomy_term?.id ?? a.taxonomy_term_id ?? []);
    const knownTerms = new Set(
      termIds.length ? (await trx.selectFrom("taxonomy_terms").select("id").where("id", "in", termIds).execute()).map((t) => t.id) : [],
    );
    await syncChildren(
      trx,
      "attributes",
      "link_id",
      id,
      record.attributes.flatMap((a) => {
        const termId = a.taxonomy_term?.id ?? a.taxonomy_term_id;
        // An attribute naming a term the feed never described cannot be shown, so it is skipped.
        if (!termId || !knownTerms.has(termId)) return [];
        return [{ id: a.id, link_type: a.link_type ?? null, link_entity: "service", taxonomy_term_id: termId, value: a.value, label: a.label ?? null }];
      }),
    );
    await sync("service_at_locations", record.service_at_locations.map((s) => ({ id: s.id, location_id: s.location.id, description: s.description ?? null })));
    for (const sal of record.service_at_locations) {
      await syncChildren(trx, "schedules", "service_at_location_id", sal.id, sal.schedules.map(scheduleRow));
    }
  });
  return existing ? "updated" : "created";
}
