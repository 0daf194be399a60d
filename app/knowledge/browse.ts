/**
 * The knowledge store's browse page: reading its query string and describing the chosen filters.
 * Filters arrive in links people share and edit, so an unknown value is dropped, never an error.
 */
import { z } from "zod";
import { BARRIERS, BARRIER_IDS, labelFor, type BarrierId } from "~/lib/frameworks";
import { ARTICLE_TYPES, AUDIENCES, type Article, type ArticleType, type Audience } from "./article-schema";
import type { KnowledgeEntry } from "./knowledge-entry";

export const TYPE_LABELS: Record<ArticleType, string> = {
  guide: "Guide",
  module: "Training module",
  "case-study": "Case study",
  "data-set": "Data set",
};

export const AUDIENCE_LABELS: Record<Audience, string> = {
  champion: "Digital Champions",
  staff: "Frontline staff",
  resident: "Residents",
};

/** Longer queries are cut rather than refused: nobody types 200 characters into a search box on purpose. */
export const QUERY_MAX = 200;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const browseSchema = z.object({
  q: z.preprocess((value) => (typeof value === "string" ? value.trim().slice(0, QUERY_MAX) : ""), z.string()).catch(""),
  type: z.preprocess(blankToUndefined, z.enum(ARTICLE_TYPES).optional()).catch(undefined),
  audience: z.preprocess(blankToUndefined, z.enum(AUDIENCES).optional()).catch(undefined),
  barrier: z.preprocess(blankToUndefined, z.enum(BARRIER_IDS).optional()).catch(undefined),
});

export interface BrowseQuery {
  q: string;
  type?: ArticleType;
  audience?: Audience;
  barrier?: BarrierId;
}

export function readBrowseQuery(params: URLSearchParams): BrowseQuery {
  return browseSchema.parse({
    q: params.get("q") ?? "",
    type: params.get("type") ?? undefined,
    audience: params.get("audience") ?? undefined,
    barrier: params.get("barrier") ?? undefined,
  });
}

export function browseHref(query: BrowseQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.type) params.set("type", query.type);
  if (query.audience) params.set("audience", query.audience);
  if (query.barrier) params.set("barrier", query.barrier);
  const search = params.toString();
  return search ? `/knowledge?${search}` : "/knowledge";
}

export interface FilterTag {
  /** What the tag says, e.g. "Audience: Residents". */
  text: string;
  /** The same page without this one filter. */
  removeHref: string;
}

/** One removable tag for each filter in use, the search words included. */
export function filterTags(query: BrowseQuery): FilterTag[] {
  const tags: FilterTag[] = [];
  if (query.q) tags.push({ text: `Search: ${query.q}`, removeHref: browseHref({ ...query, q: "" }) });
  if (query.type) tags.push({ text: `Type: ${TYPE_LABELS[query.type]}`, removeHref: browseHref({ ...query, type: undefined }) });
  if (query.audience) tags.push({ text: `For: ${AUDIENCE_LABELS[query.audience]}`, removeHref: browseHref({ ...query, audience: undefined }) });
  if (query.barrier) tags.push({ text: `Barrier: ${labelFor(BARRIERS, query.barrier)}`, removeHref: browseHref({ ...query, barrier: undefined }) });
  return tags;
}

/** What a list or search result shows of an article (or of a training module listed with them). */
export interface ArticleSummary {
  slug: string;
  href: string;
  title: string;
  summary: string;
  type: ArticleType;
  typeLabel: string;
  readingTime: number;
}

export function summariseArticle(article: Article | KnowledgeEntry): ArticleSummary {
  return {
    slug: article.slug,
    href: "href" in article ? article.href : `/knowledge/${article.slug}`,
    title: article.title,
    summary: article.summary,
    type: article.type,
    typeLabel: TYPE_LABELS[article.type],
    readingTime: article.readingTime,
  };
}

export function readingTimeText(minutes: number): string {
  return minutes === 1 ? "1 minute read" : `${minutes} minute read`;
}

/** "Guide · 3 minute read", or for a module, how long it takes and that it needs signing in. */
export function resultMetaText(summary: Pick<ArticleSummary, "type" | "typeLabel" | "readingTime">): string {
  return summary.type === "module"
    ? `${summary.typeLabel} · about ${summary.readingTime} minutes · sign in needed`
    : `${summary.typeLabel} · ${readingTimeText(summary.readingTime)}`;
}

const longDates = new Map<string, Intl.DateTimeFormat>();

/** "23 November 2026" from "2026-11-23"; in Welsh ("cy"), "23 Tachwedd 2026". */
export function formatLongDate(isoDate: string, locale = "en-GB"): string {
  let longDate = longDates.get(locale);
  if (!longDate) {
    longDate = new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    longDates.set(locale, longDate);
  }
  return longDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
