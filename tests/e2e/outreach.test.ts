import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JS_MODES, launchBrowser, openPage, type CheckedPage } from "./harness/browser";
import { signInAs } from "./harness/sign-in";

// Two sign-ups, two campaigns and three people, every page scanned, on a shared 2-core machine.
const JOURNEY_TIMEOUT = 900_000;

async function follow(checked: CheckedPage, click: () => Promise<void>): Promise<void> {
  const before = checked.page.url();
  await Promise.all([checked.page.waitForURL((url) => url.href !== before), click()]);
  await checked.check();
}

/** Clicks a button that posts back to the same address (a preview), and waits for the answer to render. */
async function postInPlace(checked: CheckedPage, click: () => Promise<void>, ready: (page: Page) => Promise<unknown>): Promise<void> {
  await Promise.all([ready(checked.page), click()]);
  await checked.check();
}

/** Answers each question with its first ordinary choice, or the middle of a scale, to reach the plan. */
async function finishCheck(checked: CheckedPage): Promise<void> {
  const { page } = checked;
  await checked.visit("/check");
  await follow(checked, () => page.getByRole("button", { name: "Start now" }).click());
  while (new URL(page.url()).pathname.startsWith("/check/q/")) {
    const values = await page.locator('input[name="answer"]').evaluateAll((els) => els.map((e) => ({ value: (e as HTMLInputElement).value, exclusive: e.getAttribute("data-behaviour") === "exclusive" })));
    const scale = values.every((v) => /^\d+$/.test(v.value));
    await page.locator(`input[name="answer"][value="${scale ? "6" : values.find((v) => !v.exclusive)!.value}"]`).check();
    await follow(checked, () => page.getByRole("button", { name: "Continue" }).click());
  }
  await follow(checked, () => page.getByRole("button", { name: "Get my plan" }).click());
}

/** How long a background step (the campaign hand-over, the outbox worker) may take on a busy machine. */
const BACKGROUND_LIMIT_MS = 180_000;

/** Opens a page again, a second apart, until its main content passes `done`; returns that content. */
async function revisitUntil(checked: CheckedPage, path: string, done: (content: string) => boolean, failure: string): Promise<string> {
  const deadline = Date.now() + BACKGROUND_LIMIT_MS;
  for (;;) {
    await checked.visit(path);
    const content = (await checked.page.locator("main").textContent()) ?? "";
    if (done(content)) return content;
    if (Date.now() > deadline) throw new Error(failure);
    await checked.page.waitForTimeout(1_000);
  }
}

/** Reloads the outbox until a message with this text has been sent, and returns the page's text. */
function waitForOutbox(checked: CheckedPage, text: string): Promise<string> {
  return revisitUntil(checked, "/admin/outbox?purpose=outreach&status=sent", (content) => content.includes(text), `No sent outreach message with "${text}" reached the outbox`);
}

async function sendCampaign(checked: CheckedPage, name: string, body: string): Promise<string> {
  const { page } = checked;
  await checked.visit("/outreach/new");
  await page.getByLabel("Campaign name").fill(name);
  await page.getByLabel("Text message", { exact: true }).check();
  await page.getByLabel("Message", { exact: true }).fill(body);
  await page.getByLabel("Maidstone").check();
  await page.getByLabel("Postcode districts (optional)").fill("ME14");
  await page.getByLabel("Now", { exact: true }).check();
  await postInPlace(checked, () => page.getByRole("button", { name: "Preview and count" }).click(), (p) => p.locator(".app-phone").waitFor());
  const count = (await page.locator("#preview + p").textContent()) ?? "";
  await expect(page.locator(".app-phone").textContent()).resolves.toContain(body);
  await expect(page.locator("main").textContent()).resolves.toMatch(/text message part/);
  await follow(checked, () => page.getByRole("button", { name: "Send or schedule" }).click());
  expect(new URL(page.url()).pathname).toMatch(/^\/outreach\/campaigns\//);
  return count;
}

describe("outreach", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(JS_MODES)("with $name", ({ name, javaScriptEnabled }) => {
    it(
      "a resident asks for news on /check, gets a campaign with a way to stop, stops by the link, and the next campaign misses them",
      async () => {
        const tag = javaScriptEnabled ? "on" : "off";
        const resident = await openPage(browser, { javaScriptEnabled });
        await finishCheck(resident);
        await follow(resident, () => resident.page.getByRole("link", { name: "Send me news about help near me" }).click());
        // Nothing is ticked for them: sending as it stands is refused.
        await postInPlace(resident, () => resident.page.getByRole("button", { name: "Send me news about help" }).click(), (p) => p.locator(".govuk-error-summary").waitFor());
        await expect(resident.page.locator(".govuk-error-summary").textContent()).resolves.toContain("Choose text message or email");
        await resident.page.getByLabel("Text message", { exact: true }).check();
        await resident.page.getByLabel("UK mobile phone number, if you chose text").fill(javaScriptEnabled ? "07700 900 111" : "07700 900 222");
        await resident.page.getByLabel("Your postcode (optional)").fill("ME14 1LE");
        await resident.page.getByLabel("Yes, send me these messages").check();
        await follow(resident, () => resident.page.getByRole("button", { name: "Send me news about help" }).click());
        await expect(resident.page.locator("h1").textContent()).resolves.toBe("You will hear about help near you");

        const coordinator = await openPage(browser, { javaScriptEnabled });
        await signInAs(coordinator, "coordinator");
        const firstBody = `The digital bus is at Park Wood on Monday (${name}).`;
        const count = await sendCampaign(coordinator, `Digital bus ${tag}`, firstBody);
        expect(count).toMatch(/Fewer than 5 people/);

        const admin = await openPage(browser, { javaScriptEnabled });
        await signInAs(admin, "admin");
        const outbox = await waitForOutbox(admin, firstBody);
        const stopPath = outbox.slice(outbox.indexOf(firstBody)).match(/\/outreach\/stop\/[A-Za-z0-9_-]{32}/)?.[0];
        expect(stopPath, "the campaign text carries a stop link").toBeTruthy();

        await resident.visit(stopPath!);
        await follow(resident, () => resident.page.getByRole("button", { name: "Stop my messages" }).click());
        await expect(resident.page.locator("h1").textContent()).resolves.toBe("You will not get any more messages");
        await expect(resident.page.locator("main").textContent()).resolves.toContain("Deleted");

        const secondBody = `Free laptops at Maidstone library on Friday (${name}).`;
        await expect(sendCampaign(coordinator, `Laptops ${tag}`, secondBody)).resolves.toMatch(/No one/);
        // Once the campaign says everyone was handed over, any message for it would be in the outbox.
        const campaignPath = new URL(coordinator.page.url()).pathname;
        await revisitUntil(coordinator, campaignPath, (content) => content.includes("All handed to GOV.UK Notify"), "The second campaign was never handed over");
        await admin.visit("/admin/outbox?purpose=outreach");
        await expect(admin.page.locator("main").textContent()).resolves.not.toContain(secondBody);

        await resident.close();
        await coordinator.close();
        await admin.close();
      },
      JOURNEY_TIMEOUT,
    );
  });
});
