/**
 * People in the database: found again rather than made twice, and erased when their time is up
 * or when they ask. Erasing blanks who they were and what was written about them; the rows stay,
 * anonymous, so attendance still adds up in reports.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { detailsToAdd, isPersonDueForErasure, matchPerson, personConsentText, type PersonKeys } from "./people";

export interface PersonDetails extends PersonKeys {
  name: string;
}

export interface PersonContext {
  areaId: string | null;
  recordedByUserId: string;
  /** The last session day of what they are being booked onto or came to. */
  seenOn: string;
  retentionMonths: number;
  now: Date;
}

/**
 * The person these details belong to, brought up to date, or a new one. Call inside the
 * caller's transaction, so the booking and the person appear together or not at all.
 */
export async function findOrCreatePerson(db: Db, details: PersonDetails, context: PersonContext): Promise<{ id: string; created: boolean }> {
  const keys = [details.triageReference, details.phone, details.email].filter((k): k is string => k !== null);
  const candidates =
    keys.length === 0
      ? []
      : await db
          .selectFrom("people")
          .select(["id", "triage_reference", "phone", "email", "last_seen_on"])
          .where("personal_data_erased_at", "is", null)
          .where((eb) => eb.or([eb("triage_reference", "in", keys), eb("phone", "in", keys), eb("email", "in", keys)]))
          .execute();
  const match = matchPerson(details, candidates);
  if (match) {
    const others = new Set(candidates.filter((c) => c.id !== match.id).flatMap((c) => [c.triage_reference, c.phone, c.email]).filter((v): v is string => v !== null));
    const add = detailsToAdd(match, details, others);
    await db
      .updateTable("people")
      .set({ ...add, last_seen_on: context.seenOn > match.last_seen_on ? context.seenOn : match.last_seen_on })
      .where("id", "=", match.id)
      .execute();
    return { id: match.id, created: false };
  }
  const id = randomUUID();
  const at = context.now.toISOString();
  await db
    .insertInto("people")
    .values({
      id,
      name: details.name,
      phone: details.phone,
      email: details.email,
      triage_reference: details.triageReference,
      area_id: context.areaId,
      consent_text: personConsentText(context.retentionMonths),
      consented_at: at,
      recorded_by_user_id: context.recordedByUserId,
      created_at: at,
      last_seen_on: context.seenOn,
      personal_data_erased_at: null,
    })
    .execute();
  return { id, created: true };
}

/** Brings the retention clock forward to a session day, never back. */
export async function markSeen(db: Db, personIds: readonly string[], seenOn: string): Promise<void> {
  if (personIds.length === 0) return;
  await db.updateTable("people").set({ last_seen_on: seenOn }).where("id", "in", [...personIds]).where("last_seen_on", "<", seenOn).execute();
}

/** Erases the given people's details in one transaction; returns how many were erased now. */
export async function erasePeople(db: Db, personIds: readonly string[], now: Date): Promise<number> {
  if (personIds.length === 0) return 0;
  const ids = [...personIds];
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable("people")
      .set({ name: null, phone: null, email: null, triage_reference: null, personal_data_erased_at: at })
      .where("id", "in", ids)
      .where("personal_data_erased_at", "is", null)
      .executeTakeFirst();
    await trx.updateTable("session_attendance").set({ note: null }).where("person_id", "in", ids).execute();
    // The plan or referral reference would lead back to them.
    await trx.updateTable("course_bookings").set({ source_reference: null }).where("person_id", "in", ids).execute();
    await trx
      .updateTable("messages")
      .set({ status: "failed", last_error: "erased", next_attempt_at: at })
      .where("related_type", "=", "course-person")
      .where("related_id", "in", ids)
      .where("status", "in", ["queued", "sending"])
      .execute();
    await trx.updateTable("messages").set({ recipient: "" }).where("related_type", "=", "course-person").where("related_id", "in", ids).execute();
    return Number(result.numUpdatedRows);
  });
}

const DAY_MS = 86_400_000;

/** The retention job: erases everyone whose last session day is `months` behind us. */
export async function runLearnerRetention(db: Db, now: Date, months: number): Promise<number> {
  // Months are 28 to 31 days, so 28 a month finds every candidate; isPersonDueForErasure decides exactly.
  const roughCutoff = new Date(now.getTime() - months * 28 * DAY_MS).toISOString().slice(0, 10);
  const candidates = await db
    .selectFrom("people")
    .select(["id", "last_seen_on", "personal_data_erased_at"])
    .where("personal_data_erased_at", "is", null)
    .where("last_seen_on", "<=", roughCutoff)
    .execute();
  return erasePeople(db, candidates.filter((p) => isPersonDueForErasure(p, now, months)).map((p) => p.id), now);
}
