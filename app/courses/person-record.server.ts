/**
 * One person's record, for the coordinator of their area (and admins): what is held about them,
 * their courses and attendance, a copy to download and erasure. Anyone else is told it does not
 * exist. Every view and download is audited by the caller.
 */
import type { CurrentUser } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import type { Db } from "~/lib/db.server";
import type { Person } from "~db/schema/courses";

type Viewer = Pick<CurrentUser, "role" | "areaIds">;

export function mayManagePerson(user: Viewer, person: Pick<Person, "area_id">): boolean {
  if (user.role === "admin") return true;
  return can(user.role, "learner:data:area") && person.area_id !== null && user.areaIds.includes(person.area_id);
}

export async function requirePersonFor(db: Db, user: Viewer, id: string | undefined): Promise<Person> {
  const person = id ? await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst() : undefined;
  if (!person || !mayManagePerson(user, person)) throw new Response("Not found", { status: 404 });
  return person;
}

export async function personHistory(db: Db, personId: string) {
  const [bookings, attendance, messages] = await Promise.all([
    db
      .selectFrom("course_bookings as b")
      .innerJoin("courses as c", "c.id", "b.course_id")
      .innerJoin("services as s", "s.id", "c.service_id")
      .select(["b.course_id", "c.title", "s.name as service", "b.source", "b.source_reference", "b.consent_text", "b.send_dates_by", "b.booked_at"])
      .where("b.person_id", "=", personId)
      .orderBy("b.booked_at")
      .execute(),
    db
      .selectFrom("session_attendance as a")
      .innerJoin("course_sessions as cs", "cs.id", "a.session_id")
      .innerJoin("courses as c", "c.id", "cs.course_id")
      .select(["c.title", "cs.date", "cs.starts_at", "a.attended", "a.note", "a.marked_at"])
      .where("a.person_id", "=", personId)
      .orderBy("cs.date")
      .orderBy("cs.starts_at")
      .execute(),
    db
      .selectFrom("messages")
      .select(["created_at", "channel", "recipient", "subject", "body", "status", "sent_at"])
      .where("related_type", "=", "course-person")
      .where("related_id", "=", personId)
      .orderBy("created_at")
      .orderBy("id")
      .execute(),
  ]);
  return { bookings, attendance, messages };
}

export type PersonHistory = Awaited<ReturnType<typeof personHistory>>;

/** Everything held about the person, for a subject access request. */
export function personExport(person: Person, history: PersonHistory, now: Date) {
  return { exportedAt: now.toISOString(), person: { ...person }, ...history };
}
