/**
 * A listing as a page in the resident's language shows it: the labels Waymark adds translated,
 * the provider's Welsh name and description when the page is in Welsh and the listing has them,
 * and a lang attribute on whatever stays in English so screen readers pronounce it right.
 * Pure: the caller passes the page's directory text.
 */
import type { HowToAccess } from "~db/schema/directory";
import { SOURCE_LANGUAGE } from "~/i18n/languages";
import { COST_TEXT, REACH_LABELS } from "./service-view";

type Messages = Record<string, string>;

/** The page's own lang attribute for text left in English; undefined on an English page. */
export const englishIn = (code: string) => (code === SOURCE_LANGUAGE ? undefined : "en-GB");

const REACH_KEYS = new Map<string, string>(Object.entries(REACH_LABELS).map(([key, label]) => [label, key]));

export interface ListingText {
  name: string;
  /** Set when the name shown is not in the page's language. */
  nameLang?: string;
  /** Set when the description shown is not in the page's language. */
  descriptionLang?: string;
  reachLabels: string[];
  howToAccessText: string | null;
  cost: string;
  costLang?: string;
}

/** A listing's name in the page's language: its Welsh name on a Welsh page when it has one, else as written, marked. */
export function listingName(listing: { name: string; nameCy: string | null }, code: string): { name: string; nameLang?: string } {
  if (code === "cy" && listing.nameCy) return { name: listing.nameCy };
  const lang = englishIn(code);
  return lang ? { name: listing.name, nameLang: lang } : { name: listing.name };
}

export function listingText(
  listing: { name: string; nameCy: string | null; reachLabels: string[]; howToAccess: HowToAccess | null; cost: string },
  hasWelshDescription: boolean,
  code: string,
  text: Messages,
): ListingText {
  const english = englishIn(code);
  const welshName = code === "cy" && listing.nameCy ? listing.nameCy : null;
  const standardCost = listing.cost === COST_TEXT.free ? "listing.costFree" : listing.cost === COST_TEXT.ask ? "listing.costAsk" : null;
  return {
    name: welshName ?? listing.name,
    nameLang: welshName ? undefined : english,
    descriptionLang: code === "cy" && hasWelshDescription ? undefined : english,
    reachLabels: listing.reachLabels.map((label) => text[`listing.reach.${REACH_KEYS.get(label)}`] ?? label),
    howToAccessText: listing.howToAccess ? (text[`listing.howToAccess.${listing.howToAccess}`] ?? null) : null,
    cost: standardCost ? text[standardCost] : listing.cost,
    costLang: standardCost ? undefined : english,
  };
}
