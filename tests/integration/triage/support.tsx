import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import type { ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect } from "vitest";
import { sessionCookieFor, testUrl } from "../../helpers/auth";

// Links in messages are built from BASE_URL, never from the request; these tests' requests come in
// on http://localhost, so the public address is set to match.
process.env.BASE_URL = "http://localhost";

export const context: AppLoadContext = { cspNonce: "", clientIp: "127.0.0.1" };

interface RouteModule {
  loader?: (args: LoaderFunctionArgs) => Promise<unknown>;
  action?: (args: ActionFunctionArgs) => Promise<unknown>;
  default: ComponentType;
}

/** Loaders and actions refuse by throwing a Response (redirect, 403, 404); this returns it. */
export async function thrownResponse(pending: Promise<unknown>): Promise<Response> {
  try {
    await pending;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  return expect.fail("expected a thrown Response");
}

/** A loader's or action's answer, whether returned or thrown. */
export async function settle(pending: Promise<unknown>): Promise<Response> {
  try {
    const result = await pending;
    if (result instanceof Response) return result;
    return expect.fail(`expected a Response, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/**
 * One visitor's browser: keeps the session cookie between requests as a browser would, so a
 * journey through several pages can be followed, signed in or not.
 */
export class Visitor {
  cookie = "";

  static async signedIn(user: { id: string }): Promise<Visitor> {
    const visitor = new Visitor();
    visitor.cookie = await sessionCookieFor(user);
    return visitor;
  }

  request(path: string, fields?: Record<string, string | string[]>): Request {
    const headers = new Headers();
    if (this.cookie) headers.set("Cookie", this.cookie);
    if (!fields) return new Request(testUrl(path), { headers });
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    return new Request(testUrl(path), { method: "POST", headers, body });
  }

  keep(response: Response): Response {
    const set = response.headers.get("Set-Cookie");
    if (set) this.cookie = set.split(";")[0];
    return response;
  }

  async get(module: RouteModule, path: string, params: Record<string, string> = {}): Promise<Response> {
    return this.keep(await settle(module.loader!({ request: this.request(path), params, context })));
  }

  async post(module: RouteModule, path: string, fields: Record<string, string | string[]>, params: Record<string, string> = {}): Promise<Response> {
    return this.keep(await settle(module.action!({ request: this.request(path, fields), params, context })));
  }

  /**
   * Renders the page as the server would for a GET (or a POST, with fields): runs the action and
   * loader through React Router's static handler and returns the status and the HTML of the
   * route's own markup (the root layout is not included).
   */
  async render(module: RouteModule, pattern: string, path: string, fields?: Record<string, string | string[]>): Promise<{ status: number; html: string }> {
    const handler = createStaticHandler([
      {
        id: "page",
        path: pattern,
        loader: module.loader ? (args) => module.loader!({ ...args, context }) : undefined,
        action: module.action ? (args) => module.action!({ ...args, context }) : undefined,
        Component: module.default,
      },
    ]);
    const result = await handler.query(this.request(path, fields), { requestContext: context });
    if (result instanceof Response) return expect.fail(`expected a page, got a ${result.status} to ${result.headers.get("Location")}`);
    const html = renderToStaticMarkup(<StaticRouterProvider router={createStaticRouter(handler.dataRoutes, result)} context={result} hydrate={false} />);
    return { status: result.statusCode, html };
  }
}

/** Every opening tag of the given element name, in document order. */
export function openingTags(html: string, tagName: string): string[] {
  return html.match(new RegExp(`<${tagName}\\b[^>]*>`, "g")) ?? [];
}

export function attr(tag: string, name: string): string | undefined {
  return tag.match(new RegExp(`\\s${name}="([^"]*)"`, "i"))?.[1];
}

/** Plain text of some HTML, with entities for quotes decoded, to search for messages. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
