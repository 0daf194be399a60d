/**
 * Front matter of a knowledge article (`content/knowledge/<slug>.md`). Shared by guides, case
 * studies, training module write-ups and data-set pages, so every piece is browsable and searchable
 * through the same filters.
 */
import { z } from "zod";
import { BARRIER_IDS, CATEGORY_IDS, SKILL_AREA_IDS } from "~/lib/frameworks";

export const ARTICLE_TYPES = ["guide", "module", "case-study", "data-set"] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

export const AUDIENCES = ["champion", "staff", "resident"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

// YAML parsers that follow the 1.1 timestamp rules hand back a Date; accept that form too so the
// schema does not depend on which front-matter parser a caller uses.
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Invalid date").refine(isRealDate, "Invalid date"),
);

export const articleFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1),
    // One or two sentences: shown in lists and search results, so it must stay short.
    summary: z.string().trim().min(1).max(300),
    type: z.enum(ARTICLE_TYPES),
    audience: z.array(z.enum(AUDIENCES)).min(1),
    barriers: z.array(z.enum(BARRIER_IDS)),
    skills: z.array(z.enum(SKILL_AREA_IDS)),
    categories: z.array(z.enum(CATEGORY_IDS)),
    related: z.array(z.string().regex(SLUG_PATTERN, "Not a slug")),
    readingTime: z.number().int().positive(),
    lastReviewed: isoDate,
  })
  .strict();

export type ArticleFrontMatter = z.infer<typeof articleFrontMatterSchema>;

export interface Article extends ArticleFrontMatter {
  slug: string;
  /** Markdown body without the front matter. */
  body: string;
}

/**
 * Front matter of an article's translation (`content/knowledge/<slug>.<language>.md`, beside the
 * English). Only the words are translated: type, audience, barriers, categories and related guides
 * are the English article's, so the two can never disagree about what the guide is for.
 */
export const translationFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1),
    summary: z.string().trim().min(1).max(300),
    // When the translation was written or last checked against the English.
    lastReviewed: isoDate,
  })
  .strict();

export interface ArticleTranslation extends z.infer<typeof translationFrontMatterSchema> {
  slug: string;
  /** The language code, as in content/i18n/languages.yaml: "cy". */
  language: string;
  body: string;
}

/** Guides written for residents: the ones a resident's plan links to, and the only ones translated. */
export const isForResidents = (article: Pick<Article, "audience">) => article.audience.includes("resident");
