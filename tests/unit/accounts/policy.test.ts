import { describe, expect, it } from "vitest";
import { assignableRoles, can, PERMISSIONS, POLICY, ROLES } from "~/accounts/policy";

describe("permission policy", () => {
  it("gives every role only known permissions", () => {
    for (const role of ROLES) for (const p of POLICY[role]) expect(PERMISSIONS).toContain(p);
  });

  it("keeps providers to their own organisation's referrals and listings", () => {
    expect(can("provider", "referral:update:own-org")).toBe(true);
    expect(can("provider", "referral:read:area")).toBe(false);
    expect(can("provider", "triage:create")).toBe(false);
    expect(can("provider", "directory:approve")).toBe(false);
  });

  it("lets champions and staff triage and refer but not manage or report", () => {
    for (const role of ["champion", "staff"] as const) {
      expect(can(role, "triage:create")).toBe(true);
      expect(can(role, "referral:create")).toBe(true);
      expect(can(role, "reports:read:area")).toBe(false);
      expect(can(role, "users:manage:area")).toBe(false);
    }
  });

  it("gives coordinators their areas and admins everything", () => {
    expect(can("coordinator", "reports:read:area")).toBe(true);
    expect(can("coordinator", "reports:read:all")).toBe(false);
    expect(can("coordinator", "audit:read")).toBe(false);
    expect(POLICY.admin).toEqual([...PERMISSIONS]);
  });

  it("lets a coordinator give roles up to their own, never admin", () => {
    expect(assignableRoles("coordinator")).toEqual(["champion", "staff", "provider", "coordinator"]);
    expect(assignableRoles("admin")).toContain("admin");
    expect(assignableRoles("champion")).toEqual(["champion", "staff", "provider"]);
  });
});
