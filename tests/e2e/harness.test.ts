import fs from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAxeClean, launchBrowser, openPage } from "./harness/browser";

// The harness itself must be able to fail, or every green e2e run means nothing.
describe("e2e harness", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("fails on an axe violation", async () => {
    const { page, close } = await openPage(browser, { javaScriptEnabled: true });
    await page.setContent(fs.readFileSync("tests/fixtures/e2e/axe-violation.html", "utf8"));
    await expect(expectAxeClean(page)).rejects.toThrow(/image-alt|label|color-contrast/);
    await close();
  });

  it("fails when a loaded page was not scanned", async () => {
    const checked = await openPage(browser, { javaScriptEnabled: false });
    await checked.page.goto("/cookies");
    expect(() => checked.assertAllScanned()).toThrow(/not scanned/);
    await checked.context.close();
  });
});
