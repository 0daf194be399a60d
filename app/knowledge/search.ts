/**
 * Typo-tolerant search over knowledge articles. People type "univeral credit" or "scmas" on a
 * phone in a hurry, so each word of the query is matched fuzzily; every word must match
 * somewhere in the article (title, summary or body), and titles count most.
 *
 * fuse.js alone scores a swapped pair of letters as two errors, which on a short word is past
 * any useful threshold ("scmas" would need one loose enough to match almost anything in the
 * bodies). So each query word is first compared with the index's own vocabulary by edit distance
 * counting a swap as one edit, and the close words join the fuzzy search as exact alternatives.
 */
import Fuse from "fuse.js";
import type { ArticleType, Audience } from "~/knowledge/article-schema";
import { toPlainText } from "~/knowledge/plain-text";
import type { BarrierId } from "~/lib/frameworks";

export interface ArticleFilters {
  type?: ArticleType;
  audience?: Audience;
  barrier?: BarrierId;
}

/** What the index needs of an article (or of a training module listed beside the articles). */
export interface Searchable {
  slug: string;
  title: string;
  summary: string;
  type: ArticleType;
  audience: readonly Audience[];
  barriers: readonly BarrierId[];
  /** Markdown, searched as plain text. */
  body: string;
}

interface IndexedArticle<T extends Searchable> {
  article: T;
  title: string;
  summary: string;
  text: string;
}

export interface ArticleIndex<T extends Searchable = Searchable> {
  entries: readonly IndexedArticle<T>[];
  fuse: Fuse<IndexedArticle<T>>;
  vocabulary: ReadonlySet<string>;
}

const KEYS: { name: keyof IndexedArticle<Searchable>; weight: number }[] = [
  { name: "title", weight: 4 },
  { name: "summary", weight: 2 },
  { name: "text", weight: 1 },
];

export function buildArticleIndex<T extends Searchable>(articles: readonly T[]): ArticleIndex<T> {
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
  const vocabulary = new Set(entries.flatMap((entry) => wordsOf(`${entry.title} ${entry.summary} ${entry.text}`)));
  return { entries, fuse, vocabulary };
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3);
}

/** Edit distance where inserting, deleting, changing or swapping two neighbouring letters is one edit. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
      }
    }
  }
  return rows[a.length][b.length];
}

function closeWords(term: string, vocabulary: ReadonlySet<string>): string[] {
  const allowed = term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
  if (allowed === 0) return [];
  return [...vocabulary].filter(
    (word) => word !== term && Math.abs(word.length - term.length) <= allowed && editDistance(term, word) <= allowed,
  );
}

function matchesFilters(article: Searchable, filters: ArticleFilters): boolean {
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
export function searchArticles<T extends Searchable>(index: ArticleIndex<T>, query: string, filters: ArticleFilters = {}): T[] {
  const terms = toFuzzyTerms(query);
  if (terms.length === 0) {
    return index.entries
      .map((entry) => entry.article)
      .filter((article) => matchesFilters(article, filters))
      .sort((a, b) => a.title.localeCompare(b.title, "en-GB"));
  }
  // Each term may match any field, and all terms must match: "univeral credit" needs both words.
  // A leading ' asks fuse.js for an exact substring match of a corrected word.
  const fieldNames = KEYS.map((key) => key.name);
  const expression = {
    $and: terms.map((term) => {
      const patterns = [term, ...closeWords(term, index.vocabulary).map((word) => `'${word}`)];
      return { $or: patterns.flatMap((pattern) => fieldNames.map((name) => ({ [name]: pattern }))) };
    }),
  };
  return index.fuse
    .search(expression)
    .map((result) => result.item.article)
    .filter((article) => matchesFilters(article, filters));
}
