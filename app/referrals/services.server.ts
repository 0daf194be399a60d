/**
 * Which services a referral may go to. A champion refers within the areas they work in: a
 * service of one of their areas, or a national one (no area, or marked national). A service of
 * another area is refused even if its id is posted by hand, because that area's coordinators would
 * then carry a referral nobody in their partnership agreed to. Admins may refer anywhere.
 * Only published, active listings can be chosen; anything else reads as "not in the list".
 */
import { likeInsensitive } from "~db/dialect";
import type { CurrentUser } from "~/accounts/auth.server";
import type { Db } from "~/lib/db.server";

export interface ReferrableService {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  areaId: string | null;
  areaName: string | null;
  isNational: boolean;
  acceptsSelfReferral: boolean;
  description: string;
}

export const SERVICE_PICKER_LIMIT = 20;

type Referrer = Pick<CurrentUser, "role" | "areaIds">;

function baseQuery(db: Db) {
  return db
    .selectFrom("services")
    .innerJoin("organisations", "organisations.id", "services.organisation_id")
    .leftJoin("areas", "areas.id", "services.area_id")
    .select([
      "services.id",
      "services.name",
      "services.description",
      "services.organisation_id",
      "organisations.name as organisation_name",
      "services.area_id",
      "areas.name as area_name",
      "services.is_national",
      "services.accepts_self_referral",
    ])
    .where("services.published", "=", 1)
    .where("services.status", "=", "active");
}

type ServiceRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["executeTakeFirstOrThrow"]>>;

function toService(row: ServiceRow): ReferrableService {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    areaId: row.area_id,
    areaName: row.area_name,
    isNational: row.is_national === 1 || row.area_id === null,
    acceptsSelfReferral: row.accepts_self_referral === 1,
  };
}

export function mayReferTo(user: Referrer, service: Pick<ReferrableService, "areaId" | "isNational">): boolean {
  return user.role === "admin" || service.isNational || (service.areaId !== null && user.areaIds.includes(service.areaId));
}

/** Words people type, made safe for LIKE: wildcards become spaces, so "100%" cannot match everything. */
function likeWords(query: string): string[] {
  return query
    .replace(/[%_\\]/g, " ")
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 6);
}

/** Services the user may refer to whose name or description has every word typed; national last. */
export async function searchReferrableServices(db: Db, user: Referrer, query: string): Promise<ReferrableService[]> {
  let q = baseQuery(db);
  const like = likeInsensitive(db);
  for (const word of likeWords(query.slice(0, 100))) {
    q = q.where((eb) => eb.or([eb("services.name", like, `%${word}%`), eb("services.description", like, `%${word}%`)]));
  }
  if (user.role !== "admin") {
    q = q.where((eb) =>
      eb.or([
        eb("services.is_national", "=", 1),
        eb("services.area_id", "is", null),
        ...(user.areaIds.length > 0 ? [eb("services.area_id", "in", user.areaIds)] : []),
      ]),
    );
  }
  const rows = await q.orderBy("services.is_national").orderBy("services.name").limit(SERVICE_PICKER_LIMIT).execute();
  return rows.map(toService);
}

/** A published, active service by id, whoever may refer to it; null for unknown or hidden ids. */
export async function findPublishedService(db: Db, id: string): Promise<ReferrableService | null> {
  const row = await baseQuery(db).where("services.id", "=", id).executeTakeFirst();
  return row ? toService(row) : null;
}

export type ServiceChoice = { ok: true; service: ReferrableService } | { ok: false; message: string };

/** Checks a posted service id: it must exist, be listed, and be one this user may refer to. */
export async function chooseService(db: Db, user: Referrer, id: string): Promise<ServiceChoice> {
  const service = await findPublishedService(db, id);
  if (!service) return { ok: false, message: "Choose a service from the list" };
  if (!mayReferTo(user, service)) {
    return { ok: false, message: "You can only refer to services in your own area or national services. Choose a service from the list" };
  }
  return { ok: true, service };
}
