import { describe, expect, it } from "vitest";
import { checkCrossSite } from "~/server/csrf";

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name.toLowerCase()] ?? null });
const ORIGINS = ["http://localhost:3000"];

describe("checkCrossSite", () => {
  it("lets reads through whatever their origin", () => {
    expect(checkCrossSite("GET", headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), ORIGINS)).toEqual({ ok: true });
  });

  it("accepts a same-origin form post", () => {
    expect(checkCrossSite("POST", headers({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), ORIGINS).ok).toBe(true);
  });

  it.each(["cross-site", "same-site"])("refuses a post marked Sec-Fetch-Site: %s", (site) => {
    expect(checkCrossSite("POST", headers({ "sec-fetch-site": site }), ORIGINS)).toMatchObject({ ok: false });
  });

  it("refuses a post from a foreign Origin even without fetch metadata", () => {
    expect(checkCrossSite("POST", headers({ origin: "https://evil.example" }), ORIGINS)).toMatchObject({ ok: false, reason: expect.stringContaining("evil") });
  });

  it("refuses an opaque origin", () => {
    expect(checkCrossSite("DELETE", headers({ origin: "null" }), ORIGINS).ok).toBe(false);
  });

  it("allows a request with neither header (the SameSite cookie protects it)", () => {
    expect(checkCrossSite("POST", headers({}), ORIGINS).ok).toBe(true);
  });
});
