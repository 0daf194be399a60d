/**
 * A coordinator's download of everything held about the person on a referral. Every download
 * is audited, as it is a view of their personal data; a referral outside the user's reach is
 * answered as if it did not exist.
 */
import type { CurrentUser } from "~/accounts/auth.server";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import type { Db } from "~/lib/db.server";
import { buildReferralExport, type ReferralExport } from "./data-export";
import { findReferralFor, listEvents, mayManageData } from "./record.server";

export async function exportReferralFor(
  db: Db,
  user: CurrentUser,
  reference: string,
  options: { format: "json" | "csv"; ip: string | null; now: Date },
): Promise<ReferralExport | null> {
  const record = await findReferralFor(db, user, reference);
  if (!record || !mayManageData(user, record.referral)) return null;
  const events = await listEvents(db, record.referral.id);
  const messagesToPerson = await db
    .selectFrom("messages")
    .select(["created_at", "channel", "recipient", "subject", "body", "status", "sent_at"])
    .where("related_type", "=", "referral-person")
    .where("related_id", "=", record.referral.id)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  await recordAudit(db, {
    actor: actorFor(user),
    action: "referral-exported",
    recordType: "referral",
    recordId: record.referral.id,
    areaId: record.referral.area_id,
    detail: { reference: record.referral.reference, format: options.format },
    ip: options.ip,
  });
  return buildReferralExport({ ...record, events, messagesToPerson }, options.now);
}
