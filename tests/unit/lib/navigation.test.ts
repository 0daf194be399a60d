import { describe, expect, it } from "vitest";
import { navigationFor } from "~/lib/navigation";

const texts = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role, "/").map((item) => item.text);

describe("header navigation", () => {
  it("offers residents the public doors only", () => {
    expect(texts(null)).toEqual(["Check yourself", "Find help", "Guides"]);
  });

  it("shows each role the sections it may use, once each", () => {
    expect(texts("champion")).toEqual(["Triage", "Referrals", "Find help", "People helped", "Guides", "Training"]);
    expect(texts("provider")).toEqual(["Referrals", "Find help", "Listings", "Courses", "Guides", "Training", "Outreach"]);
    expect(texts("coordinator")).toEqual(["Triage", "Referrals", "Find help", "Listings", "Courses", "People helped", "Guides", "Training", "Outreach", "Reports", "Admin"]);
  });

  it("marks the section of the current page", () => {
    const active = navigationFor("champion", "/referrals/ABC").filter((item) => item.active);
    expect(active.map((item) => item.href)).toEqual(["/referrals"]);
  });
});
