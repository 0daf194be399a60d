import { describe, expect, it } from "vitest";
import { namespaceForPath, pageLanguage, safeReturnPath, switchHref } from "~/i18n/languages";

describe("namespaceForPath", () => {
  it("puts each resident page in its part, and staff pages in none", () => {
    expect(namespaceForPath("/")).toBe("home");
    expect(namespaceForPath("/check")).toBe("check");
    expect(namespaceForPath("/check/q/goals")).toBe("check");
    expect(namespaceForPath("/check/result/7KQ3MXP2")).toBe("plan");
    expect(namespaceForPath("/services")).toBe("directory");
    expect(namespaceForPath("/services/abc-123")).toBe("directory");
    expect(namespaceForPath("/services/shortlist")).toBe("directory");
    expect(namespaceForPath("/services/shortlist/send")).toBe("directory");
    expect(namespaceForPath("/services/abc-123/share")).toBe("directory");
    expect(namespaceForPath("/services/abc-123/report")).toBe("directory");
    expect(namespaceForPath("/services/abc-123/edit")).toBeNull();
    expect(namespaceForPath("/cookies")).toBe("pages");
    expect(namespaceForPath("/checking")).toBeNull();
    expect(namespaceForPath("/referrals")).toBeNull();
    expect(namespaceForPath("/triage/q/goals")).toBeNull();
  });
});

describe("pageLanguage", () => {
  const polish = { code: "pl", offered: ["common", "check", "plan"] as const };
  it("is the chosen language where its part is translated, else English", () => {
    expect(pageLanguage({ ...polish, offered: [...polish.offered] }, "/check/q/goals")).toBe("pl");
    expect(pageLanguage({ ...polish, offered: [...polish.offered] }, "/services")).toBe("en");
    expect(pageLanguage({ ...polish, offered: [...polish.offered] }, "/admin")).toBe("en");
  });
});

describe("switchHref and safeReturnPath", () => {
  it("comes back to the same page and query", () => {
    expect(switchHref("cy", "/check/q/goals", "?return=answers")).toBe("/language?lang=cy&to=%2Fcheck%2Fq%2Fgoals%3Freturn%3Danswers");
  });

  it("never sends anyone off the site", () => {
    expect(safeReturnPath("/check?x=1")).toBe("/check?x=1");
    expect(safeReturnPath("//evil.example")).toBe("/");
    expect(safeReturnPath("/\\evil.example")).toBe("/");
    expect(safeReturnPath("https://evil.example")).toBe("/");
    expect(safeReturnPath(null)).toBe("/");
  });
});
