/**
 * Answering one search from the index: filters, then text, then order, then one page.
 *
 * Order. Without a postcode, by relevance to the words typed (by name when none were typed).
 * With one, in three bands: services with an address within reach (LOCAL_REACH_KM) nearest
 * first, relevance breaking ties; then national, online and phone services by relevance,
 * labelled national; then services further away, nearest first. So a national helpline is on the
 * first pages next to what is close, and a service across the county does not crowd it out.
 * In every band, a listing not verified for 12 months (or never) comes after the verified ones.
 */
import type { CategoryId } from "~/lib/frameworks";
import { EARTH_RADIUS_KM, type LatLon, RADIANS } from "./geo";
import type { Weekday } from "./opening-times";
import type { Bitset } from "./search-bitset";
import { selectSmallest } from "./search-select";
import { type AttendingMode, type SearchIndex, filterKeys } from "./search-store";
import { tokenize } from "./search-text";

export const SEARCH_PAGE_SIZE = 20;
export const LOCAL_REACH_KM = 40;
const STALE_AFTER_MS = 365 * 86_400_000;

export interface SearchQuery {
  q?: string;
  /** Every one must apply (AND). */
  categoryIds?: CategoryId[];
  free?: boolean;
  day?: Weekday | null;
  attending?: AttendingMode | null;
  /** An ORUK language code: only help offered in that language. */
  language?: string | null;
  origin?: LatLon | null;
  /** From 1; a page past the end gives the last page. */
  page?: number;
  /** When "12 months ago" is measured from; defaults to the current time. */
  now?: Date;
}

export interface SearchResultItem {
  id: string;
  /** Relevance to the words typed; 0 when none were. */
  score: number;
  /** To the nearest of the service's locations; null without an origin or for national services. */
  distanceKm: number | null;
  nearestLocation: string | null;
  national: boolean;
  /** Not verified for 12 months (or never): ranked lower, and the page should say so. */
  stale: boolean;
}

export interface SearchResultPage {
  total: number;
  page: number;
  totalPages: number;
  items: SearchResultItem[];
  /** Typed words that match nothing in the directory and were left out of the search. */
  ignoredWords: string[];
}

// A sort key packed into one float64 so the native numeric sort orders results: 3 bits of band
// and staleness, 21 of distance (10 m steps) or relevance, 8 of relevance as a tie-break between
// equal distances, 20 of alphabetical position, which also says which service the key is for.
const RANK_BITS = 2 ** 20;
const TIE_BITS = 2 ** 8;
const PRIMARY_BITS = 2 ** 21;

function filtersFor(index: SearchIndex, query: SearchQuery): Bitset {
  const result = index.live.copy();
  const keys = [
    ...(query.categoryIds ?? []).map(filterKeys.category),
    ...(query.free ? [filterKeys.free] : []),
    ...(query.day ? [filterKeys.day(query.day)] : []),
    ...(query.attending ? [filterKeys.attending(query.attending)] : []),
    ...(query.language ? [filterKeys.language(query.language)] : []),
  ];
  for (const key of keys) result.intersect(index.filter(key));
  return result;
}

/**
 * Per-slot working arrays, kept between queries: allocating and collecting them each time cost
 * more than the search itself. A slot's value is only read in a query that wrote it, or is
 * put back to zero before the query ends.
 */
interface Scratch {
  best: Float64Array;
  total: Float64Array;
  matched: Uint8Array;
  score: Float64Array;
  distance: Float64Array;
  nearest: Int32Array;
}

const scratchByIndex = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  const size = index.entries.length;
  let scratch = scratchByIndex.get(index);
  if (!scratch || scratch.best.length < size) {
    const capacity = Math.max(size, 1024) * 2;
    scratch = {
      best: new Float64Array(capacity),
      total: new Float64Array(capacity),
      matched: new Uint8Array(capacity),
      score: new Float64Array(capacity),
      distance: new Float64Array(capacity),
      nearest: new Int32Array(capacity),
    };
    scratchByIndex.set(index, scratch);
  }
  return scratch;
}

const MAX_TERMS = 12;

/** Services matching every typed word (each allowing typos), their relevance left in `scratch.score`. */
function textMatches(index: SearchIndex, scratch: Scratch, terms: string[], allowed: Bitset, ignored: string[]): number[] {
  const { best, total, matched, score } = scratch;
  let first: number[] | null = null;
  let survivors: number[] = [];
  let round = 0;
  for (const term of terms.slice(0, MAX_TERMS)) {
    const matches = index.vocabulary.match(term);
    if (matches.length === 0) {
      ignored.push(term);
      continue;
    }
    // The best reading of this word for each service: "laptop" and "laptops" do not add up.
    const touched: number[] = [];
    for (const { word, similarity } of matches) {
      const { slots, weights } = index.postings.get(word)!;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (matched[slot] !== round || !allowed.has(slot)) continue;
        const value = similarity * weights[i];
        if (value > best[slot]) {
          if (best[slot] === 0) touched.push(slot);
          best[slot] = value;
        }
      }
    }
    round++;
    for (const slot of touched) {
      total[slot] += best[slot];
      best[slot] = 0;
      matched[slot] = round;
    }
    first ??= touched;
    survivors = touched;
    if (survivors.length === 0) break;
  }
  for (const slot of survivors) score[slot] = total[slot];
  // Every slot touched at all was touched by the first word matched.
  for (const slot of first ?? []) {
    total[slot] = 0;
    matched[slot] = 0;
  }
  return survivors;
}

export function searchServices(index: SearchIndex, query: SearchQuery): SearchResultPage {
  const scratch = scratchFor(index);
  const { score: scores, distance, nearest } = scratch;
  const allowed = filtersFor(index, query);
  const terms = [...new Set(tokenize(query.q ?? ""))];
  const ignoredWords: string[] = [];
  const slots = terms.length > 0 ? textMatches(index, scratch, terms, allowed, ignoredWords) : allowed.toArray();
  if (terms.length === 0) for (const slot of slots) scores[slot] = 0;

  const { nameRank, nameOrder } = index;
  const staleBefore = (query.now ?? new Date()).getTime() - STALE_AFTER_MS;
  const origin = query.origin ?? null;
  const originLat = origin ? origin.lat * RADIANS : 0;
  const originLon = origin ? origin.lon * RADIANS : 0;
  const originCos = Math.cos(originLat);
  const { assuredMs, placeStart, placeCount, places } = index;
  const keys = new Float64Array(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    const score = scores[slot];
    distance[slot] = -1;
    let band = 0;
    let primary = PRIMARY_BITS - 1 - Math.min(PRIMARY_BITS - 1, Math.round(score * 1000));
    let tie = 0;
    const count = placeCount[slot];
    if (origin && count > 0) {
      // Haversine with the trigonometry of both ends done once, the arcsine once per service.
      const start = placeStart[slot];
      let nearestH = Infinity;
      for (let g = start; g < start + count * 3; g += 3) {
        const sinLat = Math.sin((places[g] - originLat) / 2);
        const sinLon = Math.sin((places[g + 1] - originLon) / 2);
        const h = sinLat * sinLat + originCos * places[g + 2] * sinLon * sinLon;
        if (h < nearestH) {
          nearestH = h;
          nearest[slot] = (g - start) / 3;
        }
      }
      const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(nearestH)));
      distance[slot] = km;
      band = km <= LOCAL_REACH_KM ? 0 : 2;
      primary = Math.min(PRIMARY_BITS - 1, Math.round(km * 100));
      tie = TIE_BITS - 1 - Math.min(TIE_BITS - 1, Math.round(score * 20));
    } else if (origin) {
      band = 1;
    }
    const tier = band * 2 + (assuredMs[slot] < staleBefore ? 1 : 0);
    keys[i] = ((tier * PRIMARY_BITS + primary) * TIE_BITS + tie) * RANK_BITS + nameRank[slot];
  }

  const total = slots.length;
  const totalPages = Math.ceil(total / SEARCH_PAGE_SIZE);
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), Math.max(1, totalPages));
  const end = Math.min(total, page * SEARCH_PAGE_SIZE);
  selectSmallest(keys, end);
  keys.subarray(0, end).sort();
  const items: SearchResultItem[] = [];
  for (let i = (page - 1) * SEARCH_PAGE_SIZE; i < end; i++) {
    const slot = nameOrder[keys[i] % RANK_BITS];
    const entry = index.entries[slot]!;
    const measured = distance[slot] >= 0;
    items.push({
      id: entry.doc.id,
      score: Math.round(scores[slot] * 1000) / 1000,
      distanceKm: measured ? distance[slot] : null,
      nearestLocation: measured ? entry.doc.locations[nearest[slot]].name : null,
      national: entry.doc.isNational,
      stale: assuredMs[slot] < staleBefore,
    });
  }
  return { total, page, totalPages, items, ignoredWords };
}
