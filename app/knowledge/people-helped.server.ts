import crypto from "node:crypto";
import type { Db } from "~/lib/db.server";
import { BARRIER_IDS, type BarrierId } from "~/lib/frameworks";
import type { PersonHelpedForm } from "./people-helped";

export interface PersonHelpedEntry {
  id: string;
  userId: string | null;
  organisationId: string;
  areaId: string | null;
  helpedOn: string;
  place: string;
  outwardCode: string | null;
  barriers: BarrierId[];
  whatHelped: string;
  minutes: number;
  createdAt: string;
}

/**
 * Saves one entry from the (already validated) form. When no area is given, the outward code
 * places it in the partnership area that covers that district, so it counts in area reports.
 */
export async function logPersonHelped(
  db: Db,
  input: PersonHelpedForm & { userId: string; organisationId: string; areaId?: string | null },
): Promise<{ id: string }> {
  let areaId = input.areaId ?? null;
  if (!areaId && input.outwardCode) {
    const district = await db
      .selectFrom("area_districts")
      .select("area_id")
      .where("outward_code", "=", input.outwardCode)
      .orderBy("area_id")
      .executeTakeFirst();
    areaId = district?.area_id ?? null;
  }
  const id = crypto.randomUUID();
  await db
    .insertInto("people_helped")
    .values({
      id,
      user_id: input.userId,
      organisation_id: input.organisationId,
      area_id: areaId,
      helped_on: input.date,
      place: input.place,
      outward_code: input.outwardCode ?? null,
      barriers: JSON.stringify(input.barriers),
      what_helped: input.whatHelped,
      minutes: input.minutes,
    })
    .execute();
  return { id };
}

export type PeopleHelpedFilter = ({ userId: string } | { areaIds: string[] }) & {
  /** Inclusive YYYY-MM-DD bounds on the day the help was given. */
  from?: string;
  to?: string;
  limit?: number;
};

function parseBarriers(json: string): BarrierId[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((id): id is BarrierId => (BARRIER_IDS as readonly unknown[]).includes(id)) : [];
}

/** Newest first: one champion's own entries, or everything logged in some areas. */
export async function listPeopleHelped(db: Db, filter: PeopleHelpedFilter): Promise<PersonHelpedEntry[]> {
  if ("areaIds" in filter && filter.areaIds.length === 0) return [];
  let query = db.selectFrom("people_helped").selectAll();
  query = "userId" in filter ? query.where("user_id", "=", filter.userId) : query.where("area_id", "in", filter.areaIds);
  if (filter.from) query = query.where("helped_on", ">=", filter.from);
  if (filter.to) query = query.where("helped_on", "<=", filter.to);
  query = query.orderBy("helped_on", "desc").orderBy("created_at", "desc").orderBy("id");
  if (filter.limit) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    areaId: row.area_id,
    helpedOn: row.helped_on,
    place: row.place,
    outwardCode: row.outward_code,
    barriers: parseBarriers(row.barriers),
    whatHelped: row.what_helped,
    minutes: row.minutes,
    createdAt: row.created_at,
  }));
}
