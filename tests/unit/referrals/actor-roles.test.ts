import { describe, expect, it } from "vitest";
import { referralRolesFor } from "~/referrals/actor-roles";
import { coordinatorDeskId } from "~/referrals/coordinator-desk";

const referral = { organisation_id: "provider-org", referrer_user_id: "champion-1", area_id: "maidstone", service_id: "laptop-scheme" };

describe("referralRolesFor", () => {
  it("makes a provider user of the owning organisation the provider", () => {
    expect(referralRolesFor({ id: "p1", role: "provider", organisation_id: "provider-org" }, [], referral)).toEqual(["provider"]);
  });

  it("gives a provider of another organisation no role", () => {
    expect(referralRolesFor({ id: "p2", role: "provider", organisation_id: "other-org" }, [], referral)).toEqual([]);
  });

  it("makes the champion who made it the referrer, and another champion nothing", () => {
    expect(referralRolesFor({ id: "champion-1", role: "champion", organisation_id: "library" }, [], referral)).toEqual(["referrer"]);
    expect(referralRolesFor({ id: "champion-2", role: "champion", organisation_id: "library" }, [], referral)).toEqual([]);
  });

  it("makes a coordinator the coordinator only in their own areas", () => {
    const coordinator = { id: "c1", role: "coordinator" as const, organisation_id: "council" };
    expect(referralRolesFor(coordinator, ["maidstone"], referral)).toEqual(["coordinator"]);
    expect(referralRolesFor(coordinator, ["thanet"], referral)).toEqual([]);
    expect(referralRolesFor(coordinator, ["thanet"], { ...referral, area_id: null })).toEqual(["coordinator"]);
  });

  it("makes an admin a coordinator everywhere", () => {
    expect(referralRolesFor({ id: "a1", role: "admin", organisation_id: "council" }, [], referral)).toEqual(["coordinator"]);
  });

  it("never makes anyone the referrer of a self-referral", () => {
    expect(referralRolesFor({ id: "champion-1", role: "champion", organisation_id: "library" }, [], { ...referral, referrer_user_id: null })).toEqual([]);
  });

  it("gives a provider no role on a resident's request to the area's coordinator desk, though their organisation owns it", () => {
    const desk = { organisation_id: "council", referrer_user_id: null, area_id: "maidstone", service_id: coordinatorDeskId("maidstone") };
    expect(referralRolesFor({ id: "p3", role: "provider", organisation_id: "council" }, [], desk)).toEqual([]);
    expect(referralRolesFor({ id: "c1", role: "coordinator", organisation_id: "council" }, ["maidstone"], desk)).toEqual(["coordinator"]);
    expect(referralRolesFor({ id: "a1", role: "admin", organisation_id: "council" }, [], desk)).toEqual(["coordinator"]);
  });
});
