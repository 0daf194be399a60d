import { describe, expect, it } from "vitest";
import { checkContent } from "~/lib/content-check.server";
import { getGapContent } from "~/reports/gap-content.server";

describe("checkContent", () => {
  it("loads every shipped content file, the demo data included, without a complaint", () => {
    expect(() => checkContent({ demo: true })).not.toThrow();
  });

  it("includes the gap analysis rules and district centroids", () => {
    checkContent({ demo: false });
    const { rules, centroids } = getGapContent();
    expect(Object.keys(rules).length).toBeGreaterThan(0);
    expect(centroids.size).toBeGreaterThan(0);
  });
});
