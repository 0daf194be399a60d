/**
 * Typo-tolerant search over knowledge articles. People type "univeral credit" or "scmas" on a
 * phone in a hurry, so each word of the query is matched fuzzily; every word must match
 * somewhere in the article (title, summary or body), and titles count most.
 */
import Fuse, { type FuseOptionKey } from "fuse.js";
import type { Article, ArticleType, Audience } from "~/knowledge/article-schema";
import { toPlainText } from "~/knowledge/plain-text";
import type { BarrierId } from "~/lib/frameworks";

export interface ArticleFilters {
  type?: ArticleType;
  audience?: Audience;
  barrier?: BarrierId;
}

interface IndexedArticle {
  article: Article;
  title: string;
  summary: string;
  text: string;
}

export interface ArticleIndex {
  entries: readonly IndexedArticle[];
  fuse: Fuse<IndexedArticle>;
}

const KEYS: FuseOptionKey<IndexedArticle>[] = [
  { name: "title", weight: 4 },
  { name: "summary", weight: 2 },
  { name: "text", weight: 1 },
];

export function buildArticleIndex(articles: readonly Article[]): ArticleIndex {
  const entries = articles.map((article) => ({
    article,
    title: article.title,
    summary: article.summary,
    text: toPlainText(article.body),
  }));
  const fuse = new Fuse(entries, {
    keys: KEYS,
    includeScore: true,
    ignoreLocation: true,
    ignoreFieldNorm: false,
    threshold: 0.3,
    minMatchCharLength: 2,
    useExtendedSearch: true,
  });
  return { entries, fuse };
}

function matchesFilters(article: Article, filters: ArticleFilters): boolean {
  return (
    (!filters.type || article.type === filters.type) &&
    (!filters.audience || article.audience.includes(filters.audience)) &&
    (!filters.barrier || article.barriers.includes(filters.barrier))
  );
}

/** Query words as plain fuzzy terms: extended-search operators typed by a user are dropped. */
function toFuzzyTerms(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, ""))
    .filter((word) => word.length >= 2);
}

/**
 * Articles matching the query and filters, best match first. An empty query lists every
 * article that passes the filters, by title.
 */
export function searchArticles(index: ArticleIndex, query: string, filters: ArticleFilters = {}): Article[] {
  const terms = toFuzzyTerms(query);
  if (terms.length === 0) {
    return index.entries
      .map((entry) => entry.article)
      .filter((article) => matchesFilters(article, filters))
      .sort((a, b) => a.title.localeCompare(b.title, "en-GB"));
  }
  // Each term may match any field, and all terms must match: "univeral credit" needs both words.
  const expression = {
    $and: terms.map((term) => ({ $or: KEYS.map((key) => ({ [(key as { name: string }).name]: term })) })),
  };
  return index.fuse
    .search(expression)
    .map((result) => result.item.article)
    .filter((article) => matchesFilters(article, filters));
}
