import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { JS_MODES, launchBrowser, openPage } from "./harness/browser";

describe("foundation", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it("shows the home page with three doors, and the footer pages", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      const offSite: string[] = [];
      const base = new URL(inject("baseUrl")).origin;
      page.on("request", (request) => {
        if (!request.url().startsWith(base) && !request.url().startsWith("data:")) offSite.push(request.url());
      });

      await checked.visit("/");
      await expect(page.title()).resolves.toContain("Waymark");
      expect(await page.locator("h2").allTextContents()).toEqual(expect.arrayContaining(["Check yourself", "Find help near you", "Champions and staff"]));
      expect(await page.locator("a.govuk-skip-link").getAttribute("href")).toBe("#main-content");

      for (const [link, heading] of [
        ["Accessibility statement", "Accessibility statement for Waymark"],
        ["Privacy", "Privacy notice"],
        ["Cookies", "Cookies"],
      ]) {
        await page.locator("footer").getByRole("link", { name: link, exact: true }).click();
        await checked.check();
        await expect(page.locator("h1").textContent()).resolves.toBe(heading);
      }
      expect(offSite).toEqual([]);
      await checked.close();
    });

    it("shows a friendly 404 for an unknown address", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const response = await checked.page.goto("/no-such-page");
      expect(response?.status()).toBe(404);
      await checked.check();
      await expect(checked.page.locator("h1").textContent()).resolves.toBe("Page not found");
      await checked.close();
    });

    it("fits a 320px-wide screen without sideways scrolling", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      await checked.page.setViewportSize({ width: 320, height: 640 });
      await checked.visit("/");
      const overflow = await checked.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await checked.close();
    });
  });

  it("sends security headers and a working health check", async () => {
    const base = inject("baseUrl");
    const home = await fetch(base);
    expect(home.status).toBe(200);
    const csp = home.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(home.headers.get("x-content-type-options")).toBe("nosniff");
    expect(home.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(home.headers.get("permissions-policy")).toContain("camera=()");
    expect(home.headers.get("strict-transport-security")).toContain("max-age=");

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("refuses a cross-site post to every route that has an action", async () => {
    const actionRoutes = fs
      .readdirSync("app/routes")
      .filter((file) => /export (async )?function action/.test(fs.readFileSync(`app/routes/${file}`, "utf8")));
    expect(actionRoutes.length).toBeGreaterThan(20);
    for (const file of actionRoutes) {
      // A URL for the route: params filled with a placeholder; the check runs before any route code.
      const url = `/${file
        .replace(/\.tsx?$/, "")
        .replace(/\[\.\]/g, ".")
        .split(".")
        .filter((part) => part !== "_index")
        .map((part) => (part.startsWith("$") ? "x" : part.replace(/_$/, "")))
        .join("/")}`;
      for (const headers of [{ Origin: "https://evil.example" }, { "Sec-Fetch-Site": "cross-site" }] as Record<string, string>[]) {
        const response = await fetch(`${inject("baseUrl")}${url}`, {
          method: "POST",
          headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
          body: "intent=anything",
          redirect: "manual",
        });
        expect(response.status, `${file} at ${url}`).toBe(403);
      }
    }
  });

  it("refuses a cross-site form post", async () => {
    const response = await fetch(`${inject("baseUrl")}/login`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40waymark.example&password=waymark-demo-2026",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });
});
