import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { WEEKDAYS } from "~/directory/opening-times";
import { ATTENDING_MODES } from "~/directory/search-index";
import { MAX_POSTCODE_LENGTH, MAX_QUERY_LENGTH, parseSearchParams, searchQueryString, type DirectorySearchParams } from "~/directory/search-params";
import { searchDirectory } from "~/directory/service-search.server";
import { englishIn, listingText } from "~/directory/listing-language";
import { ServiceResult } from "~/directory/service-result";
import { readShortlist } from "~/directory/shortlist.server";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { fill } from "~/i18n/catalogue";
import { categoryNameIn, pageText } from "~/i18n/i18n.server";
import { languageName } from "~/i18n/languages";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { params, errors } = parseSearchParams(url.searchParams);
  const [result, session, { code, t, copy }] = await Promise.all([searchDirectory(getDb(), params), getSession(request), pageText(request, "directory")]);
  // Errors are found in English; a page in another language says them in its own words.
  const translated = Object.fromEntries(Object.keys(errors).map((name) => [name, t(`errors.${name}`, { max: MAX_QUERY_LENGTH })]));
  const text = copy("");
  return json({
    code,
    english: englishIn(code),
    text,
    params,
    errors: translated,
    notice: result.notice,
    postcodeError: translated.postcode ?? result.postcodeError,
    sortedByDistance: result.origin !== null,
    page: { total: result.page.total, page: result.page.page, totalPages: result.page.totalPages, ignoredWords: result.page.ignoredWords },
    services: result.services.map((s) => ({ ...s, ...listingText(s, s.shortDescriptionCy !== null, code, text), shortDescription: (code === "cy" && s.shortDescriptionCy) || s.shortDescription })),
    saved: readShortlist(session),
    categories: getCategoryTaxonomy().terms.map((term) => ({ id: term.id, name: categoryNameIn(code, term.id) })),
    languages: result.languages.map((language) => ({ code: language, name: languageName(language, code) })),
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Text = Data["text"];

export default function ServiceSearch() {
  const { text, english, code, params, errors, notice, postcodeError, sortedByDistance, page, services, saved, categories, languages } = useLoaderData<typeof loader>();
  const categoryName = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  const otherErrors = Object.entries(errors).filter(([name]) => name !== "postcode" && name !== "q");
  return (
    <>
      <h1 className="govuk-heading-l">{text["search.title"]}</h1>
      <p className="govuk-body">{text["search.lead"]}</p>
      {otherErrors.length > 0 ? (
        <NotificationBanner title={text["search.errorsTitle"]}>
          <ul className="govuk-list">
            {otherErrors.map(([name, message]) => (
              <li key={name}>{message}</li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      <SearchForm text={text} params={params} categories={categories} languages={languages} postcodeError={postcodeError} queryError={errors.q} />
      <ActiveFilters text={text} params={params} categoryName={categoryName} languages={languages} />
      {notice ? (
        <div className="govuk-inset-text" role="status" lang={english}>
          {notice}
        </div>
      ) : null}
      <h2 className="govuk-heading-m" id="results-heading">
        {page.total === 1 ? text["results.one"] : fill(text["results.many"], { count: page.total.toLocaleString("en-GB") })}
        {sortedByDistance && page.total > 0 ? <span className="govuk-caption-m">{text["results.nearest"]}</span> : null}
      </h2>
      {page.ignoredWords.length > 0 ? (
        <p className="govuk-body">
          {fill(text[page.ignoredWords.length === 1 ? "results.ignoredOne" : "results.ignoredMany"], { words: page.ignoredWords.map((w) => `“${w}”`).join(", ") })}
        </p>
      ) : null}
      {services.length === 0 ? (
        <NoResults text={text} params={params} />
      ) : (
        <ol className="app-results" aria-labelledby="results-heading">
          {services.map((service) => (
            <ServiceResult key={service.id} text={text} english={english} service={service} saved={saved.includes(service.id)} />
          ))}
        </ol>
      )}
      <Pagination
        currentPage={page.page}
        totalPages={page.totalPages}
        hrefFor={(n) => `/services${searchQueryString({ ...params, page: n })}`}
        landmarkLabel={text["results.pages"]}
        words={code === "en" ? undefined : { previous: text["pagination.previous"], next: text["pagination.next"], hiddenPage: text["pagination.hiddenPage"], page: text["pagination.page"] }}
      />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href="/services/shortlist">
          {saved.length > 0 ? fill(text["results.savedListCount"], { count: saved.length }) : text["results.savedList"]}
        </a>
      </p>
    </>
  );
}

function SearchForm({
  text,
  params,
  categories,
  languages,
  postcodeError,
  queryError,
}: {
  text: Text;
  params: DirectorySearchParams;
  categories: { id: string; name: string }[];
  languages: { code: string; name: string }[];
  postcodeError: string | null | undefined;
  queryError: string | undefined;
}) {
  return (
    <Form method="get" action="/services" className="app-search-form app-no-print" role="search" aria-label={text["search.formLabel"]}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Input
            name="q"
            label={text["search.q.label"]}
            hint={text["search.q.hint"]}
            defaultValue={params.q}
            error={queryError}
            maxLength={MAX_QUERY_LENGTH}
            spellCheck
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Input
            name="postcode"
            label={text["search.postcode.label"]}
            hint={text["search.postcode.hint"]}
            defaultValue={params.postcode}
            error={postcodeError ?? undefined}
            width="10"
            autoComplete="postal-code"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={MAX_POSTCODE_LENGTH + 4}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Select
            name="category"
            label={text["search.category.label"]}
            defaultValue={params.categories[0] ?? ""}
            items={[{ value: "", text: text["search.category.any"] }, ...categories.map((c) => ({ value: c.id, text: c.name }))]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            name="day"
            label={text["search.day.label"]}
            defaultValue={params.day ?? ""}
            items={[{ value: "", text: text["search.day.any"] }, ...WEEKDAYS.map((d) => ({ value: d, text: text[`days.${d}`] }))]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            name="attending"
            label={text["search.attending.label"]}
            defaultValue={params.attending ?? ""}
            items={[{ value: "", text: text["search.attending.any"] }, ...ATTENDING_MODES.map((m) => ({ value: m, text: text[`attending.${m}`] }))]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            name="language"
            label={text["search.language.label"]}
            defaultValue={params.language ?? ""}
            items={[{ value: "", text: text["search.language.any"] }, ...languages.map((l) => ({ value: l.code, text: l.name }))]}
          />
        </div>
      </div>
      <Checkboxes
        name="cost"
        legend={text["search.cost.legend"]}
        legendSize="s"
        small
        items={[{ value: "free", text: text["search.cost.free"] }]}
        defaultValues={params.free ? ["free"] : []}
      />
      <Button>{text["search.submit"]}</Button>
    </Form>
  );
}

function ActiveFilters({
  text,
  params,
  categoryName,
  languages,
}: {
  text: Text;
  params: DirectorySearchParams;
  categoryName: (id: string) => string;
  languages: { code: string; name: string }[];
}) {
  const tags: { label: string; href: string }[] = [];
  const without = (change: Partial<DirectorySearchParams>) => `/services${searchQueryString({ ...params, ...change, page: 1 })}`;
  if (params.q) tags.push({ label: `“${params.q}”`, href: without({ q: "" }) });
  if (params.postcode) tags.push({ label: fill(text["filters.near"], { postcode: params.postcode.toUpperCase() }), href: without({ postcode: "" }) });
  for (const category of params.categories) {
    tags.push({ label: categoryName(category), href: without({ categories: params.categories.filter((c) => c !== category) }) });
  }
  if (params.free) tags.push({ label: text["filters.free"], href: without({ free: false }) });
  if (params.day) tags.push({ label: fill(text["filters.day"], { day: text[`days.${params.day}`] }), href: without({ day: null }) });
  if (params.attending) tags.push({ label: text[`attending.${params.attending}`], href: without({ attending: null }) });
  if (params.language) {
    const name = languages.find((l) => l.code === params.language)?.name ?? params.language;
    tags.push({ label: fill(text["filters.language"], { language: name }), href: without({ language: null }) });
  }
  if (tags.length === 0) return null;
  return (
    <div className="app-filters app-no-print">
      <h2 className="govuk-heading-s">{text["filters.heading"]}</h2>
      <ul className="app-filters__list">
        {tags.map((tag) => (
          <li key={tag.href}>
            <a className="app-filter-tag" href={tag.href}>
              <span className="govuk-visually-hidden">{`${text["filters.remove"]} `}</span>
              {tag.label}
              <span aria-hidden="true"> ×</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="govuk-body-s">
        <a className="govuk-link" href="/services">
          {text["filters.clear"]}
        </a>
      </p>
    </div>
  );
}

function NoResults({ text, params }: { text: Text; params: DirectorySearchParams }) {
  const filtered = params.categories.length > 0 || params.free || params.day || params.attending || params.language;
  return (
    <div className="app-no-results">
      <p className="govuk-body">{text["none.lead"]}</p>
      <ul className="govuk-list govuk-list--bullet app-link-list">
        {params.q ? <li>{text["none.spelling"]}</li> : null}
        {filtered ? (
          <li>
            <a className="govuk-link" href={`/services${searchQueryString({ q: params.q, postcode: params.postcode })}`}>
              {text["none.withoutFilters"]}
            </a>
          </li>
        ) : null}
        {params.q && (filtered || params.postcode) ? (
          <li>
            <a className="govuk-link" href={`/services${searchQueryString({ ...params, q: "", page: 1 })}`}>
              {text["none.withoutWords"]}
            </a>
          </li>
        ) : null}
        <li>
          <a className="govuk-link" href="/services">
            {text["none.everything"]}
          </a>
        </li>
        <li>
          <a className="govuk-link" href="/check">
            {text["none.check"]}
          </a>
        </li>
      </ul>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const words = data?.params.q ? `“${data.params.q}” – ` : "";
  return [{ title: `${words}${data?.text["search.metaTitle"] ?? "Find help near you – Waymark"}` }];
};
