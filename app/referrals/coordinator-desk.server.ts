/**
 * Where a self-referral goes when the resident did not choose a service: the coordinators of
 * their area. A referral must name a service (referrals.service_id is required, so reports can
 * always group by one), so each area gets one unlisted "service" standing for its coordinators.
 * It is made on first use, never published (so it is in no search, ORUK feed or directory page),
 * and owned by the organisation of the area's longest-serving coordinator. Coordinators act on
 * these referrals through their coordinator role, which may make every move a service can; the
 * owning organisation's providers are not told of them and cannot see them (coordinator-desk.ts).
 */
import type { Db } from "~/lib/db.server";
import { coordinatorDeskId } from "./coordinator-desk";
import type { ReferrableService } from "./services.server";

/** Every area's desk id, made or not yet, for queries that must leave desk referrals out. */
export async function coordinatorDeskIds(db: Db): Promise<string[]> {
  const areas = await db.selectFrom("areas").select("id").execute();
  return areas.map((area) => coordinatorDeskId(area.id));
}

export type DeskResult = { ok: true; service: ReferrableService } | { ok: false; reason: "no-area" | "no-coordinator" };

export async function coordinatorDeskFor(db: Db, areaId: string | null, now: Date = new Date()): Promise<DeskResult> {
  if (!areaId) return { ok: false, reason: "no-area" };
  const area = await db.selectFrom("areas").select(["id", "name"]).where("id", "=", areaId).executeTakeFirst();
  if (!area) return { ok: false, reason: "no-area" };
  const id = coordinatorDeskId(area.id);
  const existing = await db
    .selectFrom("services")
    .innerJoin("organisations", "organisations.id", "services.organisation_id")
    .select(["services.id", "services.name", "services.description", "services.organisation_id", "organisations.name as organisation_name"])
    .where("services.id", "=", id)
    .executeTakeFirst();
  if (existing) return { ok: true, service: desk(existing, area) };

  const coordinator = await db
    .selectFrom("users")
    .innerJoin("user_areas", "user_areas.user_id", "users.id")
    .innerJoin("organisations", "organisations.id", "users.organisation_id")
    .select(["users.organisation_id", "organisations.name as organisation_name"])
    .where("user_areas.area_id", "=", area.id)
    .where("users.role", "=", "coordinator")
    .where("users.active", "=", 1)
    .orderBy("users.created_at")
    .orderBy("users.id")
    .executeTakeFirst();
  if (!coordinator) return { ok: false, reason: "no-coordinator" };

  const at = now.toISOString();
  const row = {
    id,
    organisation_id: coordinator.organisation_id,
    area_id: area.id,
    name: `Digital help team, ${area.name}`,
    description: `Residents in ${area.name} who asked for help without choosing a service. The partnership's coordinators find them the right help.`,
    published: 0,
    accepts_self_referral: 1,
    source: "local",
    created_at: at,
    updated_at: at,
    last_modified: at,
  };
  await db.insertInto("services").values(row).onConflict((oc) => oc.column("id").doNothing()).execute();
  return { ok: true, service: desk({ ...row, organisation_name: coordinator.organisation_name }, area) };
}

function desk(
  row: { id: string; name: string; description: string; organisation_id: string; organisation_name: string },
  area: { id: string; name: string },
): ReferrableService {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    areaId: area.id,
    areaName: area.name,
    isNational: false,
    acceptsSelfReferral: true,
  };
}
