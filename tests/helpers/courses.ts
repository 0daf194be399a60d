import { randomUUID } from "node:crypto";
import { addDays, toLondon } from "~/directory/opening-times-calendar";
import { serviceIdFor } from "~/directory/stable-id";
import type { Db } from "~/lib/db.server";

export interface TestSession {
  /** Days from today (UK), negative for the past. */
  inDays: number;
  startsAt?: string;
  endsAt?: string;
  capacity?: number;
}

/** A course on a seeded listing (Connect Kent CIC's Park Wood scheme unless told), with sessions relative to today. */
export async function createTestCourse(
  db: Db,
  options: { createdBy: string; service?: string; status?: "draft" | "published"; title?: string; sessions: TestSession[] },
): Promise<{ courseId: string; sessionIds: string[] }> {
  const service = await db.selectFrom("services").select(["id", "organisation_id"]).where("id", "=", serviceIdFor(options.service ?? "park-wood-device-and-data")).executeTakeFirstOrThrow();
  const courseId = randomUUID();
  const at = new Date().toISOString();
  await db
    .insertInto("courses")
    .values({ id: courseId, service_id: service.id, organisation_id: service.organisation_id, title: options.title ?? "Getting started online", description: "Five sessions for beginners.", status: options.status ?? "published", created_by_user_id: options.createdBy, created_at: at, updated_at: at, published_at: at })
    .execute();
  const today = toLondon(new Date()).date;
  const sessionIds = options.sessions.map(() => randomUUID());
  if (options.sessions.length > 0) {
    await db
      .insertInto("course_sessions")
      .values(options.sessions.map((s, i) => ({ id: sessionIds[i], course_id: courseId, date: addDays(today, s.inDays), starts_at: s.startsAt ?? "00:00", ends_at: s.endsAt ?? "23:59", place: "Park Wood Community Hub", on_bus: 0, capacity: s.capacity ?? 8, created_at: at })))
      .execute();
  }
  return { courseId, sessionIds };
}

/** A person booked onto a course, as a booking from a plan would leave them. */
export async function createBookedPerson(db: Db, options: { courseId: string; areaId: string; bookedBy: string; name?: string; phone?: string | null }): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await db
    .insertInto("people")
    .values({ id, name: options.name ?? "Sam Test", phone: options.phone ?? null, email: null, triage_reference: null, area_id: options.areaId, consent_text: "I agree.", consented_at: at, recorded_by_user_id: options.bookedBy, created_at: at, last_seen_on: toLondon(new Date()).date, personal_data_erased_at: null })
    .execute();
  await db
    .insertInto("course_bookings")
    .values({ id: randomUUID(), course_id: options.courseId, person_id: id, source: "plan", source_reference: null, booked_by_user_id: options.bookedBy, consent_text: "I agree.", send_dates_by: "none", booked_at: at })
    .execute();
  return id;
}
