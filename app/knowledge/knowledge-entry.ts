/**
 * One item on the knowledge store's browse and search page. Most are articles; the training
 * modules are listed beside them (type "module"), so "Training module" in the type filter finds
 * them and a search for "scams" finds the online safety module as well as the guide.
 */
import type { Article } from "./article-schema";
import type { Searchable } from "./search";
import type { TrainingModule } from "./training";

export interface KnowledgeEntry extends Searchable {
  /** Where the item lives: /knowledge/<slug> for an article, /training/<id> for a module. */
  href: string;
  /** Minutes to read an article, or to work through a module. */
  readingTime: number;
}

export function articleEntry(article: Article): KnowledgeEntry {
  const { slug, title, summary, type, audience, barriers, readingTime, body } = article;
  return { slug, title, summary, type, audience, barriers, readingTime, body, href: `/knowledge/${slug}` };
}

/**
 * A module as the browse page lists it. Modules are for the people who take the training; their
 * barriers are those of the articles they point to, and only their outcomes and lessons are
 * searched (never the quiz, so a search cannot turn up the answers).
 */
export function moduleEntry(module: TrainingModule, articlesBySlug: ReadonlyMap<string, Pick<Article, "barriers">>): KnowledgeEntry {
  const barriers = [...new Set(module.relatedArticles.flatMap((slug) => articlesBySlug.get(slug)?.barriers ?? []))];
  const body = [
    ...module.learningOutcomes.map((outcome) => `- ${outcome}`),
    ...module.lessons.flatMap((lesson) => [`## ${lesson.title}`, lesson.body]),
  ].join("\n\n");
  return {
    slug: module.id,
    title: module.title,
    summary: module.summary,
    type: "module",
    audience: ["champion", "staff"],
    barriers,
    readingTime: module.estimatedMinutes,
    body,
    href: `/training/${module.id}`,
  };
}
