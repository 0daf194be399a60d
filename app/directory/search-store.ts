/**
 * What the search index holds and how listings go in and out of it. Each distinct word points to
 * the services using it (its postings) with a weight for the field it appears in; each filter
 * value (category, free, day, way of attending) has a bitset of the services it fits.
 */
import type { CategoryId } from "~/lib/frameworks";
import { type LatLon, RADIANS } from "./geo";
import type { Weekday } from "./opening-times";
import { Bitset } from "./search-bitset";
import { Vocabulary, tokenize } from "./search-text";

export const ATTENDING_MODES = ["in-person", "online", "phone", "home-visit"] as const;
export type AttendingMode = (typeof ATTENDING_MODES)[number];

const ATTENDS_COLUMN = {
  "in-person": "attends_in_person",
  online: "attends_online",
  phone: "attends_phone",
  "home-visit": "attends_home_visit",
} as const satisfies Record<AttendingMode, string>;

/** The ways of attending a listing offers, read from its services-table flags, in the usual order. */
export function attendingModesOf(flags: Record<(typeof ATTENDS_COLUMN)[AttendingMode], number | boolean | null>): AttendingMode[] {
  return ATTENDING_MODES.filter((mode) => Boolean(flags[ATTENDS_COLUMN[mode]]));
}

export interface SearchLocation extends LatLon {
  name: string;
}

export interface SearchDocument {
  id: string;
  name: string;
  description: string;
  organisationName: string;
  categoryIds: CategoryId[];
  /** The categories' names, so "universal credit" finds a service filed under that category. */
  categoryNames: string[];
  isFree: boolean;
  attendingModes: AttendingMode[];
  /** ORUK language codes of the help on offer ("pl"), so a resident can look for help in Polish. */
  languageCodes: string[];
  /** National, or online or phone only: no address a distance could be measured from. */
  isNational: boolean;
  locations: SearchLocation[];
  /** Weekdays it runs on, regular hours and outreach sessions alike: `openingDays(schedules)`. */
  openDays: Weekday[];
  /** ORUK assured_date, when the listing was last checked ("YYYY-MM-DD"), or null if never. */
  assuredDate: string | null;
  /** ORUK service status; only "active" services are searchable. */
  status: string;
}

/** How much a word counts for, by the field it is in; a word in several fields counts once, at its best. */
export const FIELD_WEIGHTS = { name: 3, categoryNames: 2.5, organisationName: 2, description: 1 } as const;

interface Entry {
  doc: SearchDocument;
  words: string[];
}

function grown<T extends Float64Array | Int32Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const copy = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2, 256));
  copy.set(array);
  return copy;
}

export class SearchIndex {
  readonly entries: (Entry | null)[] = [];
  readonly slotOf = new Map<string, number>();
  readonly freeSlots: number[] = [];
  readonly postings = new Map<string, { slots: number[]; weights: number[] }>();
  readonly vocabulary = new Vocabulary();
  readonly live = new Bitset();
  readonly filters = new Map<string, Bitset>();
  /** Live slots in alphabetical order of name, the final tie-break, and each slot's position in it. */
  nameOrder: number[] = [];
  nameRank = new Int32Array(0);
  // What ranking reads for every match, in flat arrays by slot rather than in each entry's
  // objects, which at 10,000 matches halves the time of a search by distance.
  /** When last verified, in ms; -Infinity for never. */
  assuredMs = new Float64Array(0);
  /** Where a slot's locations start in `places` and how many; none for national services. */
  placeStart = new Int32Array(0);
  placeCount = new Int32Array(0);
  /** Per location: latitude and longitude in radians and the cosine of the latitude. Appended to; a rebuild compacts it. */
  places = new Float64Array(0);
  placesUsed = 0;

  filter(key: string): Bitset {
    let set = this.filters.get(key);
    if (!set) this.filters.set(key, (set = new Bitset()));
    return set;
  }
}

export const filterKeys = {
  category: (id: string) => `category:${id}`,
  free: "free",
  day: (day: Weekday) => `day:${day}`,
  attending: (mode: AttendingMode) => `attending:${mode}`,
  language: (code: string) => `language:${code}`,
};

/** Languages at least one live listing offers help in, by code, for the directory's language filter. */
export function offeredLanguages(index: SearchIndex): string[] {
  const prefix = filterKeys.language("");
  return [...index.filters.entries()]
    .filter(([key, set]) => key.startsWith(prefix) && set.copy().intersect(index.live).toArray().length > 0)
    .map(([key]) => key.slice(prefix.length))
    .sort();
}

function weightedWords(doc: SearchDocument): Map<string, number> {
  const weights = new Map<string, number>();
  const fields: [string, number][] = [
    [doc.name, FIELD_WEIGHTS.name],
    [doc.categoryNames.join(" "), FIELD_WEIGHTS.categoryNames],
    [doc.organisationName, FIELD_WEIGHTS.organisationName],
    [doc.description, FIELD_WEIGHTS.description],
  ];
  for (const [text, weight] of fields) {
    for (const word of tokenize(text)) weights.set(word, Math.max(weight, weights.get(word) ?? 0));
  }
  return weights;
}

function insert(index: SearchIndex, doc: SearchDocument): void {
  const slot = index.freeSlots.pop() ?? index.entries.length;
  const weights = weightedWords(doc);
  for (const [word, weight] of weights) {
    let posting = index.postings.get(word);
    if (!posting) {
      index.postings.set(word, (posting = { slots: [], weights: [] }));
      index.vocabulary.add(word);
    }
    posting.slots.push(slot);
    posting.weights.push(weight);
  }
  index.entries[slot] = { doc, words: [...weights.keys()] };
  setColumns(index, slot, doc);
  index.slotOf.set(doc.id, slot);
  index.live.add(slot);
  for (const id of doc.categoryIds) index.filter(filterKeys.category(id)).add(slot);
  if (doc.isFree) index.filter(filterKeys.free).add(slot);
  for (const day of doc.openDays) index.filter(filterKeys.day(day)).add(slot);
  for (const mode of doc.attendingModes) index.filter(filterKeys.attending(mode)).add(slot);
  for (const code of doc.languageCodes) index.filter(filterKeys.language(code)).add(slot);
}

function setColumns(index: SearchIndex, slot: number, doc: SearchDocument): void {
  index.assuredMs = grown(index.assuredMs, slot + 1);
  index.placeStart = grown(index.placeStart, slot + 1);
  index.placeCount = grown(index.placeCount, slot + 1);
  const assured = doc.assuredDate ? Date.parse(doc.assuredDate) : Number.NaN;
  index.assuredMs[slot] = Number.isNaN(assured) ? Number.NEGATIVE_INFINITY : assured;
  const locations = doc.isNational ? [] : doc.locations;
  index.placeStart[slot] = index.placesUsed;
  index.placeCount[slot] = locations.length;
  index.places = grown(index.places, index.placesUsed + locations.length * 3);
  for (const { lat, lon } of locations) {
    index.places.set([lat * RADIANS, lon * RADIANS, Math.cos(lat * RADIANS)], index.placesUsed);
    index.placesUsed += 3;
  }
}

const nameKey = (index: SearchIndex, slot: number) => index.entries[slot]!.doc.name.toLowerCase();

function compareNames(index: SearchIndex, a: number, b: number): number {
  const nameA = nameKey(index, a);
  const nameB = nameKey(index, b);
  return nameA < nameB ? -1 : nameA > nameB ? 1 : a - b;
}

function renumberNames(index: SearchIndex): void {
  index.nameRank = grown(index.nameRank, index.entries.length);
  index.nameOrder.forEach((slot, rank) => (index.nameRank[slot] = rank));
}

/** Builds the index from every listing; services that are not active are left out. */
export function buildSearchIndex(docs: SearchDocument[]): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) if (doc.status === "active") insert(index, doc);
  index.nameOrder = index.live.toArray().sort((a, b) => compareNames(index, a, b));
  renumberNames(index);
  return index;
}

/**
 * Takes a listing out of search. Its words stay in the vocabulary with no services behind them,
 * which costs a little memory and nothing in results; a nightly rebuild would drop them.
 */
export function removeDocument(index: SearchIndex, id: string): void {
  const slot = index.slotOf.get(id);
  const entry = slot === undefined ? null : index.entries[slot];
  if (slot === undefined || !entry) return;
  for (const word of entry.words) {
    const posting = index.postings.get(word)!;
    const at = posting.slots.indexOf(slot);
    posting.slots.splice(at, 1);
    posting.weights.splice(at, 1);
  }
  index.live.delete(slot);
  for (const set of index.filters.values()) set.delete(slot);
  index.nameOrder.splice(index.nameRank[slot], 1);
  index.entries[slot] = null;
  index.slotOf.delete(id);
  index.freeSlots.push(slot);
  renumberNames(index);
}

/**
 * Adds a new listing or replaces a changed one; one that is no longer active leaves search.
 * Linear in the number of listings at worst (well under a millisecond at 10,000), so a saved
 * listing is searchable at once.
 */
export function updateDocument(index: SearchIndex, doc: SearchDocument): void {
  removeDocument(index, doc.id);
  if (doc.status !== "active") return;
  insert(index, doc);
  const slot = index.slotOf.get(doc.id)!;
  let low = 0;
  let high = index.nameOrder.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareNames(index, index.nameOrder[middle], slot) < 0) low = middle + 1;
    else high = middle;
  }
  index.nameOrder.splice(low, 0, slot);
  renumberNames(index);
}
