/**
 * Courses in the database: a provider's own (within their course reach, else as if missing),
 * their sessions, and the published courses people can be booked onto.
 */
import { randomUUID } from "node:crypto";
import { servicesWithin } from "~/directory/listing-edit-scope.server";
import { toLondon } from "~/directory/opening-times-calendar";
import type { Db } from "~/lib/db.server";
import type { CourseSession } from "~db/schema/courses";
import { courseReach, type CourseManager } from "./access";
import type { CourseForm, SessionForm } from "./course-form";
import { MAX_SESSIONS, placesLeft, upcomingSessions, weeklyDates } from "./courses";

export interface ManagedCourse {
  id: string;
  title: string;
  description: string;
  status: "draft" | "published";
  serviceId: string;
  serviceName: string;
  organisationId: string;
  organisationName: string;
  areaId: string | null;
}

/** Listings the user may hang a course on. */
export async function listingsForCourses(db: Db, user: CourseManager): Promise<Array<{ id: string; name: string }>> {
  return db.selectFrom("services").select(["services.id", "services.name"]).where(servicesWithin(courseReach(user))).orderBy("services.name").execute();
}

function managedCourses(db: Db, user: CourseManager) {
  return db
    .selectFrom("courses")
    .innerJoin("services", "services.id", "courses.service_id")
    .innerJoin("organisations", "organisations.id", "courses.organisation_id")
    .select([
      "courses.id",
      "courses.title",
      "courses.description",
      "courses.status",
      "courses.service_id as serviceId",
      "services.name as serviceName",
      "courses.organisation_id as organisationId",
      "organisations.name as organisationName",
      "services.area_id as areaId",
    ])
    .where(servicesWithin(courseReach(user)));
}

/** The course if the user may manage it; null whether it exists or not. */
export async function findManagedCourse(db: Db, user: CourseManager, id: string): Promise<ManagedCourse | null> {
  return (await managedCourses(db, user).where("courses.id", "=", id).executeTakeFirst()) ?? null;
}

export async function requireManagedCourse(db: Db, user: CourseManager, id: string | undefined): Promise<ManagedCourse> {
  const course = id ? await findManagedCourse(db, user, id) : null;
  if (!course) throw new Response("Not found", { status: 404 });
  return course;
}

export async function listManagedCourses(db: Db, user: CourseManager, now: Date) {
  const courses = await managedCourses(db, user).orderBy("courses.created_at", "desc").execute();
  const sessions = await sessionsOf(db, courses.map((c) => c.id));
  const booked = await bookedCounts(db, courses.map((c) => c.id));
  return courses.map((course) => {
    const own = sessions.filter((s) => s.course_id === course.id);
    return { ...course, sessionCount: own.length, next: upcomingSessions(own, now, 1)[0] ?? null, booked: booked.get(course.id) ?? 0 };
  });
}

export async function sessionsOf(db: Db, courseIds: readonly string[]): Promise<CourseSession[]> {
  if (courseIds.length === 0) return [];
  return db.selectFrom("course_sessions").selectAll().where("course_id", "in", [...courseIds]).orderBy("date").orderBy("starts_at").execute();
}

export async function bookedCounts(db: Db, courseIds: readonly string[]): Promise<Map<string, number>> {
  if (courseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("course_bookings")
    .select(["course_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("course_id", "in", [...courseIds])
    .groupBy("course_id")
    .execute();
  return new Map(rows.map((r) => [r.course_id, Number(r.count)]));
}

/** Creates a draft course on a listing within reach; null when the listing is not. */
export async function createCourse(db: Db, user: CourseManager, form: CourseForm, now: Date): Promise<string | null> {
  const service = await db.selectFrom("services").select(["services.id", "services.organisation_id"]).where("services.id", "=", form.serviceId).where(servicesWithin(courseReach(user))).executeTakeFirst();
  if (!service) return null;
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto("courses")
    .values({ id, service_id: service.id, organisation_id: service.organisation_id, title: form.title, description: form.description, status: "draft", created_by_user_id: user.id, created_at: at, updated_at: at, published_at: null })
    .execute();
  return id;
}

/** Changes a course's details; false when the new listing is out of reach. */
export async function updateCourse(db: Db, user: CourseManager, course: ManagedCourse, form: CourseForm, now: Date): Promise<boolean> {
  const service = await db.selectFrom("services").select(["services.id", "services.organisation_id"]).where("services.id", "=", form.serviceId).where(servicesWithin(courseReach(user))).executeTakeFirst();
  if (!service) return false;
  await db
    .updateTable("courses")
    .set({ service_id: service.id, organisation_id: service.organisation_id, title: form.title, description: form.description, updated_at: now.toISOString() })
    .where("id", "=", course.id)
    .execute();
  return true;
}

export type AddSessionsResult = { ok: true; added: number } | { ok: false; errors: Record<string, string> };

/** Adds one session, or the same session on each of the next few weeks. */
export async function addSessions(db: Db, course: ManagedCourse, form: SessionForm, now: Date): Promise<AddSessionsResult> {
  const dates = weeklyDates(form.date, form.weeks);
  if (dates[0] < toLondon(now).date) return { ok: false, errors: { date: "The first session must be today or later" } };
  const { count } = await db.selectFrom("course_sessions").select((eb) => eb.fn.countAll<number>().as("count")).where("course_id", "=", course.id).executeTakeFirstOrThrow();
  if (Number(count) + dates.length > MAX_SESSIONS) return { ok: false, errors: { weeks: `A course can have up to ${MAX_SESSIONS} sessions. It has ${count} already.` } };
  const at = now.toISOString();
  await db
    .insertInto("course_sessions")
    .values(
      dates.map((date) => ({
        id: randomUUID(),
        course_id: course.id,
        date,
        starts_at: form.startsAt,
        ends_at: form.endsAt,
        place: form.where === "bus" ? null : form.place,
        on_bus: form.where === "bus" ? 1 : 0,
        capacity: form.capacity,
        created_at: at,
      })),
    )
    .execute();
  return { ok: true, added: dates.length };
}

/** Removes a session nobody has been marked at yet. */
export async function removeSession(db: Db, course: ManagedCourse, sessionId: string): Promise<boolean> {
  const marked = await db.selectFrom("session_attendance").select("person_id").where("session_id", "=", sessionId).executeTakeFirst();
  if (marked) return false;
  const result = await db.deleteFrom("course_sessions").where("id", "=", sessionId).where("course_id", "=", course.id).executeTakeFirst();
  return result.numDeletedRows === 1n;
}

/** Publishes a course with at least one session to come; it then shows in the directory. */
export async function publishCourse(db: Db, course: ManagedCourse, now: Date): Promise<boolean> {
  const sessions = await sessionsOf(db, [course.id]);
  if (upcomingSessions(sessions, now).length === 0) return false;
  const at = now.toISOString();
  await db.updateTable("courses").set({ status: "published", published_at: at, updated_at: at }).where("id", "=", course.id).execute();
  return true;
}

export interface BookableCourse {
  id: string;
  title: string;
  serviceId: string;
  serviceName: string;
  organisationName: string;
  next: CourseSession[];
  sessionCount: number;
  placesLeft: number;
}

/** Published courses with a session still to come, soonest first; one listing's, or all. */
export async function listBookableCourses(db: Db, now: Date, options: { serviceId?: string; nextCount?: number } = {}): Promise<BookableCourse[]> {
  const today = toLondon(now).date;
  let query = db
    .selectFrom("courses")
    .innerJoin("services", "services.id", "courses.service_id")
    .innerJoin("organisations", "organisations.id", "courses.organisation_id")
    .select(["courses.id", "courses.title", "courses.service_id as serviceId", "services.name as serviceName", "organisations.name as organisationName"])
    .where("courses.status", "=", "published")
    .where((eb) => eb.exists(eb.selectFrom("course_sessions").select("course_sessions.id").whereRef("course_sessions.course_id", "=", "courses.id").where("course_sessions.date", ">=", today)));
  if (options.serviceId) query = query.where("courses.service_id", "=", options.serviceId);
  const courses = await query.execute();
  const sessions = await sessionsOf(db, courses.map((c) => c.id));
  const booked = await bookedCounts(db, courses.map((c) => c.id));
  return courses
    .map((course) => {
      const own = sessions.filter((s) => s.course_id === course.id);
      const ahead = upcomingSessions(own, now);
      return { ...course, next: ahead.slice(0, options.nextCount ?? 1), sessionCount: ahead.length, placesLeft: placesLeft(own, booked.get(course.id) ?? 0, now) ?? 0 };
    })
    .filter((course) => course.next.length > 0)
    .sort((a, b) => `${a.next[0].date}T${a.next[0].starts_at}`.localeCompare(`${b.next[0].date}T${b.next[0].starts_at}`));
}
