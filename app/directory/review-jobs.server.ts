/**
 * Stale listings: a listing nobody has checked for six months gets a reminder to the people who
 * keep it (the organisation's providers and its address, and the area's coordinators, or the
 * admins for a national listing), at most once every 30 days. The email holds a one-click "still
 * correct" link; only a SHA-256 hash of its token is stored, and it works once, for 30 days.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { publicBaseUrl } from "~/accounts/tokens.server";
import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import { approverEmails } from "./listing-edit-changes.server";
import { REVIEW_AFTER_DAYS, daysBefore, formatVerifiedDate } from "./listing-edit-verified";

export const REMINDER_EVERY_DAYS = 30;
export const LINK_LIFETIME_DAYS = 30;
const DAY_MS = 86_400_000;

export function hashReviewToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ReviewJobReport {
  /** Listings sent a reminder on this run. */
  reminded: number;
  /** Stale listings with nobody to send a reminder to. */
  noRecipients: number;
  messages: number;
}

/** Who keeps a listing: its organisation's providers and address, and its area's approvers. */
async function keepersOf(db: Db, service: { organisation_id: string; area_id: string | null }): Promise<string[]> {
  const [providers, organisation, approvers] = await Promise.all([
    db.selectFrom("users").select("email").where("organisation_id", "=", service.organisation_id).where("role", "=", "provider").where("active", "=", 1).execute(),
    db.selectFrom("organisations").select("email").where("id", "=", service.organisation_id).executeTakeFirst(),
    approverEmails(db, service.area_id),
  ]);
  const all = [...providers.map((p) => p.email), ...(organisation?.email ? [organisation.email] : []), ...approvers];
  return [...new Set(all.map((e) => e.trim().toLowerCase()))];
}

export async function runListingReviewJob(db: Db, now: Date = new Date(), options: { baseUrl?: string } = {}): Promise<ReviewJobReport> {
  const report: ReviewJobReport = { reminded: 0, noRecipients: 0, messages: 0 };
  const staleBefore = daysBefore(now, REVIEW_AFTER_DAYS);
  const remindedSince = new Date(now.getTime() - REMINDER_EVERY_DAYS * DAY_MS).toISOString();
  const stale = await db
    .selectFrom("services")
    .select(["services.id", "services.name", "services.organisation_id", "services.area_id", "services.assured_date"])
    .where("services.published", "=", 1)
    .where("services.status", "in", ["active", "temporarily closed"])
    .where((eb) => eb.or([eb("services.assured_date", "is", null), eb("services.assured_date", "<", staleBefore)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("listing_reviews")
            .select("listing_reviews.id")
            .whereRef("listing_reviews.service_id", "=", "services.id")
            .where("listing_reviews.kind", "=", "reminder")
            .where("listing_reviews.sent_at", ">", remindedSince),
        ),
      ),
    )
    .orderBy("services.assured_date")
    .execute();

  const base = options.baseUrl ?? publicBaseUrl();
  for (const service of stale) {
    const recipients = await keepersOf(db, service);
    if (recipients.length === 0) {
      report.noRecipients++;
      continue;
    }
    const token = randomBytes(32).toString("base64url");
    const reviewId = randomUUID();
    const body = [
      `The listing "${service.name}" in the Waymark directory was last checked on ${formatVerifiedDate(service.assured_date)}.`,
      "People rely on it to find help. Listings not checked for a year move down the search results and show a warning.",
      `If everything on it is still right, confirm it here. You do not need to sign in:\n${base}/directory/still-correct/${token}`,
      `If something has changed, sign in and edit the listing:\n${base}/directory/manage/${service.id}/edit`,
      `The confirmation link works once, for ${LINK_LIFETIME_DAYS} days.`,
    ].join("\n\n");
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("listing_reviews")
        .values({
          id: reviewId,
          service_id: service.id,
          kind: "reminder",
          token_hash: hashReviewToken(token),
          sent_at: now.toISOString(),
          expires_at: new Date(now.getTime() + LINK_LIFETIME_DAYS * DAY_MS).toISOString(),
          used_at: null,
        })
        .execute();
      for (const to of recipients) {
        const queued = await enqueueMessage(
          trx,
          { channel: "email", to, subject: `Is this listing still correct? ${service.name}`.slice(0, 200), body, purpose: "listing-review", related: { type: "service", id: service.id } },
          now,
        );
        if (queued.ok) report.messages++;
      }
    });
    report.reminded++;
  }
  return report;
}

export type ReviewTokenCheck =
  | { ok: true; reviewId: string; serviceId: string }
  | { ok: false; reason: "invalid" | "expired" | "used"; usedAt?: string; serviceId?: string };

/** Looks a link up without using it, so a GET can show the listing and never change anything. */
export async function checkReviewToken(db: Db, token: string, now: Date = new Date()): Promise<ReviewTokenCheck> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false, reason: "invalid" };
  const row = await db
    .selectFrom("listing_reviews")
    .innerJoin("services", "services.id", "listing_reviews.service_id")
    .select(["listing_reviews.id", "listing_reviews.service_id", "listing_reviews.expires_at", "listing_reviews.used_at"])
    .where("listing_reviews.token_hash", "=", hashReviewToken(token))
    .where("listing_reviews.kind", "=", "reminder")
    .executeTakeFirst();
  if (!row) return { ok: false, reason: "invalid" };
  if (row.used_at) return { ok: false, reason: "used", usedAt: row.used_at, serviceId: row.service_id };
  if (!row.expires_at || row.expires_at <= now.toISOString()) return { ok: false, reason: "expired", serviceId: row.service_id };
  return { ok: true, reviewId: row.id, serviceId: row.service_id };
}

/** Uses a link; of two clicks racing with the same link exactly one wins. */
export async function consumeReviewToken(db: Db, reviewId: string, now: Date = new Date()): Promise<boolean> {
  const result = await db
    .updateTable("listing_reviews")
    .set({ used_at: now.toISOString() })
    .where("id", "=", reviewId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
