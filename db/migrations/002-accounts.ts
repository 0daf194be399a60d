import type { Kysely } from "kysely";
import { nowDefault, autoIncrementKey } from "../dialect";

export async function up(db: Kysely<any>): Promise<void> {
  const now = nowDefault(db);

  // One table for every partner organisation: councils, housing associations, libraries, and the
  // service providers whose listings are in the directory (ORUK "organization").
  await db.schema
    .createTable("organisations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("email", "text")
    .addColumn("website", "text")
    .addColumn("phone", "text")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("organisations_name").on("organisations").column("name").execute();

  await db.schema
    .createTable("areas")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("area_districts")
    .addColumn("area_id", "text", (c) => c.notNull().references("areas.id").onDelete("cascade"))
    .addColumn("outward_code", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("area_districts_pk", ["area_id", "outward_code"])
    .execute();
  await db.schema.createIndex("area_districts_outward_code").on("area_districts").column("outward_code").execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organisation_id", "text", (c) => c.notNull().references("organisations.id"))
    .addColumn("password_hash", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("last_sign_in_at", "text")
    .addColumn("password_changed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("users_organisation").on("users").column("organisation_id").execute();

  await db.schema
    .createTable("user_areas")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("area_id", "text", (c) => c.notNull().references("areas.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("user_areas_pk", ["user_id", "area_id"])
    .execute();
  await db.schema.createIndex("user_areas_area").on("user_areas").column("area_id").execute();

  // Sessions live in the database so they can be revoked; anonymous residents have one too
  // (their self-check answers), with user_id null.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("data", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("last_seen_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_expires").on("sessions").column("expires_at").execute();

  // Single-use links for invitations and password resets; only a hash of the token is kept.
  await db.schema
    .createTable("user_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("sign_in_attempts")
    .addColumn("id", "integer", autoIncrementKey(db))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ip", "text", (c) => c.notNull())
    .addColumn("succeeded", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_in_attempts_email").on("sign_in_attempts").columns(["email", "created_at"]).execute();
  await db.schema.createIndex("sign_in_attempts_ip").on("sign_in_attempts").columns(["ip", "created_at"]).execute();

  // Append-only: who did what to which record, and when.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", autoIncrementKey(db))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("actor_label", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("record_type", "text", (c) => c.notNull())
    .addColumn("record_id", "text")
    .addColumn("area_id", "text")
    .addColumn("detail", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("ip", "text")
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
  await db.schema.createIndex("audit_log_record").on("audit_log").columns(["record_type", "record_id"]).execute();
  await db.schema.createIndex("audit_log_actor").on("audit_log").column("actor_user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_log", "sign_in_attempts", "user_tokens", "sessions", "user_areas", "users", "area_districts", "areas", "organisations"]) {
    await db.schema.dropTable(table).execute();
  }
}
