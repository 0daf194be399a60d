/**
 * Sends requests straight to the built Remix app (no sockets), as one visitor at a time with that
 * visitor's cookie, and notes what each answer means for the fuzz: a server error, a refusal,
 * whether the database changed, and whether a payload came back as markup.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import type { Db } from "~/lib/db.server";
import { UNESCAPED } from "./payloads";

export const ORIGIN = "http://localhost";

export async function loadBuild(root: string): Promise<ServerBuild> {
  return (await import(/* @vite-ignore */ pathToFileURL(path.join(root, "build/server/index.js")).href)) as ServerBuild;
}

export interface Answer {
  status: number;
  location: string | null;
  html: string | null;
  refused: boolean;
  wrote: boolean;
  unescaped: boolean;
  error: string | null;
}

export interface Visitor {
  name: string;
  cookie: string;
  /** Makes a new signed-in session when the old one has ended (the sign-out form was fuzzed). */
  renew: () => Promise<string>;
}

/** Rows inserted, updated or deleted on the app's connection so far (the app and this run share it). */
async function changesSoFar(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
  return Number(rows[0].n);
}

export function createSender(build: ServerBuild, db: Db) {
  const handle = createRequestHandler(build, "production");
  let lastError: string | null = null;
  let requests = 0;
  const original = { error: console.error, warn: console.warn };
  // The app logs what went wrong before answering 500; keep the first line for the report instead of flooding it.
  console.error = console.warn = (...args: unknown[]) => {
    const first = args.find((a) => a instanceof Error) ?? args[0];
    lastError = first instanceof Error ? `${first.name}: ${first.message}`.slice(0, 300) : String(first).slice(0, 300);
  };

  const slowest: { what: string; ms: number }[] = [];
  function noteTime(what: string, ms: number): void {
    if (slowest.length === 5 && ms <= slowest[4].ms) return;
    slowest.push({ what, ms });
    slowest.sort((a, b) => b.ms - a.ms);
    slowest.length = Math.min(slowest.length, 5);
  }

  async function send(visitor: Visitor, method: "GET" | "POST", url: string, body?: BodyInit, contentType?: string): Promise<Answer> {
    requests++;
    const headers = new Headers();
    if (visitor.cookie) headers.set("Cookie", visitor.cookie);
    if (contentType) headers.set("Content-Type", contentType);
    // A distinct address per request, so the sign-in and form throttles do not turn every later case into a 429.
    const clientIp = `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
    const request = new Request(new URL(url, ORIGIN), { method, headers, body: method === "POST" ? body : undefined });
    lastError = null;
    const started = performance.now();
    const before = await changesSoFar(db);
    const response = await handle(request, { cspNonce: "fuzz", clientIp });
    const text = await response.text();
    const wrote = (await changesSoFar(db)) !== before;
    noteTime(`${method} ${url.slice(0, 60)}`, performance.now() - started);
    await keepCookie(visitor, response);
    const location = response.headers.get("Location");
    const isHtml = (response.headers.get("Content-Type") ?? "").includes("text/html");
    const toLogin = location !== null && new URL(location, ORIGIN).pathname === "/login" && new URL(location, ORIGIN).searchParams.has("redirectTo");
    return {
      status: response.status,
      location,
      html: isHtml ? text : null,
      refused: [401, 403, 404, 405].includes(response.status) || toLogin,
      wrote,
      unescaped: isHtml && UNESCAPED.test(text),
      error: response.status >= 500 ? (lastError ?? text.slice(0, 200)) : null,
    };
  }

  return {
    send,
    get requests() {
      return requests;
    },
    slowest,
    restore: () => {
      console.error = original.error;
      console.warn = original.warn;
    },
  };
}

async function keepCookie(visitor: Visitor, response: Response): Promise<void> {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0];
    if (!pair.startsWith("waymark_session=")) continue;
    const ended = pair === "waymark_session=" || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(header);
    visitor.cookie = ended ? await visitor.renew() : pair;
  }
}
