import type { Db } from "~/lib/db.server";
import type { AuditEntry } from "~db/schema/accounts";
import { can } from "./policy";
import type { Manager } from "./user-scope";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action?: string;
  recordType?: string;
  actorEmail?: string;
  /** Inclusive calendar dates, YYYY-MM-DD, in UTC. */
  from?: string;
  to?: string;
  page: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  totalPages: number;
  total: number;
}

/**
 * Admins read the whole log; coordinators read what happened in their areas, and entries tied to
 * no area that were made by, or are about, people in their areas.
 */
export function readsWholeAuditLog(reader: Pick<Manager, "role">): boolean {
  return can(reader.role, "audit:read");
}

function scoped(db: Db, reader: Manager) {
  let query = db.selectFrom("audit_log");
  if (readsWholeAuditLog(reader)) return query;
  // An empty IN list is not valid in PostgreSQL; no area has this id, so nothing matches.
  const areaIds = reader.areaIds.length > 0 ? reader.areaIds : ["(none)"];
  const peopleInAreas = db.selectFrom("user_areas").select("user_id").where("area_id", "in", areaIds);
  // An entry that names an area belongs to that area alone: a colleague's work elsewhere is not
  // this coordinator's to read. Only entries with no area are placed by the people involved.
  query = query.where((eb) =>
    eb.or([
      eb("area_id", "in", areaIds),
      eb.and([
        eb("area_id", "is", null),
        eb.or([eb("actor_user_id", "in", peopleInAreas), eb.and([eb("record_type", "=", "user"), eb("record_id", "in", peopleInAreas)])]),
      ]),
    ]),
  );
  return query;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00.000Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** Newest first, filtered, a page at a time. */
export async function listAuditEntries(db: Db, reader: Manager, filters: AuditFilters): Promise<AuditPage> {
  let query = scoped(db, reader);
  if (filters.action) query = query.where("action", "=", filters.action);
  if (filters.recordType) query = query.where("record_type", "=", filters.recordType);
  if (filters.actorEmail) {
    const email = filters.actorEmail.trim().toLowerCase();
    query = query.where("actor_user_id", "in", db.selectFrom("users").select("id").where("email", "=", email));
  }
  if (filters.from) query = query.where("at", ">=", `${filters.from}T00:00:00.000Z`);
  if (filters.to) query = query.where("at", "<", nextDay(filters.to));

  const { count } = await query.select((eb) => eb.fn.countAll<number>().as("count")).executeTakeFirstOrThrow();
  const total = Number(count);
  const totalPages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(Math.trunc(filters.page) || 1, 1), totalPages);
  const entries = await query
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .execute();
  return { entries, page, totalPages, total };
}

/** The actions and record types in the reader's part of the log, for the filter lists. */
export async function auditFilterOptions(db: Db, reader: Manager): Promise<{ actions: string[]; recordTypes: string[] }> {
  const [actions, recordTypes] = await Promise.all([
    scoped(db, reader).select("action").distinct().orderBy("action").execute(),
    scoped(db, reader).select("record_type").distinct().orderBy("record_type").execute(),
  ]);
  return { actions: actions.map((r) => r.action), recordTypes: recordTypes.map((r) => r.record_type) };
}
