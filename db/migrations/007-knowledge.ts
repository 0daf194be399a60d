import type { Kysely } from "kysely";
import { nowDefault } from "../dialect";

export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);

  // One row per lesson a signed-in user has opened; the composite key makes "mark as read"
  // idempotent however often the page is reloaded.
  await db.schema
    .createTable("training_progress")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("lesson_id", "text", (c) => c.notNull())
    .addColumn("read_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("training_progress_pk", ["user_id", "module_id", "lesson_id"])
    .execute();

  // Every attempt is kept (retakes are allowed), so the learning record can show the best score
  // and when the module was first passed.
  await db.schema
    .createTable("quiz_attempts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("module_id", "text", (c) => c.notNull())
    .addColumn("score_percent", "integer", (c) => c.notNull())
    .addColumn("passed", "integer", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("quiz_attempts_user_module").on("quiz_attempts").columns(["user_id", "module_id"]).execute();

  // Anonymous by design: nothing here identifies the resident. The champion's link is cleared
  // rather than the row deleted when their account is erased, so partnership reports keep the count.
  await db.schema
    .createTable("people_helped")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("area_id", "text", (c) => c.references("areas.id").onDelete("set null"))
    .addColumn("helped_on", "text", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("outward_code", "text")
    .addColumn("barriers", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("what_helped", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("people_helped_helped_on").on("people_helped").column("helped_on").execute();
  await db.schema.createIndex("people_helped_area").on("people_helped").columns(["area_id", "helped_on"]).execute();
  await db.schema.createIndex("people_helped_user").on("people_helped").columns(["user_id", "helped_on"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["people_helped", "quiz_attempts", "training_progress"]) {
    await db.schema.dropTable(table).execute();
  }
}
