/**
 * Where a postcode is, for sorting the directory by distance: postcodes.io answers cached in the
 * database, so each postcode is asked about once. An outage never becomes an error page: the
 * district's cached centre stands in, or the caller shows unsorted results with a notice.
 */
import { z } from "zod";
import { getConfig } from "~/lib/config.server";
import type { Db } from "~/lib/db.server";
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
      source: "cache" | "api";
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
}

export const INVALID_POSTCODE_MESSAGE = "Enter a real postcode, like ME14 1LE";
export const UNAVAILABLE_MESSAGE =
  "We cannot look up postcodes at the moment, so these results are not sorted by distance. Try again later.";

// An unknown postcode is remembered, but asked about again after a month: new ones are issued.
const FORGET_UNKNOWN_AFTER_MS = 30 * 86_400_000;

const placeSchema = z.object({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  // A string for a postcode, a list of the districts it straddles for an outward code.
  admin_district: z.union([z.string(), z.array(z.string())]).nullable().optional(),
});
const answerSchema = z.object({ result: placeSchema });

type Place = z.infer<typeof placeSchema>;
type Answer = { kind: "place"; place: Place } | { kind: "unknown" } | { kind: "failed" };

async function ask(url: string, options: LookupOptions): Promise<Answer> {
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

const districtOf = (place: Place) =>
  (Array.isArray(place.admin_district) ? place.admin_district[0] : place.admin_district) ?? null;

/** The centre of an outward code: its cached centroid, or else the mean of its cached postcodes. */
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

async function fallBack(db: Db, outwardCode: string): Promise<PostcodeLookup> {
  const centre = await cachedCentre(db, outwardCode);
  if (!centre) return { kind: "unavailable", message: UNAVAILABLE_MESSAGE };
  return {
    kind: "approximate",
    ...centre,
    outwardCode,
    message: `postcodes.io could not be reached; distances are measured from the centre of ${outwardCode}`,
  };
}

const isFresh = (lookedUpAt: string, now: Date) => now.getTime() - Date.parse(lookedUpAt) < FORGET_UNKNOWN_AFTER_MS;

async function lookupFullPostcode(db: Db, postcode: string, outwardCode: string, options: LookupOptions): Promise<PostcodeLookup> {
  const now = options.now ?? new Date();
  const notFound: PostcodeLookup = { kind: "not-found", message: `We could not find the postcode ${postcode}. Check it and try again.` };
  const cached = await db.selectFrom("postcode_cache").selectAll().where("postcode", "=", postcode).executeTakeFirst();
  if (cached?.latitude != null && cached.longitude != null) {
    return { kind: "found", lat: cached.latitude, lon: cached.longitude, outwardCode, adminDistrict: cached.admin_district, precision: "postcode", source: "cache" };
  }
  if (cached && isFresh(cached.looked_up_at, now)) return notFound;

  const answer = await ask(`${options.baseUrl ?? getConfig().POSTCODES_API_URL}/postcodes/${encodeURIComponent(postcode)}`, options);
  if (answer.kind === "failed") return fallBack(db, outwardCode);
  const place = answer.kind === "place" ? answer.place : null;
  const row = {
    outward_code: outwardCode,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    admin_district: place ? districtOf(place) : null,
    looked_up_at: now.toISOString(),
  };
  await db
    .insertInto("postcode_cache")
    .values({ postcode, ...row })
    .onConflict((oc) => oc.column("postcode").doUpdateSet(row))
    .execute();
  // Some real postcodes (PO boxes, large users) have no location: for distance, that is not found.
  if (row.latitude === null || row.longitude === null) return notFound;
  return { kind: "found", lat: row.latitude, lon: row.longitude, outwardCode, adminDistrict: row.admin_district, precision: "postcode", source: "api" };
}

async function lookupOutwardCode(db: Db, outwardCode: string, options: LookupOptions): Promise<PostcodeLookup> {
  const now = options.now ?? new Date();
  const notFound: PostcodeLookup = { kind: "not-found", message: `We could not find the area ${outwardCode}. Check the postcode and try again.` };
  const cached = await db.selectFrom("outcode_cache").selectAll().where("outward_code", "=", outwardCode).executeTakeFirst();
  if (cached?.latitude != null && cached.longitude != null) {
    return { kind: "found", lat: cached.latitude, lon: cached.longitude, outwardCode, adminDistrict: cached.admin_district, precision: "outcode", source: "cache" };
  }
  if (cached && isFresh(cached.looked_up_at, now)) return notFound;

  const answer = await ask(`${options.baseUrl ?? getConfig().POSTCODES_API_URL}/outcodes/${encodeURIComponent(outwardCode)}`, options);
  if (answer.kind === "failed") return fallBack(db, outwardCode);
  const place = answer.kind === "place" ? answer.place : null;
  const row = {
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    admin_district: place ? districtOf(place) : null,
    looked_up_at: now.toISOString(),
  };
  await db
    .insertInto("outcode_cache")
    .values({ outward_code: outwardCode, ...row })
    .onConflict((oc) => oc.column("outward_code").doUpdateSet(row))
    .execute();
  if (row.latitude === null || row.longitude === null) return notFound;
  return { kind: "found", lat: row.latitude, lon: row.longitude, outwardCode, adminDistrict: row.admin_district, precision: "outcode", source: "api" };
}

/**
 * Finds a full postcode ("ME14 1LE") or a district ("ME14"). Never throws for postcodes.io
 * failures: it answers "approximate" from a cached district centre or "unavailable".
 */
export async function lookupPostcode(db: Db, input: string, options: LookupOptions = {}): Promise<PostcodeLookup> {
  const parsed = parsePostcodeInput(input);
  if (parsed.kind === "invalid") return { kind: "invalid", message: INVALID_POSTCODE_MESSAGE };
  if (parsed.kind === "outcode") return lookupOutwardCode(db, parsed.outwardCode, options);
  return lookupFullPostcode(db, parsed.postcode, parsed.outwardCode, options);
}
