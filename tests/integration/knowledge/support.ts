import type { AppLoadContext } from "@remix-run/node";
import { expect } from "vitest";

/** What Remix passes a loader or action, as the Express edge would build it. */
export function args(request: Request, params: Record<string, string> = {}) {
  const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };
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

/** Loaders here return plain objects or Responses; either way, the data. */
export async function dataOf<T>(value: T | Response | Promise<T | Response>): Promise<T> {
  const resolved = await value;
  return resolved instanceof Response ? ((await resolved.json()) as T) : resolved;
}
