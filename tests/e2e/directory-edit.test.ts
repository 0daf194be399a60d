import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";
import { DEMO_PASSWORD, DEMO_USERS } from "./harness/sign-in";

/**
 * Keeping a listing right: a provider edits their organisation's listing, the change waits in
 * the coordinator's approval queue with a before/after table, the coordinator approves it, and
 * the public service page shows it. Each mode edits a different listing so neither depends on
 * the other having run.
 */
describe("directory listing edits", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const LISTINGS = {
    "JavaScript on": "Laptop loans and free data in Sherwood",
    "JavaScript off": "Free SIM cards and data in Cliftonville",
  } as const;

  /** Signs in through the real form, going straight on to `path` rather than the role's start page. */
  async function signInTo(checked: CheckedPage, role: keyof typeof DEMO_USERS, path: string) {
    await checked.visit(`/login?redirectTo=${encodeURIComponent(path)}`);
    await checked.page.getByLabel("Email address").fill(DEMO_USERS[role]);
    await checked.page.getByLabel("Password").fill(DEMO_PASSWORD);
    await Promise.all([checked.page.waitForURL((url) => url.pathname === path), checked.page.getByRole("button", { name: "Sign in" }).click()]);
    await checked.check();
  }

  describe.each(JS_MODES)("with $name", ({ name, javaScriptEnabled }) => {
    it("a provider's edit waits for approval, a coordinator approves it, and the public page shows it", async () => {
      const listing = LISTINGS[name];
      const newText = `Updated in the ${name} test ${Date.now()}: borrow a laptop for up to a year.`;

      const provider = await openPage(browser, { javaScriptEnabled });
      await signInTo(provider, "provider", "/directory/manage");
      await expect(provider.page.locator("h1").textContent()).resolves.toBe("Listings");
      await provider.page.getByRole("link", { name: listing, exact: true }).click();
      await provider.page.waitForURL(/\/directory\/manage\/[^/]+\/edit$/);
      await provider.check();
      const serviceId = new URL(provider.page.url()).pathname.split("/")[3];

      await provider.page.getByLabel("Description", { exact: true }).fill(newText);
      await Promise.all([provider.page.waitForURL(/done=proposed/), provider.page.getByRole("button", { name: "Send changes for approval" }).click()]);
      await provider.check();
      expect(await provider.page.locator(".govuk-notification-banner").allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining("Your changes are waiting for a coordinator to approve them.")]),
      );
      expect(await provider.page.getByLabel("Description", { exact: true }).inputValue()).toBe(newText);

      // Not live yet.
      await provider.visit(`/services/${serviceId}`);
      expect(await provider.page.locator("main").textContent()).not.toContain(newText);
      await provider.close();

      const coordinator = await openPage(browser, { javaScriptEnabled });
      await signInTo(coordinator, "coordinator", "/directory/approvals");
      await coordinator.page.getByRole("link", { name: listing, exact: true }).click();
      await coordinator.page.waitForURL(/\/directory\/approvals\/[^/]+$/);
      await coordinator.check();
      const diff = coordinator.page.locator("table.app-diff");
      expect(await diff.locator("tbody tr th").allTextContents()).toEqual(["Description"]);
      expect(await diff.locator("tbody tr td").last().textContent()).toBe(newText);

      await Promise.all([coordinator.page.waitForURL(/done=approved/), coordinator.page.getByRole("button", { name: "Approve and publish" }).click()]);
      await coordinator.check();
      expect(await coordinator.page.locator(".govuk-notification-banner").textContent()).toContain("Change approved");

      await coordinator.visit(`/services/${serviceId}`);
      expect(await coordinator.page.locator("main").textContent()).toContain(newText);
      await coordinator.close();
    });

    it("a coordinator previews a CSV import, fixes the line it names, imports it, and checks the other listing pages", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      const serviceName = `Imported tablet club ${name} ${Date.now()}`;
      const header = "name,organisation,description,categories,address,postcode,phone,free,attending,opening hours";
      const row = (postcode: string) => `${serviceName},Connect Kent CIC,Learn to use a tablet.,skills-course,"Town Hall, High Street, Maidstone",${postcode},01632 960730,yes,in-person,Wed 10:00-12:00`;

      await signInTo(checked, "coordinator", "/directory/import");
      await page.getByLabel("Or paste the rows, header first").fill(`${header}\n${row("ME14")}`);
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Preview import" }).click()]);
      await page.locator(".govuk-error-summary").waitFor();
      await checked.check();
      expect(await page.locator(".govuk-error-summary").textContent()).toContain("Line 2: postcode: Enter a real postcode, like ME14 1LE");
      expect(await page.getByRole("button", { name: /^Import/ }).count()).toBe(0);

      await page.getByLabel("Or paste the rows, header first").fill(`${header}\n${row("ME14 1LE")}`);
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Preview import" }).click()]);
      await page.getByRole("button", { name: "Import 1 service" }).waitFor();
      await checked.check();
      await Promise.all([page.waitForURL(/created=1/), page.getByRole("button", { name: "Import 1 service" }).click()]);
      await checked.check();
      expect(await page.locator(".govuk-notification-banner").textContent()).toContain("1 added");

      await checked.visit("/directory/manage");
      await page.getByRole("link", { name: serviceName, exact: true }).click();
      await page.waitForURL(/\/edit$/);
      await checked.check();
      const serviceId = new URL(page.url()).pathname.split("/")[3];
      await checked.visit(`/directory/manage/${serviceId}/verify`);
      await Promise.all([page.waitForURL(/done=verified/), page.getByRole("button", { name: "Yes, this is still correct" }).click()]);
      await checked.check();

      await checked.visit("/directory/reports");
      await checked.visit("/directory/manage/new");
      await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Add listing" }).click()]);
      await page.locator(".govuk-error-summary").waitFor();
      await checked.check();
      expect(await page.locator(".govuk-error-summary a").first().textContent()).toBe("Choose the organisation that runs the service");
      await checked.close();
    });
  });
});
