/**
 * Demo courses, so the course pages, a listing's next sessions and a register are not empty on
 * first start: a five-week course at Park Wood two weeks in (with two registers marked) and a
 * course on the digital bus in Cliftonville starting soon. Dates are relative to the day seeded.
 * People's names and numbers are made up; the numbers are from Ofcom's range kept for drama.
 */
import { randomUUID } from "node:crypto";
import { addDays, toLondon } from "~/directory/opening-times-calendar";
import { serviceIdFor, stableId } from "~/directory/stable-id";
import type { Db } from "~/lib/db.server";
import { weeklyDates } from "./courses";
import { personConsentText } from "./people";

const PROVIDER_EMAIL = "provider@waymark.example";
const RETENTION_MONTHS = 6;

const COURSES = [
  {
    key: "park-wood-getting-started",
    service: "park-wood-device-and-data",
    title: "Getting started online",
    description: "Five friendly two-hour sessions for people new to the internet: using a laptop or tablet, email, staying safe, and using GOV.UK and Universal Credit.",
    firstInDays: -14,
    weeks: 5,
    place: "Park Wood Community Hub" as string | null,
    times: ["10:00", "12:00"],
    capacity: 8,
  },
  {
    key: "cliftonville-bus-safe-online",
    service: "cliftonville-free-sim",
    title: "Staying safe online, on the digital bus",
    description: "Three short sessions on the digital bus: spotting scams, strong passwords and what to do if something goes wrong.",
    firstInDays: 3,
    weeks: 3,
    place: null,
    times: ["13:00", "14:30"],
    capacity: 6,
  },
];

const PEOPLE = [
  { key: "demo-person-1", name: "Margaret Ellis", phone: "07700900401", came: [true, true] },
  { key: "demo-person-2", name: "Daniel Okoro", phone: "07700900402", came: [true, false] },
  { key: "demo-person-3", name: "Sue Patel", phone: null, came: [true, true] },
  { key: "demo-person-4", name: "Kevin Walsh", phone: "07700900404", came: [false, true] },
];

/** Adds the demo courses that are missing; existing ones are left as people changed them. */
export async function seedDemoCourses(db: Db, now: Date = new Date()): Promise<void> {
  const provider = await db.selectFrom("users").select("id").where("email", "=", PROVIDER_EMAIL).executeTakeFirst();
  if (!provider) return;
  const today = toLondon(now).date;
  const at = now.toISOString();
  for (const demo of COURSES) {
    const courseId = stableId("course", demo.key);
    const exists = await db.selectFrom("courses").select("id").where("id", "=", courseId).executeTakeFirst();
    const service = await db.selectFrom("services").select(["id", "organisation_id", "area_id"]).where("id", "=", serviceIdFor(demo.service)).executeTakeFirst();
    if (exists || !service) continue;
    const dates = weeklyDates(addDays(today, demo.firstInDays), demo.weeks);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("courses")
        .values({ id: courseId, service_id: service.id, organisation_id: service.organisation_id, title: demo.title, description: demo.description, status: "published", created_by_user_id: provider.id, created_at: at, updated_at: at, published_at: at })
        .execute();
      const sessionIds = dates.map((date) => stableId("course_session", `${demo.key}:${date}`));
      await trx
        .insertInto("course_sessions")
        .values(dates.map((date, i) => ({ id: sessionIds[i], course_id: courseId, date, starts_at: demo.times[0], ends_at: demo.times[1], place: demo.place, on_bus: demo.place ? 0 : 1, capacity: demo.capacity, created_at: at })))
        .execute();
      if (demo.firstInDays >= 0) return;
      const past = dates.filter((d) => d < today);
      for (const person of PEOPLE) {
        const personId = stableId("person", person.key);
        await trx
          .insertInto("people")
          .values({ id: personId, name: person.name, phone: person.phone, email: null, triage_reference: null, area_id: service.area_id, consent_text: personConsentText(RETENTION_MONTHS), consented_at: at, recorded_by_user_id: provider.id, created_at: at, last_seen_on: dates[dates.length - 1], personal_data_erased_at: null })
          .onConflict((oc) => oc.column("id").doNothing())
          .execute();
        await trx
          .insertInto("course_bookings")
          .values({ id: randomUUID(), course_id: courseId, person_id: personId, source: "plan", source_reference: null, booked_by_user_id: provider.id, consent_text: personConsentText(RETENTION_MONTHS), send_dates_by: "none", booked_at: at })
          .execute();
        await trx
          .insertInto("session_attendance")
          .values(past.map((date, i) => ({ session_id: sessionIds[dates.indexOf(date)], person_id: personId, attended: person.came[i] ? 1 : 0, note: person.came[i] && i === 0 ? "Set up an email account" : null, marked_by_user_id: provider.id, marked_at: at })))
          .execute();
      }
    });
  }
}
