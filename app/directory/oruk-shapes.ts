/**
 * Database rows → Open Referral UK 3.0 objects. ORUK fields are typed but not nullable, so an
 * empty value is left out rather than sent as null; Waymark's own columns that ORUK has no name
 * for (attending flags, area, is_demo) stay out of the feed.
 */
import type { Organisation } from "~db/schema/accounts";
import type {
  Accessibility,
  Attribute,
  Contact,
  CostOption,
  Language,
  Location,
  Phone,
  Schedule,
  Service,
  ServiceArea,
  ServiceAtLocation,
  Taxonomy,
  TaxonomyTerm,
} from "~db/schema/directory";
import { translationsFor } from "./oruk-translations";

export type OrukObject = Record<string, unknown>;

/** Drops null and undefined values so optional ORUK fields are absent, never null. */
export function compact<T extends Record<string, unknown>>(value: T): OrukObject {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

/** SQLite's CURRENT_TIMESTAMP ("2026-11-01 09:00:00") and ISO strings both become ISO 8601 UTC. */
export function toIsoDateTime(value: string): string {
  const sqliteStyle = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(" ", "T")}Z` : value;
  const parsed = new Date(sqliteStyle);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}

export function orukOrganisation(org: Organisation): OrukObject {
  return compact({
    id: org.id,
    name: org.name,
    alternate_name: org.alternate_name,
    description: org.description,
    email: org.email,
    website: org.website,
    legal_status: org.legal_status,
    logo: org.logo,
    uri: org.uri,
    parent_organization_id: org.parent_organisation_id,
  });
}

/** The service's one-to-one fields: what a list item carries, and the core of the full record. */
export function orukServiceCore(service: Service, org: Organisation): OrukObject {
  return compact({
    id: service.id,
    organization_id: service.organisation_id,
    name: service.name,
    alternate_name: service.alternate_name,
    description: service.description,
    url: service.url,
    email: service.email,
    status: service.status,
    fees: service.fees_description,
    fees_description: service.fees_description,
    accreditations: service.accreditations,
    eligibility_description: service.eligibility_description,
    minimum_age: service.minimum_age,
    maximum_age: service.maximum_age,
    assured_date: service.assured_date,
    assurer_email: service.assurer_email,
    alert: service.alert,
    application_process: service.application_process,
    last_modified: toIsoDateTime(service.last_modified),
    translations: translationsFor(service),
    organization: orukOrganisation(org),
  });
}

export function orukSchedule(s: Schedule): OrukObject {
  return compact({
    id: s.id,
    service_id: s.service_id,
    service_at_location_id: s.service_at_location_id,
    location_id: s.location_id,
    valid_from: s.valid_from,
    valid_to: s.valid_to,
    dtstart: s.dtstart,
    until: s.until,
    wkst: s.wkst,
    freq: s.freq,
    interval: s.interval,
    count: s.count,
    byday: s.byday,
    bymonthday: s.bymonthday,
    byweekno: s.byweekno,
    byyearday: s.byyearday,
    opens_at: s.opens_at,
    closes_at: s.closes_at,
    description: s.description,
    schedule_link: s.schedule_link,
    attending_type: s.attending_type,
    notes: s.notes,
  });
}

export function orukLanguage(l: Language): OrukObject {
  return compact({ id: l.id, service_id: l.service_id, location_id: l.location_id, phone_id: l.phone_id, name: l.name, code: l.code, note: l.note });
}

export function orukPhone(p: Phone, languages: Language[] = []): OrukObject {
  return compact({
    id: p.id,
    service_id: p.service_id,
    contact_id: p.contact_id,
    location_id: p.location_id,
    organization_id: p.organisation_id,
    service_at_location_id: p.service_at_location_id,
    number: p.number,
    extension: p.extension,
    type: p.type,
    description: p.description,
    languages: languages.filter((l) => l.phone_id === p.id).map(orukLanguage),
  });
}

export function orukContact(c: Contact, phones: Phone[]): OrukObject {
  return compact({
    id: c.id,
    service_id: c.service_id,
    organization_id: c.organisation_id,
    location_id: c.location_id,
    service_at_location_id: c.service_at_location_id,
    name: c.name,
    title: c.title,
    department: c.department,
    email: c.email,
    phones: phones.filter((p) => p.contact_id === c.id).map((p) => orukPhone(p)),
  });
}

export function orukCostOption(c: CostOption): OrukObject {
  return compact({
    id: c.id,
    service_id: c.service_id,
    valid_from: c.valid_from,
    valid_to: c.valid_to,
    option: c.option,
    amount: c.amount,
    currency: c.currency,
    amount_description: c.amount_description,
  });
}

export function orukServiceArea(a: ServiceArea): OrukObject {
  return compact({
    id: a.id,
    service_id: a.service_id,
    name: a.name,
    description: a.description,
    service_area: a.description ?? a.name,
    extent: a.extent,
    extent_type: a.extent_type,
    uri: a.uri,
  });
}

export function orukTaxonomy(t: Taxonomy, terms?: TaxonomyTerm[]): OrukObject {
  return compact({
    id: t.id,
    name: t.name,
    description: t.description,
    uri: t.uri,
    version: t.version,
    taxonomy_terms: terms?.map((term) => orukTaxonomyTerm(term, t)),
  });
}

export function orukTaxonomyTerm(term: TaxonomyTerm, taxonomy?: Taxonomy): OrukObject {
  return compact({
    id: term.id,
    code: term.code,
    name: term.name,
    description: term.description,
    parent_id: term.parent_id,
    taxonomy: taxonomy?.name ?? term.vocabulary,
    taxonomy_id: term.taxonomy_id,
    term_uri: term.term_uri,
    term: term.name,
  });
}

export function orukAttribute(a: Attribute, term: TaxonomyTerm, taxonomy?: Taxonomy): OrukObject {
  return compact({
    id: a.id,
    link_id: a.link_id,
    link_type: a.link_type,
    link_entity: a.link_entity,
    taxonomy_term_id: a.taxonomy_term_id,
    value: a.value,
    label: a.label,
    taxonomy_term: orukTaxonomyTerm(term, taxonomy),
  });
}

/** A location's one-to-one fields, as list items carry it. */
export function orukLocationCore(l: Location): OrukObject {
  return compact({
    id: l.id,
    location_type: l.location_type,
    organization_id: l.organisation_id,
    name: l.name,
    alternate_name: l.alternate_name,
    description: l.description,
    transportation: l.transportation,
    latitude: l.latitude,
    longitude: l.longitude,
    external_identifier: l.external_identifier,
    external_identifier_type: l.external_identifier_type,
  });
}

export function orukLocation(l: Location, accessibility: Accessibility[]): OrukObject {
  const hasAddress = l.address_1 && l.city && l.postal_code;
  return {
    ...orukLocationCore(l),
    addresses: hasAddress
      ? [
          compact({
            id: l.address_id ?? l.id,
            location_id: l.id,
            attention: l.attention,
            address_1: l.address_1,
            address_2: l.address_2,
            city: l.city,
            region: l.region,
            // Required by ORUK; a location imported without a county still needs the field.
            state_province: l.state_province ?? "",
            postal_code: l.postal_code,
            country: l.country,
            address_type: l.address_type ?? l.location_type,
          }),
        ]
      : [],
    accessibility: accessibility
      .filter((a) => a.location_id === l.id)
      .map((a) => compact({ id: a.id, location_id: a.location_id, description: a.description, details: a.details, url: a.url })),
  };
}

export function orukServiceAtLocationCore(sal: ServiceAtLocation): OrukObject {
  return compact({ id: sal.id, service_id: sal.service_id, location_id: sal.location_id, description: sal.description });
}
