import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Select } from "~/components/select";
import { AUDIENCE_LABELS, filterTags, readBrowseQuery, resultMetaText, summariseArticle, TYPE_LABELS } from "~/knowledge/browse";
import { getKnowledgeIndex } from "~/knowledge/knowledge-index.server";
import { searchArticles } from "~/knowledge/search";
import { BARRIERS } from "~/lib/frameworks";

export async function loader({ request }: LoaderFunctionArgs) {
  const query = readBrowseQuery(new URL(request.url).searchParams);
  const results = searchArticles(getKnowledgeIndex(), query.q, { type: query.type, audience: query.audience, barrier: query.barrier });
  return {
    query: { q: query.q, type: query.type ?? "", audience: query.audience ?? "", barrier: query.barrier ?? "" },
    tags: filterTags(query),
    results: results.map(summariseArticle),
  };
}

export default function Knowledge() {
  const { query, tags, results } = useLoaderData<typeof loader>();
  const filtered = tags.length > 0;
  return (
    <>
      <h1 className="govuk-heading-l">Guides and training</h1>
      <p className="govuk-body-l">How-to guides, training modules, case studies and open data for Digital Champions, staff and residents.</p>
      <form method="get" action="/knowledge" role="search" aria-label="Guides">
        <div className="govuk-form-group">
          <label className="govuk-label govuk-label--m" htmlFor="q">
            Search guides
          </label>
          <div className="govuk-hint" id="q-hint">
            For example, scams, email or Universal Credit
          </div>
          <input className="govuk-input" id="q" name="q" type="search" defaultValue={query.q} aria-describedby="q-hint" spellCheck={false} />
        </div>
        <details className="govuk-details" open={Boolean(query.type || query.audience || query.barrier)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Filter by type, reader or barrier</span>
          </summary>
          <div className="govuk-details__text">
            <Select
              name="type"
              label="Type"
              items={[{ value: "", text: "Any type" }, ...Object.entries(TYPE_LABELS).map(([value, text]) => ({ value, text }))]}
              defaultValue={query.type}
            />
            <Select
              name="audience"
              label="Written for"
              items={[{ value: "", text: "Anyone" }, ...Object.entries(AUDIENCE_LABELS).map(([value, text]) => ({ value, text }))]}
              defaultValue={query.audience}
            />
            <Select
              name="barrier"
              label="Barrier"
              items={[{ value: "", text: "Any barrier" }, ...BARRIERS.map((b) => ({ value: b.id, text: b.label }))]}
              defaultValue={query.barrier}
            />
          </div>
        </details>
        <Button>Search</Button>
      </form>

      {filtered ? (
        <div className="app-filter-tags">
          <h2 className="govuk-heading-s">Showing guides matching</h2>
          <ul className="govuk-list app-filter-tags__list">
            {tags.map((tag) => (
              <li key={tag.text}>
                <a className="govuk-link app-filter-tag" href={tag.removeHref}>
                  <span className="govuk-visually-hidden">Remove filter </span>
                  {tag.text}
                  <span aria-hidden="true"> ×</span>
                </a>
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <a className="govuk-link" href="/knowledge">
              Clear all filters
            </a>
          </p>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">
        {results.length === 1 ? "1 guide" : `${results.length} guides`}
      </h2>
      {results.length > 0 ? (
        <ul className="govuk-list app-results">
          {results.map((article) => (
            <li key={article.href} className="app-results__item">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                <a className="govuk-link" href={article.href}>
                  {article.title}
                </a>
              </h3>
              <p className="govuk-body govuk-!-margin-bottom-1">{article.summary}</p>
              <p className="app-meta govuk-!-margin-bottom-0">
                {resultMetaText(article)}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p className="govuk-body">No guides match {query.q ? <>“{query.q}”</> : "these filters"}.</p>
          <p className="govuk-body">Try fewer words, check the spelling, or remove a filter.</p>
        </>
      )}

      <h2 className="govuk-heading-m">More from the knowledge store</h2>
      <ul className="govuk-list app-link-list">
        <li>
          <a className="govuk-link" href="/training">
            Training for Digital Champions
          </a>{" "}
          (sign in needed)
        </li>
        <li>
          <a className="govuk-link" href="/knowledge/data">
            Open data: the directory and anonymous statistics
          </a>
        </li>
      </ul>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && (data.query.q || data.tags.length > 0) ? `Guides matching your search – Waymark` : "Guides and training – Waymark" },
];
