import { sql } from "kysely";
import type { Db } from "~/lib/db.server";
import { dialectOf } from "~db/dialect";

interface WriteMark {
  sqliteChanges?: number;
  postgres?: { nextXid: number; rows: Record<string, number> };
}

async function postgresTables(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  return rows.map((r) => r.name).sort();
}

async function postgresTable(db: Db, table: string): Promise<{ rows: number; newestXid: number }> {
  const { rows } = await sql<{ n: number; newest: number }>`select count(*) as n, coalesce(max(xmin::text::bigint), 0) as newest from ${sql.table(table)}`.execute(db);
  return { rows: Number(rows[0].n), newestXid: Number(rows[0].newest) };
}

/**
 * A mark to compare with later, to prove a request wrote nothing. SQLite counts every row changed
 * on its one connection (total_changes). PostgreSQL has no such counter for one database, so the
 * mark is the next transaction id and every table's row count: a row inserted or updated since
 * carries a newer xmin, and a row deleted leaves its table's count smaller.
 */
export async function writeMark(db: Db): Promise<WriteMark> {
  if (dialectOf(db) === "sqlite") return { sqliteChanges: Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0].n) };
  const { rows } = await sql<{ xid: number }>`select pg_snapshot_xmax(pg_current_snapshot())::text::bigint as xid`.execute(db);
  const counts: Record<string, number> = {};
  for (const table of await postgresTables(db)) counts[table] = (await postgresTable(db, table)).rows;
  return { postgres: { nextXid: Number(rows[0].xid), rows: counts } };
}

/** What was written since the mark, in words; empty when nothing was. */
export async function writesSince(db: Db, mark: WriteMark): Promise<string[]> {
  if (mark.sqliteChanges !== undefined) {
    const changed = (await writeMark(db)).sqliteChanges! - mark.sqliteChanges;
    return changed === 0 ? [] : [`${changed} row change(s)`];
  }
  const written: string[] = [];
  for (const table of await postgresTables(db)) {
    const now = await postgresTable(db, table);
    if (now.rows !== (mark.postgres!.rows[table] ?? 0) || now.newestXid >= mark.postgres!.nextXid) written.push(table);
  }
  return written;
}
