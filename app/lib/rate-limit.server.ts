import { createHash } from "node:crypto";
import { json, type ServerBuild } from "@remix-run/node";
import { sql } from "kysely";
import { getCurrentUser } from "~/accounts/auth.server";
import { getSession } from "~/accounts/session.server";
import { getDb, type Db } from "~/lib/db.server";

/**
 * Limits on forms sent by people who are not signed in (the self-check, self-referral, report a
 * problem, sharing a listing, sign-in and password reset), counted in the database so every app
 * server sharing it counts the same posts.
 *
 * Two limits, because one address can be a whole library: the person limit counts one browser
 * session on one form, and is tight; the address limit counts every anonymous post from one
 * address to any form, and is generous enough for a room of public computers. A script that drops
 * its cookie meets the address limit; a busy library meets neither.
 */
export const WINDOW_MS = 10 * 60_000;
export const PERSON_LIMIT = 20;
export const ADDRESS_LIMIT = 600;

export interface AnonymousPost {
  ip: string;
  /** The browser session, when it has one; a first post may not. */
  sessionId: string | null;
  /** The path the form was sent to. */
  target: string;
}

type Counter = { scope: "person" | "address"; key: string; limit: number };

const hashed = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("base64url");

function countersFor(post: AnonymousPost): Counter[] {
  const counters: Counter[] = [{ scope: "address", key: hashed(post.ip), limit: ADDRESS_LIMIT }];
  if (post.sessionId) counters.push({ scope: "person", key: hashed(post.sessionId, post.target), limit: PERSON_LIMIT });
  return counters;
}

const windowOf = (now: Date) => new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);

export type RateLimitVerdict = { ok: true } | { ok: false; scope: Counter["scope"]; retryAfterSeconds: number };

/** Whether this post may go ahead; reads only. */
export async function checkAnonymousPost(db: Db, post: AnonymousPost, now: Date): Promise<RateLimitVerdict> {
  const window = windowOf(now);
  for (const counter of countersFor(post)) {
    const row = await db
      .selectFrom("rate_limit_counts")
      .select("hits")
      .where("scope", "=", counter.scope)
      .where("key", "=", counter.key)
      .where("window_start", "=", window.toISOString())
      .executeTakeFirst();
    if ((row?.hits ?? 0) >= counter.limit) {
      return { ok: false, scope: counter.scope, retryAfterSeconds: Math.ceil((window.getTime() + WINDOW_MS - now.getTime()) / 1000) };
    }
  }
  return { ok: true };
}

/** Counts a post that was let through, and forgets windows that have ended. */
export async function recordAnonymousPost(db: Db, post: AnonymousPost, now: Date): Promise<void> {
  const window = windowOf(now).toISOString();
  await db.transaction().execute(async (trx) => {
    for (const counter of countersFor(post)) {
      await trx
        .insertInto("rate_limit_counts")
        .values({ scope: counter.scope, key: counter.key, window_start: window, hits: 1 })
        .onConflict((oc) => oc.columns(["scope", "key", "window_start"]).doUpdateSet({ hits: sql`rate_limit_counts.hits + 1` }))
        .execute();
    }
    await trx.deleteFrom("rate_limit_counts").where("window_start", "<", window).execute();
  });
}

export interface TooManyPosts {
  rateLimited: true;
  minutes: number;
  action: string;
  /** What was typed, to send again from the 429 page; passwords and files are never echoed. */
  fields: [string, string][];
}

async function tooMany(request: Request, retryAfterSeconds: number): Promise<Response> {
  let fields: [string, string][] = [];
  try {
    const form = await request.formData();
    fields = [...form.entries()]
      .filter((entry): entry is [string, string] => typeof entry[1] === "string" && !/password/i.test(entry[0]))
      .slice(0, 100);
  } catch {
    // Nothing readable was sent, so there is nothing to keep.
  }
  const body: TooManyPosts = { rateLimited: true, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)), action: new URL(request.url).pathname, fields };
  return json(body, { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } });
}

function isRefusal(outcome: unknown): boolean {
  if (!(outcome instanceof Response)) return false;
  if ([401, 403, 404, 405].includes(outcome.status)) return true;
  return new URL(outcome.headers.get("Location") ?? "/", "http://localhost").pathname === "/login" && outcome.status >= 300 && outcome.status < 400;
}

type Action = NonNullable<ServerBuild["routes"][string]["module"]["action"]>;

function limited(action: Action): Action {
  return async (args) => {
    const { request, context } = args;
    if (request.method !== "POST" || (await getCurrentUser(request))) return action(args);
    const db = getDb();
    const session = await getSession(request);
    const post: AnonymousPost = { ip: context?.clientIp ?? "unknown", sessionId: session.id || null, target: new URL(request.url).pathname };
    const verdict = await checkAnonymousPost(db, post, new Date());
    if (!verdict.ok) throw await tooMany(request, verdict.retryAfterSeconds);
    // Counted once the action has answered, and not when it refused: a refused post does no work and writes nothing.
    let outcome: unknown;
    try {
      outcome = await action(args);
    } catch (thrown) {
      if (!isRefusal(thrown)) await recordAnonymousPost(db, post, new Date());
      throw thrown;
    }
    if (!isRefusal(outcome)) await recordAnonymousPost(db, post, new Date());
    return outcome;
  };
}

/** The build with every action limited for visitors who are not signed in. */
export function withAnonymousPostLimits(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => [id, route.module.action ? { ...route, module: { ...route.module, action: limited(route.module.action) } } : route]),
  );
  return { ...build, routes };
}
