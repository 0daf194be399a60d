import { getCategory } from "~/directory/taxonomy.server";
import type { Article } from "~/knowledge/article-schema";
import { getArticle, getArticles } from "~/knowledge/articles.server";
import type { PlanAudience, PlanLookups } from "./plan-view";

// Residents only get guides written for them; the champion guides assume training.
const isFor = (article: Article, audience: PlanAudience) => audience === "champion" || article.audience.includes("resident");

/** Names for the categories and guides a plan points to, from the taxonomy and the knowledge store. */
export const planLookups: PlanLookups = {
  categoryName: (id) => getCategory(id)?.name ?? id,
  guide: (slug, audience) => {
    const article = getArticle(slug);
    if (!article || !isFor(article, audience)) return null;
    return { title: article.title };
  },
  // How-to guides only: case studies and data sets do not help someone with their own barrier.
  // A guide about fewer barriers says more about each, so it comes first.
  guidesForBarrier: (barrier, audience) =>
    getArticles()
      .filter((a) => a.type === "guide" && a.barriers.includes(barrier) && isFor(a, audience))
      .sort((a, b) => a.barriers.length - b.barriers.length || a.title.localeCompare(b.title, "en-GB"))
      .map((a) => ({ slug: a.slug, title: a.title })),
};
