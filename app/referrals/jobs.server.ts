/**
 * The referral jobs: chasers for referrals the service has not answered, closing the referrals
 * nobody closes (auto-close.ts), and the retention job. Safe to run as often as you like and from
 * more than one place at once: each chaser and each close is recorded with an update that only
 * matches if it has not happened yet, and erasing is idempotent.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "~/lib/db.server";
import { autoCloseCutoffs, autoCloseNote } from "./auto-close";
import { FLAG_AFTER_WORKING_DAYS, chasersDue, workingDaysUnanswered } from "./chasers";
import { isCoordinatorDeskReferral } from "./coordinator-desk";
import { erasePersonalDataOf } from "./data-protection.server";
import { coordinatorFlagMessage, providerReminderMessage } from "./messages";
import { coordinatorRecipients, providerRecipients, queueStaffEmails, referralLink } from "./recipients.server";
import { SYSTEM_ACTOR } from "./create.server";
import { tellReferrer } from "./record.server";
import { DEFAULT_RETENTION_MONTHS, isDueForErasure } from "./retention";
import { ACTIVE_STATUSES, SETTLED_STATUSES, applyMove } from "./status-machine";

export interface ReferralJobsReport {
  remindersSent: number;
  coordinatorsFlagged: number;
  closed: number;
  erased: number;
}

export interface ReferralJobsOptions {
  retentionMonths?: number;
  baseUrl: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export async function runReferralJobs(db: Db, now: Date, options: ReferralJobsOptions): Promise<ReferralJobsReport> {
  const chasers = await runChasers(db, now, options.baseUrl);
  const closed = await runAutoClose(db, now, options.baseUrl);
  const erased = await runRetention(db, now, options.retentionMonths ?? DEFAULT_RETENTION_MONTHS);
  return { ...chasers, closed, erased };
}

async function runChasers(db: Db, now: Date, baseUrl: string): Promise<Pick<ReferralJobsReport, "remindersSent" | "coordinatorsFlagged">> {
  const report = { remindersSent: 0, coordinatorsFlagged: 0 };
  const waiting = await db
    .selectFrom("referrals")
    .innerJoin("services", "services.id", "referrals.service_id")
    .select([
      "referrals.id",
      "referrals.reference",
      "referrals.kind",
      "referrals.status",
      "referrals.sent_at",
      "referrals.reminder_sent_at",
      "referrals.coordinator_flagged_at",
      "referrals.organisation_id",
      "referrals.service_id",
      "referrals.area_id",
      "services.name as service_name",
    ])
    .where("referrals.status", "=", "sent")
    .where("referrals.kind", "=", "live")
    .where((eb) => eb.or([eb("referrals.reminder_sent_at", "is", null), eb("referrals.coordinator_flagged_at", "is", null)]))
    .execute();

  const at = now.toISOString();
  for (const referral of waiting) {
    const due = chasersDue(referral, now);
    if (!due.remindProvider && !due.flagCoordinator) continue;
    const days = workingDaysUnanswered(referral, now) ?? FLAG_AFTER_WORKING_DAYS;
    const link = referralLink(baseUrl, referral.reference);
    await db.transaction().execute(async (trx) => {
      if (due.remindProvider) {
        const claimed = await trx
          .updateTable("referrals")
          .set({ reminder_sent_at: at })
          .where("id", "=", referral.id)
          .where("reminder_sent_at", "is", null)
          .where("status", "=", "sent")
          .executeTakeFirst();
        if (claimed.numUpdatedRows === 1n) {
          // An area's coordinator desk is answered by its coordinators, so they are the ones reminded.
          const to = isCoordinatorDeskReferral(referral)
            ? await coordinatorRecipients(trx, referral.area_id)
            : await providerRecipients(trx, referral.organisation_id);
          await queueStaffEmails(trx, to, providerReminderMessage(referral.service_name, days, link), "referral-chaser", referral.id, now);
          report.remindersSent++;
        }
      }
      if (due.flagCoordinator) {
        const claimed = await trx
          .updateTable("referrals")
          .set({ coordinator_flagged_at: at })
          .where("id", "=", referral.id)
          .where("coordinator_flagged_at", "is", null)
          .where("status", "=", "sent")
          .executeTakeFirst();
        if (claimed.numUpdatedRows === 1n) {
          const to = await coordinatorRecipients(trx, referral.area_id);
          await queueStaffEmails(trx, to, coordinatorFlagMessage(referral.service_name, days, link), "referral-chaser", referral.id, now);
          report.coordinatorsFlagged++;
        }
      }
    });
  }
  return report;
}

async function runAutoClose(db: Db, now: Date, baseUrl: string): Promise<number> {
  const cutoffs = autoCloseCutoffs(now);
  const candidates = await db
    .selectFrom("referrals")
    .select(["id", "reference", "kind", "status", "status_changed_at", "sent_at", "first_action_at", "referrer_user_id"])
    .where("kind", "=", "live")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "in", [...SETTLED_STATUSES]), eb("status_changed_at", "<=", cutoffs.settled)]),
        eb.and([eb("status", "in", [...ACTIVE_STATUSES]), eb("status_changed_at", "<=", cutoffs.untouched)]),
      ]),
    )
    .execute();
  let closed = 0;
  for (const referral of candidates) {
    const note = autoCloseNote(referral, now);
    if (!note) continue;
    const move = applyMove(referral, { to: "closed", note }, SYSTEM_ACTOR, now);
    if (!move.ok) throw new Error(`Referral ${referral.reference} could not be closed: ${move.message}`);
    await db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("referrals")
        .set(move.changes)
        .where("id", "=", referral.id)
        .where("status", "=", referral.status)
        .where("status_changed_at", "=", referral.status_changed_at)
        .executeTakeFirst();
      if (updated.numUpdatedRows !== 1n) return;
      await trx.insertInto("referral_events").values({ id: randomUUID(), ...move.event }).execute();
      await tellReferrer(trx, referral, move.status, { now, baseUrl });
      closed++;
    });
  }
  return closed;
}

async function runRetention(db: Db, now: Date, months: number): Promise<number> {
  // Months are 28 to 31 days, so 28 a month finds every candidate; isDueForErasure decides exactly.
  const roughCutoff = new Date(now.getTime() - months * 28 * DAY_MS).toISOString();
  const candidates = await db
    .selectFrom("referrals")
    .select(["id", "closed_at", "personal_data_erased_at"])
    .where("closed_at", "is not", null)
    .where("closed_at", "<=", roughCutoff)
    .where("personal_data_erased_at", "is", null)
    .execute();
  const due = candidates.filter((r) => isDueForErasure(r, now, months)).map((r) => r.id);
  let erased = 0;
  for (let i = 0; i < due.length; i += 500) erased += await erasePersonalDataOf(db, due.slice(i, i + 500), now);
  return erased;
}
