import type { Role } from "~db/schema/accounts";

/**
 * Who may do what, as data. Scopes after the last colon say how far a permission reaches:
 * `own` (records the user made), `own-org` (their organisation's), `area` (the areas they
 * coordinate) or `all`. Loaders and actions ask for a permission; the scope is then applied to
 * the query, so hiding a button is never the only protection.
 */
export const PERMISSIONS = [
  "triage:create",
  "triage:read:own",
  "triage:read:area",
  "referral:create",
  "referral:read:own",
  "referral:read:own-org",
  "referral:update:own-org",
  "referral:read:area",
  "referral:update:area",
  "referral:export:area",
  "referral:read:all",
  "directory:edit:own-org",
  "directory:edit:area",
  "directory:edit:all",
  "directory:approve",
  "reports:read:area",
  "reports:read:all",
  "people-helped:log",
  "training:take",
  "training:read:area",
  "users:manage:area",
  "users:manage:all",
  "organisations:manage",
  "audit:read:area",
  "audit:read",
  "messages:read",
  "outreach:send:area",
  "outreach:send:own-org",
  "outreach:senders:manage",
  "course:manage:own-org",
  "course:manage:area",
  "course:manage:all",
  "course:book",
  "learner:data:area",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ["champion", "staff", "provider", "coordinator", "admin"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  champion: "Digital Champion (volunteer)",
  staff: "Frontline staff",
  provider: "Service provider",
  coordinator: "Partnership coordinator",
  admin: "Administrator",
};

const SIGNED_IN: Permission[] = ["training:take"];
const HELPER: Permission[] = [...SIGNED_IN, "triage:create", "triage:read:own", "referral:create", "referral:read:own", "people-helped:log", "course:book"];

export const POLICY: Record<Role, readonly Permission[]> = {
  champion: HELPER,
  staff: HELPER,
  // Outreach about their own services only, and only once a coordinator allows their organisation.
  provider: [...SIGNED_IN, "referral:read:own-org", "referral:update:own-org", "directory:edit:own-org", "outreach:send:own-org", "course:manage:own-org"],
  coordinator: [
    ...HELPER,
    "triage:read:area",
    "referral:read:area",
    "referral:update:area",
    "referral:export:area",
    "directory:edit:area",
    "directory:approve",
    "reports:read:area",
    "training:read:area",
    "users:manage:area",
    "audit:read:area",
    "outreach:send:area",
    "outreach:senders:manage",
    "course:manage:area",
    "learner:data:area",
  ],
  admin: [...PERMISSIONS],
};

export function can(role: Role, permission: Permission): boolean {
  return POLICY[role].includes(permission);
}

/** Roles are ordered by reach; a coordinator may give roles up to their own, never admin. */
const RANK: Record<Role, number> = { champion: 1, staff: 1, provider: 1, coordinator: 2, admin: 3 };

export function assignableRoles(actor: Role): Role[] {
  return ROLES.filter((role) => RANK[role] <= RANK[actor]);
}
