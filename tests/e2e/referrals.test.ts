import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serviceIdFor } from "~/directory/stable-id";
import { createDatabase } from "~/lib/db.server";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";
import { signInAs } from "./harness/sign-in";

/** Connect Kent CIC's device scheme in Maidstone: the demo provider's organisation, the demo champion's area. */
const SERVICE_ID = serviceIdFor("park-wood-device-and-data");

/**
 * A finished triage plan in the running app's database, as an assisted triage would leave it
 * (the triage pages are built separately; the referral starts from the plan's link).
 */
async function seedTriagePlan(): Promise<string> {
  const db = createDatabase(path.join(inject("dataDir"), "waymark.db"));
  try {
    const content = loadTriageContent();
    const scenario = loadScenarios().find((s) => s.id === "older-no-device")!;
    const done = completeTriage(content, scenario.answers as never, scenario.mode);
    if (!done.ok) throw new Error(done.error);
    return (await saveTriageResult(db, { outcome: done.outcome, postcode: "ME14 1LQ" })).reference;
  } finally {
    await db.destroy();
  }
}

/**
 * Clicks a button that submits a form, waits for the page it leads to, and scans it. Referral
 * forms always load a new document (with JavaScript too), so waiting for "load" covers a page
 * that re-renders at the same address with errors.
 */
async function submit(checked: CheckedPage, button: string, to: RegExp): Promise<void> {
  const loaded = checked.page.waitForEvent("load");
  await checked.page.getByRole("button", { name: button }).click();
  await loaded;
  expect(checked.page.url()).toMatch(to);
  await checked.check();
}

async function heading(page: Page): Promise<string> {
  return ((await page.locator("h1").textContent()) ?? "").trim();
}

describe("referrals", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it("a champion refers from a triage plan, the provider accepts and records an outcome, and the champion sees it", async () => {
      const triage = await seedTriagePlan();
      const champion = await openPage(browser, { javaScriptEnabled });
      const { page } = champion;
      await signInAs(champion, "champion");

      await champion.visit(`/referrals/new?service=${SERVICE_ID}&triage=${triage}`);
      expect(page.url()).toMatch(/\/referrals\/new\/reasons$/);
      expect(await heading(page)).toContain("Laptop, tablet and free SIM scheme at Park Wood");
      // The plan's barriers come ticked.
      await expect(page.getByLabel("Access to a device").isChecked()).resolves.toBe(true);
      await submit(champion, "Continue", /\/referrals\/new\/person$/);

      // A mistake first: the error summary links to the field, and what was typed stays.
      await page.getByLabel("Their first name or initials").fill("Eve <script>");
      await page.getByLabel("Email", { exact: true }).check();
      await page.getByLabel("Email address").fill("eve.resident@example.org");
      await submit(champion, "Continue", /\/referrals\/new\/person$/);
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("only include letters");
      await expect(page.getByLabel("Email address").inputValue()).resolves.toBe("eve.resident@example.org");
      await page.getByLabel("Their first name or initials").fill("Eve");
      await page.getByLabel(/The first part of their postcode/).fill("ME14 1LQ");
      await submit(champion, "Continue", /\/referrals\/new\/needs$/);
      await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain("We kept only ME14");

      await page.getByLabel("No", { exact: true }).check();
      await submit(champion, "Continue", /\/referrals\/new\/consent$/);
      await expect(page.locator(".govuk-inset-text").textContent()).resolves.toContain("Connect Kent CIC");
      await page.getByLabel("Yes, they agree").check();
      await page.getByLabel("In person").check();
      await submit(champion, "Continue", /\/referrals\/new\/check$/);
      await expect(page.locator(".govuk-summary-list").nth(2).textContent()).resolves.toContain("eve.resident@example.org");
      await submit(champion, "Send the referral", /\/referrals\/new\/confirmation$/);
      expect(await heading(page)).toBe("Referral sent");
      const reference = ((await page.locator(".govuk-panel .app-reference").textContent()) ?? "").replace(/\s/g, "");
      expect(reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);

      const provider = await openPage(browser, { javaScriptEnabled });
      await signInAs(provider, "provider");
      await provider.visit("/referrals");
      await provider.page.getByRole("link", { name: `${reference.slice(0, 4)} ${reference.slice(4)}` }).click();
      await provider.page.waitForURL(new RegExp(`/referrals/${reference}$`));
      await provider.check();
      await expect(provider.page.locator("main").textContent()).resolves.toContain("eve.resident@example.org");
      for (const [move, extra, done] of [
        ["Accept the referral", null, "accepted"],
        ["We have contacted the person", null, "contacted"],
        ["Record the outcome", "Received a device", "outcome"],
      ] as const) {
        await provider.page.getByLabel(move).check();
        if (extra) await provider.page.getByLabel(extra).check();
        await submit(provider, "Save the update", new RegExp(`/referrals/${reference}\\?done=${done}$`));
      }
      await expect(provider.page.locator(".app-referral-timeline").textContent()).resolves.toContain("Person contacted → Outcome recorded");
      await provider.close();

      await champion.visit(`/referrals/${reference}`);
      await expect(page.locator("main").textContent()).resolves.toMatch(/Outcome recorded[\s\S]*Received a device/);
      await champion.visit("/referrals");
      const row = page.locator("tr", { has: page.getByRole("link", { name: `${reference.slice(0, 4)} ${reference.slice(4)}` }) });
      await expect(row.textContent()).resolves.toContain("Outcome recorded");
      await champion.close();
    }, 240_000);
  });
});
