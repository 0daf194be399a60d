/**
 * Write-if-different helpers shared by the demo seed and the ORUK import. Both must be safe to run
 * again and again: a row is written only when a value really changed, so a second run reports
 * everything unchanged and leaves timestamps alone.
 */
import type { Kysely } from "kysely";
import type { Db } from "~/lib/db.server";

export type WriteOutcome = "created" | "updated" | "unchanged";

export interface SyncTally {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

export function emptyTally(): SyncTally {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0 };
}

type Row = Record<string, string | number | null>;

// The helpers work on any directory table by name, so inside this module tables are untyped.
type UntypedTables = Record<string, Record<string, unknown>>;
function loose(db: Db): Kysely<UntypedTables> {
  return db as unknown as Kysely<UntypedTables>;
}

function differs(existing: Row, row: Row): boolean {
  return Object.keys(row).some((key) => {
    const a = existing[key] ?? null;
    const b = row[key] ?? null;
    return typeof a === "number" && typeof b === "number" ? Math.abs(a - b) > 1e-9 : a !== b;
  });
}

/**
 * Inserts the row, or updates it when any of its values differ from what is stored. `onWrite`
 * values (timestamps) are written with a change but never compared.
 */
export async function upsertRow(
  db: Db,
  table: string,
  row: Row & { id: string },
  onWrite: Row = {},
  tally?: SyncTally,
): Promise<WriteOutcome> {
  const existing = (await loose(db).selectFrom(table).selectAll().where("id", "=", row.id).executeTakeFirst()) as
    | Row
    | undefined;
  let outcome: WriteOutcome;
  if (!existing) {
    await loose(db).insertInto(table).values({ ...row, ...onWrite }).execute();
    outcome = "created";
  } else if (differs(existing, row)) {
    await loose(db).updateTable(table).set({ ...row, ...onWrite }).where("id", "=", row.id).execute();
    outcome = "updated";
  } else {
    outcome = "unchanged";
  }
  if (tally) tally[outcome] += 1;
  return outcome;
}

/**
 * Makes the rows of `table` that belong to one parent (where `parentColumn` = `parentId`) exactly
 * `rows`: missing ones inserted, changed ones updated, others deleted. True if anything changed.
 */
export async function syncChildren(
  db: Db,
  table: string,
  parentColumn: string,
  parentId: string,
  rows: Array<Row & { id: string }>,
  tally?: SyncTally,
): Promise<boolean> {
  const keep = rows.map((r) => r.id);
  let query = loose(db).deleteFrom(table).where(parentColumn, "=", parentId);
  if (keep.length > 0) query = query.where("id", "not in", keep);
  const deleted = Number((await query.executeTakeFirst()).numDeletedRows);
  if (tally) tally.deleted += deleted;
  let changed = deleted > 0;
  for (const row of rows) {
    if ((await upsertRow(db, table, { ...row, [parentColumn]: parentId }, {}, tally)) !== "unchanged") changed = true;
  }
  return changed;
}
