/**
 * One listing as its public page shows it: everything a person needs to go there or get in
 * touch. Only published, active listings are found; anything else is "not found" to the public.
 */
import type { HowToAccess } from "~db/schema/directory";
import type { Db } from "~/lib/db.server";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import { formatClock, nextSession, summariseSchedules, type ScheduleRule } from "./opening-times";
import { formatLongDate, toLondon } from "./opening-times-calendar";
import {
  HOW_TO_ACCESS_TEXT,
  costText,
  formatDate,
  isFreeService,
  isStale,
  openingText,
  reachLabels,
  type ServiceRecord,
} from "./service-view";
import { attendingModesOf } from "./search-store";

export interface ServicePlace {
  id: string;
  name: string;
  addressLines: string[];
  postcode: string | null;
  /** An OpenStreetMap link centred on the place; nothing is loaded from it until followed. */
  mapUrl: string | null;
  transportation: string | null;
  accessibility: string[];
  opening: string[];
}

export interface ServiceDetail {
  id: string;
  name: string;
  /** The provider's Welsh name and description paragraphs, when given. */
  nameCy: string | null;
  descriptionCy: string[];
  areaId: string | null;
  organisation: { id: string; name: string; website: string | null };
  description: string[];
  alert: string | null;
  categories: { id: CategoryId; name: string }[];
  reachLabels: string[];
  howToAccess: HowToAccess | null;
  howToAccessText: string | null;
  applicationProcess: string | null;
  eligibility: string[];
  cost: string;
  isFree: boolean;
  costOptions: string[];
  openNow: boolean;
  openingText: string | null;
  /** Regular hours and sessions not tied to one place. */
  opening: string[];
  nextSessions: string[];
  places: ServicePlace[];
  phones: { number: string; href: string; description: string | null }[];
  email: string | null;
  website: string | null;
  contacts: { name: string | null; title: string | null; email: string | null; phone: string | null }[];
  languages: string[];
  /** The same languages with their ISO codes, so a page in another language can name them itself. */
  languageEntries: { name: string; code: string | null }[];
  serviceAreas: string[];
  lastVerified: string | null;
  stale: boolean;
  isDemo: boolean;
}

const isCategory = (code: string | null): code is CategoryId => CATEGORY_IDS.includes(code as CategoryId);

export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, "")}`;

export function mapUrl(lat: number, lon: number): string {
  const la = lat.toFixed(5);
  const lo = lon.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${la}&mlon=${lo}#map=17/${la}/${lo}`;
}

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);

function ageText(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `For people aged ${min} to ${max}`;
  if (min !== null) return `For people aged ${min} and over`;
  if (max !== null) return `For people aged ${max} and under`;
  return null;
}

function money(amount: number): string {
  return amount < 1 ? `${Math.round(amount * 100)}p` : `£${Number.isInteger(amount) ? amount : amount.toFixed(2)}`;
}

const formatClockRange = (opens: string, closes: string) => `${formatClock(opens)} to ${formatClock(closes)}`;

/** The next few dated sessions, for a service that meets on particular days. */
function upcoming(rules: ScheduleRule[], now: Date, count: number): string[] {
  const lines: string[] = [];
  let from = now;
  const today = toLondon(now).date;
  for (let i = 0; i < count; i++) {
    const session = nextSession(rules, from);
    if (!session) break;
    const day = formatLongDate(session.date);
    const shown = day.slice(-4) === today.slice(0, 4) ? day.replace(/ \d{4}$/, "") : day;
    const hours = session.opensAt && session.closesAt ? `, ${formatClockRange(session.opensAt, session.closesAt)}` : "";
    lines.push(`${shown}${hours}${session.place ? ` at ${session.place}` : ""}`);
    from = new Date(session.start.getTime() + 60_000);
  }
  return lines;
}

export async function getServiceDetail(db: Db, id: string, now: Date = new Date()): Promise<ServiceDetail | null> {
  const service = await db
    .selectFrom("services")
    .innerJoin("organisations", "organisations.id", "services.organisation_id")
    .selectAll("services")
    .select(["organisations.name as organisation_name", "organisations.website as organisation_website"])
    .where("services.id", "=", id)
    .where("services.published", "=", 1)
    .where("services.status", "=", "active")
    .executeTakeFirst();
  if (!service) return null;

  const [terms, costs, sals, schedules, phones, contacts, languages, areas] = await Promise.all([
    db
      .selectFrom("attributes")
      .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
      .select(["taxonomy_terms.code", "taxonomy_terms.name"])
      .where("attributes.link_id", "=", id)
      .where("attributes.link_entity", "=", "service")
      .orderBy("taxonomy_terms.name")
      .execute(),
    db.selectFrom("cost_options").selectAll().where("service_id", "=", id).execute(),
    db
      .selectFrom("service_at_locations")
      .innerJoin("locations", "locations.id", "service_at_locations.location_id")
      .selectAll("locations")
      .select(["service_at_locations.id as sal_id"])
      .where("service_at_locations.service_id", "=", id)
      .orderBy("locations.name")
      .execute(),
    db
      .selectFrom("schedules")
      .leftJoin("service_at_locations", "service_at_locations.id", "schedules.service_at_location_id")
      .selectAll("schedules")
      .where((eb) => eb.or([eb("schedules.service_id", "=", id), eb("service_at_locations.service_id", "=", id)]))
      .execute(),
    db.selectFrom("phones").selectAll().where("service_id", "=", id).execute(),
    db
      .selectFrom("contacts")
      .leftJoin("phones", "phones.contact_id", "contacts.id")
      .select(["contacts.id", "contacts.name", "contacts.title", "contacts.email", "phones.number"])
      .where("contacts.service_id", "=", id)
      .execute(),
    db.selectFrom("languages").select(["name", "code"]).where("service_id", "=", id).orderBy("name").execute(),
    db.selectFrom("service_areas").select(["name", "description"]).where("service_id", "=", id).execute(),
  ]);
  const accessibility = sals.length
    ? await db.selectFrom("accessibility").selectAll().where("location_id", "in", sals.map((l) => l.id)).execute()
    : [];

  const placeOf = new Map(sals.map((l) => [l.sal_id, l.name]));
  const rules: ScheduleRule[] = schedules.map((s) => ({ ...s, place: s.service_at_location_id ? (placeOf.get(s.service_at_location_id) ?? null) : null }));
  const serviceRules = rules.filter((r, i) => !schedules[i].service_at_location_id);
  const modes = attendingModesOf(service);
  const record: Pick<ServiceRecord, "isNational" | "attendingModes" | "feesDescription" | "costs"> = {
    isNational: service.is_national === 1,
    attendingModes: modes,
    feesDescription: service.fees_description,
    costs,
  };
  const opening = openingText(rules, now);

  return {
    id: service.id,
    name: service.name,
    areaId: service.area_id,
    organisation: { id: service.organisation_id, name: service.organisation_name, website: service.organisation_website },
    description: paragraphs(service.description),
    nameCy: service.name_cy,
    descriptionCy: paragraphs(service.description_cy ?? ""),
    alert: service.alert,
    categories: terms.flatMap((t) => (isCategory(t.code) ? [{ id: t.code, name: t.name }] : [])),
    reachLabels: reachLabels(record),
    howToAccess: service.how_to_access,
    howToAccessText: service.how_to_access ? HOW_TO_ACCESS_TEXT[service.how_to_access] : null,
    applicationProcess: service.application_process,
    eligibility: [service.eligibility_description, ageText(service.minimum_age, service.maximum_age)].filter((t): t is string => !!t),
    cost: costText(record),
    isFree: isFreeService(service.fees_description, costs),
    costOptions: costs
      .filter((c) => c.option)
      .map((c) => `${c.option}: ${c.amount ? money(c.amount) : "free"}${c.amount_description ? ` ${c.amount_description}` : ""}`),
    openNow: opening.openNow,
    openingText: opening.text,
    opening: summariseSchedules(serviceRules, now),
    nextSessions: upcoming(rules, now, 3),
    places: sals.map((l) => ({
      id: l.id,
      name: l.name,
      addressLines: [l.address_1, l.address_2, l.city].filter((t): t is string => !!t),
      postcode: l.postal_code,
      mapUrl: l.latitude !== null && l.longitude !== null ? mapUrl(l.latitude, l.longitude) : null,
      transportation: l.transportation,
      accessibility: accessibility
        .filter((a) => a.location_id === l.id)
        .map((a) => [a.description, a.details].filter(Boolean).join(" ")),
      opening: summariseSchedules(
        rules.filter((_, i) => schedules[i].service_at_location_id === l.sal_id).map((r) => ({ ...r, place: null })),
        now,
      ),
    })),
    phones: phones.map((p) => ({ number: p.number, href: telHref(p.number), description: p.description })),
    email: service.email,
    website: service.url,
    contacts: contacts.map((c) => ({ name: c.name, title: c.title, email: c.email, phone: c.number })),
    languages: languages.map((l) => l.name ?? l.code ?? "").filter(Boolean),
    languageEntries: languages.flatMap((l) => (l.name || l.code ? [{ name: l.name ?? l.code ?? "", code: l.code }] : [])),
    serviceAreas: areas.map((a) => a.name ?? a.description ?? "").filter(Boolean),
    lastVerified: service.assured_date ? formatDate(service.assured_date) : null,
    stale: isStale(service.assured_date, now),
    isDemo: service.is_demo === 1,
  };
}
