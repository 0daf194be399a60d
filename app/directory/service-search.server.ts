/**
 * The directory's search as the pages use it: the postcode looked up, then the in-memory index
 * (directory-index.server.ts) searched and the results summarised, so no request reads the
 * database for results.
 */
import type { Db } from "~/lib/db.server";
import { CATEGORY_IDS, type CategoryId } from "~/lib/frameworks";
import { getDirectoryIndex, type DirectoryIndex } from "./directory-index.server";
import type { LatLon } from "./geo";
import { UNAVAILABLE_MESSAGE, lookupPostcode, type LookupOptions, type PostcodeLookup } from "./postcodes.server";
import { parsePostcodeInput } from "./postcodes";
import type { DirectorySearchParams } from "./search-params";
import { type SearchResultPage, offeredLanguages, searchServices } from "./search-index";
import { type ServiceSummary, openingText, summarise } from "./service-view";

export type { ServiceSummary } from "./service-view";

const isCategory = (code: string | null): code is CategoryId => CATEGORY_IDS.includes(code as CategoryId);

export interface DirectorySearchResult {
  /** The postcode lookup, or null when no postcode was given. */
  lookup: PostcodeLookup | null;
  /** Where distances are measured from; null when results are not sorted by distance. */
  origin: LatLon | null;
  /** Said above the results: distances are approximate, or could not be measured. */
  notice: string | null;
  /** Said beside the postcode field: it is not a postcode, or no such postcode exists. */
  postcodeError: string | null;
  page: SearchResultPage;
  services: ServiceSummary[];
  /** Codes of the languages some listing offers help in, for the language filter. */
  languages: string[];
}

export interface DirectorySearchOptions {
  now?: Date;
  lookup?: LookupOptions;
}

/**
 * When postcodes.io is down and nothing is cached, the directory's own addresses in the same
 * district give a rough centre, so a search for "ME14" still sorts by distance.
 */
async function centreFromListings(db: Db, outwardCode: string): Promise<LatLon | null> {
  const points = await db
    .selectFrom("locations")
    .select(["latitude", "longitude"])
    .where("outward_code", "=", outwardCode)
    .where("latitude", "is not", null)
    .where("longitude", "is not", null)
    .execute();
  if (points.length === 0) return null;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { lat: mean(points.map((p) => p.latitude!)), lon: mean(points.map((p) => p.longitude!)) };
}

const approximateNotice = (outwardCode: string) =>
  `Distances are approximate: they are measured from the middle of ${outwardCode}. Enter your full postcode for exact distances.`;

async function originFor(db: Db, postcode: string, options: LookupOptions) {
  if (!postcode) return { lookup: null, origin: null, notice: null, postcodeError: null };
  const lookup = await lookupPostcode(db, postcode, options);
  switch (lookup.kind) {
    case "found":
      return {
        lookup,
        origin: { lat: lookup.lat, lon: lookup.lon },
        notice: lookup.precision === "outcode" ? approximateNotice(lookup.outwardCode) : null,
        postcodeError: null,
      };
    case "approximate":
      return {
        lookup,
        origin: { lat: lookup.lat, lon: lookup.lon },
        notice: `We cannot look up postcodes at the moment, so distances are measured from the middle of ${lookup.outwardCode}.`,
        postcodeError: null,
      };
    case "invalid":
    case "not-found":
      return { lookup, origin: null, notice: null, postcodeError: lookup.message };
    case "unavailable": {
      const parsed = parsePostcodeInput(postcode);
      const centre = parsed.kind === "invalid" ? null : await centreFromListings(db, parsed.outwardCode);
      if (!centre || parsed.kind === "invalid") return { lookup, origin: null, notice: UNAVAILABLE_MESSAGE, postcodeError: null };
      return {
        lookup,
        origin: centre,
        notice: `We cannot look up postcodes at the moment, so distances are measured roughly from ${parsed.outwardCode}.`,
        postcodeError: null,
      };
    }
  }
}

/**
 * Result summaries; "open now" and the next session are remembered for the minute, since
 * walking a quarter of calendar for each of 20 results on every request cost more than the search.
 */
export function summariesFor(
  directory: DirectoryIndex,
  items: { id: string; distanceKm: number | null; nearestLocation: string | null }[],
  now: Date,
): ServiceSummary[] {
  const minute = Math.floor(now.getTime() / 60_000);
  return items.flatMap((item) => {
    const record = directory.records.get(item.id);
    if (!record) return [];
    let opening = directory.opening.get(item.id);
    if (opening?.minute !== minute) {
      opening = { minute, value: openingText(record.schedules, now) };
      directory.opening.set(item.id, opening);
    }
    return [summarise(record, item, now, opening.value)];
  });
}

/** One page of /services: postcode looked up, filters applied, results summarised for display. */
export async function searchDirectory(
  db: Db,
  params: DirectorySearchParams,
  options: DirectorySearchOptions = {},
): Promise<DirectorySearchResult> {
  const now = options.now ?? new Date();
  const [directory, place] = await Promise.all([getDirectoryIndex(db), originFor(db, params.postcode, options.lookup ?? {})]);
  const page = searchServices(directory.index, {
    q: params.q,
    categoryIds: params.categories,
    free: params.free,
    day: params.day,
    attending: params.attending,
    language: params.language,
    origin: place.origin,
    page: params.page,
    now,
  });
  return { ...place, page, services: summariesFor(directory, page.items, now), languages: offeredLanguages(directory.index) };
}

/**
 * Services for a triage result: the best few for each category in turn (nearest first with a
 * postcode), so three needs get a mix rather than ten answers to the first. A postcode that
 * cannot be placed just means no distances.
 */
export async function findHelpNearby(
  db: Db,
  input: { categoryIds: string[]; postcode?: string; limit: number },
  options: DirectorySearchOptions = {},
): Promise<ServiceSummary[]> {
  const now = options.now ?? new Date();
  const categories = [...new Set(input.categoryIds.filter(isCategory))];
  if (categories.length === 0 || input.limit <= 0) return [];
  const [directory, place] = await Promise.all([getDirectoryIndex(db), originFor(db, input.postcode?.trim() ?? "", options.lookup ?? {})]);
  const lists = categories.map((category) =>
    searchServices(directory.index, { categoryIds: [category], origin: place.origin, now }).items,
  );
  const chosen = new Map<string, (typeof lists)[number][number]>();
  for (let rank = 0; chosen.size < input.limit && lists.some((list) => rank < list.length); rank++) {
    for (const list of lists) {
      const item = list[rank];
      if (item && !chosen.has(item.id) && chosen.size < input.limit) chosen.set(item.id, item);
    }
  }
  return summariesFor(directory, [...chosen.values()], now);
}
