/**
 * Reading a listing into an editable snapshot: the service row, its categories, first phone,
 * languages, its place (address and accessibility) and its weekly hours, plus the postcode
 * lookup that places it on the map. Writing a snapshot back is listing-edit-write.server.ts.
 */
import type { Db } from "~/lib/db.server";
import type { FieldErrors } from "~/lib/forms";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import type { Schedule } from "~db/schema/directory";
import { storedSnapshot, type DayCode, type HoursRow, type ListingSnapshot } from "./listing-edit";
import { listingFormValues, orderedListingErrors, parseListingForm, type ListingFormValues } from "./listing-edit-form";
import { lookupPostcode, type LookupOptions } from "./postcodes.server";
import { taxonomyIdFor } from "./stable-id";
import { CATEGORY_TAXONOMY_ID } from "./taxonomy.server";

export interface EditableListing {
  snapshot: ListingSnapshot;
  /** The place the form edits: the listing's first physical location, if it has one. */
  locationId: string | null;
  serviceAtLocationId: string | null;
  /** Schedules the form shows as hours or the sessions note; replaced when those change. */
  hourScheduleIds: string[];
  noteScheduleIds: string[];
  /** Sessions the form cannot express (monthly, one-off, at other places): kept, shown read-only. */
  otherSchedules: Schedule[];
}

const PLAIN_DAYS = /^(?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;

/** A schedule the form's hour rows say exactly: every week, plain days, both times, no dates. */
function asHourRows(s: Schedule): HoursRow[] | null {
  const opens = CLOCK.exec(s.opens_at ?? "");
  const closes = CLOCK.exec(s.closes_at ?? "");
  const plain =
    s.freq === "WEEKLY" &&
    (s.interval ?? 1) === 1 &&
    !s.dtstart && !s.until && !s.valid_from && !s.valid_to && !s.count &&
    PLAIN_DAYS.test((s.byday ?? "").toUpperCase());
  if (!plain || !opens || !closes) return null;
  const [o, c] = [`${opens[1]}:${opens[2]}`, `${closes[1]}:${closes[2]}`];
  if (c <= o) return null;
  return (s.byday ?? "").toUpperCase().split(",").map((day) => ({ day: day as DayCode, opens: o, closes: c }));
}

const isNote = (s: Schedule) => !s.freq && !s.dtstart && !s.service_at_location_id && !s.opens_at && Boolean(s.description?.trim());

export const categoryTaxonomyId = () => taxonomyIdFor(CATEGORY_TAXONOMY_ID);

export async function loadEditableListing(db: Db, serviceId: string): Promise<EditableListing | undefined> {
  const service = await db.selectFrom("services").selectAll().where("id", "=", serviceId).executeTakeFirst();
  if (!service) return undefined;
  const [categories, phones, languages, places, costs] = await Promise.all([
    db
      .selectFrom("attributes")
      .innerJoin("taxonomy_terms", "taxonomy_terms.id", "attributes.taxonomy_term_id")
      .select("taxonomy_terms.code")
      .where("attributes.link_id", "=", serviceId)
      .where("attributes.link_entity", "=", "service")
      .where("taxonomy_terms.taxonomy_id", "=", categoryTaxonomyId())
      .execute(),
    db.selectFrom("phones").select(["id", "number"]).where("service_id", "=", serviceId).where("contact_id", "is", null).orderBy("id").execute(),
    db.selectFrom("languages").select("name").where("service_id", "=", serviceId).orderBy("name").execute(),
    db
      .selectFrom("service_at_locations")
      .innerJoin("locations", "locations.id", "service_at_locations.location_id")
      .select(["service_at_locations.id as sal_id", "locations.id", "locations.location_type", "locations.address_1", "locations.address_2", "locations.city", "locations.postal_code", "locations.latitude", "locations.longitude"])
      .where("service_at_locations.service_id", "=", serviceId)
      .orderBy("service_at_locations.id")
      .execute(),
    db.selectFrom("cost_options").select("amount").where("service_id", "=", serviceId).execute(),
  ]);
  const place = places.find((p) => p.location_type === "physical") ?? null;
  const accessibility = place
    ? await db.selectFrom("accessibility").select(["description", "details"]).where("location_id", "=", place.id).orderBy("id").execute()
    : [];
  const salIds = places.map((p) => p.sal_id);
  const schedules = await db
    .selectFrom("schedules")
    .selectAll()
    .where((eb) => eb.or([eb("service_id", "=", serviceId), ...(salIds.length ? [eb("service_at_location_id", "in", salIds)] : [])]))
    .orderBy("id")
    .execute();

  const hours: HoursRow[] = [];
  const hourScheduleIds: string[] = [];
  const noteScheduleIds: string[] = [];
  const notes: string[] = [];
  const otherSchedules: Schedule[] = [];
  for (const s of schedules) {
    const here = !s.service_at_location_id || s.service_at_location_id === place?.sal_id;
    const rows = here ? asHourRows(s) : null;
    if (rows) {
      hours.push(...rows);
      hourScheduleIds.push(s.id);
    } else if (isNote(s)) {
      notes.push(s.description!.trim());
      noteScheduleIds.push(s.id);
    } else {
      otherSchedules.push(s);
    }
  }

  const fees = service.fees_description;
  const free = fees ? /^\s*free\b/i.test(fees) : costs.every((c) => !c.amount);
  const attending = [
    service.attends_in_person ? "in-person" : null,
    service.attends_online ? "online" : null,
    service.attends_phone ? "phone" : null,
    service.attends_home_visit ? "home-visit" : null,
  ].filter((m) => m !== null);
  const snapshot = storedSnapshot({
    name: service.name,
    description: service.description,
    name_cy: service.name_cy,
    description_cy: service.description_cy,
    categories: categories.flatMap((c) => (CATEGORY_IDS.includes(c.code as CategoryId) ? [c.code] : [])),
    how_to_access: service.how_to_access ?? (service.attends_online && !service.attends_in_person ? "online" : "drop-in"),
    attending,
    accepts_self_referral: service.accepts_self_referral === 1,
    eligibility: service.eligibility_description,
    minimum_age: service.minimum_age,
    maximum_age: service.maximum_age,
    free,
    fees: fees && !(free && /^\s*free\s*\.?\s*$/i.test(fees)) ? fees : null,
    phone: phones[0]?.number ?? null,
    email: service.email,
    url: service.url,
    hours,
    sessions_note: notes.length ? notes.join("\n") : null,
    address_1: place?.address_1 ?? null,
    address_2: place?.address_2 ?? null,
    city: place?.city ?? null,
    postcode: place?.postal_code ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    accessibility: accessibility.length ? accessibility.map((a) => (a.details ? `${a.description ?? ""}: ${a.details}` : (a.description ?? ""))).join("\n") : null,
    languages: languages.flatMap((l) => (l.name ? [l.name] : [])),
  });
  return {
    snapshot,
    locationId: place?.id ?? null,
    serviceAtLocationId: place?.sal_id ?? null,
    hourScheduleIds,
    noteScheduleIds,
    otherSchedules,
  };
}

export interface GeocodeResult {
  snapshot: ListingSnapshot;
  /** Said on the page after saving: the postcode could not be looked up, so the map position stayed. */
  notice: string | null;
  /** Said beside the postcode field: postcodes.io does not know it. */
  postcodeError: string | null;
}

/**
 * Fills in the place's coordinates: kept when the postcode is unchanged, looked up when it
 * changed. When postcodes.io cannot be reached the old position stays, with a notice.
 */
export async function geocodeSnapshot(
  db: Db,
  snapshot: ListingSnapshot,
  previous: ListingSnapshot | null,
  options: LookupOptions = {},
): Promise<GeocodeResult> {
  if (!snapshot.postcode) return { snapshot: { ...snapshot, latitude: null, longitude: null }, notice: null, postcodeError: null };
  const kept = { latitude: previous?.latitude ?? null, longitude: previous?.longitude ?? null };
  if (previous?.postcode === snapshot.postcode && kept.latitude !== null && kept.longitude !== null) {
    return { snapshot: { ...snapshot, ...kept }, notice: null, postcodeError: null };
  }
  const lookup = await lookupPostcode(db, snapshot.postcode, options);
  switch (lookup.kind) {
    case "found":
      return { snapshot: { ...snapshot, latitude: lookup.lat, longitude: lookup.lon }, notice: null, postcodeError: null };
    case "invalid":
    case "not-found":
      return { snapshot, notice: null, postcodeError: `We could not find the postcode ${snapshot.postcode}. Check it and try again.` };
    default:
      return {
        snapshot: { ...snapshot, ...kept },
        notice:
          kept.latitude === null
            ? `We could not look up ${snapshot.postcode} just now, so this place is not on the map yet and will not show a distance in searches. It is looked up again when the listing is next saved.`
            : `We could not look up ${snapshot.postcode} just now, so the map position has not changed. It is looked up again when the listing is next saved.`,
        postcodeError: null,
      };
  }
}

export type ListingFormOutcome =
  | { ok: true; snapshot: ListingSnapshot; notice: string | null }
  | { ok: false; errors: FieldErrors; values: ListingFormValues };

/** The edit form validated and placed on the map, or what to show again with the errors. */
export async function readListingForm(db: Db, formData: FormData, previous: ListingSnapshot | null, options: LookupOptions = {}): Promise<ListingFormOutcome> {
  const form = parseListingForm(formData);
  if (!form.success) return { ok: false, errors: orderedListingErrors(form.errors), values: form.values };
  const placed = await geocodeSnapshot(db, form.data, previous, options);
  if (placed.postcodeError) return { ok: false, errors: { postcode: placed.postcodeError }, values: listingFormValues(form.data) };
  return { ok: true, snapshot: placed.snapshot, notice: placed.notice };
}
