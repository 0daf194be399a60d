import { getCategory } from "~/directory/taxonomy.server";
import { getArticle } from "~/knowledge/articles.server";
import type { PlanLookups } from "./plan-view";

/** Names for the categories and guides a plan points to, from the taxonomy and the knowledge store. */
export const planLookups: PlanLookups = {
  categoryName: (id) => getCategory(id)?.name ?? id,
  guide: (slug, audience) => {
    const article = getArticle(slug);
    // Residents only get guides written for them; the champion guides assume training.
    if (!article || (audience === "resident" && !article.audience.includes("resident"))) return null;
    return { title: article.title };
  },
};
