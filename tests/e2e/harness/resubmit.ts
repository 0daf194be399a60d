import { expect } from "vitest";
import type { Request } from "playwright-core";
import type { CheckedPage } from "./browser";

export interface Resubmission {
  /** Presses the form's submit button. */
  press: () => Promise<void>;
  /** Puts right what the error was about. */
  correct: () => Promise<void>;
  /** The page the corrected form leads to. */
  arrived: (url: URL) => boolean;
}

/**
 * Sends a form that is wrong, then corrects it and sends it again straight away, as someone
 * quick would: no pause, no wait for anything but the error they can see. The second press must
 * reach the next page whatever the page is still doing after the error (revalidating, focusing
 * the summary, guarding against a double press).
 *
 * With JavaScript on the summary must have taken focus. Where the error is a document of its
 * own (JavaScript off, or a form that reloads the document) it is scanned with axe before it is
 * left, as the harness insists every loaded page is; a form Remix sends with fetch is corrected
 * and sent again at once.
 */
export async function failThenResubmit(checked: CheckedPage, { press, correct, arrived }: Resubmission): Promise<void> {
  const { page } = checked;
  const summary = page.locator(".govuk-error-summary");
  // A document request (not Remix's fetch) means the error came back as a page of its own.
  let newDocument = false;
  const onRequest = (request: Request) => {
    if (request.resourceType() === "document" && request.frame() === page.mainFrame()) newDocument = true;
  };
  page.on("request", onRequest);
  try {
    await press();
    await summary.waitFor();
    if (checked.javaScriptEnabled) {
      await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    }
  } finally {
    page.off("request", onRequest);
  }
  if (newDocument) await checked.check();
  await correct();
  await Promise.all([page.waitForURL(arrived), press()]);
  await expect.poll(() => summary.count()).toBe(0);
  await checked.check();
}
