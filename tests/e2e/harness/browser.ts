import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { chromiumPath } from "./chromium-path";

export const PHONE_VIEWPORT = { width: 360, height: 740 };
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export const JS_MODES = [
  { name: "JavaScript on", javaScriptEnabled: true },
  { name: "JavaScript off", javaScriptEnabled: false },
] as const;

export interface CheckedPage {
  page: Page;
  context: BrowserContext;
  javaScriptEnabled: boolean;
  /** Navigates and scans the page that loads. */
  visit(path: string): Promise<void>;
  /** Scans the current page; call after every click that loads a new page. */
  check(): Promise<void>;
  /** Fails if a page was loaded that was never scanned. */
  assertAllScanned(): void;
  close(): Promise<void>;
}

/**
 * A phone-sized page whose every loaded document must pass axe. Pages are tracked by URL as they
 * load; `assertAllScanned` (called by `close`) fails the test if one slipped through unscanned.
 */
export async function openPage(browser: Browser, { javaScriptEnabled }: { javaScriptEnabled: boolean }): Promise<CheckedPage> {
  const baseURL = inject("baseUrl");
  const context = await browser.newContext({ baseURL, viewport: PHONE_VIEWPORT, javaScriptEnabled, acceptDownloads: true });
  const page = await context.newPage();
  const loaded: string[] = [];
  const scanned = new Set<string>();
  page.on("load", () => {
    if (page.url() !== "about:blank") loaded.push(page.url());
  });
  // axe runs inside the page, which needs JavaScript; with JavaScript off we scan a copy of the
  // very same document (scripts removed) in a second, scripted page at the same address.
  const scanner = javaScriptEnabled ? null : await browser.newContext({ baseURL, viewport: PHONE_VIEWPORT, javaScriptEnabled: true });

  const checked: CheckedPage = {
    page,
    context,
    javaScriptEnabled,
    async visit(path) {
      const response = await page.goto(path);
      if (!response) throw new Error(`No response for ${path}`);
      await checked.check();
    },
    async check() {
      await page.waitForLoadState("load");
      if (javaScriptEnabled) await settled(page);
      if (scanner) await scanCopy(scanner, page);
      else await expectAxeClean(page);
      scanned.add(page.url());
    },
    assertAllScanned() {
      const missed = [...new Set(loaded)].filter((url) => !scanned.has(url));
      if (missed.length > 0) throw new Error(`Pages loaded but not scanned with axe: ${missed.join(", ")}`);
    },
    async close() {
      try {
        checked.assertAllScanned();
      } finally {
        await context.close();
        await scanner?.close();
      }
    },
  };
  return checked;
}

/**
 * Waits until Remix has nothing in flight: with JavaScript on, the address changes before the
 * new page's data has all arrived and been drawn, so reading or scanning straight after a URL
 * change can see the page being left. On a busy machine that gap grows; this waits it out by
 * what the page is doing, not by time.
 */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const router = (window as unknown as { __remixRouter?: { state: { navigation: { state: string }; revalidation: string } } }).__remixRouter;
    return router === undefined || (router.state.navigation.state === "idle" && router.state.revalidation === "idle");
  });
}

async function scanCopy(scanner: BrowserContext, page: Page): Promise<void> {
  // Routes match without the fragment; a page reached at "#section" is the same document.
  const url = page.url().split("#")[0];
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const copy = await scanner.newPage();
  try {
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await copy.goto(url);
    await expectAxeClean(copy);
  } finally {
    await copy.close();
  }
}

/** Runs axe-core with the WCAG 2.2 AA tags; any violation fails with a readable summary. */
export async function expectAxeClean(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length > 0) {
    const summary = results.violations
      .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}`).join("\n")}`)
      .join("\n");
    throw new Error(`axe found ${results.violations.length} violation(s) on ${page.url()}:\n${summary}`);
  }
}
