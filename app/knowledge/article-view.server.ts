/**
 * What an article page shows, worked out on the server: the rendered body, its contents list,
 * readable metadata, and the related guides and directory categories as links.
 */
import { getCategory } from "~/directory/taxonomy.server";
import { BARRIERS, labelFor } from "~/lib/frameworks";
import type { Article } from "./article-schema";
import { getArticle } from "./articles.server";
import { AUDIENCE_LABELS, formatLongDate, summariseArticle, TYPE_LABELS, type ArticleSummary } from "./browse";
import { renderArticle, type ContentsItem } from "./render";

export interface ArticlePage {
  slug: string;
  title: string;
  summary: string;
  typeLabel: string;
  audienceLabels: string[];
  barrierLabels: string[];
  lastReviewed: string;
  lastReviewedText: string;
  readingTime: number;
  html: string;
  contents: ContentsItem[];
  related: ArticleSummary[];
  categories: { id: string; name: string; href: string }[];
}

// Content only changes with a deploy, so each article is rendered once per process.
const rendered = new WeakMap<Article, ArticlePage>();

export function articlePage(article: Article): ArticlePage {
  const cached = rendered.get(article);
  if (cached) return cached;
  const { html, contents } = renderArticle(article.body);
  const page: ArticlePage = {
    slug: article.slug,
    title: article.title,
    summary: article.summary,
    typeLabel: TYPE_LABELS[article.type],
    audienceLabels: article.audience.map((audience) => AUDIENCE_LABELS[audience]),
    barrierLabels: article.barriers.map((barrier) => labelFor(BARRIERS, barrier)),
    lastReviewed: article.lastReviewed,
    lastReviewedText: formatLongDate(article.lastReviewed),
    readingTime: article.readingTime,
    html,
    contents,
    related: article.related.flatMap((slug) => {
      const other = getArticle(slug);
      return other ? [summariseArticle(other)] : [];
    }),
    categories: article.categories.map((id) => ({ id, name: getCategory(id).name, href: `/services?category=${encodeURIComponent(id)}` })),
  };
  rendered.set(article, page);
  return page;
}
