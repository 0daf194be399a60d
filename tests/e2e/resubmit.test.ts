import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceIdFor } from "~/directory/stable-id";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";
import { failThenResubmit } from "./harness/resubmit";
import { DEMO_PASSWORD, DEMO_USERS, signInAs } from "./harness/sign-in";

const MODULE_ID = "being-a-digital-champion";
const quiz = parse(fs.readFileSync(path.join(process.cwd(), "content", "training", `${MODULE_ID}.yaml`), "utf8")) as {
  quiz: { questions: { id: string; options: { id: string; correct?: boolean }[] }[] };
};

const pressButton = (checked: CheckedPage, name: string) => () => checked.page.getByRole("button", { name, exact: true }).click();

/**
 * A correction sent straight after an error reaches the next page, on every kind of form that
 * can show an error: sign-in, the resident's and the champion's question pages, a training quiz,
 * a referral step and the people-helped log.
 */
describe("a form corrected straight after an error is sent", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it("on the resident's question pages", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await checked.visit("/check/q/goals");
      await failThenResubmit(checked, {
        press: pressButton(checked, "Continue"),
        correct: async () => {
          await page.getByLabel("Talk to family and friends").check();
          await page.getByLabel("Book doctor's appointments or order medicine").check();
        },
        arrived: (url) => url.pathname.startsWith("/check/q/") && !url.pathname.endsWith("/goals"),
      });
      await checked.close();
    });

    it("on sign-in, then the champion's question pages, quiz, referral step and people-helped log", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;

      await checked.visit("/login");
      await page.getByLabel("Email address").fill(DEMO_USERS.champion);
      await failThenResubmit(checked, {
        press: pressButton(checked, "Sign in"),
        correct: () => page.getByLabel("Password").fill(DEMO_PASSWORD),
        arrived: (url) => !url.pathname.startsWith("/login"),
      });

      await checked.visit("/triage");
      await Promise.all([page.waitForURL(/\/triage\/q\/goals$/), pressButton(checked, "Start")()]);
      await checked.check();
      await failThenResubmit(checked, {
        press: pressButton(checked, "Continue"),
        correct: () => page.getByLabel("Talk to family and friends").check(),
        arrived: (url) => url.pathname.startsWith("/triage/q/") && !url.pathname.endsWith("/goals"),
      });

      await checked.visit(`/training/${MODULE_ID}/quiz`);
      const [first, ...rest] = quiz.quiz.questions;
      const correctOption = (question: (typeof quiz.quiz.questions)[number]) =>
        page.locator(`input[name="answer-${question.id}"][value="${question.options.find((o) => o.correct)!.id}"]`);
      for (const question of rest) await correctOption(question).check();
      await failThenResubmit(checked, {
        press: pressButton(checked, "Check my answers"),
        correct: () => correctOption(first).check(),
        arrived: (url) => url.pathname.includes("/quiz/results/"),
      });
      await expect(page.locator("h1").textContent()).resolves.toBe("You passed");

      await checked.visit(`/referrals/new?service=${serviceIdFor("park-wood-device-and-data")}`);
      expect(new URL(page.url()).pathname).toBe("/referrals/new/reasons");
      await failThenResubmit(checked, {
        press: pressButton(checked, "Continue"),
        correct: () => page.getByLabel("Access to a device").check(),
        arrived: (url) => url.pathname === "/referrals/new/person",
      });

      await checked.visit("/people-helped/new");
      // The form offers the place last used; without one it cannot be saved.
      await page.getByLabel("Where you helped").fill("");
      await failThenResubmit(checked, {
        press: pressButton(checked, "Save"),
        correct: async () => {
          await page.getByLabel("Where you helped").fill(`Ramsgate library, quick correction ${javaScriptEnabled ? "on" : "off"}`);
          await page.getByLabel("Digital skills").check();
          await page.getByLabel("15 minutes").check();
        },
        arrived: (url) => url.pathname === "/people-helped",
      });
      await checked.close();
    });

    it("but a double press sends the form once", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      const { page } = checked;
      await signInAs(checked, "staff");
      await checked.visit("/people-helped/new");
      const place = `Tunbridge Wells library, double press ${javaScriptEnabled ? "on" : "off"} ${Date.now()}`;
      await page.getByLabel("Where you helped").fill(place);
      await page.getByLabel("Digital skills").check();
      await page.getByLabel("15 minutes").check();
      let posts = 0;
      page.on("request", (request) => {
        if (request.method() === "POST" && new URL(request.url()).pathname === "/people-helped/new") posts += 1;
      });
      await Promise.all([page.waitForURL((url) => url.pathname === "/people-helped"), page.getByRole("button", { name: "Save" }).dblclick()]);
      await checked.check();
      await expect(page.locator("tr", { hasText: place }).count()).resolves.toBe(1);
      if (javaScriptEnabled) expect(posts).toBe(1);
      await checked.close();
    });
  });
});
