import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { getSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { Tag } from "~/components/tag";
import { WarningText } from "~/components/warning-text";
import { WEEKDAYS } from "~/directory/opening-times";
import { ATTENDING_MODES } from "~/directory/search-index";
import { MAX_POSTCODE_LENGTH, MAX_QUERY_LENGTH, parseSearchParams, searchQueryString, type DirectorySearchParams } from "~/directory/search-params";
import { searchDirectory, type ServiceSummary } from "~/directory/service-search.server";
import { DEMO_TAG } from "~/directory/service-view";
import { readShortlist } from "~/directory/shortlist.server";
import { languageName } from "~/i18n/languages";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const { params, errors } = parseSearchParams(url.searchParams);
  const [result, session] = await Promise.all([searchDirectory(getDb(), params), getSession(request)]);
  return json({
    params,
    errors,
    notice: result.notice,
    postcodeError: errors.postcode ?? result.postcodeError,
    sortedByDistance: result.origin !== null,
    page: { total: result.page.total, page: result.page.page, totalPages: result.page.totalPages, ignoredWords: result.page.ignoredWords },
    services: result.services,
    saved: readShortlist(session),
    categories: getCategoryTaxonomy().terms.map((t) => ({ id: t.id, name: t.name })),
    languages: result.languages.map((code) => ({ code, name: languageName(code) })),
  });
}

const DAY_NAMES = WEEKDAYS.map((d) => d[0].toUpperCase() + d.slice(1));
const ATTENDING_TEXT: Record<(typeof ATTENDING_MODES)[number], string> = {
  "in-person": "In person",
  online: "Online",
  phone: "By phone",
  "home-visit": "Home visit",
};

export default function ServiceSearch() {
  const { params, errors, notice, postcodeError, sortedByDistance, page, services, saved, categories, languages } = useLoaderData<typeof loader>();
  const categoryName = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  const otherErrors = Object.entries(errors).filter(([name]) => name !== "postcode" && name !== "q");
  return (
    <>
      <h1 className="govuk-heading-l">Find help near you</h1>
      <p className="govuk-body">Free and low-cost help to get online, use a computer or phone, and get things done online.</p>
      {otherErrors.length > 0 ? (
        <NotificationBanner title="Some of your search was left out">
          <ul className="govuk-list">
            {otherErrors.map(([name, message]) => (
              <li key={name}>{message}</li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      <SearchForm params={params} categories={categories} languages={languages} postcodeError={postcodeError} queryError={errors.q} />
      <ActiveFilters params={params} categoryName={categoryName} languages={languages} />
      {notice ? (
        <div className="govuk-inset-text" role="status">
          {notice}
        </div>
      ) : null}
      <h2 className="govuk-heading-m" id="results-heading">
        {page.total === 1 ? "1 service found" : `${page.total.toLocaleString("en-GB")} services found`}
        {sortedByDistance && page.total > 0 ? <span className="govuk-caption-m">Nearest first</span> : null}
      </h2>
      {page.ignoredWords.length > 0 ? (
        <p className="govuk-body">
          No service mentions {page.ignoredWords.map((w) => `“${w}”`).join(", ")}, so we searched without {page.ignoredWords.length === 1 ? "it" : "them"}.
        </p>
      ) : null}
      {services.length === 0 ? (
        <NoResults params={params} />
      ) : (
        <ol className="app-results" aria-labelledby="results-heading">
          {services.map((service) => (
            <ServiceResult key={service.id} service={service} saved={saved.includes(service.id)} />
          ))}
        </ol>
      )}
      <Pagination
        currentPage={page.page}
        totalPages={page.totalPages}
        hrefFor={(n) => `/services${searchQueryString({ ...params, page: n })}`}
        landmarkLabel="Pages of results"
      />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href="/services/shortlist">
          My saved list{saved.length > 0 ? ` (${saved.length})` : ""}
        </a>
      </p>
    </>
  );
}

function SearchForm({
  params,
  categories,
  languages,
  postcodeError,
  queryError,
}: {
  params: DirectorySearchParams;
  categories: { id: string; name: string }[];
  languages: { code: string; name: string }[];
  postcodeError: string | null | undefined;
  queryError: string | undefined;
}) {
  return (
    <Form method="get" action="/services" className="app-search-form app-no-print" role="search" aria-label="Services">
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <Input
            name="q"
            label="What do you need help with?"
            hint="For example, laptop, Universal Credit or English classes"
            defaultValue={params.q}
            error={queryError}
            maxLength={MAX_QUERY_LENGTH}
            spellCheck
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Input
            name="postcode"
            label="Your postcode"
            hint="To show the nearest help first. For example, ME14 1LE or ME14"
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
            label="Type of help"
            defaultValue={params.categories[0] ?? ""}
            items={[{ value: "", text: "Any type of help" }, ...categories.map((c) => ({ value: c.id, text: c.name }))]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            name="day"
            label="Open on"
            defaultValue={params.day ?? ""}
            items={[{ value: "", text: "Any day" }, ...WEEKDAYS.map((d, i) => ({ value: d, text: DAY_NAMES[i] }))]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            name="attending"
            label="How you get help"
            defaultValue={params.attending ?? ""}
            items={[{ value: "", text: "Any way" }, ...ATTENDING_MODES.map((m) => ({ value: m, text: ATTENDING_TEXT[m] }))]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            name="language"
            label="Help in a language"
            defaultValue={params.language ?? ""}
            items={[{ value: "", text: "Any language" }, ...languages.map((l) => ({ value: l.code, text: l.name }))]}
          />
        </div>
      </div>
      <Checkboxes name="cost" legend="Cost" legendSize="s" small items={[{ value: "free", text: "Free only" }]} defaultValues={params.free ? ["free"] : []} />
      <Button>Search</Button>
    </Form>
  );
}

function ActiveFilters({
  params,
  categoryName,
  languages,
}: {
  params: DirectorySearchParams;
  categoryName: (id: string) => string;
  languages: { code: string; name: string }[];
}) {
  const tags: { label: string; href: string }[] = [];
  const without = (change: Partial<DirectorySearchParams>) => `/services${searchQueryString({ ...params, ...change, page: 1 })}`;
  if (params.q) tags.push({ label: `“${params.q}”`, href: without({ q: "" }) });
  if (params.postcode) tags.push({ label: `Near ${params.postcode.toUpperCase()}`, href: without({ postcode: "" }) });
  for (const category of params.categories) {
    tags.push({ label: categoryName(category), href: without({ categories: params.categories.filter((c) => c !== category) }) });
  }
  if (params.free) tags.push({ label: "Free only", href: without({ free: false }) });
  if (params.day) tags.push({ label: `Open on ${DAY_NAMES[WEEKDAYS.indexOf(params.day)]}`, href: without({ day: null }) });
  if (params.attending) tags.push({ label: ATTENDING_TEXT[params.attending], href: without({ attending: null }) });
  if (params.language) {
    const name = languages.find((l) => l.code === params.language)?.name ?? params.language;
    tags.push({ label: `Help in ${name}`, href: without({ language: null }) });
  }
  if (tags.length === 0) return null;
  return (
    <div className="app-filters app-no-print">
      <h2 className="govuk-heading-s">Your search</h2>
      <ul className="app-filters__list">
        {tags.map((tag) => (
          <li key={tag.href}>
            <a className="app-filter-tag" href={tag.href}>
              <span className="govuk-visually-hidden">Remove </span>
              {tag.label}
              <span aria-hidden="true"> ×</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="govuk-body-s">
        <a className="govuk-link" href="/services">
          Clear search
        </a>
      </p>
    </div>
  );
}

function NoResults({ params }: { params: DirectorySearchParams }) {
  const filtered = params.categories.length > 0 || params.free || params.day || params.attending || params.language;
  return (
    <div className="app-no-results">
      <p className="govuk-body">No services match all of that. You could:</p>
      <ul className="govuk-list govuk-list--bullet app-link-list">
        {params.q ? <li>check the spelling, or use fewer or different words, like “laptop” or “forms”</li> : null}
        {filtered ? (
          <li>
            <a className="govuk-link" href={`/services${searchQueryString({ q: params.q, postcode: params.postcode })}`}>
              search again without the filters
            </a>
          </li>
        ) : null}
        {params.q && (filtered || params.postcode) ? (
          <li>
            <a className="govuk-link" href={`/services${searchQueryString({ ...params, q: "", page: 1 })}`}>
              search without the words you typed
            </a>
          </li>
        ) : null}
        <li>
          <a className="govuk-link" href="/services">
            see every service
          </a>
        </li>
        <li>
          <a className="govuk-link" href="/check">
            answer a few questions to find out what help might suit you
          </a>
        </li>
      </ul>
    </div>
  );
}

function ServiceResult({ service, saved }: { service: ServiceSummary; saved: boolean }) {
  const { pathname, search } = useLocation();
  return (
    <li className="app-result" id={`result-${service.id}`}>
      <h3 className="govuk-heading-m app-result__title">
        <a className="govuk-link" href={`/services/${service.id}`}>
          {service.name}
        </a>
      </h3>
      <p className="govuk-body-s app-result__organisation">{service.organisation}</p>
      <ServiceBadges service={service} />
      <p className="govuk-body">{service.shortDescription}</p>
      <dl className="app-result__facts govuk-body-s">
        {service.openingText ? (
          <div>
            <dt>When</dt>
            <dd>{service.openingText}</dd>
          </div>
        ) : null}
        {service.howToAccessText ? (
          <div>
            <dt>How</dt>
            <dd>{service.howToAccessText}</dd>
          </div>
        ) : null}
        <div>
          <dt>Cost</dt>
          <dd>{service.cost}</dd>
        </div>
      </dl>
      {service.stale ? (
        <WarningText iconFallbackText="Check first">
          {service.lastVerified ? `Last checked on ${service.lastVerified}.` : "Not checked recently."} Call before you go in case something has changed.
        </WarningText>
      ) : null}
      <Form method="post" action="/services/shortlist" preventScrollReset className="app-no-print">
        <input type="hidden" name="intent" value={saved ? "remove" : "add"} />
        <input type="hidden" name="serviceId" value={service.id} />
        <input type="hidden" name="returnTo" value={`${pathname}${search}#result-${service.id}`} />
        <Button variant="secondary" className="govuk-!-margin-bottom-0">
          {saved ? "Remove from my list" : "Save to my list"}
          <span className="govuk-visually-hidden">: {service.name}</span>
        </Button>
      </Form>
    </li>
  );
}

function ServiceBadges({ service }: { service: ServiceSummary }) {
  const badges = [
    service.distanceText ? <strong key="distance" className="app-result__distance">{`${service.distanceText}${service.nearestLocation ? `, ${service.nearestLocation}` : ""}`}</strong> : null,
    ...service.reachLabels.map((label) => (
      <Tag key={label} colour="blue">
        {label}
      </Tag>
    )),
    service.openNow ? (
      <Tag key="open" colour="green">
        Open now
      </Tag>
    ) : null,
    service.isFree ? (
      <Tag key="free" colour="grey">
        Free
      </Tag>
    ) : null,
    service.isDemo ? (
      <Tag key="demo" colour="grey">
        {DEMO_TAG}
      </Tag>
    ) : null,
  ].filter(Boolean);
  return badges.length > 0 ? <p className="app-result__badges">{badges}</p> : null;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const words = data?.params.q ? `“${data.params.q}” – ` : "";
  return [{ title: `${words}Find help near you – Waymark` }];
};
