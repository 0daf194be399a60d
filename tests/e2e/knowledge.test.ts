import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";
import { DEMO_PASSWORD, DEMO_USERS } from "./harness/sign-in";

interface QuizFile {
  id: string;
  lessons: { id: string }[];
  quiz: { questions: { id: string; options: { id: string; correct?: boolean }[] }[] };
}

// The right answers come from the module file itself, so the test follows the content.
const MODULE_ID = "being-a-digital-champion";
const quiz = parse(fs.readFileSync(path.join(process.cwd(), "content", "training", `${MODULE_ID}.yaml`), "utf8")) as QuizFile;
const correctAnswers = quiz.quiz.questions.map((q) => ({ question: q.id, option: q.options.find((o) => o.correct)!.id }));

/** Signs in through the real form, going straight to `path` rather than the role's home page. */
async function signInTo(checked: CheckedPage, role: keyof typeof DEMO_USERS, path: string): Promise<void> {
  await checked.visit(`/login?redirectTo=${encodeURIComponent(path)}`);
  await checked.page.getByLabel("Email address").fill(DEMO_USERS[role]);
  await checked.page.getByLabel("Password").fill(DEMO_PASSWORD);
  await clickThrough(checked, () => checked.page.getByRole("button", { name: "Sign in" }).click(), (url) => url.pathname === path);
}

/** Clicks something that loads a new page (a full load, or a Remix navigation with JavaScript on), then scans it. */
async function clickThrough(checked: CheckedPage, click: () => Promise<void>, until: (url: URL) => boolean): Promise<void> {
  await Promise.all([checked.page.waitForURL(until), click()]);
  await checked.check();
}

describe("knowledge store and training", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it("finds a guide by a mistyped search and opens it", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await checked.visit("/knowledge");
      await page.getByLabel("Search guides").fill("scmas");
      await clickThrough(checked, () => page.getByRole("button", { name: "Search" }).click(), (url) => url.searchParams.get("q") === "scmas");
      await expect(page.getByRole("link", { name: "Remove filter Search: scmas" }).count()).resolves.toBe(1);
      const first = page.locator(".app-results__item a").first();
      await expect(first.textContent()).resolves.toBe("Scams and staying safe online");
      await clickThrough(checked, () => first.click(), (url) => url.pathname === "/knowledge/scams-and-staying-safe");
      await expect(page.locator("h1").textContent()).resolves.toBe("Scams and staying safe online");
      await expect(page.getByText("Last reviewed").count()).resolves.toBe(1);

      // A long guide has a contents list whose links land on its sections.
      await checked.visit("/knowledge/free-data-sims-and-devices");
      const contents = page.locator(".app-contents a");
      expect(await contents.count()).toBeGreaterThanOrEqual(3);
      const target = await contents.first().getAttribute("href");
      await expect(page.locator(target!).count()).resolves.toBe(1);

      await checked.visit("/knowledge?type=case-study&audience=staff");
      await expect(page.locator(".app-results__item").count()).resolves.toBeGreaterThan(0);
      await checked.visit("/knowledge/data");
      await expect(page.locator("h1").textContent()).resolves.toBe("Open data");
      await checked.close();
    });

    it("lets a champion take a module quiz to a pass and see it on the training page", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await signInTo(checked, "champion", `/training/${MODULE_ID}`);
      const [first, second] = quiz.lessons;
      await checked.visit(`/training/${MODULE_ID}/lessons/${first.id}`);
      await clickThrough(checked, () => page.getByRole("button", { name: "Mark as read and continue" }).click(), (url) => url.pathname.endsWith(`/lessons/${second.id}`));
      await checked.visit(`/training/${MODULE_ID}`);
      await expect(page.locator(`a[href$="/lessons/${first.id}"] + .app-meta`).textContent()).resolves.toBe(" (read)");
      await clickThrough(checked, () => page.getByRole("link", { name: "Take the quiz" }).click(), (url) => url.pathname.endsWith("/quiz"));

      // Leave the first question out: the page comes back with an error summary and the rest kept.
      for (const { question, option } of correctAnswers.slice(1)) await page.locator(`input[name="answer-${question}"][value="${option}"]`).check();
      await page.getByRole("button", { name: "Check my answers" }).click();
      await page.locator(".govuk-error-summary").waitFor();
      await checked.check();
      await expect(page.locator(".govuk-error-summary a").allTextContents()).resolves.toEqual(["Answer question 1"]);
      await expect(page.locator(`input[name="answer-${correctAnswers[1].question}"][value="${correctAnswers[1].option}"]`).isChecked()).resolves.toBe(true);

      await page.locator(`input[name="answer-${correctAnswers[0].question}"][value="${correctAnswers[0].option}"]`).check();
      await clickThrough(checked, () => page.getByRole("button", { name: "Check my answers" }).click(), (url) => url.pathname.includes("/quiz/results/"));
      await expect(page.locator("h1").textContent()).resolves.toBe("You passed");
      await expect(page.getByText("Your answer:").count()).resolves.toBe(correctAnswers.length);

      await checked.visit("/training");
      const module = page.locator(".app-modules__item", { has: page.locator(`a[href="/training/${MODULE_ID}"]`) });
      await expect(module.locator(".govuk-tag").allTextContents()).resolves.toEqual(["Core", "Passed"]);
      await expect(module.textContent()).resolves.toContain("Best quiz score 100%");
      await checked.visit("/training/record");
      await checked.close();
      // A dozen pages, each scanned by axe (twice over with JavaScript off), on a shared machine.
    }, 150_000);

    it("lets a champion log a person helped in one short form", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      const place = `Margate library ${javaScriptEnabled ? "on" : "off"} ${Date.now()}`;
      await signInTo(checked, "champion", "/people-helped/new");
      await page.getByLabel("Where you helped").fill(place);
      await page.getByLabel("Digital skills").check();
      await page.getByLabel("15 minutes").check();
      await clickThrough(checked, () => page.getByRole("button", { name: "Save" }).click(), (url) => url.pathname === "/people-helped");
      await expect(page.locator(".govuk-notification-banner--success").count()).resolves.toBe(1);
      const row = page.locator("tr", { hasText: place });
      await expect(row.textContent()).resolves.toContain("Digital skills");
      await checked.close();
    });

    it("shows a coordinator who in their areas has completed the core training", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      await signInTo(checked, "coordinator", "/training");
      await clickThrough(checked, () => checked.page.getByRole("link", { name: "See who has completed the core modules" }).click(), (url) => url.pathname === "/training/completions");
      await expect(checked.page.locator("table th[scope=col]").first().textContent()).resolves.toBe("Name");
      await checked.close();
    });
  });

  it("serves the open data files", async () => {
    const base = inject("baseUrl");
    for (const [file, firstLine] of [
      ["directory.csv", "id,name,organisation,categories,area,postcode_district,free,attending_modes,phone,email,url,last_verified"],
      ["triage-statistics.csv", "month,area,triages,"],
      ["referral-statistics.csv", "month,area,category,referrals,"],
    ]) {
      const response = await fetch(`${base}/knowledge/data/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      expect((await response.text()).startsWith(firstLine), file).toBe(true);
    }
    const json = await fetch(`${base}/knowledge/data/directory.json`);
    const services = (await json.json()) as unknown[];
    expect(services.length).toBeGreaterThan(0);
  });
});
