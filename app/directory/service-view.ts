/**
 * How a listing reads in search results and on the triage result page: what a person needs to
 * choose between services at a glance. Pure: the caller loads the record and passes the clock.
 */
import type { HowToAccess } from "~db/schema/directory";
import type { CategoryId } from "~/lib/frameworks";
import { formatDistanceKm } from "./geo";
import { currentSession, formatClock, nextSession, openingDays, type ScheduleRule, type Session } from "./opening-times";
import { formatLongDate, toLondon, addDays } from "./opening-times-calendar";
import type { AttendingMode, SearchDocument, SearchLocation } from "./search-index";

/** Everything about a listing that search and its summary need, held in memory beside the index. */
export interface ServiceRecord {
  id: string;
  name: string;
  description: string;
  /** The provider's Welsh name and description, when given. */
  nameCy: string | null;
  descriptionCy: string | null;
  organisationName: string;
  categories: { id: CategoryId; name: string }[];
  /** Names of every term the service is filed under, our categories and imported ones alike. */
  termNames: string[];
  status: string;
  isNational: boolean;
  attendingModes: AttendingMode[];
  languageCodes: string[];
  howToAccess: HowToAccess | null;
  feesDescription: string | null;
  costs: { option: string | null; amount: number | null }[];
  /** "YYYY-MM-DD" or null for never. */
  assuredDate: string | null;
  locations: SearchLocation[];
  /** Service-wide schedules and those of each location, with the place named. */
  schedules: ScheduleRule[];
  /** Made-up example data seeded for trying Waymark, not a real service. */
  isDemo: boolean;
}

export interface ServiceSummary {
  id: string;
  name: string;
  organisation: string;
  shortDescription: string;
  nameCy: string | null;
  shortDescriptionCy: string | null;
  categories: { id: CategoryId; name: string }[];
  distanceKm: number | null;
  /** "1.2 km away", or null without a postcode or for national services. */
  distanceText: string | null;
  nearestLocation: string | null;
  /** "Available across the UK", "Online", "By phone": how people reach it without travelling. */
  reachLabels: string[];
  openNow: boolean;
  /** "Open now until 5pm" or "Next: Tuesday 3 June, 10am to 1pm at Headcorn Village Hall". */
  openingText: string | null;
  isFree: boolean;
  cost: string;
  howToAccess: HowToAccess | null;
  howToAccessText: string | null;
  lastVerified: string | null;
  /** "Last checked 3 March 2024" once a listing has gone 12 months unchecked (or never was). */
  stale: boolean;
  /** Example data for trying Waymark: shown as a "Demo listing" tag so no one relies on it. */
  isDemo: boolean;
}

export const STALE_AFTER_DAYS = 365;

export const HOW_TO_ACCESS_TEXT: Record<HowToAccess, string> = {
  "drop-in": "Drop in, no appointment needed",
  appointment: "Book an appointment",
  referral: "Needs a referral",
  online: "Use it online",
};

/** What a listing without its own fees text says about cost. */
export const COST_TEXT = { free: "Free", ask: "Ask about costs" } as const;

export const REACH_LABELS = { national: "Available across the UK", online: "Online", phone: "By phone" } as const;

/** The tag on every demo listing, and what the listing's own page says about it. */
export const DEMO_TAG = "Demo listing";
export const DEMO_NOTE = "This is example data for trying Waymark: the organisation, opening times and contact details are made up, so do not use them to get help.";

/**
 * Free when the help itself costs nothing: the fees start with "Free" ("Free to use. Printing
 * 20p a page.") or no cost option asks for money. Extras such as printing do not make it paid.
 */
export function isFreeService(feesDescription: string | null, costs: { amount: number | null }[]): boolean {
  if (feesDescription && /^\s*free\b/i.test(feesDescription)) return true;
  if (costs.length === 0) return !feesDescription || /\bfree\b/i.test(feesDescription);
  return costs.every((c) => !c.amount);
}

export function isStale(assuredDate: string | null, now: Date): boolean {
  if (!assuredDate) return true;
  return assuredDate.slice(0, 10) < addDays(toLondon(now).date, -STALE_AFTER_DAYS);
}

/** The first sentence, or the text cut at a word near `max` characters. */
export function shortDescription(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(clean)?.[1];
  if (sentence && sentence.length <= max) return sentence;
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).replace(/[,;:]$/, "")}…`;
}

/** "Tuesday 3 June" for dates this year; the year is added for later ones. */
function dayText(date: string, today: string): string {
  const long = formatLongDate(date);
  return date.slice(0, 4) === today.slice(0, 4) ? long.replace(/ \d{4}$/, "") : long;
}

function hours(session: Session): string {
  if (!session.opensAt) return "";
  return session.closesAt ? `${formatClock(session.opensAt)} to ${formatClock(session.closesAt)}` : `from ${formatClock(session.opensAt)}`;
}

export function openingText(rules: ScheduleRule[], now: Date): { openNow: boolean; text: string | null } {
  const current = currentSession(rules, now);
  if (current?.closesAt) {
    return { openNow: true, text: `Open now until ${formatClock(current.closesAt)}${current.place ? ` at ${current.place}` : ""}` };
  }
  const next = nextSession(rules, now);
  if (!next) return { openNow: false, text: null };
  const today = toLondon(now).date;
  const when = next.date === today ? "Today" : next.date === addDays(today, 1) ? "Tomorrow" : dayText(next.date, today);
  const time = hours(next);
  return { openNow: false, text: `Next: ${when}${time ? `, ${time}` : ""}${next.place ? ` at ${next.place}` : ""}` };
}

export function reachLabels(record: Pick<ServiceRecord, "isNational" | "attendingModes">): string[] {
  const labels: string[] = [];
  if (record.isNational) labels.push(REACH_LABELS.national);
  if (record.attendingModes.includes("online")) labels.push(REACH_LABELS.online);
  if (record.attendingModes.includes("phone")) labels.push(REACH_LABELS.phone);
  return labels;
}

export function costText(record: Pick<ServiceRecord, "feesDescription" | "costs">): string {
  if (record.feesDescription?.trim()) return record.feesDescription.trim();
  return isFreeService(null, record.costs) ? COST_TEXT.free : COST_TEXT.ask;
}

/** "3 March 2025". */
export function formatDate(date: string): string {
  return formatLongDate(date.slice(0, 10)).replace(/^\w+ /, "");
}

export function toSearchDocument(record: ServiceRecord): SearchDocument {
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    organisationName: record.organisationName,
    categoryIds: record.categories.map((c) => c.id),
    categoryNames: record.termNames,
    isFree: isFreeService(record.feesDescription, record.costs),
    attendingModes: record.attendingModes,
    languageCodes: record.languageCodes,
    // Without a located address no distance can be measured: it is reached from anywhere.
    isNational: record.isNational || record.locations.length === 0,
    locations: record.locations,
    openDays: openingDays(record.schedules),
    assuredDate: record.assuredDate,
    status: record.status,
  };
}

/** `opening` may be passed in by a caller that remembers it, since working it out is the costly part. */
export function summarise(
  record: ServiceRecord,
  found: { distanceKm: number | null; nearestLocation: string | null } | null,
  now: Date,
  opening: { openNow: boolean; text: string | null } = openingText(record.schedules, now),
): ServiceSummary {
  const distanceKm = found?.distanceKm ?? null;
  return {
    id: record.id,
    name: record.name,
    organisation: record.organisationName,
    shortDescription: shortDescription(record.description),
    nameCy: record.nameCy,
    shortDescriptionCy: record.descriptionCy ? shortDescription(record.descriptionCy) : null,
    categories: record.categories,
    distanceKm,
    distanceText: distanceKm === null ? null : `${formatDistanceKm(distanceKm)} away`,
    nearestLocation: found?.nearestLocation ?? null,
    reachLabels: reachLabels(record),
    openNow: opening.openNow,
    openingText: opening.text,
    isFree: isFreeService(record.feesDescription, record.costs),
    cost: costText(record),
    howToAccess: record.howToAccess,
    howToAccessText: record.howToAccess ? HOW_TO_ACCESS_TEXT[record.howToAccess] : null,
    lastVerified: record.assuredDate ? formatDate(record.assuredDate) : null,
    stale: isStale(record.assuredDate, now),
    isDemo: record.isDemo,
  };
}
