/**
 * Where a postcode is, for sorting the directory by distance. In order: the embedded postcode
 * data (postcode-data.server.ts: the partnership's postcodes and every outward code in Great
 * Britain), then postcodes.io answers cached in the database (found ones for a year, unknown
 * ones for a month), then postcodes.io itself behind a circuit breaker, so an outage costs one
 * timeout and not one per search. An outage never becomes an error page: the centre of the
 * outward code stands in, or the caller shows unsorted results with a notice.
 */
import { z } from "zod";
import { CircuitBreaker } from "~/lib/circuit-breaker";
import { getConfig } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
import type { LatLon } from "./geo";
import { type EmbeddedPostcodes, getEmbeddedPostcodes } from "./postcode-data.server";
import { parsePostcodeInput } from "./postcodes";

export type PostcodeLookup =
  | {
      kind: "found";
      lat: number;
      lon: number;
      outwardCode: string;
      adminDistrict: string | null;
      /** "outcode" when only a district such as "ME14" was given: distances are from its centre. */
      precision: "postcode" | "outcode";
      source: "embedded" | "cache" | "api";
    }
  | { kind: "approximate"; lat: number; lon: number; outwardCode: string; adminDistrict: string | null; message: string }
  | { kind: "invalid"; message: string }
  | { kind: "not-found"; message: string }
  | { kind: "unavailable"; message: string };

export interface LookupOptions {
  fetch?: typeof fetch;
  /** Defaults to POSTCODES_API_URL from the configuration. */
  baseUrl?: string;
  timeoutMs?: number;
  now?: Date;
  /** Defaults to the data shipped in content/postcodes. */
  embedded?: EmbeddedPostcodes;
  /** Defaults to the one breaker every lookup in this process shares. */
  breaker?: CircuitBreaker;
}

export const INVALID_POSTCODE_MESSAGE = "Enter a real postcode, like ME14 1LE";
export const UNAVAILABLE_MESSAGE =
  "We cannot look up postcodes at the moment, so these results are not sorted by distance. Try again later.";

// An unknown postcode is asked about again after a month, as new ones are issued; a found one
// after a year, in case it moved. A stale answer still stands in while postcodes.io is down.
const FORGET_UNKNOWN_AFTER_MS = 30 * 86_400_000;
const REFRESH_FOUND_AFTER_MS = 365 * 86_400_000;

/** Two failures in a row stop lookups for 30 seconds; then one is tried again. */
export const postcodesIoCircuit = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 30_000 });

/** Areas Code-Point Open leaves out: Northern Ireland and the Crown dependencies. */
const AREAS_NOT_EMBEDDED = new Set(["BT", "GY", "JE", "IM"]);
const areaOf = (outwardCode: string) => outwardCode.replace(/\d.*$/, "");

const placeSchema = z.object({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  // A string for a postcode, a list of the districts it straddles for an outward code.
  admin_district: z.union([z.string(), z.array(z.string())]).nullable().optional(),
});
const answerSchema = z.object({ result: placeSchema });

type Place = z.infer<typeof placeSchema>;
type Answer = { kind: "place"; place: Place } | { kind: "unknown" } | { kind: "failed" };

async function fetchAnswer(url: string, options: LookupOptions): Promise<Answer> {
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(options.timeoutMs ?? 2500),
    });
    if (response.status === 404) return { kind: "unknown" };
    if (!response.ok) return { kind: "failed" };
    const parsed = answerSchema.safeParse(await response.json());
    return parsed.success ? { kind: "place", place: parsed.data.result } : { kind: "failed" };
  } catch {
    // Timeouts, refused connections and broken JSON all mean the same to a person searching.
    return { kind: "failed" };
  }
}

// Searches for the same postcode at the same moment share one request.
const inFlight = new Map<string, Promise<Answer>>();

function ask(url: string, options: LookupOptions): Promise<Answer> {
  const pending = inFlight.get(url);
  if (pending) return pending;
  const breaker = options.breaker ?? postcodesIoCircuit;
  if (!breaker.allow()) return Promise.resolve({ kind: "failed" });
  const request = fetchAnswer(url, options)
    .then((answer) => {
      if (answer.kind === "failed") breaker.failed();
      else breaker.succeeded();
      return answer;
    })
    .finally(() => inFlight.delete(url));
  inFlight.set(url, request);
  return request;
}

const districtOf = (place: Place) =>
  (Array.isArray(place.admin_district) ? place.admin_district[0] : place.admin_district) ?? null;

/** The centre of an outward code from the database: its cached centroid, or else the mean of its cached postcodes. */
async function cachedCentre(db: Db, outwardCode: string) {
  const outcode = await db.selectFrom("outcode_cache").selectAll().where("outward_code", "=", outwardCode).executeTakeFirst();
  if (outcode?.latitude != null && outcode.longitude != null) {
    return { lat: outcode.latitude, lon: outcode.longitude, adminDistrict: outcode.admin_district };
  }
  const postcodes = await db
    .selectFrom("postcode_cache")
    .select(["latitude", "longitude", "admin_district"])
    .where("outward_code", "=", outwardCode)
    .where("latitude", "is not", null)
    .where("longitude", "is not", null)
    .execute();
  if (postcodes.length === 0) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    lat: mean(postcodes.map((p) => p.latitude!)),
    lon: mean(postcodes.map((p) => p.longitude!)),
    adminDistrict: postcodes[0].admin_district,
  };
}

/** postcodes.io could not answer: the outward code's centre if anything knows it. */
async function fallBack(db: Db, outwardCode: string, embedded: EmbeddedPostcodes, notFound: PostcodeLookup): Promise<PostcodeLookup> {
  const known = embedded.outwardCodes.get(outwardCode);
  const centre = known ? { ...known, adminDistrict: null } : await cachedCentre(db, outwardCode);
  if (!centre) {
    // Every outward code of a Great Britain area is embedded, so one missing from a known area does not exist.
    const area = areaOf(outwardCode);
    const areaEmbedded = !AREAS_NOT_EMBEDDED.has(area) && [...embedded.outwardCodes.keys()].some((code) => areaOf(code) === area);
    return areaEmbedded ? notFound : { kind: "unavailable", message: UNAVAILABLE_MESSAGE };
  }
  return {
    kind: "approximate",
    ...centre,
    outwardCode,
    message: `postcodes.io could not be reached; distances are measured from the centre of ${outwardCode}`,
  };
}

const isFresh = (lookedUpAt: string, now: Date, forMs: number) => now.getTime() - Date.parse(lookedUpAt) < forMs;

type CacheRow = { latitude: number | null; longitude: number | null; admin_district: string | null; looked_up_at: string };

/** A cached answer: the place if one was found, and whether it is still fresh enough to trust without asking. */
function fromCache(cached: CacheRow | undefined, now: Date, found: (place: LatLon, adminDistrict: string | null) => PostcodeLookup) {
  if (!cached) return { hit: null, fresh: false };
  const hit = cached.latitude != null && cached.longitude != null ? found({ lat: cached.latitude, lon: cached.longitude }, cached.admin_district) : null;
  return { hit, fresh: isFresh(cached.looked_up_at, now, hit ? REFRESH_FOUND_AFTER_MS : FORGET_UNKNOWN_AFTER_MS) };
}

function rowFrom(answer: Answer, now: Date): CacheRow {
  const place = answer.kind === "place" ? answer.place : null;
  return {
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    admin_district: place ? districtOf(place) : null,
    looked_up_at: now.toISOString(),
  };
}

async function lookupFullPostcode(db: Db, postcode: string, outwardCode: string, options: LookupOptions): Promise<PostcodeLookup> {
  const now = options.now ?? new Date();
  const embedded = options.embedded ?? getEmbeddedPostcodes();
  const found = (at: LatLon, adminDistrict: string | null, source: "embedded" | "cache" | "api"): PostcodeLookup => ({
    kind: "found",
    ...at,
    outwardCode,
    adminDistrict,
    precision: "postcode",
    source,
  });
  const notFound: PostcodeLookup = { kind: "not-found", message: `We could not find the postcode ${postcode}. Check it and try again.` };

  const known = embedded.postcodes.get(postcode);
  if (known) return found(known, null, "embedded");
  const cached = await db.selectFrom("postcode_cache").selectAll().where("postcode", "=", postcode).executeTakeFirst();
  const { hit, fresh } = fromCache(cached, now, (at, district) => found(at, district, "cache"));
  if (fresh) return hit ?? notFound;

  const answer = await ask(`${options.baseUrl ?? getConfig().POSTCODES_API_URL}/postcodes/${encodeURIComponent(postcode)}`, options);
  if (answer.kind === "failed") return hit ?? fallBack(db, outwardCode, embedded, notFound);
  const row = rowFrom(answer, now);
  await db
    .insertInto("postcode_cache")
    .values({ postcode, outward_code: outwardCode, ...row })
    .onConflict((oc) => oc.column("postcode").doUpdateSet({ outward_code: outwardCode, ...row }))
    .execute();
  // Some real postcodes (PO boxes, large users) have no location: for distance, that is not found.
  if (row.latitude === null || row.longitude === null) return notFound;
  return found({ lat: row.latitude, lon: row.longitude }, row.admin_district, "api");
}

async function lookupOutwardCode(db: Db, outwardCode: string, options: LookupOptions): Promise<PostcodeLookup> {
  const now = options.now ?? new Date();
  const embedded = options.embedded ?? getEmbeddedPostcodes();
  const found = (at: LatLon, adminDistrict: string | null, source: "embedded" | "cache" | "api"): PostcodeLookup => ({
    kind: "found",
    ...at,
    outwardCode,
    adminDistrict,
    precision: "outcode",
    source,
  });
  const notFound: PostcodeLookup = { kind: "not-found", message: `We could not find the area ${outwardCode}. Check the postcode and try again.` };

  const known = embedded.outwardCodes.get(outwardCode);
  if (known) return found(known, null, "embedded");
  const cached = await db.selectFrom("outcode_cache").selectAll().where("outward_code", "=", outwardCode).executeTakeFirst();
  const { hit, fresh } = fromCache(cached, now, (at, district) => found(at, district, "cache"));
  if (fresh) return hit ?? notFound;

  const answer = await ask(`${options.baseUrl ?? getConfig().POSTCODES_API_URL}/outcodes/${encodeURIComponent(outwardCode)}`, options);
  if (answer.kind === "failed") return hit ?? fallBack(db, outwardCode, embedded, notFound);
  const row = rowFrom(answer, now);
  await db
    .insertInto("outcode_cache")
    .values({ outward_code: outwardCode, ...row })
    .onConflict((oc) => oc.column("outward_code").doUpdateSet(row))
    .execute();
  if (row.latitude === null || row.longitude === null) return notFound;
  return found({ lat: row.latitude, lon: row.longitude }, row.admin_district, "api");
}

/**
 * Finds a full postcode ("ME14 1LE") or a district ("ME14"). Never throws for postcodes.io
 * failures: it answers "approximate" from a district centre, "not-found" for a district that
 * cannot exist, or "unavailable".
 */
export async function lookupPostcode(db: Db, input: string, options: LookupOptions = {}): Promise<PostcodeLookup> {
  const parsed = parsePostcodeInput(input);
  if (parsed.kind === "invalid") return { kind: "invalid", message: INVALID_POSTCODE_MESSAGE };
  if (parsed.kind === "outcode") return lookupOutwardCode(db, parsed.outwardCode, options);
  return lookupFullPostcode(db, parsed.postcode, parsed.outwardCode, options);
}
