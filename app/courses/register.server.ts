/**
 * A session's register: everyone booked onto the course, ticked if they came, with a note on
 * what they did. One post saves the lot; a walk-in is found or made as a person, booked onto the
 * course (so they are on the next register too) and marked as here.
 */
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "~/accounts/auth.server";
import type { Db } from "~/lib/db.server";
import type { CourseSession } from "~db/schema/courses";
import type { WalkInForm } from "./booking-form";
import { requireManagedCourse, type ManagedCourse } from "./courses.server";
import { personConsentText } from "./people";
import { findOrCreatePerson, markSeen } from "./people.server";

export interface RegisterEntry {
  personId: string;
  /** Null once their details are erased. */
  name: string | null;
  walkIn: boolean;
  attended: boolean | null;
  note: string | null;
}

/** The session and its course, if the user may manage the course; a 404 otherwise. */
export async function requireManagedSession(db: Db, user: CurrentUser, sessionId: string | undefined): Promise<{ session: CourseSession; course: ManagedCourse }> {
  const session = sessionId ? await db.selectFrom("course_sessions").selectAll().where("id", "=", sessionId).executeTakeFirst() : undefined;
  if (!session) throw new Response("Not found", { status: 404 });
  return { session, course: await requireManagedCourse(db, user, session.course_id) };
}

export async function registerFor(db: Db, session: CourseSession): Promise<RegisterEntry[]> {
  const rows = await db
    .selectFrom("course_bookings as b")
    .innerJoin("people as p", "p.id", "b.person_id")
    .leftJoin("session_attendance as a", (join) => join.onRef("a.person_id", "=", "b.person_id").on("a.session_id", "=", session.id))
    .select(["b.person_id", "p.name", "b.source", "a.attended", "a.note"])
    .where("b.course_id", "=", session.course_id)
    .orderBy("b.booked_at")
    .execute();
  return rows
    .map((r) => ({ personId: r.person_id, name: r.name, walkIn: r.source === "walk-in", attended: r.attended === null ? null : r.attended === 1, note: r.note }))
    .sort((a, b) => (a.name ?? "~").localeCompare(b.name ?? "~"));
}

export async function saveRegister(db: Db, user: CurrentUser, session: CourseSession, marks: ReadonlyArray<{ personId: string; attended: boolean; note: string | null }>, now: Date): Promise<void> {
  if (marks.length === 0) return;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    for (const mark of marks) {
      const values = { attended: mark.attended ? 1 : 0, note: mark.note, marked_by_user_id: user.id, marked_at: at };
      await trx
        .insertInto("session_attendance")
        .values({ session_id: session.id, person_id: mark.personId, ...values })
        .onConflict((oc) => oc.columns(["session_id", "person_id"]).doUpdateSet(values))
        .execute();
    }
    await markSeen(trx, marks.filter((m) => m.attended).map((m) => m.personId), session.date);
  });
}

export async function addWalkIn(db: Db, user: CurrentUser, session: CourseSession, course: ManagedCourse, form: WalkInForm, options: { retentionMonths: number; now: Date }): Promise<void> {
  const at = options.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const person = await findOrCreatePerson(
      trx,
      { name: form.name, phone: form.phone, email: form.email, triageReference: null },
      { areaId: course.areaId, recordedByUserId: user.id, seenOn: session.date, retentionMonths: options.retentionMonths, now: options.now },
    );
    const booked = await trx.selectFrom("course_bookings").select("id").where("course_id", "=", course.id).where("person_id", "=", person.id).executeTakeFirst();
    if (!booked) {
      await trx
        .insertInto("course_bookings")
        .values({ id: randomUUID(), course_id: course.id, person_id: person.id, source: "walk-in", source_reference: null, booked_by_user_id: user.id, consent_text: personConsentText(options.retentionMonths), send_dates_by: "none", booked_at: at })
        .execute();
    }
    const mark = { attended: 1, marked_by_user_id: user.id, marked_at: at };
    await trx
      .insertInto("session_attendance")
      .values({ session_id: session.id, person_id: person.id, note: null, ...mark })
      .onConflict((oc) => oc.columns(["session_id", "person_id"]).doUpdateSet(mark))
      .execute();
  });
}
