import type { CurrentUser } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";

/**
 * How far a user's outreach reaches. Coordinators write to the areas they coordinate; admins to
 * any; a provider only about its own services, to its own areas, and only once a coordinator has
 * allowed its organisation (checked against the database by the caller, passed in as `allowed`).
 */
export type OutreachReach =
  | { kind: "all" }
  | { kind: "area"; areaIds: string[] }
  | { kind: "own-org"; organisationId: string; areaIds: string[] }
  | { kind: "none" };

export function outreachReach(user: Pick<CurrentUser, "role" | "areaIds" | "organisationId">, providerAllowed: boolean): OutreachReach {
  if (user.role === "admin") return { kind: "all" };
  if (can(user.role, "outreach:send:area")) return { kind: "area", areaIds: user.areaIds };
  if (can(user.role, "outreach:send:own-org") && providerAllowed) return { kind: "own-org", organisationId: user.organisationId, areaIds: user.areaIds };
  return { kind: "none" };
}

/** Areas the user may pick for an audience; null means any. */
export function reachableAreas(reach: OutreachReach): string[] | null {
  if (reach.kind === "all") return null;
  if (reach.kind === "none") return [];
  return reach.areaIds;
}
