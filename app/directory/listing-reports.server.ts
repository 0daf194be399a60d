/**
 * "Report a problem with this listing": the report is stored for the coordinators' records and
 * each coordinator of the listing's area is emailed at once (admins, for national listings that
 * belong to no area). The email holds only what the person typed.
 */
import { randomUUID } from "node:crypto";
import type { ListingReportKind } from "~db/schema/directory-reports";
import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";

export const REPORT_KIND_TEXT: Record<ListingReportKind, string> = {
  "out-of-date": "Some of the information is out of date",
  closed: "The service has closed or stopped",
  "something-else": "Something else",
};

export interface NewReport {
  serviceId: string;
  kind: ListingReportKind;
  details: string;
  email: string | null;
}

/** Who hears about a problem with a listing in this area (null: a national listing). */
async function listingKeepers(db: Db, areaId: string | null): Promise<string[]> {
  const rows = areaId
    ? await db
        .selectFrom("users")
        .innerJoin("user_areas", "user_areas.user_id", "users.id")
        .select("users.email")
        .where("user_areas.area_id", "=", areaId)
        .where("users.role", "=", "coordinator")
        .where("users.active", "=", 1)
        .execute()
    : await db.selectFrom("users").select("email").where("role", "=", "admin").where("active", "=", 1).execute();
  return [...new Set(rows.map((r) => r.email))];
}

/** Stores the report and queues the emails together; returns the report's id and how many were told. */
export async function createListingReport(
  db: Db,
  report: NewReport,
  listing: { name: string; areaId: string | null; url: string },
  now: Date = new Date(),
): Promise<{ id: string; notified: number }> {
  const id = randomUUID();
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto("listing_reports")
      .values({
        id,
        service_id: report.serviceId,
        kind: report.kind,
        details: report.details,
        reporter_email: report.email,
        status: "open",
        created_at: now.toISOString(),
        resolved_at: null,
        resolved_by_user_id: null,
      })
      .execute();
    const body = [
      `Someone has reported a problem with the listing "${listing.name}".`,
      `What is wrong: ${REPORT_KIND_TEXT[report.kind]}`,
      report.details ? `What they said:\n${report.details}` : "They did not add any details.",
      report.email ? `They would like a reply at: ${report.email}` : "They did not leave an email address.",
      `The listing: ${listing.url}`,
      "Please check the listing and update it, or mark it as still correct.",
    ].join("\n\n");
    let notified = 0;
    for (const to of await listingKeepers(trx, listing.areaId)) {
      const sent = await enqueueMessage(
        trx,
        { channel: "email", to, subject: `Problem reported: ${listing.name}`.slice(0, 200), body, purpose: "listing-review", related: { type: "listing_report", id } },
        now,
      );
      if (sent.ok) notified++;
    }
    return { id, notified };
  });
}
