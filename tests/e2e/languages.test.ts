import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";

// A hang guard, not a timing: on a 2-core machine busy with other suites one JavaScript-off journey
// (about 25 pages, each scanned by axe) has taken over 300 s.
const JOURNEY_TIMEOUT = 600_000;

/** Clicks something that loads a page; by default one at another address. */
async function follow(checked: CheckedPage, click: () => Promise<void>, arrival?: (page: Page) => Promise<unknown>): Promise<void> {
  const before = checked.page.url();
  await Promise.all([arrival ? arrival(checked.page) : checked.page.waitForURL((url) => url.href !== before), click()]);
  await checked.check();
}

/** The switcher's link for a language, found by the language's own name and lang attribute. */
async function switchTo(checked: CheckedPage, name: string, lang: string): Promise<void> {
  const link = checked.page.locator(`.app-language-switcher a[hreflang="${lang}"]`);
  await expect(link.textContent()).resolves.toBe(name);
  // The switcher comes back to the same address, so wait for the new document instead.
  await follow(checked, () => link.click(), (page) => page.waitForEvent("load"));
  await expect(checked.page.locator("html").getAttribute("lang")).resolves.toBe(lang);
}

/** Ticks the listed answers on a question page, or the first ordinary choice, or the middle of a scale. */
async function answer(page: Page, preferred: Record<string, string[]>): Promise<string> {
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const values = await page.locator('input[name="answer"]').evaluateAll((inputs) =>
    inputs.filter((i) => i.getAttribute("data-behaviour") !== "exclusive").map((i) => (i as HTMLInputElement).value),
  );
  const wanted = preferred[id] ?? (values.every((v) => /^\d+$/.test(v)) ? ["6"] : [values[0]]);
  for (const value of wanted) await page.locator(`input[name="answer"][value="${value}"]`).check();
  return id;
}

async function answerAll(checked: CheckedPage, continueLabel: string, preferred: Record<string, string[]>): Promise<void> {
  while (new URL(checked.page.url()).pathname.startsWith("/check/q/")) {
    await answer(checked.page, preferred);
    await follow(checked, () => checked.page.getByRole("button", { name: continueLabel, exact: true }).click());
  }
}

const preferred = { goals: ["keep-in-touch", "health"], "work-status": ["not-looking"], "internet-use": ["never"], devices: ["smartphone"], "home-internet": ["mobile-prepay"] };

describe("the resident check in other languages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it(
      "a resident does the whole check in Welsh, with Welsh errors, and gets a Welsh plan",
      async () => {
        const checked = await openPage(browser, { javaScriptEnabled });
        const { page } = checked;
        await checked.visit("/check");
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en-GB");
        await switchTo(checked, "Cymraeg", "cy");
        expect(new URL(page.url()).pathname).toBe("/check");
        await expect(page.locator("h1").textContent()).resolves.toBe("Gwirio pa help y gallai fod ei angen arnoch");
        await follow(checked, () => page.getByRole("button", { name: "Dechrau nawr" }).click());

        // An answer left out gets the error in Welsh, linked to the question.
        await follow(
          checked,
          () => page.getByRole("button", { name: "Parhau", exact: true }).click(),
          (p) => p.locator(".govuk-error-summary").waitFor(),
        );
        await expect(page.locator(".govuk-error-summary__title").textContent()).resolves.toBe("Mae problem");
        await expect(page.locator(".govuk-error-summary a").textContent()).resolves.toBe("Dewiswch o leiaf un ateb.");
        await expect(page.locator("legend").textContent()).resolves.toContain("Beth hoffech chi ei wneud ar-lein?");

        await answerAll(checked, "Parhau", preferred);
        expect(new URL(page.url()).pathname).toBe("/check/answers");
        await expect(page.locator("h1").textContent()).resolves.toBe("Gwirio eich atebion");
        await expect(page.locator("main").textContent()).resolves.toContain("Siarad â theulu a ffrindiau");
        await follow(checked, () => page.getByRole("button", { name: "Cael fy nghynllun" }).click());

        expect(new URL(page.url()).pathname).toMatch(/^\/check\/result\/[A-Z0-9]{8}$/);
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
        await expect(page.locator(".govuk-panel__title").textContent()).resolves.toBe("Eich cynllun");
        for (const heading of ["Beth sy'n mynd yn dda", "Beth sy'n eich rhwystro", "Eich sgiliau digidol", "Beth i'w wneud nesaf", "Help yn agos atoch chi", "Cadw eich cynllun"]) {
          await expect(page.getByRole("heading", { name: heading, level: 2 }).count()).resolves.toBe(1);
        }
        // A step from the rules, in Welsh, and the guides it links to are Welsh too: nothing marked English.
        await expect(page.locator(".app-steps").textContent()).resolves.toContain("Dysgu anfon negeseuon a gwneud galwadau fideo i'r teulu");
        const guideLinks = page.locator('.app-steps a[href*="/knowledge/"]');
        const guideLangs = await guideLinks.evaluateAll((links) => links.map((a) => a.getAttribute("lang")));
        expect(guideLangs.length).toBeGreaterThan(0);
        expect(guideLangs.every((lang) => lang === null)).toBe(true);
        await expect(page.getByRole("link", { name: "Galwadau fideo" }).first().count()).resolves.toBe(1);

        // The guide opens in Welsh.
        await follow(checked, () => page.getByRole("link", { name: "Galwadau fideo" }).first().click());
        expect(new URL(page.url()).pathname).toBe("/knowledge/video-calls");
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
        await expect(page.locator("main").getAttribute("lang")).resolves.toBeNull();
        await expect(page.locator("h1").textContent()).resolves.toBe("Galwadau fideo");
        await expect(page.getByRole("heading", { name: "Pa ap?", level: 2 }).count()).resolves.toBe(1);
        await expect(page.locator("main").textContent()).resolves.not.toContain("What you need");
        await checked.close();
      },
      JOURNEY_TIMEOUT,
    );

    it(
      "a resident searches the directory in Welsh and reads a service's page with Welsh labels",
      async () => {
        const checked = await openPage(browser, { javaScriptEnabled });
        const { page } = checked;
        await checked.visit("/services");
        await switchTo(checked, "Cymraeg", "cy");
        expect(new URL(page.url()).pathname).toBe("/services");
        await expect(page.locator("h1").textContent()).resolves.toBe("Dod o hyd i help yn agos atoch chi");
        // The page is Welsh throughout, so its main content carries no English marker of its own.
        await expect(page.locator("main").getAttribute("lang")).resolves.toBeNull();

        await page.getByLabel("Ar agor ar").selectOption({ label: "Dydd Mawrth" });
        await page.getByLabel("Am ddim yn unig").check();
        await follow(checked, () => page.getByRole("button", { name: "Chwilio", exact: true }).click());
        expect(new URL(page.url()).searchParams.get("day")).toBe("tuesday");
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
        await expect(page.locator("#results-heading").textContent()).resolves.toMatch(/^Wedi dod o hyd i (1 gwasanaeth|\d+ o wasanaethau)/);
        const filters = await page.locator(".app-filters").textContent();
        expect(filters).toContain("Ar agor ar Dydd Mawrth");
        expect(filters).toContain("Am ddim yn unig");
        // Listings are as their providers wrote them: English, marked so.
        const first = page.locator(".app-result__title a").first();
        await expect(first.getAttribute("lang")).resolves.toBe("en-GB");

        await follow(checked, () => first.click());
        expect(new URL(page.url()).pathname).toMatch(/^\/services\/[0-9a-f-]{36}$/);
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
        await expect(page.locator("a.govuk-back-link").textContent()).resolves.toBe("Yn ôl i'r chwiliad");
        await expect(page.getByRole("heading", { name: "Sut i gael help", level: 2 }).count()).resolves.toBe(1);
        await expect(page.getByRole("heading", { name: "Cadw neu rannu hwn", level: 2 }).count()).resolves.toBe(1);
        await expect(page.locator("h1").getAttribute("lang")).resolves.toBe("en-GB");
        await expect(page.getByRole("button", { name: "Cadw ar fy rhestr" }).count()).resolves.toBe(1);

        // Reporting a problem with the listing, the saved list and a missing page are Welsh too.
        await follow(checked, () => page.getByRole("link", { name: "Rhoi gwybod am broblem gyda'r rhestriad hwn" }).click());
        expect(new URL(page.url()).pathname).toMatch(/\/report$/);
        await expect(page.locator("h1").textContent()).resolves.toBe("Rhoi gwybod am broblem gyda'r rhestriad hwn");
        await expect(page.locator("main").getAttribute("lang")).resolves.toBeNull();
        await checked.visit("/services/shortlist");
        await expect(page.locator("h1").textContent()).resolves.toBe("Eich gwasanaethau wedi'u cadw");
        await checked.visit("/no-such-page");
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
        await expect(page.locator("h1").textContent()).resolves.toBe("Heb ddod o hyd i'r dudalen");
        await checked.close();
      },
      JOURNEY_TIMEOUT,
    );

    it(
      "a resident switches from English to Polish part way through, keeps every answer, and gets a Polish plan",
      async () => {
        const checked = await openPage(browser, { javaScriptEnabled });
        const { page } = checked;
        await checked.visit("/check");
        await follow(checked, () => page.getByRole("button", { name: "Start now" }).click());
        await page.getByLabel("Talk to family and friends").check();
        await follow(checked, () => page.getByRole("button", { name: "Continue", exact: true }).click());
        await page.getByLabel("No, I'm not looking for work").check();
        await follow(checked, () => page.getByRole("button", { name: "Continue", exact: true }).click());
        expect(new URL(page.url()).pathname).toBe("/check/q/internet-use");

        // Switching comes back to the same question, now in Polish, and the earlier answers are still there.
        await switchTo(checked, "Polski", "pl");
        expect(new URL(page.url()).pathname).toBe("/check/q/internet-use");
        await expect(page.locator("legend").textContent()).resolves.toContain("Jak często korzystasz z internetu?");
        await follow(checked, () => page.locator("a.govuk-back-link").click());
        expect(new URL(page.url()).pathname).toBe("/check/q/work-status");
        await expect(page.getByLabel("Nie, nie szukam pracy").isChecked()).resolves.toBe(true);
        await follow(checked, () => page.getByRole("button", { name: "Dalej", exact: true }).click());

        await answerAll(checked, "Dalej", preferred);
        expect(new URL(page.url()).pathname).toBe("/check/answers");
        const answers = await page.locator("main").textContent();
        expect(answers).toContain("Rozmawiać z rodziną i przyjaciółmi");
        expect(answers).toContain("Nie, nie szukam pracy");
        await follow(checked, () => page.getByRole("button", { name: "Pokaż mój plan" }).click());

        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("pl");
        await expect(page.locator(".govuk-panel__title").textContent()).resolves.toBe("Twój plan");
        await expect(page.getByRole("heading", { name: "Co zrobić dalej", level: 2 }).count()).resolves.toBe(1);

        // Back to English from the plan: the same plan, in English.
        const planPath = new URL(page.url()).pathname;
        await switchTo(checked, "English", "en-GB");
        expect(new URL(page.url()).pathname).toBe(planPath);
        await expect(page.locator(".govuk-panel__title").textContent()).resolves.toBe("Your plan");
        await checked.close();
      },
      JOURNEY_TIMEOUT,
    );
  });
});
