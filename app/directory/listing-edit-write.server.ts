/**
 * Writing a snapshot over a listing. Anything the form does not show (other places, monthly or
 * one-off sessions, imported terms, contacts) is left exactly as it was. A write means a person
 * has checked the listing, so it also sets ORUK's assured_date ("last verified").
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import type { CategoryId } from "~/lib/frameworks";
import { DAY_CODES, feesDescriptionFor, type DayCode, type ListingSnapshot } from "./listing-edit";
import type { ListingEditor } from "./listing-edit-scope.server";
import { assuredDateFor } from "./listing-edit-verified";
import { categoryTaxonomyId, loadEditableListing, type EditableListing } from "./listing-edit.server";
import { outwardCodeOf } from "./postcodes";

// ISO 639-1 codes for the languages most often offered locally; others are stored by name only.
const LANGUAGE_CODES: Record<string, string> = {
  english: "en", polish: "pl", romanian: "ro", urdu: "ur", punjabi: "pa", arabic: "ar", bengali: "bn", gujarati: "gu",
  portuguese: "pt", spanish: "es", french: "fr", lithuanian: "lt", bulgarian: "bg", russian: "ru", ukrainian: "uk",
  turkish: "tr", kurdish: "ku", farsi: "fa", persian: "fa", pashto: "ps", somali: "so", tigrinya: "ti", chinese: "zh",
  mandarin: "zh", cantonese: "yue", nepali: "ne", tamil: "ta", hindi: "hi", welsh: "cy", "british sign language": "bfi", bsl: "bfi",
};

const sameText = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function writeCategories(db: Db, serviceId: string, categories: CategoryId[]): Promise<void> {
  const terms = await db
    .selectFrom("taxonomy_terms")
    .select(["id", "code"])
    .where("taxonomy_id", "=", categoryTaxonomyId())
    .execute();
  const termOf = new Map(terms.map((t) => [t.code, t.id]));
  const existing = await db
    .selectFrom("attributes")
    .select(["attributes.id", "attributes.taxonomy_term_id"])
    .where("link_id", "=", serviceId)
    .where("link_entity", "=", "service")
    .where("taxonomy_term_id", "in", terms.length ? terms.map((t) => t.id) : [""])
    .execute();
  const wanted = new Set(categories.flatMap((c) => termOf.get(c) ?? []));
  const stale = existing.filter((a) => !wanted.has(a.taxonomy_term_id)).map((a) => a.id);
  if (stale.length) await db.deleteFrom("attributes").where("id", "in", stale).execute();
  const have = new Set(existing.map((a) => a.taxonomy_term_id));
  const added = [...wanted].filter((termId) => !have.has(termId));
  if (added.length) {
    await db
      .insertInto("attributes")
      .values(added.map((termId) => ({ id: randomUUID(), link_id: serviceId, link_type: "category", link_entity: "service" as const, taxonomy_term_id: termId, value: null, label: null })))
      .execute();
  }
}

async function writePhone(db: Db, serviceId: string, phone: string | null): Promise<void> {
  const first = await db.selectFrom("phones").select("id").where("service_id", "=", serviceId).where("contact_id", "is", null).orderBy("id").executeTakeFirst();
  if (first && phone) await db.updateTable("phones").set({ number: phone }).where("id", "=", first.id).execute();
  else if (first) await db.deleteFrom("phones").where("id", "=", first.id).execute();
  else if (phone) await db.insertInto("phones").values({ id: randomUUID(), service_id: serviceId, number: phone, type: "voice" }).execute();
}

async function writeLanguages(db: Db, serviceId: string, languages: string[]): Promise<void> {
  await db.deleteFrom("languages").where("service_id", "=", serviceId).execute();
  if (languages.length === 0) return;
  await db
    .insertInto("languages")
    .values(languages.map((name) => ({ id: randomUUID(), service_id: serviceId, name, code: LANGUAGE_CODES[name.toLowerCase()] ?? null })))
    .execute();
}

const PLACE_FIELDS = ["address_1", "address_2", "city", "postcode", "latitude", "longitude", "accessibility"] as const;

/**
 * Makes the listing's place match the snapshot. A place other listings share (a library with
 * several services) is never changed under them: this listing gets its own copy instead.
 * Returns the service_at_location the hours belong to, or null for no place.
 */
async function writePlace(db: Db, serviceId: string, current: EditableListing, snapshot: ListingSnapshot, now: string): Promise<string | null> {
  const before = current.snapshot;
  if (!snapshot.address_1) {
    if (current.serviceAtLocationId) await db.deleteFrom("service_at_locations").where("id", "=", current.serviceAtLocationId).execute();
    return null;
  }
  if (current.locationId && PLACE_FIELDS.every((f) => before[f] === snapshot[f])) return current.serviceAtLocationId;

  const address = {
    address_1: snapshot.address_1,
    address_2: snapshot.address_2,
    city: snapshot.city,
    postal_code: snapshot.postcode,
    outward_code: snapshot.postcode ? outwardCodeOf(snapshot.postcode) : null,
    latitude: snapshot.latitude,
    longitude: snapshot.longitude,
    updated_at: now,
  };
  let locationId = current.locationId;
  const shared = locationId
    ? await db.selectFrom("service_at_locations").select("id").where("location_id", "=", locationId).where("service_id", "!=", serviceId).executeTakeFirst()
    : undefined;
  if (locationId && !shared) {
    await db.updateTable("locations").set(address).where("id", "=", locationId).execute();
  } else {
    const existing = locationId ? await db.selectFrom("locations").selectAll().where("id", "=", locationId).executeTakeFirst() : undefined;
    const newId = randomUUID();
    await db
      .insertInto("locations")
      .values({
        id: newId,
        organisation_id: existing?.organisation_id ?? null,
        location_type: "physical",
        name: existing && existing.address_1 === snapshot.address_1 ? existing.name : snapshot.address_1,
        description: existing?.description ?? null,
        transportation: existing?.transportation ?? null,
        address_id: randomUUID(),
        address_type: "physical",
        state_province: existing?.state_province ?? null,
        country: "GB",
        ...address,
      })
      .execute();
    if (existing && before.accessibility === snapshot.accessibility) {
      const rows = await db.selectFrom("accessibility").selectAll().where("location_id", "=", existing.id).execute();
      if (rows.length) await db.insertInto("accessibility").values(rows.map((r) => ({ ...r, id: randomUUID(), location_id: newId }))).execute();
    }
    locationId = newId;
  }
  if (before.accessibility !== snapshot.accessibility || !current.locationId) {
    await db.deleteFrom("accessibility").where("location_id", "=", locationId).execute();
    if (snapshot.accessibility) {
      await db.insertInto("accessibility").values({ id: randomUUID(), location_id: locationId, description: snapshot.accessibility, details: null, url: null }).execute();
    }
  }
  if (current.serviceAtLocationId) {
    await db.updateTable("service_at_locations").set({ location_id: locationId }).where("id", "=", current.serviceAtLocationId).execute();
    return current.serviceAtLocationId;
  }
  const salId = randomUUID();
  await db.insertInto("service_at_locations").values({ id: salId, service_id: serviceId, location_id: locationId, description: null }).execute();
  return salId;
}

async function writeSchedules(db: Db, serviceId: string, current: EditableListing, snapshot: ListingSnapshot, salId: string | null): Promise<void> {
  const placeMoved = salId !== current.serviceAtLocationId;
  if (placeMoved || !sameText(current.snapshot.hours, snapshot.hours)) {
    if (current.hourScheduleIds.length) await db.deleteFrom("schedules").where("id", "in", current.hourScheduleIds).execute();
    // Days with the same hours share one weekly rule, as ORUK feeds usually write them.
    const byHours = new Map<string, DayCode[]>();
    for (const row of snapshot.hours) byHours.set(`${row.opens}-${row.closes}`, [...(byHours.get(`${row.opens}-${row.closes}`) ?? []), row.day]);
    const rules = [...byHours].map(([key, days]) => {
      const [opens, closes] = key.split("-");
      return {
        id: randomUUID(),
        // Hours at a place hang off the place alone, as the seed and ORUK feeds write them.
        service_id: salId ? null : serviceId,
        service_at_location_id: salId,
        freq: "WEEKLY" as const,
        byday: DAY_CODES.filter((d) => days.includes(d)).join(","),
        opens_at: opens,
        closes_at: closes,
        timezone: "Europe/London",
      };
    });
    if (rules.length) await db.insertInto("schedules").values(rules).execute();
  }
  if (current.snapshot.sessions_note !== snapshot.sessions_note) {
    if (current.noteScheduleIds.length) await db.deleteFrom("schedules").where("id", "in", current.noteScheduleIds).execute();
    if (snapshot.sessions_note) {
      await db.insertInto("schedules").values({ id: randomUUID(), service_id: serviceId, description: snapshot.sessions_note, timezone: "Europe/London" }).execute();
    }
  }
}

function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/**
 * Writes a snapshot over a listing. Call with a transaction to tie it to other writes (an
 * approval); the search index is the caller's to refresh once the transaction has committed.
 */
export async function applyListingSnapshot(db: Db, serviceId: string, snapshot: ListingSnapshot, user: Pick<ListingEditor, "email">, now: Date = new Date()): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await loadEditableListing(trx, serviceId);
    if (!current) throw new Error(`No listing ${serviceId}`);
    const at = now.toISOString();
    await trx
      .updateTable("services")
      .set({
        name: snapshot.name,
        description: snapshot.description,
        name_cy: snapshot.name_cy,
        description_cy: snapshot.description_cy,
        url: snapshot.url,
        email: snapshot.email,
        how_to_access: snapshot.how_to_access,
        eligibility_description: snapshot.eligibility,
        fees_description: feesDescriptionFor(snapshot),
        minimum_age: snapshot.minimum_age,
        maximum_age: snapshot.maximum_age,
        attends_in_person: snapshot.attending.includes("in-person") ? 1 : 0,
        attends_online: snapshot.attending.includes("online") ? 1 : 0,
        attends_phone: snapshot.attending.includes("phone") ? 1 : 0,
        attends_home_visit: snapshot.attending.includes("home-visit") ? 1 : 0,
        accepts_self_referral: snapshot.accepts_self_referral ? 1 : 0,
        assured_date: assuredDateFor(now),
        assurer_email: user.email,
        last_modified: at,
        updated_at: at,
      })
      .where("id", "=", serviceId)
      .execute();
    if (!sameText(current.snapshot.categories, snapshot.categories)) await writeCategories(trx, serviceId, snapshot.categories);
    if (current.snapshot.phone !== snapshot.phone) await writePhone(trx, serviceId, snapshot.phone);
    if (!sameText(current.snapshot.languages, snapshot.languages)) await writeLanguages(trx, serviceId, snapshot.languages);
    const salId = await writePlace(trx, serviceId, current, snapshot, at);
    await writeSchedules(trx, serviceId, current, snapshot, salId);
  });
}

export interface NewListingPlacement {
  organisationId: string;
  /** Null for a national, online or phone listing that belongs to no area. */
  areaId: string | null;
}

/** Creates a published listing from a snapshot; returns its id. */
export async function createListing(db: Db, placement: NewListingPlacement, snapshot: ListingSnapshot, user: Pick<ListingEditor, "email">, now: Date = new Date()): Promise<string> {
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto("services")
      .values({
        id,
        organisation_id: placement.organisationId,
        area_id: placement.areaId,
        name: snapshot.name,
        description: snapshot.description,
        is_national: placement.areaId === null ? 1 : 0,
        published: 1,
        source: "local",
        last_modified: now.toISOString(),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await applyListingSnapshot(trx, id, snapshot, user, now);
  });
  return id;
}
