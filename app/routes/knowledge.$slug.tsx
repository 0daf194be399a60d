import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/back-link";
import { SummaryList } from "~/components/summary-list";
import { pageText } from "~/i18n/i18n.server";
import { articlePage } from "~/knowledge/article-view.server";
import { getArticle } from "~/knowledge/articles.server";
import { SafeHtml } from "~/knowledge/safe-html";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const article = getArticle(params.slug ?? "");
  if (!article) throw new Response("Not found", { status: 404 });
  return articlePage(article, await pageText(request, "guides"));
}

export default function KnowledgeArticle() {
  const page = useLoaderData<typeof loader>();
  const text = page.text;
  return (
    <>
      {page.notTranslated ? (
        <p className="govuk-body-s">{page.notTranslated}</p>
      ) : null}
      <div lang={page.lang}>
        <BackLink href="/knowledge">{text.allGuides}</BackLink>
        <div className="govuk-grid-row">
          <article className="govuk-grid-column-two-thirds app-article">
            <span className="govuk-caption-l">{page.typeLabel}</span>
            <h1 className="govuk-heading-xl">{page.title}</h1>
            <p className="govuk-body-l">{page.summary}</p>
            <SummaryList
              rows={[
                { key: text.writtenFor, value: page.audienceLabels.join(", ") },
                { key: text.readingTime, value: page.readingTimeText },
                {
                  key: text.lastReviewed,
                  value: (
                    <time dateTime={page.lastReviewed}>
                      {page.lastReviewedText}
                    </time>
                  ),
                },
                ...(page.barrierLabels.length > 0
                  ? [
                      {
                        key: text.barriers,
                        value: page.barrierLabels.join(", "),
                      },
                    ]
                  : []),
              ]}
            />
            {page.contents.length > 0 ? (
              <nav className="app-contents" aria-labelledby="contents">
                <h2 className="govuk-heading-s" id="contents">
                  {text.contents}
                </h2>
                <ol className="govuk-list app-contents__list app-link-list">
                  {page.contents.map((item) => (
                    <li key={item.id}>
                      <a className="govuk-link" href={`#${item.id}`}>
                        {item.text}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            ) : null}
            <SafeHtml html={page.html} className="app-article__body" />
          </article>
          <aside
            className="govuk-grid-column-one-third app-related app-no-print"
            aria-labelledby="related-heading"
          >
            <h2 className="govuk-heading-m" id="related-heading">
              {text.related}
            </h2>
            {page.related.length > 0 ? (
              <>
                <h3 className="govuk-heading-s">{text.guides}</h3>
                <ul className="govuk-list app-link-list">
                  {page.related.map((related) => (
                    <li key={related.slug}>
                      <a
                        className="govuk-link"
                        href={`/knowledge/${related.slug}`}
                        lang={related.lang}
                        hrefLang={related.lang}
                      >
                        {related.title}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {page.categories.length > 0 ? (
              <>
                <h3 className="govuk-heading-s">{text.findHelp}</h3>
                <ul className="govuk-list app-link-list">
                  {page.categories.map((category) => (
                    <li key={category.id}>
                      <a className="govuk-link" href={category.href}>
                        {category.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <p className="govuk-body">
              <a className="govuk-link" href="/knowledge">
                {text.browseAll}
              </a>
            </p>
          </aside>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} – Waymark` : "Page not found – Waymark" },
  ...(data ? [{ name: "description", content: data.summary }] : []),
];
