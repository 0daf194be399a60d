import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, type QueryExecutorProvider, type RawBuilder, sql } from "kysely";
import type { Database } from "./schema";

/**
 * Where SQLite and PostgreSQL differ, the difference is written once here and every migration
 * or query that meets it asks this module. Everything else is Kysely's builder, which speaks both.
 */
export type DialectName = "sqlite" | "postgres";

export function dialectOf(db: QueryExecutorProvider): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * The default for text timestamp columns. SQLite's CURRENT_TIMESTAMP is "YYYY-MM-DD HH:MM:SS" in
 * UTC; PostgreSQL's would turn into text with a time zone and fractions, so it is formatted to
 * the same shape and the two databases store (and sort) the same strings.
 */
export function nowDefault(db: QueryExecutorProvider): RawBuilder<string> {
  return dialectOf(db) === "postgres"
    ? sql`(to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'))`
    : sql`CURRENT_TIMESTAMP`;
}

/** An integer key the database numbers itself: AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
export function autoIncrementKey(db: QueryExecutorProvider): (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialectOf(db) === "postgres"
    ? (c) => c.primaryKey().generatedByDefaultAsIdentity()
    : (c) => c.primaryKey().autoIncrement();
}

/** Coordinates and amounts: PostgreSQL's "real" is single precision, SQLite's is a double. */
export function floatType(db: QueryExecutorProvider): "real" | "double precision" {
  return dialectOf(db) === "postgres" ? "double precision" : "real";
}

/** A text timestamp column as seconds since 1970, for sums and fingerprints. */
export function epochSeconds(db: QueryExecutorProvider, column: string): RawBuilder<number> {
  return dialectOf(db) === "postgres"
    ? sql<number>`extract(epoch from ${sql.ref(column)}::timestamptz)`
    : sql<number>`unixepoch(${sql.ref(column)})`;
}

/** Case-insensitive LIKE: SQLite's LIKE already is (for ASCII); PostgreSQL's is ILIKE. */
export function likeInsensitive(db: QueryExecutorProvider): "like" | "ilike" {
  return dialectOf(db) === "postgres" ? "ilike" : "like";
}

/** Makes a table refuse every UPDATE and DELETE, so history cannot be rewritten even by hand. */
export async function makeAppendOnly(db: QueryExecutorProvider, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (dialectOf(db) === "postgres") {
    await sql`
      CREATE FUNCTION ${sql.raw(`${table}_refuse_change`)}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${sql.raw(message)}';
      END
      $$
    `.execute(db);
    for (const [name, event] of [["no_update", "UPDATE"], ["no_delete", "DELETE"]]) {
      await sql`
        CREATE TRIGGER ${sql.raw(`${table}_${name}`)} BEFORE ${sql.raw(event)} ON ${sql.table(table)}
        FOR EACH ROW EXECUTE FUNCTION ${sql.raw(`${table}_refuse_change`)}()
      `.execute(db);
    }
    return;
  }
  for (const [name, event] of [["no_update", "UPDATE"], ["no_delete", "DELETE"]]) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_${name}`)} BEFORE ${sql.raw(event)} ON ${sql.table(table)}
      BEGIN
        SELECT RAISE(ABORT, '${sql.raw(message)}');
      END
    `.execute(db);
  }
}

export async function dropAppendOnly(db: QueryExecutorProvider, table: string): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  for (const name of ["no_delete", "no_update"]) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`${table}_${name}`)}${sql.raw(postgres ? ` ON ${table}` : "")}`.execute(db);
  }
  if (postgres) await sql`DROP FUNCTION IF EXISTS ${sql.raw(`${table}_refuse_change`)}()`.execute(db);
}

/** PostgreSQL's code for a write refused by a read-only transaction or server. */
export const POSTGRES_READ_ONLY = "25006";

/**
 * Fails when the database would refuse a write, writing nothing. SQLite takes its write lock and
 * lets it go, which fails on a read-only file; PostgreSQL has no such lock statement, so it is
 * asked whether this session may write (not on a standby or with read-only as the default).
 */
export async function checkWritable(db: Kysely<Database>): Promise<void> {
  if (dialectOf(db) === "postgres") {
    const { rows } = await sql<{ read_only: string }>`select current_setting('transaction_read_only') as read_only`.execute(db);
    if (rows[0]?.read_only === "on") throw Object.assign(new Error("The PostgreSQL server accepts no writes"), { code: POSTGRES_READ_ONLY });
    return;
  }
  await db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    await sql`rollback`.execute(connection);
  });
}
