/**
 * Whose listings a person may edit: providers their organisation's, coordinators those in the
 * areas they coordinate (national listings belong to no area, so only admins reach those),
 * admins every one. A listing outside someone's reach is treated as not existing at all.
 */
import type { ExpressionBuilder } from "kysely";
import type { Database } from "~db/schema";
import type { CurrentUser } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import type { Db } from "~/lib/db.server";

/** Anyone holding one of these may manage some listings. */
export const EDIT_PERMISSIONS = ["directory:edit:own-org", "directory:edit:area", "directory:edit:all"] as const;

export type ListingEditor = Pick<CurrentUser, "id" | "name" | "email" | "role" | "organisationId" | "areaIds">;

export interface ListingReach {
  all: boolean;
  organisationId: string | null;
  areaIds: string[];
}

export function listingReach(user: ListingEditor): ListingReach {
  return {
    all: can(user.role, "directory:edit:all"),
    organisationId: can(user.role, "directory:edit:own-org") ? user.organisationId : null,
    areaIds: can(user.role, "directory:edit:area") ? user.areaIds : [],
  };
}

/** Coordinators' and admins' saves go live at once; providers' wait for approval. */
export function editsNeedApproval(user: ListingEditor): boolean {
  return !can(user.role, "directory:edit:area") && !can(user.role, "directory:edit:all");
}

/** True when `user` may edit a listing owned by `organisationId` in `areaId`. */
export function canReachListing(user: ListingEditor, listing: { organisation_id: string; area_id: string | null }): boolean {
  return reachIncludes(listingReach(user), listing);
}

/** True when a listing owned by `organisation_id` in `area_id` is within `reach`. */
export function reachIncludes(reach: ListingReach, listing: { organisation_id: string; area_id: string | null }): boolean {
  return (
    reach.all ||
    (reach.organisationId !== null && listing.organisation_id === reach.organisationId) ||
    (listing.area_id !== null && reach.areaIds.includes(listing.area_id))
  );
}

/** A where-clause on `services` for the listings within reach. */
export function servicesInReach(user: ListingEditor) {
  return servicesWithin(listingReach(user));
}

/** A where-clause on `services` for any reach: listings' own, or another capability's (courses). */
export function servicesWithin(reach: ListingReach) {
  return (eb: ExpressionBuilder<Database, "services">) => {
    // and([]) is always true and or([]) never, so no reach at all matches nothing.
    if (reach.all) return eb.and([]);
    const ors = [];
    if (reach.organisationId) ors.push(eb("services.organisation_id", "=", reach.organisationId));
    if (reach.areaIds.length > 0) ors.push(eb("services.area_id", "in", reach.areaIds));
    return eb.or(ors);
  };
}

/** The listing if the user may edit it; otherwise a 404, whether it exists or not. */
export async function requireListingInReach(db: Db, user: ListingEditor, serviceId: string | undefined) {
  const service = serviceId
    ? await db.selectFrom("services").selectAll().where("id", "=", serviceId).where(servicesInReach(user)).executeTakeFirst()
    : undefined;
  if (!service) throw new Response("Not found", { status: 404 });
  return service;
}

/** Approvers see changes in their areas; admins see all, national ones included. */
export function changesInReach(user: ListingEditor) {
  const all = can(user.role, "directory:edit:all");
  return (eb: ExpressionBuilder<Database, "listing_changes">) =>
    all ? eb.and([]) : eb.or(user.areaIds.length > 0 ? [eb("listing_changes.area_id", "in", user.areaIds)] : []);
}

/** Areas a person may put a new listing in; admins may also leave it without one (national). */
export async function areasForNewListing(db: Db, user: ListingEditor): Promise<{ areas: Array<{ id: string; name: string }>; nationalAllowed: boolean }> {
  const all = can(user.role, "directory:edit:all");
  let query = db.selectFrom("areas").select(["id", "name"]).orderBy("name");
  if (!all) query = user.areaIds.length > 0 ? query.where("id", "in", user.areaIds) : query.where("id", "=", "");
  return { areas: await query.execute(), nationalAllowed: all };
}

/** Organisations a new listing may belong to: a provider's own, anyone's for coordinators and admins. */
export async function organisationsForNewListing(db: Db, user: ListingEditor): Promise<Array<{ id: string; name: string }>> {
  let query = db.selectFrom("organisations").select(["id", "name"]).orderBy("name");
  if (editsNeedApproval(user)) query = query.where("id", "=", user.organisationId);
  return query.execute();
}
