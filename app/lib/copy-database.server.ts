import { type Kysely, sql } from "kysely";
import { dialectOf } from "~db/dialect";
import type { Db } from "./db.server";

/** Kysely's own bookkeeping: the target's migrator writes these itself. */
const SKIPPED = new Set(["kysely_migration", "kysely_migration_lock"]);
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 30_000;

type Untyped = Kysely<Record<string, Record<string, unknown>>>;

export interface CopiedTable {
  table: string;
  rows: number;
}

/**
 * Copies every row of an SQLite Waymark database into an empty, migrated PostgreSQL one, parents
 * before children so every foreign key holds as it goes, in one transaction so a failed copy
 * leaves the target empty. Both must be at the same migration. Identity counters are moved past
 * the copied keys so new rows do not collide.
 */
export async function copySqliteToPostgres(source: Db, target: Db, onTable: (copied: CopiedTable) => void = () => {}): Promise<CopiedTable[]> {
  if (dialectOf(source) !== "sqlite" || dialectOf(target) !== "postgres") throw new Error("Copies from an SQLite database to a PostgreSQL one");
  const tables = await tablesInCopyOrder(source);
  for (const table of ["users", "services", "referrals", "audit_log"]) {
    const row = await (target as unknown as Untyped).selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    if (Number(row.n) > 0) throw new Error(`The PostgreSQL database already holds ${table}; copy into an empty database`);
  }
  const copied: CopiedTable[] = [];
  await target.transaction().execute(async (trx) => {
    for (const table of tables) {
      const rows = await (source as unknown as Untyped).selectFrom(table).selectAll().execute();
      if (rows.length > 0) {
        const batch = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(rows[0]).length));
        for (let i = 0; i < rows.length; i += batch) await (trx as unknown as Untyped).insertInto(table).values(rows.slice(i, i + batch)).execute();
      }
      const done = { table, rows: rows.length };
      copied.push(done);
      onTable(done);
    }
    // Tables keyed by an identity column continue from the highest copied key.
    const { rows: identities } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and is_identity = 'YES'
    `.execute(trx);
    for (const { table_name, column_name } of identities) {
      await sql`select setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table_name)}), 0) + 1, false)`.execute(trx);
    }
  });
  return copied;
}

/** Every table, each after the tables its foreign keys point to. */
async function tablesInCopyOrder(source: Db): Promise<string[]> {
  const names = (await source.introspection.getTables())
    .filter((t) => !t.isView)
    .map((t) => t.name)
    .filter((name) => !SKIPPED.has(name));
  const parents = new Map<string, string[]>();
  for (const name of names) {
    const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(source);
    parents.set(name, rows.map((r) => r.table).filter((parent) => parent !== name));
  }
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`Foreign keys go round in a circle: ${[...path, name].join(" → ")}`);
    for (const parent of parents.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names.sort()) visit(name, []);
  return ordered;
}
