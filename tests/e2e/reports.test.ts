import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "~/lib/db.server";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import { JS_MODES, launchBrowser, openPage } from "./harness/browser";
import { signInAs } from "./harness/sign-in";

/**
 * The shared e2e server has the demo partnership but no history. A few residents' self-checks
 * from Margate (persona: an older person with no device) are saved into its database with the
 * app's own engine and save path, so the figures and the Thanet device gap have something in them.
 */
async function addMargateTriages(count: number): Promise<void> {
  const db = createDatabase(path.join(inject("dataDir"), "waymark.db"));
  try {
    const content = loadTriageContent();
    const scenario = loadScenarios().find((s) => s.id === "older-no-device")!;
    const done = completeTriage(content, scenario.answers as never, "assisted");
    if (!done.ok) throw new Error(done.error);
    for (let i = 0; i < count; i++) await saveTriageResult(db, { outcome: done.outcome, postcode: "CT9 1RE", completedAt: new Date(Date.now() - (i + 1) * 86_400_000).toISOString() });
  } finally {
    await db.destroy();
  }
}

describe("reports: a coordinator filters, downloads a CSV and opens the gap analysis", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await addMargateTriages(6);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it("shows figures for Thanet over the last 3 months, as charts and tables", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await signInAs(checked, "coordinator");
      await checked.visit("/reports");
      await expect(page.locator("h1").textContent()).resolves.toBe("Reports");

      await page.getByLabel("Period", { exact: true }).selectOption({ label: "Last 3 months" });
      await page.getByLabel("Area", { exact: true }).selectOption({ label: "Thanet" });
      await Promise.all([page.waitForURL(/area=/), page.getByRole("button", { name: "Show figures" }).click()]);
      await checked.check();
      expect(page.url()).toContain("period=last-3-months");
      await expect(page.getByRole("status").textContent()).resolves.toMatch(/^Thanet, /);

      // Each figure is an image with a name, and its numbers are in a table under "Show the data".
      const chart = page.getByRole("img", { name: "Triages by how they were done" });
      await expect(chart.count()).resolves.toBe(1);
      await page.getByText("Show the data for “Barriers found”").click();
      const barriers = page.getByRole("table", { name: "Barriers found" });
      await expect(barriers.getByRole("row", { name: /Access to a device/ }).textContent()).resolves.toMatch(/Access to a device[0-9,]+[0-9,]+[0-9,]+\d+%/);
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
      expect(fits).toBe(true);
      await checked.close();
    });

    it("downloads a figure as CSV with small counts hidden", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await signInAs(checked, "coordinator");
      await checked.visit("/reports?period=last-12-months&area=all");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download “Triages by how they were done” as a CSV file/ }).click()]);
      expect(download.suggestedFilename()).toMatch(/^waymark-triage-modes-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = fs.readFileSync(await download.path(), "utf8").trim().split("\r\n");
      expect(lines[0]).toBe("Period from,Period to,Area,How done,Triages");
      expect(lines).toHaveLength(4);
      for (const line of lines.slice(1)) expect(line).toMatch(/,(\d+|<5|\[c\])$/);
      await checked.close();
    });

    it("opens the gap analysis and finds no device scheme near Margate", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await signInAs(checked, "coordinator");
      await checked.visit("/reports");
      await page.getByRole("link", { name: "Gap analysis: barriers set against nearby help" }).click();
      await checked.check();
      await expect(page.locator("h1").textContent()).resolves.toBe("Gap analysis");
      await page.getByLabel("Distance people can travel").selectOption("10");
      await Promise.all([page.waitForURL(/distance=10/), page.getByRole("button", { name: "Show gaps" }).click()]);
      await checked.check();
      const gaps = page.getByRole("table", { name: "Gaps, most pressing first" });
      const device = gaps.getByRole("row").filter({ hasText: "CT9 (Thanet)" }).filter({ hasText: "Access to a device" });
      await expect(device.count()).resolves.toBe(1);
      await expect(device.textContent()).resolves.toContain("Gap");
      await checked.close();
    });

    it("prints the board summary on one A4 page", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await signInAs(checked, "coordinator");
      await checked.visit("/reports/board-summary?period=last-12-months&area=all");
      await expect(page.locator("h1").textContent()).resolves.toMatch(/^Board summary: /);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
      await checked.close();
    });
  });
});
