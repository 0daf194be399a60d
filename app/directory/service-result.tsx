import { Form, useLocation } from "@remix-run/react";
import { Button } from "~/components/button";
import { Tag } from "~/components/tag";
import { WarningText } from "~/components/warning-text";
import { fill } from "~/i18n/catalogue";
import type { ListingText } from "./listing-language";
import type { ServiceSummary } from "./service-view";

type Text = Record<string, string>;

/** A search result as the page shows it: the summary with its words in the page's language. */
export type ResultListing = ServiceSummary & ListingText;

export function ServiceResult({ text, english, service, saved }: { text: Text; english: string | undefined; service: ResultListing; saved: boolean }) {
  const { pathname, search } = useLocation();
  return (
    <li className="app-result" id={`result-${service.id}`}>
      <h3 className="govuk-heading-m app-result__title">
        <a className="govuk-link" href={`/services/${service.id}`} lang={service.nameLang}>
          {service.name}
        </a>
      </h3>
      <p className="govuk-body-s app-result__organisation">{service.organisation}</p>
      <ServiceBadges text={text} english={english} service={service} />
      <p className="govuk-body" lang={service.descriptionLang}>
        {service.shortDescription}
      </p>
      <dl className="app-result__facts govuk-body-s">
        {service.openingText ? (
          <div>
            <dt>{text["result.when"]}</dt>
            <dd lang={english}>{service.openingText}</dd>
          </div>
        ) : null}
        {service.howToAccessText ? (
          <div>
            <dt>{text["result.how"]}</dt>
            <dd>{service.howToAccessText}</dd>
          </div>
        ) : null}
        <div>
          <dt>{text["result.cost"]}</dt>
          <dd lang={service.costLang}>{service.cost}</dd>
        </div>
      </dl>
      {service.stale ? (
        <WarningText iconFallbackText={text["listing.checkFirst"]}>
          {service.lastVerified ? fill(text["result.lastChecked"], { date: service.lastVerified }) : text["result.notChecked"]} {text["result.callFirst"]}
        </WarningText>
      ) : null}
      <Form method="post" action="/services/shortlist" preventScrollReset className="app-no-print">
        <input type="hidden" name="intent" value={saved ? "remove" : "add"} />
        <input type="hidden" name="serviceId" value={service.id} />
        <input type="hidden" name="returnTo" value={`${pathname}${search}#result-${service.id}`} />
        <Button variant="secondary" className="govuk-!-margin-bottom-0">
          {saved ? text["listing.remove"] : text["listing.save"]}
          <span className="govuk-visually-hidden">: {service.name}</span>
        </Button>
      </Form>
    </li>
  );
}

function ServiceBadges({ text, english, service }: { text: Text; english: string | undefined; service: ResultListing }) {
  const badges = [
    service.distanceText ? <strong key="distance" className="app-result__distance" lang={english}>{`${service.distanceText}${service.nearestLocation ? `, ${service.nearestLocation}` : ""}`}</strong> : null,
    ...service.reachLabels.map((label) => (
      <Tag key={label} colour="blue">
        {label}
      </Tag>
    )),
    service.openNow ? (
      <Tag key="open" colour="green">
        {text["listing.openNow"]}
      </Tag>
    ) : null,
    service.isFree ? (
      <Tag key="free" colour="grey">
        {text["listing.free"]}
      </Tag>
    ) : null,
    service.isDemo ? (
      <Tag key="demo" colour="grey">
        {text["listing.demoTag"]}
      </Tag>
    ) : null,
  ].filter(Boolean);
  return badges.length > 0 ? <p className="app-result__badges">{badges}</p> : null;
}
