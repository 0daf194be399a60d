import type { Role } from "~db/schema/accounts";
import { can } from "./policy";

/** Whoever is managing accounts: enough of the signed-in user to decide what they may touch. */
export interface Manager {
  id: string;
  name: string;
  email: string;
  role: Role;
  areaIds: string[];
}

/** Admins manage every account; coordinators only accounts in the areas they coordinate. */
export function managesEveryone(manager: Pick<Manager, "role">): boolean {
  return can(manager.role, "users:manage:all");
}

/**
 * Whether a manager may see an account: everyone for admins, and for coordinators anyone who
 * shares one of their areas. Outside that, the account is treated as not existing at all.
 */
export function canSeeAccount(manager: Manager, target: { areaIds: readonly string[] }): boolean {
  return managesEveryone(manager) || target.areaIds.some((id) => manager.areaIds.includes(id));
}

/**
 * A coordinator may see an administrator in their area, but never change one. Nor may they change
 * anyone who also works in an area they do not coordinate: sharing one area would otherwise let
 * them deactivate or demote a fellow coordinator, or make someone a coordinator of an area that
 * is not theirs. Such accounts are for an administrator, or a coordinator of all their areas.
 */
export function canChangeAccount(manager: Manager, target: { role: Role; areaIds: readonly string[] }): boolean {
  if (!canSeeAccount(manager, target)) return false;
  if (managesEveryone(manager)) return true;
  return target.role !== "admin" && target.areaIds.every((id) => manager.areaIds.includes(id));
}

/** Roles other than admin work in areas, which decide what they see; an admin's reach is everywhere. */
export function roleNeedsArea(role: Role): boolean {
  return role !== "admin";
}
