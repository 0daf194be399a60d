import { requireAnyPermission } from "~/accounts/auth.server";
import type { Db } from "~/lib/db.server";
import { todayInUk } from "~/knowledge/people-helped";
import { type FilterResult, type ReportFilters, parseReportFilters } from "./filters";

export interface ReportAccess {
  /** Admins: every area, and activity with no known area. */
  seesAll: boolean;
  /** The areas this person may choose from, by name. */
  areas: { id: string; name: string }[];
  today: string;
}

/**
 * Signed out: sign in. Without a reports permission: 403. Coordinators get only the areas they
 * coordinate to choose from; admins (reports:read:all) get every area.
 */
export async function requireReportAccess(request: Request, db: Db): Promise<ReportAccess> {
  const { user, held } = await requireAnyPermission(request, ["reports:read:all", "reports:read:area"]);
  const seesAll = held.includes("reports:read:all");
  let query = db.selectFrom("areas").select(["id", "name"]).orderBy("name");
  if (!seesAll) query = query.where("id", "in", user.areaIds.length > 0 ? user.areaIds : [""]);
  return { seesAll, areas: await query.execute(), today: todayInUk() };
}

export function readFilters(request: Request, access: ReportAccess): FilterResult {
  return parseReportFilters(new URL(request.url).searchParams, { today: access.today, areaIds: access.areas.map((a) => a.id) });
}

/** The areas a report covers: the one chosen, or all the person may see ("all" for admins). */
export function scopeAreaIds(filters: ReportFilters, access: ReportAccess): string[] | "all" {
  if (filters.area !== "all") return [filters.area];
  return access.seesAll ? "all" : access.areas.map((a) => a.id);
}

export function areaLabel(filters: ReportFilters, access: ReportAccess): string {
  if (filters.area !== "all") return access.areas.find((a) => a.id === filters.area)?.name ?? "Unknown area";
  return access.seesAll ? "All areas" : access.areas.length === 1 ? access.areas[0].name : `All your areas (${access.areas.map((a) => a.name).join(", ")})`;
}
