import type { Db } from "~/lib/db.server";
import type { CourseSession } from "~db/schema/courses";
import { sessionsOf } from "./courses.server";

/** A course's sessions with how many people each register has marked. */
export async function markedCounts(db: Db, courseId: string): Promise<Array<CourseSession & { marked: number }>> {
  const sessions = await sessionsOf(db, [courseId]);
  if (sessions.length === 0) return [];
  const counts = await db
    .selectFrom("session_attendance")
    .select(["session_id", (eb) => eb.fn.countAll<number>().as("count")])
    .where("session_id", "in", sessions.map((s) => s.id))
    .groupBy("session_id")
    .execute();
  const bySession = new Map(counts.map((c) => [c.session_id, Number(c.count)]));
  return sessions.map((s) => ({ ...s, marked: bySession.get(s.id) ?? 0 }));
}

/** Who is booked onto a course, first booked first. */
export async function courseBookings(db: Db, courseId: string) {
  return db
    .selectFrom("course_bookings as b")
    .innerJoin("people as p", "p.id", "b.person_id")
    .select(["b.person_id", "p.name", "p.area_id", "b.source"])
    .where("b.course_id", "=", courseId)
    .orderBy("b.booked_at")
    .execute();
}
