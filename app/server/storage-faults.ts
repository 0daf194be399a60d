import type { ServerBuild } from "@remix-run/node";
import { POSTGRES_READ_ONLY } from "~db/dialect";

/**
 * When the database cannot be written (the disk is full, the file or its folder became read-only,
 * the disk failed), every page and form says so plainly with 503 instead of a crash page, and
 * /healthz reports it so a monitor raises the alarm. Both databases write each transaction whole or
 * not at all, so nothing acknowledged before the fault is lost; a request that met the fault saved
 * nothing.
 */
export type StorageFaultKind = "full" | "read-only" | "failing";

/** How long /healthz keeps reporting a write that failed, so a monitor polling every minute sees it. */
export const FAULT_REPORTED_FOR_MS = 2 * 60_000;

const MESSAGES: Record<StorageFaultKind, string> = {
  full: "The server's disk is full, so Waymark cannot save anything at the moment.",
  "read-only": "Waymark's database cannot be written to at the moment, so nothing can be saved.",
  failing: "Waymark cannot reach its database at the moment, so nothing can be saved.",
};

/**
 * PostgreSQL's SQLSTATEs for the same faults: disk_full, read_only_sql_transaction, and the
 * server going away or refusing connections (classes 08 and 57P, and the pool's socket errors).
 */
const POSTGRES_FAULTS: Record<string, StorageFaultKind> = { "53100": "full", [POSTGRES_READ_ONLY]: "read-only", "57P01": "failing", "57P02": "failing", "57P03": "failing", ECONNREFUSED: "failing", ECONNRESET: "failing" };

/** The kind of storage fault an error from better-sqlite3 or pg is, or null for any other error. */
export function storageFaultKind(error: unknown): StorageFaultKind | null {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  if (code === "SQLITE_FULL") return "full";
  if (code.startsWith("SQLITE_READONLY") || code === POSTGRES_READ_ONLY) return "read-only";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CANTOPEN")) return "failing";
  if (/^08[0-9A-Z]{3}$/.test(code)) return "failing";
  return POSTGRES_FAULTS[code] ?? null;
}

let lastFault: { kind: StorageFaultKind; at: number } | null = null;

/** The fault seen within the last FAULT_REPORTED_FOR_MS, if any. */
export function recentStorageFault(now = Date.now()): StorageFaultKind | null {
  return lastFault && now - lastFault.at < FAULT_REPORTED_FOR_MS ? lastFault.kind : null;
}

export function storageFaultResponse(kind: StorageFaultKind): Response {
  return new Response(MESSAGES[kind], { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "120" } });
}

type Handler = (args: never) => unknown;

function guarded<F extends Handler>(handler: F): F {
  return (async (args: never) => {
    try {
      return await handler(args);
    } catch (error) {
      const kind = storageFaultKind(error);
      if (!kind) throw error;
      lastFault = { kind, at: Date.now() };
      console.error(`Storage fault (${kind}) answered with 503:`, error);
      throw storageFaultResponse(kind);
    }
  }) as F;
}

/** A route module whose loader and action answer a storage fault with the 503 page. */
export function withStorageFaultPage<M extends { loader?: Handler; action?: Handler }>(module: M): M {
  return { ...module, ...(module.loader && { loader: guarded(module.loader) }), ...(module.action && { action: guarded(module.action) }) };
}

/** The build with every route guarded, for the request handler. */
export function withStorageFaultPages(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(Object.entries(build.routes).map(([id, route]) => [id, { ...route, module: withStorageFaultPage(route.module) }]));
  return { ...build, routes };
}
