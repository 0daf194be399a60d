import type { Kysely } from "kysely";
import { nowDefault, floatType } from "../dialect";

/**
 * The directory, shaped after Open Referral UK 3.0 so the read API and imports map field for
 * field. Where ORUK nests a one-to-one object (a location's address) the columns are flattened
 * onto the parent, because every list page needs them and a join per row buys nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);

  for (const column of ["alternate_name", "legal_status", "logo", "uri", "parent_organisation_id", "last_modified"]) {
    await db.schema.alterTable("organisations").addColumn(column, "text").execute();
  }

  await db.schema
    .createTable("organisation_identifiers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("identifier_scheme", "text")
    .addColumn("identifier_type", "text", (c) => c.notNull())
    .addColumn("identifier", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organisation_identifiers_organisation").on("organisation_identifiers").column("organisation_id").execute();

  await db.schema
    .createTable("services")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    // Null for national, online and phone services that belong to no one area.
    .addColumn("area_id", "text", (c) => c.references("areas.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("alternate_name", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("url", "text")
    .addColumn("email", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("active"))
    .addColumn("fees_description", "text")
    .addColumn("accreditations", "text")
    .addColumn("eligibility_description", "text")
    .addColumn("minimum_age", "integer")
    .addColumn("maximum_age", "integer")
    .addColumn("assured_date", "text")
    .addColumn("assurer_email", "text")
    .addColumn("alert", "text")
    .addColumn("application_process", "text")
    .addColumn("how_to_access", "text")
    .addColumn("attends_in_person", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attends_online", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attends_phone", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("attends_home_visit", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("accepts_self_referral", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("is_national", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    // Where the record came from ("demo", "local", or an ORUK feed's base URL) and a digest of
    // what was last imported, so a re-import can tell "unchanged" from "updated".
    .addColumn("source", "text", (c) => c.notNull().defaultTo("local"))
    .addColumn("source_digest", "text")
    .addColumn("last_modified", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("services_listing").on("services").columns(["published", "status", "name"]).execute();
  await db.schema.createIndex("services_organisation").on("services").column("organisation_id").execute();
  await db.schema.createIndex("services_area").on("services").columns(["area_id", "published"]).execute();
  await db.schema.createIndex("services_assured_date").on("services").column("assured_date").execute();
  await db.schema.createIndex("services_last_modified").on("services").column("last_modified").execute();

  await db.schema
    .createTable("funding")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.references("organisations.id").onDelete("cascade"))
    .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("cascade"))
    .addColumn("source", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("funding_service").on("funding").column("service_id").execute();

  await db.schema
    .createTable("locations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("location_type", "text", (c) => c.notNull().defaultTo("physical"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("alternate_name", "text")
    .addColumn("description", "text")
    .addColumn("transportation", "text")
    .addColumn("latitude", floatType(db))
    .addColumn("longitude", floatType(db))
    .addColumn("external_identifier", "text")
    .addColumn("external_identifier_type", "text")
    // The ORUK address, one per location; address_id keeps its identity across exports.
    .addColumn("address_id", "text")
    .addColumn("address_type", "text")
    .addColumn("attention", "text")
    .addColumn("address_1", "text")
    .addColumn("address_2", "text")
    .addColumn("city", "text")
    .addColumn("region", "text")
    .addColumn("state_province", "text")
    .addColumn("postal_code", "text")
    .addColumn("outward_code", "text")
    .addColumn("country", "text", (c) => c.notNull().defaultTo("GB"))
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("locations_outward_code").on("locations").column("outward_code").execute();

  await db.schema
    .createTable("accessibility")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addColumn("description", "text")
    .addColumn("details", "text")
    .addColumn("url", "text")
    .execute();
  await db.schema.createIndex("accessibility_location").on("accessibility").column("location_id").execute();

  await db.schema
    .createTable("service_at_locations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
    .addColumn("location_id", "text", (c) => c.notNull().references("locations.id").onDelete("cascade"))
    .addColumn("description", "text")
    .addUniqueConstraint("service_at_locations_pair", ["service_id", "location_id"])
    .execute();
  await db.schema.createIndex("service_at_locations_location").on("service_at_locations").column("location_id").execute();

  // RFC 5545 recurrence in ORUK's columns: weekly opening hours, "second Tuesday of the month",
  // or an outreach visit every Tuesday at one stop (tied to that service_at_location).
  await db.schema
    .createTable("schedules")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("cascade"))
    .addColumn("service_at_location_id", "text", (c) => c.references("service_at_locations.id").onDelete("cascade"))
    .addColumn("location_id", "text", (c) => c.references("locations.id").onDelete("cascade"))
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .addColumn("dtstart", "text")
    .addColumn("until", "text")
    .addColumn("wkst", "text")
    .addColumn("freq", "text")
    .addColumn("interval", "integer")
    .addColumn("count", "integer")
    .addColumn("byday", "text")
    .addColumn("bymonthday", "text")
    .addColumn("byweekno", "text")
    .addColumn("byyearday", "text")
    .addColumn("opens_at", "text")
    .addColumn("closes_at", "text")
    .addColumn("timezone", "text")
    .addColumn("description", "text")
    .addColumn("schedule_link", "text")
    .addColumn("attending_type", "text")
    .addColumn("notes", "text")
    .execute();
  await db.schema.createIndex("schedules_service").on("schedules").column("service_id").execute();
  await db.schema.createIndex("schedules_service_at_location").on("schedules").column("service_at_location_id").execute();

  await db.schema
    .createTable("contacts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organisation_id", "text", (c) => c.references("organisations.id").onDelete("cascade"))
    .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("cascade"))
    .addColumn("service_at_location_id", "text", (c) => c.references("service_at_locations.id").onDelete("cascade"))
    .addColumn("location_id", "text", (c) => c.references("locations.id").onDelete("cascade"))
    .addColumn("name", "text")
    .addColumn("title", "text")
    .addColumn("department", "text")
    .addColumn("email", "text")
    .execute();
  await db.schema.createIndex("contacts_service").on("contacts").column("service_id").execute();

  await db.schema
    .createTable("phones")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("location_id", "text", (c) => c.references("locations.id").onDelete("cascade"))
    .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("cascade"))
    .addColumn("organisation_id", "text", (c) => c.references("organisations.id").onDelete("cascade"))
    .addColumn("contact_id", "text", (c) => c.references("contacts.id").onDelete("cascade"))
    .addColumn("service_at_location_id", "text", (c) => c.references("service_at_locations.id").onDelete("cascade"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("extension", "text")
    .addColumn("type", "text")
    .addColumn("description", "text")
    .execute();
  await db.schema.createIndex("phones_service").on("phones").column("service_id").execute();
  await db.schema.createIndex("phones_contact").on("phones").column("contact_id").execute();

  await db.schema
    .createTable("languages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.references("services.id").onDelete("cascade"))
    .addColumn("location_id", "text", (c) => c.references("locations.id").onDelete("cascade"))
    .addColumn("phone_id", "text", (c) => c.references("phones.id").onDelete("cascade"))
    .addColumn("name", "text")
    .addColumn("code", "text")
    .addColumn("note", "text")
    .execute();
  await db.schema.createIndex("languages_service").on("languages").column("service_id").execute();

  await db.schema
    .createTable("cost_options")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .addColumn("option", "text")
    .addColumn("amount", floatType(db))
    .addColumn("currency", "text")
    .addColumn("amount_description", "text")
    .execute();
  await db.schema.createIndex("cost_options_service").on("cost_options").column("service_id").execute();

  await db.schema
    .createTable("service_areas")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull().references("services.id").onDelete("cascade"))
    .addColumn("name", "text")
    .addColumn("description", "text")
    .addColumn("extent", "text")
    .addColumn("extent_type", "text")
    .addColumn("uri", "text")
    .execute();
  await db.schema.createIndex("service_areas_service").on("service_areas").column("service_id").execute();

  await db.schema
    .createTable("taxonomies")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("uri", "text")
    .addColumn("version", "text")
    .execute();

  await db.schema
    .createTable("taxonomy_terms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("taxonomy_id", "text", (c) => c.references("taxonomies.id").onDelete("cascade"))
    .addColumn("parent_id", "text", (c) => c.references("taxonomy_terms.id").onDelete("set null"))
    .addColumn("code", "text")
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("vocabulary", "text")
    .addColumn("term_uri", "text")
    .execute();
  await db.schema.createIndex("taxonomy_terms_taxonomy_code").on("taxonomy_terms").columns(["taxonomy_id", "code"]).execute();
  await db.schema.createIndex("taxonomy_terms_parent").on("taxonomy_terms").column("parent_id").execute();

  await db.schema
    .createTable("attributes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("link_id", "text", (c) => c.notNull())
    .addColumn("link_type", "text")
    .addColumn("link_entity", "text", (c) => c.notNull())
    .addColumn("taxonomy_term_id", "text", (c) => c.notNull().references("taxonomy_terms.id").onDelete("cascade"))
    .addColumn("value", "text")
    .addColumn("label", "text")
    .execute();
  await db.schema.createIndex("attributes_link").on("attributes").columns(["link_entity", "link_id"]).execute();
  await db.schema.createIndex("attributes_term").on("attributes").columns(["taxonomy_term_id", "link_entity"]).execute();

  // postcodes.io answers, so each postcode is looked up once and an outage can fall back to the
  // district's centroid. A postcode postcodes.io does not know is kept with null coordinates.
  await db.schema
    .createTable("postcode_cache")
    .addColumn("postcode", "text", (c) => c.primaryKey())
    .addColumn("outward_code", "text", (c) => c.notNull())
    .addColumn("latitude", floatType(db))
    .addColumn("longitude", floatType(db))
    .addColumn("admin_district", "text")
    .addColumn("looked_up_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("outcode_cache")
    .addColumn("outward_code", "text", (c) => c.primaryKey())
    .addColumn("latitude", floatType(db))
    .addColumn("longitude", floatType(db))
    .addColumn("admin_district", "text")
    .addColumn("looked_up_at", "text", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "outcode_cache",
    "postcode_cache",
    "attributes",
    "taxonomy_terms",
    "taxonomies",
    "service_areas",
    "cost_options",
    "languages",
    "phones",
    "contacts",
    "schedules",
    "service_at_locations",
    "accessibility",
    "locations",
    "funding",
    "services",
    "organisation_identifiers",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ["last_modified", "parent_organisation_id", "uri", "logo", "legal_status", "alternate_name"]) {
    await db.schema.alterTable("organisations").dropColumn(column).execute();
  }
}
