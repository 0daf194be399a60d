import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";
import { signInAs } from "./harness/sign-in";

const ARTIFACTS = path.resolve("tests/e2e/.artifacts");
// A hang guard, not a timing: on a 2-core machine busy with other suites one JavaScript-off journey
// (about 25 pages, each scanned by axe) has taken over 300 s.
const JOURNEY_TIMEOUT = 600_000;

/** Clicks something that loads another page (or the same one again) and scans what loads. */
async function follow(checked: CheckedPage, click: () => Promise<void>, arrival: (page: Page) => Promise<unknown>): Promise<void> {
  await Promise.all([arrival(checked.page), click()]);
  await checked.check();
}

const leaves = (page: Page) => {
  const before = page.url();
  return page.waitForURL((url) => url.href !== before);
};

/**
 * Answers whatever question the page shows, from its own inputs: the preferred option where the
 * question id is listed, else the first ordinary choice, or the middle of a number scale.
 */
async function answerShownQuestion(page: Page, preferred: Record<string, string[]>): Promise<string> {
  const questionId = new URL(page.url()).pathname.split("/").pop()!;
  const inputs = await page.locator('input[name="answer"]').evaluateAll((elements) =>
    elements.map((e) => ({ id: e.id, type: (e as HTMLInputElement).type, value: (e as HTMLInputElement).value, exclusive: e.getAttribute("data-behaviour") === "exclusive" })),
  );
  expect(inputs.length, questionId).toBeGreaterThan(1);
  const isScale = inputs.every((i) => /^\d+$/.test(i.value));
  const wanted = preferred[questionId] ?? (isScale ? ["6"] : [inputs.find((i) => !i.exclusive)!.value]);
  for (const value of wanted) await page.locator(`input[name="answer"][value="${value}"]`).check();
  return questionId;
}

async function continueFrom(checked: CheckedPage, button: Locator): Promise<void> {
  await follow(checked, () => button.click(), leaves);
}

describe("triage", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ name, javaScriptEnabled }) => {
    it(
      "a resident completes the check, changes an answer, sees the plan and reopens it by reference",
      async () => {
        const checked = await openPage(browser, { javaScriptEnabled });
        const { page } = checked;
        await checked.visit("/check");
        await expect(page.locator("h1").textContent()).resolves.toBe("Check what help you might need");
        await continueFrom(checked, page.getByRole("button", { name: "Start now" }));

        // Continue without an answer: the error summary links to the question.
        await follow(checked, () => page.getByRole("button", { name: "Continue" }).click(), (p) => p.locator(".govuk-error-summary").waitFor());
        await expect(page.locator(".govuk-error-summary a").getAttribute("href")).resolves.toBe("#answer");

        // Someone with a pay-as-you-go phone they have never gone online with, hoping to reach family and the GP.
        const preferred = { goals: ["keep-in-touch", "health"], "work-status": ["not-looking"], "internet-use": ["never"], feelings: ["unsure"], devices: ["smartphone"], "home-internet": ["mobile-prepay"], confidence: ["4"] };
        const asked: string[] = [];
        while (new URL(page.url()).pathname.startsWith("/check/q/")) {
          await expect(page.locator("h1").count()).resolves.toBe(1);
          await expect(page.locator("a.govuk-back-link").count()).resolves.toBe(1);
          const id = await answerShownQuestion(page, preferred);
          if (id === "confidence") {
            await page.setViewportSize({ width: 320, height: 640 });
            expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
            await page.setViewportSize({ width: 360, height: 740 });
          }
          expect(asked).not.toContain(id);
          asked.push(id);
          await continueFrom(checked, page.getByRole("button", { name: "Continue" }));
        }
        expect(new URL(page.url()).pathname).toBe("/check/answers");
        expect(asked).toContain("data-runs-out");
        expect(asked.some((id) => id.startsWith("w-"))).toBe(false);

        await continueFrom(checked, page.getByRole("link", { name: "Change how you feel about going online" }));
        await page.getByLabel("I want to do more").check();
        await continueFrom(checked, page.getByRole("button", { name: "Continue" }));
        expect(new URL(page.url()).pathname).toBe("/check/answers");
        await expect(page.locator("main").textContent()).resolves.toContain("I want to do more");

        await continueFrom(checked, page.getByRole("button", { name: "Get my plan" }));
        const reference = new URL(page.url()).pathname.split("/").pop()!;
        expect(reference).toMatch(/^[A-Z0-9]{8}$/);
        await expect(page.locator(".app-reference").textContent()).resolves.toBe(`${reference.slice(0, 4)} ${reference.slice(4)}`);
        for (const heading of ["What is going well", "What is getting in the way", "Your digital skills", "What to do next", "Help near you", "Keep your plan"]) {
          await expect(page.getByRole("heading", { name: heading, level: 2, exact: true }).count()).resolves.toBe(1);
        }

        // postcodes.io cannot be reached here, so nearby help comes from the directory's own addresses.
        await page.getByLabel("Your postcode").fill("ME14 1LE");
        await continueFrom(checked, page.getByRole("button", { name: "Find help near me" }));
        await expect(page.locator(".app-nearby > li").count()).resolves.toBeGreaterThan(0);
        await expect(page.locator(".app-nearby > li").count()).resolves.toBeLessThanOrEqual(5);

        await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain("near ME14 1LE");

        if (javaScriptEnabled) {
          await printScreenshot(page, reference);
          await expectLightPage(`/check/result/${reference}?postcode=ME14`);
        }

        await checked.visit("/check/reopen");
        await page.getByLabel("Open your plan").fill(`${reference.slice(0, 4).toLowerCase()} ${reference.slice(4).toLowerCase()}`);
        await continueFrom(checked, page.getByRole("button", { name: "Open my plan" }));
        expect(new URL(page.url()).pathname).toBe(`/check/result/${reference}`);
        await checked.close();
      },
      JOURNEY_TIMEOUT,
    );

    it(
      "a champion runs an assisted triage, skips a question and comes back to it, and finishes on the plan",
      async () => {
        const checked = await openPage(browser, { javaScriptEnabled });
        const { page } = checked;
        await signInAs(checked, "champion");
        await checked.visit("/triage");
        await page.getByLabel("Their postcode (optional)").fill("ME15");
        await continueFrom(checked, page.getByRole("button", { name: "Start", exact: true }));
        expect(new URL(page.url()).pathname).toBe("/triage/q/goals");
        await page.getByText("What to look out for").click();
        await expect(page.getByText("Letters they have brought with them").isVisible()).resolves.toBe(true);
        await continueFrom(checked, page.getByRole("button", { name: "Skip for now" }));

        const preferred = { "work-status": ["not-looking"], "internet-use": ["never"], devices: ["basic-phone"], "access-needs": ["seeing"], "needs-vary": ["yes"] };
        while (new URL(page.url()).pathname.startsWith("/triage/q/")) {
          await answerShownQuestion(page, preferred);
          await continueFrom(checked, page.getByRole("button", { name: "Continue" }));
        }
        expect(new URL(page.url()).pathname).toBe("/triage/answers");
        await expect(page.locator("main").textContent()).resolves.toContain("Skipped");

        await checked.visit("/triage/sections");
        await expect(page.locator(".govuk-task-list__item").count()).resolves.toBe(7);
        await continueFrom(checked, page.getByRole("link", { name: "What you want to do online" }));
        await page.getByLabel("Talk to family and friends").check();
        await continueFrom(checked, page.getByRole("button", { name: "Continue" }));
        expect(new URL(page.url()).pathname).toBe("/triage/sections");
        await continueFrom(checked, page.getByRole("button", { name: "Check answers and finish" }));
        await expect(page.locator("main").textContent()).resolves.not.toContain("Skipped");

        await page.getByLabel("Your notes (optional)").fill(`Brought a letter from the Jobcentre (${name}).`);
        await continueFrom(checked, page.getByRole("button", { name: "Finish and see the plan" }));
        expect(new URL(page.url()).pathname).toMatch(/^\/triage\/result\/[0-9a-f-]{36}$/);
        await expect(page.getByRole("heading", { name: "Barriers", exact: true }).count()).resolves.toBe(1);
        await expect(page.getByRole("link", { name: /^Make a referral/ }).count()).resolves.toBeGreaterThan(0);
        await expect(page.locator('a[href^="/knowledge/"]').count()).resolves.toBeGreaterThan(0);
        await checked.close();
      },
      JOURNEY_TIMEOUT,
    );
  });
});

/** The plan page's HTML and stylesheets, gzipped, stay under 60 KB, and it reads in full without scripts. */
async function expectLightPage(pathname: string): Promise<void> {
  const base = inject("baseUrl");
  const html = await (await fetch(`${base}${pathname}`)).text();
  expect(html).toContain("What to do next");
  expect(html).toContain("Help near you");
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  expect(stylesheets.length).toBeGreaterThan(0);
  let bytes = gzipSync(html).length;
  for (const href of stylesheets) {
    const css = await fetch(new URL(href, base));
    bytes += gzipSync(Buffer.from(await css.arrayBuffer())).length;
  }
  console.log(`Plan page ${pathname}: ${(bytes / 1024).toFixed(1)} KB of HTML and CSS, gzipped`);
  expect(bytes).toBeLessThan(60 * 1024);
}

/** The paper copy: header, navigation, forms and buttons gone; links written out. */
async function printScreenshot(page: Page, reference: string): Promise<void> {
  await page.emulateMedia({ media: "print" });
  try {
    for (const hidden of [".govuk-header", ".govuk-service-navigation", ".govuk-footer", "form", ".govuk-button"]) {
      const visible = await page.locator(hidden).evaluateAll((elements) => elements.filter((e) => e.getClientRects().length > 0).length);
      expect(visible, hidden).toBe(0);
    }
    await expect(page.locator(".app-only-print").isVisible()).resolves.toBe(true);
    const expanded = await page.locator(".app-steps a").first().evaluate((a) => getComputedStyle(a, "::after").content);
    expect(expanded).toContain("http");
    await page.screenshot({ path: path.join(ARTIFACTS, `triage-plan-print-${reference}.png`), fullPage: true });
  } finally {
    await page.emulateMedia({ media: "screen" });
  }
}
