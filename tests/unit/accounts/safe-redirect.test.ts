import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/accounts/sign-in.server";

const FALLBACK = "/home";

/** Where a browser on our site would actually go if it followed the answer. */
const destination = (location: string) => new URL(location, "https://waymark.example/login");

// Each of these, followed as a Location header, leaves the site (or runs script) in some browser.
const hostile = [
  "//evil.example",
  "//evil.example/path",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  "/\u007f/evil.example",
  "/\u0085/evil.example",
  "/\f/evil.example",
  "/..//evil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "https://evil.example",
  "http:evil.example",
  "https:/evil.example",
  "HTTPS://evil.example",
  "javascript:alert(1)",
  " javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "evil.example",
  "triage",
  "",
  // What a decoded query string or form field carries for these encoded links.
  new URLSearchParams("to=%2F%09%2Fevil.example").get("to"),
  new URLSearchParams("to=%2F%5Cevil.example").get("to"),
  new URLSearchParams("to=%2F%2Fevil.example").get("to"),
  new URLSearchParams("to=%2F%0D%0A%2Fevil.example").get("to"),
  new URLSearchParams("to=%5C%5Cevil.example").get("to"),
  new URLSearchParams("to=javascript%3Aalert(1)").get("to"),
];

describe("safeRedirect", () => {
  it.each(hostile.map((to) => [JSON.stringify(to), to]))("refuses %s", (_label, to) => {
    expect(safeRedirect(to, FALLBACK)).toBe(FALLBACK);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(new File(["/triage"], "x.txt"), FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(null)).toBe("/");
  });

  it.each([
    ["/", "/"],
    ["/triage", "/triage"],
    ["/triage?x=1#y", "/triage?x=1#y"],
    ["/referrals/WM-1234?tab=notes&page=2", "/referrals/WM-1234?tab=notes&page=2"],
    ["/services/shortlist", "/services/shortlist"],
    ["/a/../triage", "/triage"],
    // Still encoded, so a browser reads them as one path segment on our site, not as a host.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    // Percent-encoded, so a Location header can carry it.
    ["/search?q=caf\u00e9 & tea", "/search?q=caf%C3%A9%20&%20tea"],
    ["/knowledge/\u20ac", "/knowledge/%E2%82%AC"],
  ])("keeps the same-site path %s", (to, expected) => {
    expect(safeRedirect(to, FALLBACK)).toBe(expected);
  });

  it("only ever answers with a path on our own site", () => {
    for (const to of [...hostile, "/triage?x=1#y", "/%2F%2Fevil.example", "/..//evil.example"]) {
      const answer = safeRedirect(to, FALLBACK);
      expect(destination(answer).origin).toBe("https://waymark.example");
      expect(answer).toMatch(/^\/(?![/\\])/);
      expect(answer).not.toMatch(/\p{Cc}/u);
    }
  });
});
