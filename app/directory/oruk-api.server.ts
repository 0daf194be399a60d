/**
 * What every Open Referral UK read endpoint shares: JSON with CORS open to all (the standard
 * requires it, so any web page can read the directory), a short cache, and strict reading of
 * query parameters, where anything unreadable is a 400 with a message rather than a guess.
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getConfig } from "~/lib/config.server";
import { contentPath } from "~/lib/content-path.server";
import type { Db } from "~/lib/db.server";
import { ORUK_DEFAULT_PER_PAGE, ORUK_MAX_PER_PAGE, type Paging } from "./oruk-page";
import type { OrukServiceFilter } from "./oruk.server";
import { searchServices } from "./search-index";
import { MAX_QUERY_LENGTH } from "./search-params";
import { getDirectoryIndex } from "./directory-index.server";

export const ORUK_VERSION = "3.0";
export const ORUK_PROFILE_URL = "https://docs.openreferraluk.org/en/latest/";
export const OPENAPI_FILE = contentPath("oruk", "openapi.json");

const HEADERS = {
  "Access-Control-Allow-Origin": "*",
  // Listings change a few times a day; a minute of caching spares the server without hiding a fix for long.
  "Cache-Control": "public, max-age=60",
  "Content-Type": "application/json; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
};

export function orukJson(body: unknown, status = 200): Response {
  const headers = status >= 400 ? { ...HEADERS, "Cache-Control": "no-store" } : HEADERS;
  return new Response(JSON.stringify(body), { status, headers });
}

export const orukError = (status: 400 | 404 | 503, message: string) => orukJson({ message }, status);

/** The public address of the API, for links in its own answers. */
export function orukBaseUrl(request: Request): string {
  return `${(getConfig().BASE_URL ?? new URL(request.url).origin).replace(/\/$/, "")}/api/oruk`;
}

const openApiSchema = z.object({ openapi: z.string(), info: z.object({ version: z.string() }).passthrough(), paths: z.record(z.unknown()) }).passthrough();
let openApi: Record<string, unknown> | undefined;

/** The shipped OpenAPI description, read and checked once. */
export function loadOpenApi(file: string = OPENAPI_FILE): Record<string, unknown> {
  if (file === OPENAPI_FILE && openApi) return openApi;
  const name = path.relative(process.cwd(), file);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${name}: not readable JSON: ${(error as Error).message}`);
  }
  const result = openApiSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${name}: field ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  }
  if (file === OPENAPI_FILE) openApi = result.data;
  return result.data;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ORUK 3.0 ids are UUIDs; anything else cannot name a record and is a bad request. */
export function readId(value: string | undefined, what: string): Parsed<string> {
  if (value && UUID.test(value)) return { ok: true, value: value.toLowerCase() };
  return { ok: false, message: `${what} must be a UUID, like 0ebd990a-fd0c-51ef-a5b3-1abf3d2bccae` };
}

function wholeNumber(raw: string, name: string, min: number, max: number): Parsed<number> {
  if (!/^\d+$/.test(raw.trim())) return { ok: false, message: `${name} must be a whole number from ${min} to ${max}` };
  const value = Number(raw);
  if (value < min || value > max) return { ok: false, message: `${name} must be a whole number from ${min} to ${max}` };
  return { ok: true, value };
}

export function readPaging(search: URLSearchParams): Parsed<Paging> {
  const page = wholeNumber(search.get("page") ?? "1", "page", 1, 1_000_000);
  if (!page.ok) return page;
  const perPage = wholeNumber(search.get("per_page") ?? String(ORUK_DEFAULT_PER_PAGE), "per_page", 1, ORUK_MAX_PER_PAGE);
  if (!perPage.ok) return perPage;
  return { ok: true, value: { page: page.value, perPage: perPage.value } };
}

function optionalId(search: URLSearchParams, name: string): Parsed<string | undefined> {
  const raw = search.get(name);
  return raw === null || raw === "" ? { ok: true, value: undefined } : readId(raw, name);
}

/** An ISO 8601 date or date-time; normalised to UTC so it compares with stored timestamps. */
function readDateTime(raw: string | null, name: string): Parsed<string | undefined> {
  if (raw === null || raw === "") return { ok: true, value: undefined };
  const shaped = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(raw.trim());
  const parsed = new Date(raw.trim());
  if (!shaped || Number.isNaN(parsed.getTime())) {
    return { ok: false, message: `${name} must be an ISO 8601 date or date-time, like 2025-01-31 or 2025-01-31T09:00:00Z` };
  }
  return { ok: true, value: parsed.toISOString() };
}

/** Every published, active service matching the words, by way of the search index. */
async function searchIds(db: Db, q: string): Promise<string[]> {
  const { index } = await getDirectoryIndex(db);
  const first = searchServices(index, { q });
  const ids = first.items.map((i) => i.id);
  for (let page = 2; page <= first.totalPages; page++) {
    ids.push(...searchServices(index, { q, page }).items.map((i) => i.id));
  }
  return ids;
}

/** The filters /services and /service_at_locations share. */
export async function readServiceFilter(db: Db, search: URLSearchParams): Promise<Parsed<OrukServiceFilter>> {
  const term = optionalId(search, "taxonomy_term_id");
  if (!term.ok) return term;
  const taxonomy = optionalId(search, "taxonomy_id");
  if (!taxonomy.ok) return taxonomy;
  const organisation = optionalId(search, "organization_id");
  if (!organisation.ok) return organisation;
  const modified = readDateTime(search.get("modified_after"), "modified_after");
  if (!modified.ok) return modified;
  const filter: OrukServiceFilter = {
    taxonomyTermId: term.value,
    taxonomyId: taxonomy.value,
    organisationId: organisation.value,
    modifiedAfter: modified.value,
  };
  const words = search.get("search")?.trim() ?? "";
  if (words.length > MAX_QUERY_LENGTH) return { ok: false, message: `search must be ${MAX_QUERY_LENGTH} characters or fewer` };
  if (words) filter.ids = await searchIds(db, words);
  return { ok: true, value: filter };
}

/** proximity in metres: a positive number, at most the length of Great Britain. */
export function readProximity(raw: string | null): Parsed<number | undefined> {
  if (raw === null || raw === "") return { ok: true, value: undefined };
  const value = Number(raw);
  if (!/^\d+(?:\.\d+)?$/.test(raw.trim()) || value <= 0 || value > 1_500_000) {
    return { ok: false, message: "proximity must be a distance in metres, more than 0 and at most 1500000" };
  }
  return { ok: true, value };
}
