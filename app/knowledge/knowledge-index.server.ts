import { getArticles } from "./articles.server";
import { articleEntry, moduleEntry, type KnowledgeEntry } from "./knowledge-entry";
import { buildArticleIndex, type ArticleIndex } from "./search";
import { getTrainingModules } from "./training.server";

let cache: ArticleIndex<KnowledgeEntry> | undefined;

/** The browse page's search index: every article and every training module, built once per process. */
export function getKnowledgeIndex(): ArticleIndex<KnowledgeEntry> {
  if (!cache) {
    const articles = getArticles();
    const bySlug = new Map(articles.map((a) => [a.slug, a]));
    cache = buildArticleIndex([...articles.map(articleEntry), ...getTrainingModules().map((m) => moduleEntry(m, bySlug))]);
  }
  return cache;
}
