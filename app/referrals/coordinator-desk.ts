/**
 * Telling an area's coordinator desk (see coordinator-desk.server.ts) from a real service. Its id
 * is derived from its area's, so a referral is to a desk exactly when its service is the desk of
 * the referral's own area: nothing to keep in step, and no imported or local service can share
 * that id. The desk belongs to a coordinator's organisation only because a service must belong to
 * one; it is the coordinators', so that organisation's providers get no part in its referrals.
 */
import { stableId } from "~/directory/stable-id";
import type { Referral } from "~db/schema/referrals";

export function coordinatorDeskId(areaId: string): string {
  return stableId("service", `referral-coordinator-desk:${areaId}`);
}

export function isCoordinatorDeskReferral(referral: Pick<Referral, "service_id" | "area_id">): boolean {
  return referral.area_id !== null && referral.service_id === coordinatorDeskId(referral.area_id);
}
