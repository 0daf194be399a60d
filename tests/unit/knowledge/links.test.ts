import { describe, expect, it } from "vitest";
import { checkLink, extractLinks, type LinkTargets } from "~/knowledge/links";

const targets: LinkTargets = {
  articleSlugs: new Set(["email-basics"]),
  trainingIds: new Set(["online-safety"]),
};

describe("extractLinks", () => {
  it("finds link targets in Markdown, ignoring text that only looks like a path", () => {
    const markdown = "See [email](/knowledge/email-basics) and `[not](/a-link)`.\n\n- [help](/services?category=free-data)";
    expect(extractLinks(markdown)).toEqual(["/knowledge/email-basics", "/services?category=free-data"]);
  });
});

describe("checkLink", () => {
  it.each([
    "/knowledge/email-basics",
    "/knowledge/email-basics#passwords",
    "/knowledge",
    "/knowledge/data",
    "/services?category=free-data",
    "/services?q=laptop&postcode=PR1&category=device-loan",
    "/check",
    "/triage",
    "/training",
    "/training/online-safety",
    "https://www.gov.uk/",
    "mailto:report@phishing.gov.uk",
    "tel:159",
    "#contents",
  ])("accepts %s", (href) => {
    expect(checkLink(href, targets)).toBeNull();
  });

  it.each([
    ["/knowledge/emial-basics", 'no article "emial-basics"'],
    ["/services?category=broadband", 'no directory category "broadband"'],
    ["/services?sort=name", 'unknown directory search parameter "sort"'],
    ["/training/being-a-champion", 'no training module "being-a-champion"'],
    ["/help", "no page /help"],
    ["email-basics", "internal links must be absolute paths such as /knowledge/email-basics"],
    ["javascript:alert(1)", "internal links must be absolute paths such as /knowledge/email-basics"],
    ["//evil.example/x", "internal links must be absolute paths such as /knowledge/email-basics"],
  ])("rejects %s", (href, reason) => {
    expect(checkLink(href, targets)).toBe(reason);
  });
});
