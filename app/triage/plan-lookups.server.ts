import { getCategory } from "~/directory/taxonomy.server";
import { categoryNameIn, getLanguageOptions } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE } from "~/i18n/languages";
import { isForResidents, type Article } from "~/knowledge/article-schema";
import { getArticle, getArticles, getArticleTranslation } from "~/knowledge/articles.server";
import type { PlanAudience, PlanLookups } from "./plan-view";

// Residents only get guides written for them; the champion guides assume training.
const isFor = (article: Article, audience: PlanAudience) => audience === "champion" || isForResidents(article);

/**
 * Names for the categories and guides a plan points to, from the taxonomy and the knowledge
 * store, in a resident's language. A guide not yet translated into it keeps its English title,
 * marked as English (the page it opens is English too).
 */
export function planLookups(language: string): PlanLookups {
  // A guide page is in a language only once the guides part is whole in it, whatever files exist.
  const guidesOffered = getLanguageOptions().some((o) => o.code === language && o.offered.includes("guides"));
  const titled = (article: Article) => {
    if (language === SOURCE_LANGUAGE) return { title: article.title };
    const translation = guidesOffered ? getArticleTranslation(article.slug, language) : undefined;
    return translation ? { title: translation.title } : { title: article.title, lang: "en-GB" };
  };
  return {
    categoryName: (id) => (language === SOURCE_LANGUAGE ? (getCategory(id)?.name ?? id) : categoryNameIn(language, id)),
    guide: (slug, audience) => {
      const article = getArticle(slug);
      if (!article || !isFor(article, audience)) return null;
      return titled(article);
    },
    // How-to guides only: case studies and data sets do not help someone with their own barrier.
    // A guide about fewer barriers says more about each, so it comes first.
    guidesForBarrier: (barrier, audience) =>
      getArticles()
        .filter((a) => a.type === "guide" && a.barriers.includes(barrier) && isFor(a, audience))
        .sort((a, b) => a.barriers.length - b.barriers.length || a.title.localeCompare(b.title, "en-GB"))
        .map((a) => ({ slug: a.slug, ...titled(a) })),
  };
}
