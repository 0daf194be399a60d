/**
 * What an article page shows, worked out on the server: the rendered body, its contents list,
 * readable metadata, and the related guides and directory categories as links, in the page's
 * language. A guide translated into the reader's language is shown in it; any other article stays
 * English, marked as such, inside the translated header and footer.
 */
import { getCategory } from "~/directory/taxonomy.server";
import { pick } from "~/i18n/catalogue";
import { categoryNameIn, getLanguageOptions, textIn, type PageLanguage } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE } from "~/i18n/languages";
import type { Article } from "./article-schema";
import { getArticle, getArticleTranslation } from "./articles.server";
import { formatLongDate, type ArticleSummary } from "./browse";
import { renderArticle, type ContentsItem } from "./render";

export interface ArticlePage {
  slug: string;
  title: string;
  summary: string;
  /** lang for the article when it is English inside a page in another language. */
  lang?: string;
  /** Says why the article is in English, in the reader's language, when it has no translation. */
  notTranslated?: string;
  /** The words around the article (page.* of the guides part). */
  text: Record<string, string>;
  typeLabel: string;
  audienceLabels: string[];
  barrierLabels: string[];
  lastReviewed: string;
  lastReviewedText: string;
  readingTimeText: string;
  html: string;
  contents: ContentsItem[];
  related: (ArticleSummary & { lang?: string })[];
  categories: { id: string; name: string; href: string }[];
}

const htmlLangOf = (code: string) => getLanguageOptions().find((o) => o.code === code)?.htmlLang ?? code;

// Content only changes with a deploy, so each article is rendered once per process and language.
const rendered = new WeakMap<Article, Map<string, ArticlePage>>();

/** The article in the page's language: its translation when there is one, else the English. */
export function articlePage(article: Article, language: PageLanguage): ArticlePage {
  const translation = language.code === SOURCE_LANGUAGE ? undefined : getArticleTranslation(article.slug, language.code);
  const code = translation ? language.code : SOURCE_LANGUAGE;
  const byLanguage = rendered.get(article) ?? new Map<string, ArticlePage>();
  rendered.set(article, byLanguage);
  let page = byLanguage.get(code);
  if (!page) {
    page = build(article, code);
    byLanguage.set(code, page);
  }
  if (code === language.code) return page;
  // English inside a translated frame: the reader is told why, in their own language.
  return { ...page, lang: htmlLangOf(SOURCE_LANGUAGE), notTranslated: textIn(language.chosen, language.code, "common").t("layout.notTranslated") };
}

function build(article: Article, code: string): ArticlePage {
  const translation = code === SOURCE_LANGUAGE ? undefined : getArticleTranslation(article.slug, code);
  const words = translation ?? article;
  const { t, copy } = textIn(getLanguageOptions().find((o) => o.code === code)!, code, "guides");
  // A link in a translated guide to a guide that is not translated says the page it opens is English.
  const linkLang = (href: string) => {
    const slug = /^\/knowledge\/([\w-]+)\/?$/.exec(href)?.[1];
    return code !== SOURCE_LANGUAGE && slug && !getArticleTranslation(slug, code) ? htmlLangOf(SOURCE_LANGUAGE) : undefined;
  };
  const { html, contents } = renderArticle(words.body, { linkLang });
  return {
    slug: article.slug,
    title: words.title,
    summary: words.summary,
    text: pick(copy(""), "page"),
    typeLabel: t(`types.${article.type}`),
    audienceLabels: article.audience.map((audience) => t(`audiences.${audience}`)),
    barrierLabels: article.barriers.map((barrier) => t(`barriers.${barrier}`)),
    lastReviewed: words.lastReviewed,
    lastReviewedText: formatLongDate(words.lastReviewed, htmlLangOf(code)),
    readingTimeText: article.readingTime === 1 ? t("page.oneMinute") : t("page.minutes", { minutes: article.readingTime }),
    html,
    contents,
    related: article.related.flatMap((slug) => {
      const other = getArticle(slug);
      if (!other) return [];
      const otherWords = code === SOURCE_LANGUAGE ? undefined : getArticleTranslation(slug, code);
      return [
        {
          slug,
          href: `/knowledge/${slug}`,
          title: (otherWords ?? other).title,
          summary: (otherWords ?? other).summary,
          type: other.type,
          typeLabel: t(`types.${other.type}`),
          readingTime: other.readingTime,
          ...(code !== SOURCE_LANGUAGE && !otherWords ? { lang: htmlLangOf(SOURCE_LANGUAGE) } : {}),
        },
      ];
    }),
    categories: article.categories.map((id) => ({
      id,
      name: code === SOURCE_LANGUAGE ? getCategory(id).name : categoryNameIn(code, id),
      href: `/services?category=${encodeURIComponent(id)}`,
    })),
  };
}
