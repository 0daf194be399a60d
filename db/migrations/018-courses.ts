import type { Kysely } from "kysely";

/**
 * Learners' journeys, first slice: courses published by providers against their directory
 * listings, the sessions of each, the people booked onto them and who came to each session.
 * A person is one record (people) found again by triage reference, mobile or email, each unique,
 * so the database itself refuses an accidental second record. Unique indexes allow many NULLs on
 * both SQLite and PostgreSQL, so people without a phone or email (and erased people) never clash.
 * Written with the schema builder only, so the same migration runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("people")
    .addColumn("id", "text", (c) => c.primaryKey())
    // Null once erased; the row stays so attendance still adds up in reports.
    .addColumn("name", "text")
    // UK mobile as 07…, or null.
    .addColumn("phone", "text")
    // Lower-cased email address, or null.
    .addColumn("email", "text")
    // The assisted triage or self-check reference the person was first booked from.
    .addColumn("triage_reference", "text")
    .addColumn("area_id", "text")
    .addColumn("consent_text", "text", (c) => c.notNull())
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addColumn("recorded_by_user_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    // The last day they were due at a session; the retention period runs from here.
    .addColumn("last_seen_on", "text", (c) => c.notNull())
    .addColumn("personal_data_erased_at", "text")
    .execute();
  await db.schema.createIndex("people_phone").on("people").column("phone").unique().execute();
  await db.schema.createIndex("people_email").on("people").column("email").unique().execute();
  await db.schema.createIndex("people_triage_reference").on("people").column("triage_reference").unique().execute();
  await db.schema.createIndex("people_retention").on("people").columns(["personal_data_erased_at", "last_seen_on"]).execute();

  await db.schema
    .createTable("courses")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.notNull().references("services.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by_user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();
  // The service page's courses, and a provider's list of their own.
  await db.schema.createIndex("courses_service").on("courses").columns(["service_id", "status"]).execute();
  await db.schema.createIndex("courses_organisation").on("courses").columns(["organisation_id", "created_at"]).execute();

  await db.schema
    .createTable("course_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id").onDelete("cascade"))
    // UK wall-clock date and times, as the provider typed them: "2027-01-11", "10:00".
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    // Null when the session is on the digital bus.
    .addColumn("place", "text")
    .addColumn("on_bus", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("course_sessions_course").on("course_sessions").columns(["course_id", "date", "starts_at"]).execute();
  await db.schema.createIndex("course_sessions_date").on("course_sessions").columns(["date"]).execute();

  // A place on every session of a course; walk-ins get one too, from the session they came to.
  await db.schema
    .createTable("course_bookings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("course_id", "text", (c) => c.notNull().references("courses.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_reference", "text")
    .addColumn("booked_by_user_id", "text", (c) => c.notNull())
    .addColumn("consent_text", "text", (c) => c.notNull())
    .addColumn("send_dates_by", "text", (c) => c.notNull())
    .addColumn("booked_at", "text", (c) => c.notNull())
    .addUniqueConstraint("course_bookings_once", ["course_id", "person_id"])
    .execute();
  await db.schema.createIndex("course_bookings_person").on("course_bookings").columns(["person_id"]).execute();

  await db.schema
    .createTable("session_attendance")
    .addColumn("session_id", "text", (c) => c.notNull().references("course_sessions.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("attended", "integer", (c) => c.notNull())
    // What they did, in the provider's words; erased with the person's details.
    .addColumn("note", "text")
    .addColumn("marked_by_user_id", "text", (c) => c.notNull())
    .addColumn("marked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("session_attendance_pk", ["session_id", "person_id"])
    .execute();
  await db.schema.createIndex("session_attendance_person").on("session_attendance").columns(["person_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["session_attendance", "course_bookings", "course_sessions", "courses", "people"]) {
    await db.schema.dropTable(table).execute();
  }
}
