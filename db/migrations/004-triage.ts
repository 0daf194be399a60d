import type { Kysely } from "kysely";
import { nowDefault } from "../dialect";

export async function up(db: Kysely<any>): Promise<void> {
  // A finished triage, kept without the person's name or contact details: the outward postcode
  // is enough for reports by area. "result" holds the scored result, plan and a copy of the
  // question wording, so an old result reads the same after the question bank changes.
  await db.schema
    .createTable("triage_results")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("mode", "text", (c) => c.notNull())
    .addColumn("bank_version", "text", (c) => c.notNull())
    .addColumn("outward_postcode", "text")
    .addColumn("area_id", "text", (c) => c.references("areas.id").onDelete("set null"))
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("result", "text", (c) => c.notNull())
    .addColumn("observations", "text")
    .addColumn("created_by_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("organisation_id", "text")
    .addColumn("completed_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(nowDefault(db)))
    .execute();
  await db.schema.createIndex("triage_results_completed_at").on("triage_results").column("completed_at").execute();
  await db.schema.createIndex("triage_results_area_completed_at").on("triage_results").columns(["area_id", "completed_at"]).execute();
  await db.schema.createIndex("triage_results_created_by").on("triage_results").column("created_by_user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("triage_results").execute();
}
