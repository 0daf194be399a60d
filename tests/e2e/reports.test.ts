import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { areaIdFor } from "~/directory/stable-id";
import { createDatabase } from "~/lib/db.server";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import { type CheckedPage, JS_MODES, launchBrowser, openPage } from "./harness/browser";
import { signInAs } from "./harness/sign-in";

const DAY = 86_400_000;
/** A UK date `days` before today, as YYYY-MM-DD (noon UTC is the same date in the UK). */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);

/**
 * A window more than a year back that no other test writes to: 6 triages with a champion
 * (an older person with no device) and 2 self-checks (a lone parent on pay as you go) in
 * Thanet, so its triage modes and skills levels must be published as "[c]" and "<5".
 */
const QUIET = { from: daysAgo(410), to: daysAgo(400) };
const QUIET_QUERY = `period=custom&from=${QUIET.from}&to=${QUIET.to}&area=${areaIdFor("thanet")}`;

/**
 * The shared e2e server has the demo partnership but no history. Residents' checks from Margate
 * are saved into its database with the app's own engine and save path: a few in the last week
 * (persona: an older person with no device), so the figures and the Thanet device gap have
 * something in them, and the small known counts of the quiet window.
 */
async function addMargateTriages(): Promise<void> {
  const db = createDatabase(path.join(inject("dataDir"), "waymark.db"));
  try {
    const content = loadTriageContent();
    const save = async (mode: "assisted" | "self", completedAt: string, persona = "older-no-device") => {
      const scenario = loadScenarios().find((s) => s.id === persona)!;
      const done = completeTriage(content, scenario.answers as never, mode);
      if (!done.ok) throw new Error(done.error);
      await saveTriageResult(db, { outcome: done.outcome, postcode: "CT9 1RE", completedAt });
    };
    for (let i = 0; i < 6; i++) await save("assisted", new Date(Date.now() - (i + 1) * DAY).toISOString());
    for (let i = 0; i < 6; i++) await save("assisted", `${daysAgo(401 + i)}T12:00:00.000Z`);
    for (let i = 0; i < 2; i++) await save("self", `${daysAgo(407 + i)}T12:00:00.000Z`, "lone-parent-payg");
  } finally {
    await db.destroy();
  }
}

/** Opens every "Show the data" table (closed, axe would skip them) and scans the page again. */
async function openEveryTableAndCheck(checked: CheckedPage): Promise<void> {
  const closed = checked.page.locator("details:not([open])", { hasText: "Show the data for" });
  const tables = await checked.page.locator("details", { hasText: "Show the data for" }).count();
  expect(tables).toBeGreaterThan(0);
  while ((await closed.count()) > 0) await closed.first().locator("summary").click();
  await expect(checked.page.locator("details[open]", { hasText: "Show the data for" }).count()).resolves.toBe(tables);
  await expect(checked.page.locator("details[open] table").count()).resolves.toBe(tables);
  await checked.check();
}

describe("reports: a coordinator filters, downloads a CSV and opens the gap analysis", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await addMargateTriages();
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
      await openEveryTableAndCheck(checked);
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
      // The quiet window: 6 triages with a champion and 2 self-checks in Thanet, shown exactly here.
      await checked.visit(`/reports?${QUIET_QUERY}`);
      const modes = page.getByRole("table", { name: "Triages by how they were done" });
      await openEveryTableAndCheck(checked);
      await expect(modes.getByRole("row", { name: /Self-check/ }).textContent()).resolves.toBe("Self-check by the resident2");
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Download “Triages by how they were done” as a CSV file/ }).click()]);
      expect(download.suggestedFilename()).toBe(`waymark-triage-modes-${QUIET.from}-to-${QUIET.to}.csv`);
      const lines = fs.readFileSync(await download.path(), "utf8").trim().split("\r\n");
      // The 2 self-checks are hidden, and the 6 with them, or 8 − 6 would give the 2 away.
      expect(lines).toEqual([
        "Period from,Period to,Area,How done,Triages",
        `${QUIET.from},${QUIET.to},Thanet,With a champion or staff,[c]`,
        `${QUIET.from},${QUIET.to},Thanet,Self-check by the resident,<5`,
        `${QUIET.from},${QUIET.to},Thanet,Total,[c]`,
      ]);
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
      await page.emulateMedia({ media: "screen" });
      await openEveryTableAndCheck(checked);
      // The quiet window's summary hides the 2 at the skills level "for life" as the files do.
      await checked.visit(`/reports/board-summary?${QUIET_QUERY}`);
      await openEveryTableAndCheck(checked);
      const levels = page.getByRole("table", { name: "Essential Digital Skills levels" });
      const life = levels.locator("tr", { has: page.getByRole("rowheader", { name: "Essential skills for life", exact: true }) });
      await expect(life.textContent()).resolves.toBe("Essential skills for life<5<5");
      await checked.close();
    });
  });
});
