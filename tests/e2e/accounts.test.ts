import path from "node:path";
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { JS_MODES, launchBrowser, openPage } from "./harness/browser";
import { signInAs, signOut } from "./harness/sign-in";

/** The invitation link, read from the outbox the way a person would read it in their email. */
function invitationLinkFor(email: string): string {
  const db = new Database(path.join(inject("dataDir"), "waymark.db"), { readonly: true });
  try {
    const row = db
      .prepare("select body from messages where purpose = 'invite' and recipient = ? order by created_at desc limit 1")
      .get(email) as { body: string } | undefined;
    const link = row?.body.match(/https?:\/\/\S+\/accept-invite\/[A-Za-z0-9_-]+/)?.[0];
    if (!link) throw new Error(`No invitation found for ${email}`);
    return new URL(link).pathname;
  } finally {
    db.close();
  }
}

describe("accounts: invite, set a password, sign in and out", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ javaScriptEnabled }) => {
    it("takes a new champion from invitation to their first sign-in", async () => {
      const email = `new-champion-${javaScriptEnabled ? "js" : "nojs"}-${Date.now()}@waymark.example`;
      const password = "a long and memorable passphrase";

      const coordinator = await openPage(browser, { javaScriptEnabled });
      await signInAs(coordinator, "coordinator");
      await coordinator.visit("/admin/users/invite");
      const { page } = coordinator;
      await page.getByLabel("Full name").fill("Jo Newcomer");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Digital Champion (volunteer)").check();
      await page.getByLabel("Organisation").selectOption({ label: "Thanet Tech Buddies" });
      await page.getByLabel("Thanet", { exact: true }).check();
      await Promise.all([page.waitForURL(/invited=1/), page.getByRole("button", { name: "Send invitation" }).click()]);
      await coordinator.check();
      await expect(page.locator("main").textContent()).resolves.toContain(email);
      await signOut(coordinator);
      await coordinator.close();

      const newcomer = await openPage(browser, { javaScriptEnabled });
      await newcomer.visit(invitationLinkFor(email));
      await newcomer.page.getByLabel("Create a password").fill(password);
      await newcomer.page.getByLabel("Confirm your password").fill(password);
      await Promise.all([newcomer.page.waitForURL(/passwordSet=1/), newcomer.page.getByRole("button", { name: "Set password" }).click()]);
      await newcomer.check();

      await newcomer.page.getByLabel("Email address").fill(email);
      await newcomer.page.getByLabel("Password").fill(password);
      await Promise.all([newcomer.page.waitForURL((url) => url.pathname === "/triage"), newcomer.page.getByRole("button", { name: "Sign in" }).click()]);
      await newcomer.check();
      await expect(newcomer.page.locator(".app-signed-in").textContent()).resolves.toContain("Jo Newcomer");
      await signOut(newcomer);

      // The link works once only.
      const reused = await newcomer.page.goto(invitationLinkFor(email));
      expect(reused?.status()).toBe(410);
      await newcomer.check();
      await newcomer.close();
    });

    it("refuses a wrong password with one message and keeps the email", async () => {
      const checked = await openPage(browser, { javaScriptEnabled });
      await checked.visit("/login");
      await checked.page.getByLabel("Email address").fill("staff@waymark.example");
      await checked.page.getByLabel("Password").fill("not the password");
      await checked.page.getByRole("button", { name: "Sign in" }).click();
      await checked.page.waitForSelector(".govuk-error-summary");
      await checked.check();
      await expect(checked.page.locator(".govuk-error-summary").textContent()).resolves.toContain("Email address or password is not right");
      await expect(checked.page.getByLabel("Email address").inputValue()).resolves.toBe("staff@waymark.example");
      await checked.close();
    });
  });
});
