import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JS_MODES, launchBrowser, openPage } from "./harness/browser";

/**
 * A resident finds help: search by postcode and type of help, open a result, save it, and see
 * the saved list as it prints. The e2e server cannot reach postcodes.io, so the postcode is
 * placed from the directory's own addresses in its district, with a notice saying so.
 */
describe("directory search", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ name, javaScriptEnabled }) => {
    it("searches by postcode and category, opens a result, saves it and prints the list", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await checked.visit("/services");
      await expect(page.locator("h1").textContent()).resolves.toBe("Find help near you");

      await page.getByLabel("Your postcode").fill("ME15 7LT");
      await page.getByLabel("Type of help").selectOption({ label: "Drop-in digital help" });
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await page.waitForURL(/postcode=ME15/);
      await checked.check();

      // postcodes.io is unreachable in every e2e run, but ME15 7LT is in the embedded postcode data: exact distances, no notice.
      expect(await page.getByRole("status").count()).toBe(0);
      await expect(page.locator(".app-filter-tag").allTextContents()).resolves.toEqual(["Remove Near ME15 7LT ×", "Remove Drop-in digital help ×"]);
      const first = page.locator(".app-result").first();
      await expect(first.locator(".app-result__distance").textContent()).resolves.toMatch(/km away/);
      const serviceName = (await first.locator("h3 a").textContent())!;

      // Removing a filter is a plain link to the same search without it.
      await page.getByRole("link", { name: "Remove Drop-in digital help" }).click();
      await page.waitForURL((url) => url.searchParams.get("category") === null && url.searchParams.get("postcode") === "ME15 7LT");
      await checked.check();
      await page.goBack();
      await page.waitForURL(/category=drop-in-help/);
      await checked.check();

      await page.locator(".app-result").first().locator("h3 a").click();
      await page.waitForURL(/\/services\/[0-9a-f-]{36}$/);
      await checked.check();
      await expect(page.locator("h1").textContent()).resolves.toBe(serviceName);
      await expect(page.getByRole("heading", { name: "How to get help" }).isVisible()).resolves.toBe(true);
      const mapLink = page.getByRole("link", { name: /on a map/ }).first();
      await expect(mapLink.getAttribute("href")).resolves.toMatch(/^https:\/\/www\.openstreetmap\.org\//);
      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: `/tmp/waymark-directory-service-print-${name.replace(/\W+/g, "-")}.png`, fullPage: true });
      await expect(page.getByRole("button", { name: "Save to my list" }).isVisible()).resolves.toBe(false);
      await expect(page.getByRole("heading", { name: "Contact" }).isVisible()).resolves.toBe(true);
      await page.emulateMedia({ media: "screen" });

      const servicePath = new URL(page.url()).pathname;
      await page.getByRole("link", { name: "Send the details by email or text" }).click();
      await page.waitForURL(/\/share$/);
      await checked.check();
      await page.getByLabel("Email address or UK mobile number").fill("resident@example.com");
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await checked.check();
      await expect(page.locator("#consent-error").textContent()).resolves.toContain("Tick the box");
      await expect(page.getByLabel("Email address or UK mobile number").inputValue()).resolves.toBe("resident@example.com");
      await page.getByLabel(/Send this one message/).check();
      await page.getByRole("button", { name: "Send", exact: true }).click();
      await page.waitForURL(/share\?sent=1$/);
      await checked.check();
      await expect(page.locator("h1").textContent()).resolves.toBe("The details are on their way");
      await checked.visit(servicePath);

      await page.getByRole("button", { name: "Save to my list" }).click();
      await page.getByRole("button", { name: "Remove from my list" }).waitFor();
      await checked.check();
      await page.getByRole("link", { name: "See my list" }).click();
      await page.waitForURL(/\/services\/shortlist$/);
      await checked.check();
      await expect(page.locator("#saved-services h2").allTextContents()).resolves.toEqual([serviceName]);
      if (javaScriptEnabled) await expect(page.getByRole("button", { name: "Print this list" }).isVisible()).resolves.toBe(true);
      else await expect(page.getByText("To print, use your browser’s Print option.").isVisible()).resolves.toBe(true);

      await page.emulateMedia({ media: "print" });
      await page.screenshot({ path: `/tmp/waymark-directory-shortlist-print-${name.replace(/\W+/g, "-")}.png`, fullPage: true });
      await expect(page.locator("header").first().isVisible()).resolves.toBe(false);
      await expect(page.getByRole("button", { name: /^Remove/ }).first().isVisible()).resolves.toBe(false);
      await expect(page.locator("#saved-services h2").first().isVisible()).resolves.toBe(true);
      await expect(page.locator("#saved-services").getByText("Phone").first().isVisible()).resolves.toBe(true);
      await expect(page.getByText(/^More details: http/).first().isVisible()).resolves.toBe(true);
      await page.emulateMedia({ media: "screen" });

      await page.getByRole("button", { name: `Remove ${serviceName} from my list` }).click();
      await page.getByText("You have not saved any services yet.").waitFor();
      await checked.check();
      await checked.close();
    });

    it("gives helpful suggestions when nothing matches, and a clear message for a wrong postcode", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await checked.visit("/services?q=xqzvbn&postcode=hello");
      await expect(page.locator("#postcode-error").textContent()).resolves.toContain("Enter a real postcode, like ME14 1LE");
      await expect(page.getByText("No services match all of that.").isVisible()).resolves.toBe(true);
      await page.getByRole("link", { name: "see every service" }).click();
      await page.waitForURL(/\/services$/);
      await checked.check();
      await expect(page.locator(".app-result").count()).resolves.toBe(20);
      await checked.close();
    });
  });
});
