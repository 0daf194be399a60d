import type { Kysely } from "kysely";
import { nowDefault } from "../dialect";

export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);

  // Personal fields are nullable because a "logged" referral never has them and the retention job
  // blanks them on live ones; the rest of the row stays for reports.
  await db.schema
    .createTable("referrals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("service_id", "text", (c) => c.notNull().references("services.id"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("area_id", "text", (c) => c.references("areas.id"))
    .addColumn("referrer_user_id", "text", (c) => c.references("users.id"))
    .addColumn("referrer_organisation_id", "text", (c) => c.references("organisations.id"))
    .addColumn("self_referral", "integer", (c) => c.notNull().defaultTo(0))
    // No foreign key: triage results may be pruned on their own schedule, the referral stays.
    .addColumn("triage_result_id", "text")
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("reason_note", "text")
    .addColumn("person_name", "text")
    .addColumn("contact_method", "text")
    .addColumn("contact_detail", "text")
    .addColumn("best_times", "text")
    .addColumn("outward_code", "text")
    .addColumn("access_needs", "text")
    .addColumn("language", "text")
    .addColumn("safeguarding", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("safeguarding_note", "text")
    .addColumn("consent_given", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("consent_method", "text")
    .addColumn("consent_confirmed_by", "text")
    .addColumn("consent_at", "text")
    .addColumn("decline_reason", "text")
    .addColumn("outcome", "text")
    .addColumn("sent_at", "text")
    .addColumn("status_changed_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("reminder_sent_at", "text")
    .addColumn("coordinator_flagged_at", "text")
    .addColumn("first_action_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("personal_data_erased_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // Inboxes: a provider's organisation, a referrer's own list, a coordinator's areas, by service.
  await db.schema.createIndex("referrals_organisation_status").on("referrals").columns(["organisation_id", "status"]).execute();
  await db.schema.createIndex("referrals_referrer").on("referrals").columns(["referrer_user_id", "created_at"]).execute();
  await db.schema.createIndex("referrals_area_status").on("referrals").columns(["area_id", "status"]).execute();
  await db.schema.createIndex("referrals_service_status").on("referrals").columns(["service_id", "status"]).execute();
  // Reports group by status and outcome over a date range; the same index serves "newest first".
  await db.schema.createIndex("referrals_created_status_outcome").on("referrals").columns(["created_at", "status", "outcome"]).execute();
  await db.schema.createIndex("referrals_status_outcome").on("referrals").columns(["status", "outcome"]).execute();
  // Jobs: chasers look for referrals still "sent"; retention looks for closures past the deadline.
  await db.schema.createIndex("referrals_status_sent").on("referrals").columns(["status", "sent_at"]).execute();
  await db.schema.createIndex("referrals_closed").on("referrals").columns(["closed_at", "personal_data_erased_at"]).execute();

  await db.schema
    .createTable("referral_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("referral_id", "text", (c) => c.notNull().references("referrals.id").onDelete("cascade"))
    .addColumn("from_status", "text")
    .addColumn("to_status", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    // Kept as text so the timeline still reads right if the user is later renamed or removed.
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("referral_events_referral").on("referral_events").columns(["referral_id", "at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("referral_events").execute();
  await db.schema.dropTable("referrals").execute();
}
