import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "~/lib/db.server";
import { completeTriage } from "~/triage/outcome";
import { loadScenarios, loadTriageContent } from "~/triage/question-bank.server";
import { saveTriageResult } from "~/triage/triage-results.server";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";
import { DEMO_USERS, signInAs } from "./harness/sign-in";

// Three people, a course of five sessions, a booking and a register, every page scanned, on a shared 2-core machine.
const JOURNEY_TIMEOUT = 600_000;

/** An assisted plan made by the demo champion, in the running app's database; returns its id. */
async function seedChampionPlan(): Promise<string> {
  const db = createDatabase(path.join(inject("dataDir"), "waymark.db"));
  try {
    const champion = await db.selectFrom("users").select(["id", "organisation_id"]).where("email", "=", DEMO_USERS.champion).executeTakeFirstOrThrow();
    const scenario = loadScenarios().find((s) => s.id === "older-no-device")!;
    const done = completeTriage(loadTriageContent(), scenario.answers as never, "assisted");
    if (!done.ok) throw new Error(done.error);
    return (await saveTriageResult(db, { outcome: done.outcome, postcode: "ME15 9AA", createdByUserId: champion.id, organisationId: champion.organisation_id })).id;
  } finally {
    await db.destroy();
  }
}

/** Clicks something that loads a page (a new address, or the same one answered by a post) and scans it. */
async function submit(checked: CheckedPage, click: () => Promise<void>, to: RegExp): Promise<void> {
  const { page } = checked;
  if (checked.javaScriptEnabled) await Promise.all([page.waitForURL(to), click()]);
  else await Promise.all([page.waitForEvent("load"), click()]);
  expect(page.url()).toMatch(to);
  await checked.check();
}

const londonToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

describe("learners' courses", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it(
      "a provider publishes a five-session course, a champion books a person on from a plan, and the provider marks the register on a phone",
      async () => {
        const tag = javaScriptEnabled ? "JS on" : "JS off";
        const title = `Getting online (${tag})`;
        const learner = `Sam Carter ${javaScriptEnabled ? "A" : "B"}`;

        const provider = await openPage(browser, { javaScriptEnabled });
        await signInAs(provider, "provider");
        await provider.visit("/courses/manage/new");
        const p = provider.page;
        // Nothing chosen or typed: every problem is listed, and nothing is made.
        await submit(provider, () => p.getByRole("button", { name: "Continue" }).click(), /\/courses\/manage\/new$/);
        await expect(p.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter a title for the course");
        await p.getByLabel("Which of your listings is this course part of?").selectOption({ label: "Laptop, tablet and free SIM scheme at Park Wood" });
        await p.getByLabel("Course title").fill(title);
        await p.getByLabel("What the course covers and who it is for").fill("Five two-hour sessions: a laptop, email, staying safe and GOV.UK.");
        await submit(provider, () => p.getByRole("button", { name: "Continue" }).click(), /\/courses\/manage\/[0-9a-f-]{36}$/);
        const coursePath = new URL(p.url()).pathname;

        // A session added by mistake, then removed from the course page.
        await p.getByLabel("Date of the first session").fill(londonToday());
        await p.getByLabel("Start time").fill("18:00");
        await p.getByLabel("End time").fill("19:00");
        await p.getByLabel("On the digital bus").check();
        await submit(provider, () => p.getByRole("button", { name: "Add sessions" }).click(), /done=sessions/);
        await submit(provider, () => p.getByRole("button", { name: /^Remove / }).click(), /done=removed/);
        await expect(p.locator(".app-sessions__item").count()).resolves.toBe(0);

        await p.getByLabel("Date of the first session").fill(londonToday());
        await p.getByLabel("Start time").fill("00:00");
        await p.getByLabel("End time").fill("23:59");
        await p.getByLabel("At a place").check();
        await p.getByLabel("Place, if not on the bus").fill("Park Wood Community Hub");
        await p.getByLabel("How many people can come").fill("8");
        await p.getByLabel("How many weeks in a row").fill("5");
        await submit(provider, () => p.getByRole("button", { name: "Add sessions" }).click(), /done=sessions/);
        await expect(p.locator(".app-sessions__item").count()).resolves.toBe(5);
        await submit(provider, () => p.getByRole("button", { name: "Publish course" }).click(), /done=published/);
        await expect(p.locator("main").textContent()).resolves.toContain("Published");

        const champion = await openPage(browser, { javaScriptEnabled });
        await signInAs(champion, "champion");
        const c = champion.page;
        await champion.visit(`/triage/result/${await seedChampionPlan()}`);
        await submit(champion, () => c.getByRole("link", { name: "Book them onto a course" }).click(), /\/courses\?triage=/);
        await submit(champion, () => c.getByRole("link", { name: `Book a place on ${title}` }).click(), /\/courses\/[0-9a-f-]{36}\/book\?triage=/);
        await c.getByLabel("Their name").fill(learner);
        await c.getByLabel("Mobile number (optional)").fill(javaScriptEnabled ? "07700 900 611" : "07700 900 612");
        await c.getByLabel("By text message").check();
        // Without their agreement nothing is recorded, and what was typed stays.
        await submit(champion, () => c.getByRole("button", { name: "Book the place" }).click(), /\/book\?triage=/);
        await expect(c.locator(".govuk-error-summary").textContent()).resolves.toContain("The person must agree");
        await expect(c.getByLabel("Their name").inputValue()).resolves.toBe(learner);
        await c.getByLabel("They agree to this").check();
        await submit(champion, () => c.getByRole("button", { name: "Book the place" }).click(), /done=sent/);
        await expect(c.locator(".govuk-notification-banner").textContent()).resolves.toContain("The dates are on their way");

        // Back to the provider, on a 360px phone: the register of the first session.
        await provider.visit(coursePath);
        await submit(provider, () => p.getByRole("link", { name: /^Register for / }).first().click(), /\/courses\/register\/[0-9a-f-]{36}$/);
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await p.getByRole("checkbox", { name: learner }).check();
        await p.getByLabel(`What ${learner} did`).fill("Set up an email account");
        await submit(provider, () => p.getByRole("button", { name: "Save register" }).click(), /done=saved/);
        await expect(p.getByRole("checkbox", { name: learner }).isChecked()).resolves.toBe(true);
        await expect(p.getByLabel(`What ${learner} did`).inputValue()).resolves.toBe("Set up an email account");

        await p.getByLabel("Name", { exact: true }).fill(`Walk-in ${tag}`);
        await p.getByLabel("They agree to this").check();
        await submit(provider, () => p.getByRole("button", { name: "Add walk-in" }).click(), /done=walk-in/);
        await expect(p.getByRole("checkbox", { name: `Walk-in ${tag}` }).isChecked()).resolves.toBe(true);

        await provider.close();
        await champion.close();
      },
      JOURNEY_TIMEOUT,
    );
  });
});
