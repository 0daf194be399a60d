/**
 * Which referral roles (see status-machine) a signed-in user holds for one referral. The account
 * policy says what a role may do in general; this narrows it to the referral in hand, so a
 * provider acts only on its own organisation's referrals (never on a resident's request to an
 * area's coordinator desk, whichever organisation owns the desk) and a coordinator only in their
 * areas.
 */
import { can } from "~/accounts/policy";
import type { User } from "~db/schema/accounts";
import type { Referral } from "~db/schema/referrals";
import { isCoordinatorDeskReferral } from "./coordinator-desk";
import type { ReferralActorRole } from "./status-machine";

export type ReferralReach = Pick<Referral, "organisation_id" | "referrer_user_id" | "area_id" | "service_id">;

export function referralRolesFor(
  user: Pick<User, "id" | "role" | "organisation_id">,
  userAreaIds: readonly string[],
  referral: ReferralReach,
): ReferralActorRole[] {
  const roles: ReferralActorRole[] = [];
  const ownOrganisation = user.organisation_id === referral.organisation_id && !isCoordinatorDeskReferral(referral);
  if (can(user.role, "referral:update:own-org") && ownOrganisation) roles.push("provider");
  if (referral.referrer_user_id !== null && user.id === referral.referrer_user_id) roles.push("referrer");
  // A referral with no area (a national service, no postcode given) would otherwise have no
  // coordinator at all, so any coordinator may pick it up.
  const inArea = user.role === "admin" || referral.area_id === null || userAreaIds.includes(referral.area_id);
  if (can(user.role, "referral:update:area") && inArea) roles.push("coordinator");
  return roles;
}
