/**
 * Booking a person onto a course from a plan or a referral, with their consent: capacity is
 * checked with the course locked, the person is found or made once, and the dates go to them
 * through the outbox in the same transaction, so a booking and its message exist together.
 */
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "~/accounts/auth.server";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import type { Db } from "~/lib/db.server";
import { SMS_MAX_LENGTH } from "~/messaging/message";
import { enqueueMessage } from "~/messaging/outbox.server";
import { findReferralFor } from "~/referrals/record.server";
import { canReadTriageResult } from "~/triage/assisted-triage";
import { findTriageResultByReference } from "~/triage/triage-results.server";
import type { BookingForm } from "./booking-form";
import { bookingMessage, placesLeft, upcomingSessions } from "./courses";
import { findOrCreatePerson } from "./people.server";
import { normaliseEmail, normalisePhone, personConsentText } from "./people";

export interface BookingSourceContext {
  source: "plan" | "referral";
  reference: string;
  areaId: string | null;
  /** The plan or referral page, to go back to. */
  backHref: string;
  /** What is already known, so nobody types it again. */
  prefill: { name: string; phone: string; email: string };
}

/** The query string that carries a booking's plan or referral from page to page. */
export function sourceQuery(from: Pick<BookingSourceContext, "source" | "reference">): string {
  return new URLSearchParams({ [from.source === "plan" ? "triage" : "referral"]: from.reference }).toString();
}

/** The plan or referral a booking is made from, if this user may see it; null otherwise. */
export async function bookingSourceFor(db: Db, user: CurrentUser, query: { triage?: string | null; referral?: string | null }): Promise<BookingSourceContext | null> {
  if (query.triage) {
    const result = await findTriageResultByReference(db, query.triage);
    if (!result || !canReadTriageResult(user, result)) return null;
    return { source: "plan", reference: result.reference, areaId: result.areaId, backHref: `/triage/result/${result.id}`, prefill: { name: "", phone: "", email: "" } };
  }
  if (query.referral) {
    const record = await findReferralFor(db, user, query.referral);
    if (!record) return null;
    const { referral } = record;
    const detail = referral.contact_detail ?? "";
    return {
      source: "referral",
      reference: referral.reference,
      areaId: referral.area_id,
      backHref: `/referrals/${referral.reference}`,
      prefill: {
        name: referral.person_name ?? "",
        phone: normalisePhone(detail) ?? "",
        email: detail.includes("@") ? (normaliseEmail(detail) ?? "") : "",
      },
    };
  }
  return null;
}

export type BookingResult = { ok: true; personId: string; messageQueued: boolean } | { ok: false; errors: Record<string, string> };

export async function bookOntoCourse(
  db: Db,
  user: CurrentUser,
  input: { courseId: string; form: BookingForm; from: BookingSourceContext; retentionMonths: number; now: Date; ip: string | null },
): Promise<BookingResult> {
  const { form, from, now } = input;
  return db.transaction().execute(async (trx): Promise<BookingResult> => {
    // Taking the course row first makes concurrent bookings queue here, so two cannot take the last place.
    const locked = await trx.updateTable("courses").set({ updated_at: now.toISOString() }).where("id", "=", input.courseId).where("status", "=", "published").executeTakeFirst();
    if (locked.numUpdatedRows !== 1n) return { ok: false, errors: { course: "This course is not open for booking" } };
    const course = await trx
      .selectFrom("courses")
      .innerJoin("organisations", "organisations.id", "courses.organisation_id")
      .innerJoin("services", "services.id", "courses.service_id")
      .select(["courses.title", "organisations.name as provider", "services.area_id"])
      .where("courses.id", "=", input.courseId)
      .executeTakeFirstOrThrow();
    const sessions = await trx.selectFrom("course_sessions").selectAll().where("course_id", "=", input.courseId).execute();
    const { count } = await trx.selectFrom("course_bookings").select((eb) => eb.fn.countAll<number>().as("count")).where("course_id", "=", input.courseId).executeTakeFirstOrThrow();
    const places = placesLeft(sessions, Number(count), now);
    if (places === null) return { ok: false, errors: { course: "This course has no sessions still to come" } };
    if (places === 0) return { ok: false, errors: { course: "This course is full" } };

    const ahead = upcomingSessions(sessions, now);
    const person = await findOrCreatePerson(
      trx,
      { name: form.name, phone: form.phone, email: form.email, triageReference: from.source === "plan" ? from.reference : null },
      { areaId: from.areaId ?? course.area_id, recordedByUserId: user.id, seenOn: ahead[ahead.length - 1].date, retentionMonths: input.retentionMonths, now },
    );
    const already = await trx.selectFrom("course_bookings").select("id").where("course_id", "=", input.courseId).where("person_id", "=", person.id).executeTakeFirst();
    if (already) return { ok: false, errors: { name: `${form.name} is already booked onto this course` } };
    await trx
      .insertInto("course_bookings")
      .values({
        id: randomUUID(),
        course_id: input.courseId,
        person_id: person.id,
        source: from.source,
        source_reference: from.reference,
        booked_by_user_id: user.id,
        consent_text: personConsentText(input.retentionMonths),
        send_dates_by: form.sendBy,
        booked_at: now.toISOString(),
      })
      .execute();

    let messageQueued = false;
    if (form.sendBy !== "none") {
      const text = bookingMessage({ name: form.name, title: course.title, provider: course.provider, sessions: ahead, maxLength: form.sendBy === "sms" ? SMS_MAX_LENGTH : undefined });
      const related = { type: "course-person", id: person.id };
      const queued =
        form.sendBy === "sms"
          ? await enqueueMessage(trx, { channel: "sms", to: form.phone ?? "", body: text.body, purpose: "course-booking", related }, now)
          : await enqueueMessage(trx, { channel: "email", to: form.email ?? "", subject: text.subject, body: text.body, purpose: "course-booking", related }, now);
      messageQueued = queued.ok;
    }
    await recordAudit(trx, { actor: actorFor(user), action: "course-booked", recordType: "person", recordId: person.id, areaId: from.areaId ?? course.area_id, detail: { courseId: input.courseId, source: from.source }, ip: input.ip }, now);
    return { ok: true, personId: person.id, messageQueued };
  });
}
