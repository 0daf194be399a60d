import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";

// Links in emails are built from BASE_URL, never from the request; these tests' requests come in
// on http://localhost, so the public address is set to match.
process.env.BASE_URL = "http://localhost";

export const TEST_IP = "203.0.113.7";

/** What Remix passes a loader or action, as the Express edge would build it. */
export function args(request: Request, params: Record<string, string> = {}, clientIp = TEST_IP) {
  const context: AppLoadContext = { cspNonce: "test-nonce", clientIp };
  return { request, params, context };
}

/** Loaders and actions refuse by throwing a Response (redirect, 403, 404); this returns it. */
export async function thrownResponse(pending: Promise<unknown>): Promise<Response> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  expect.fail("expected a thrown Response");
}

/** The token at the end of the link in a queued invitation or reset email. */
export function linkToken(body: string, path: "accept-invite" | "reset-password"): string {
  const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(body);
  if (!match) expect.fail(`no /${path}/ link in: ${body}`);
  return match[1];
}
