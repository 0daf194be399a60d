/**
 * Problems the public reported with listings, as the coordinators of each listing's area (and
 * admins) work through them. Resolving a report deletes the reporter's email address: it was
 * given only so someone could reply, and the reply has been sent by then.
 */
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { can } from "~/accounts/policy";
import type { Db } from "~/lib/db.server";
import type { ListingReportKind } from "~db/schema/directory-reports";
import type { ListingEditor } from "./listing-edit-scope.server";

export interface OpenReport {
  id: string;
  serviceId: string;
  serviceName: string;
  areaName: string | null;
  kind: ListingReportKind;
  details: string;
  reporterEmail: string | null;
  createdAt: string;
}

function reportsInReach(db: Db, user: ListingEditor) {
  let query = db
    .selectFrom("listing_reports")
    .innerJoin("services", "services.id", "listing_reports.service_id")
    .leftJoin("areas", "areas.id", "services.area_id");
  if (!can(user.role, "directory:edit:all")) {
    query = query.where((eb) => eb.or(user.areaIds.length > 0 ? [eb("services.area_id", "in", user.areaIds)] : []));
  }
  return query;
}

/** Open reports, oldest first; viewing reporters' email addresses is audited. */
export async function listOpenReports(db: Db, user: ListingEditor, context: { ip?: string | null } = {}): Promise<OpenReport[]> {
  const rows = await reportsInReach(db, user)
    .select([
      "listing_reports.id",
      "listing_reports.service_id",
      "listing_reports.kind",
      "listing_reports.details",
      "listing_reports.reporter_email",
      "listing_reports.created_at",
      "services.name as service_name",
      "areas.name as area_name",
    ])
    .where("listing_reports.status", "=", "open")
    .orderBy("listing_reports.created_at")
    .execute();
  const withEmail = rows.filter((r) => r.reporter_email).map((r) => r.id);
  if (withEmail.length > 0) {
    await recordAudit(db, { actor: actorFor(user), action: "listing-reports.viewed", recordType: "listing_report", detail: { reportIds: withEmail }, ip: context.ip });
  }
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    areaName: r.area_name,
    kind: r.kind,
    details: r.details,
    reporterEmail: r.reporter_email,
    createdAt: r.created_at,
  }));
}

/** Marks an open report in reach resolved; false when there is no such open report for this user. */
export async function resolveReport(db: Db, user: ListingEditor, reportId: string, context: { ip?: string | null } = {}, now: Date = new Date()): Promise<boolean> {
  const report = await reportsInReach(db, user)
    .select(["listing_reports.id", "listing_reports.service_id", "services.area_id"])
    .where("listing_reports.id", "=", reportId)
    .where("listing_reports.status", "=", "open")
    .executeTakeFirst();
  if (!report) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("listing_reports")
      .set({ status: "resolved", resolved_at: now.toISOString(), resolved_by_user_id: user.id, reporter_email: null })
      .where("id", "=", report.id)
      .execute();
    await recordAudit(trx, { actor: actorFor(user), action: "listing-report.resolved", recordType: "listing_report", recordId: report.id, areaId: report.area_id, detail: { serviceId: report.service_id }, ip: context.ip }, now);
  });
  return true;
}
