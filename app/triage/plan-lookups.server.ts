import { getCategory } from "~/directory/taxonomy.server";
import { categoryNameIn } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE } from "~/i18n/languages";
import type { Article } from "~/knowledge/article-schema";
import { getArticle, getArticles } from "~/knowledge/articles.server";
import type { PlanAudience, PlanLookups } from "./plan-view";

// Residents only get guides written for them; the champion guides assume training.
const isFor = (article: Article, audience: PlanAudience) => audience === "champion" || article.audience.includes("resident");

/**
 * Names for the categories and guides a plan points to, from the taxonomy and the knowledge
 * store, in a resident's language. Guides are not translated yet, so in another language their
 * titles are marked as English.
 */
export function planLookups(language: string): PlanLookups {
  const lang = language === SOURCE_LANGUAGE ? undefined : "en-GB";
  return {
    categoryName: (id) => (language === SOURCE_LANGUAGE ? (getCategory(id)?.name ?? id) : categoryNameIn(language, id)),
    guide: (slug, audience) => {
      const article = getArticle(slug);
      if (!article || !isFor(article, audience)) return null;
      return { title: article.title, lang };
    },
    // How-to guides only: case studies and data sets do not help someone with their own barrier.
    // A guide about fewer barriers says more about each, so it comes first.
    guidesForBarrier: (barrier, audience) =>
      getArticles()
        .filter((a) => a.type === "guide" && a.barriers.includes(barrier) && isFor(a, audience))
        .sort((a, b) => a.barriers.length - b.barriers.length || a.title.localeCompare(b.title, "en-GB"))
        .map((a) => ({ slug: a.slug, title: a.title, lang })),
  };
}
