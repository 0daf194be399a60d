/**
 * Who may manage a course: the same reach as its listing, under the course permissions. Providers
 * manage their own organisation's courses, coordinators those on listings in their areas, admins
 * all. Marking a register is managing the course, so a champion, who books people on, cannot.
 */
import type { CurrentUser } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import type { ListingReach } from "~/directory/listing-edit-scope.server";

export const COURSE_MANAGE_PERMISSIONS = ["course:manage:own-org", "course:manage:area", "course:manage:all"] as const;

export type CourseManager = Pick<CurrentUser, "id" | "role" | "organisationId" | "areaIds">;

export function courseReach(user: CourseManager): ListingReach {
  return {
    all: can(user.role, "course:manage:all"),
    organisationId: can(user.role, "course:manage:own-org") ? user.organisationId : null,
    areaIds: can(user.role, "course:manage:area") ? user.areaIds : [],
  };
}
