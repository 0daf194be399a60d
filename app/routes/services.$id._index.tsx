import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import { getSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Tag } from "~/components/tag";
import { WarningText } from "~/components/warning-text";
import { CopyLink } from "~/directory/copy-link";
import { PrintButton } from "~/directory/print-button";
import { getServiceDetail, type ServiceDetail } from "~/directory/service-detail.server";
import { DEMO_NOTE, DEMO_TAG } from "~/directory/service-view";
import { publicBaseUrl, readShortlist } from "~/directory/shortlist.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = await getServiceDetail(getDb(), params.id ?? "");
  if (!service) throw new Response("Not found", { status: 404 });
  const [user, session] = await Promise.all([getCurrentUser(request), getSession(request)]);
  return json({
    service,
    saved: readShortlist(session).includes(service.id),
    canRefer: user !== null && can(user.role, "referral:create"),
    link: `${publicBaseUrl(request)}/services/${service.id}`,
  });
}

export default function ServicePage() {
  const { service, saved, canRefer, link } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/services">Back to search</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{service.organisation.name}</span>
          <h1 className="govuk-heading-l">{service.name}</h1>
          {service.alert ? <div className="govuk-inset-text app-alert">{service.alert}</div> : null}
          <p className="app-result__badges">
            {service.reachLabels.map((label) => (
              <Tag key={label} colour="blue">
                {label}
              </Tag>
            ))}
            {service.openNow ? <Tag colour="green">Open now</Tag> : null}
            {service.isFree ? <Tag colour="grey">Free</Tag> : null}
            {service.isDemo ? <Tag colour="grey">{DEMO_TAG}</Tag> : null}
          </p>
          {service.isDemo ? <div className="govuk-inset-text">{DEMO_NOTE}</div> : null}
          {service.stale ? (
            <WarningText iconFallbackText="Check first">
              {service.lastVerified ? `This listing was last checked on ${service.lastVerified}.` : "This listing has not been checked recently."} Call or email
              before you go in case something has changed.
            </WarningText>
          ) : null}
          {service.description.map((paragraph, i) => (
            <p key={i} className="govuk-body">
              {paragraph}
            </p>
          ))}
          <HowToGetHelp service={service} canRefer={canRefer} />
          <WhenAndWhere service={service} />
          <Contact service={service} />
          <MoreDetails service={service} />
          <p className="govuk-body-s app-verified">
            {service.lastVerified ? `Last checked: ${service.lastVerified}` : "Not checked yet"}. Listed by {service.organisation.name}.
          </p>
        </div>
        <div className="govuk-grid-column-one-third app-no-print">
          <ServiceActions service={service} saved={saved} link={link} />
        </div>
      </div>
    </>
  );
}

function HowToGetHelp({ service, canRefer }: { service: ServiceDetail; canRefer: boolean }) {
  return (
    <>
      <h2 className="govuk-heading-m">How to get help</h2>
      {service.howToAccessText ? <p className="govuk-body govuk-!-font-weight-bold">{service.howToAccessText}</p> : null}
      {service.applicationProcess ? <p className="govuk-body">{service.applicationProcess}</p> : null}
      {canRefer ? (
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={`/referrals/new?service=${service.id}`}>
            Make a referral to this service
          </a>
        </p>
      ) : null}
      <h3 className="govuk-heading-s">Who it is for</h3>
      {service.eligibility.length > 0 ? (
        service.eligibility.map((line) => (
          <p key={line} className="govuk-body">
            {line}
          </p>
        ))
      ) : (
        <p className="govuk-body">Anyone can use it.</p>
      )}
      <h3 className="govuk-heading-s">Cost</h3>
      <p className="govuk-body">{service.cost}</p>
      {service.costOptions.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {service.costOptions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function WhenAndWhere({ service }: { service: ServiceDetail }) {
  if (service.opening.length === 0 && service.places.length === 0 && service.nextSessions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">When and where</h2>
      {service.openingText ? <p className="govuk-body govuk-!-font-weight-bold">{service.openingText}</p> : null}
      {service.opening.length > 0 ? (
        <ul className="govuk-list">
          {service.opening.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {service.places.map((place) => (
        <div key={place.id} className="app-place">
          <h3 className="govuk-heading-s">{place.name}</h3>
          <p className="govuk-body">
            {[...place.addressLines, place.postcode].filter(Boolean).map((line, i) => (
              <span key={i} className="app-address-line">
                {line}
              </span>
            ))}
          </p>
          {place.mapUrl ? (
            <p className="govuk-body app-no-print">
              <a className="govuk-link" href={place.mapUrl} rel="external noopener noreferrer">
                See {place.name} on a map<span className="govuk-visually-hidden"> (OpenStreetMap)</span>
              </a>
            </p>
          ) : null}
          {place.opening.length > 0 ? (
            <ul className="govuk-list">
              {place.opening.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {place.transportation ? <p className="govuk-body">Getting there: {place.transportation}</p> : null}
          {place.accessibility.length > 0 ? (
            <>
              <h4 className="govuk-heading-s govuk-!-margin-bottom-1">Access</h4>
              <ul className="govuk-list govuk-list--bullet">
                {place.accessibility.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ))}
      {service.nextSessions.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Next dates</h3>
          <ul className="govuk-list govuk-list--bullet">
            {service.nextSessions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Contact({ service }: { service: ServiceDetail }) {
  const hasContact = service.phones.length > 0 || service.email || service.website || service.contacts.length > 0;
  if (!hasContact) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Contact</h2>
      <ul className="govuk-list">
        {service.phones.map((phone) => (
          <li key={phone.number}>
            Phone:{" "}
            <a className="govuk-link" href={phone.href}>
              {phone.number}
            </a>
            {phone.description ? ` (${phone.description})` : null}
          </li>
        ))}
        {service.email ? (
          <li>
            Email:{" "}
            <a className="govuk-link" href={`mailto:${service.email}`}>
              {service.email}
            </a>
          </li>
        ) : null}
        {service.website ? (
          <li>
            Website:{" "}
            <a className="govuk-link" href={service.website} rel="external noopener noreferrer">
              {service.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
            </a>
          </li>
        ) : null}
      </ul>
      {service.contacts.map((contact, i) => (
        <p key={i} className="govuk-body">
          {[contact.name, contact.title].filter(Boolean).join(", ")}
          {contact.phone ? (
            <>
              {" "}
              <a className="govuk-link" href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>
                {contact.phone}
              </a>
            </>
          ) : null}
          {contact.email ? (
            <>
              {" "}
              <a className="govuk-link" href={`mailto:${contact.email}`}>
                {contact.email}
              </a>
            </>
          ) : null}
        </p>
      ))}
    </>
  );
}

function MoreDetails({ service }: { service: ServiceDetail }) {
  return (
    <>
      {service.languages.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Languages</h2>
          <p className="govuk-body">{service.languages.join(", ")}</p>
        </>
      ) : null}
      {service.serviceAreas.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Where it helps</h2>
          <p className="govuk-body">{service.serviceAreas.join(", ")}</p>
        </>
      ) : null}
      {service.categories.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Types of help</h2>
          <ul className="govuk-list app-link-list">
            {service.categories.map((c) => (
              <li key={c.id}>
                <a className="govuk-link" href={`/services?category=${c.id}`}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function ServiceActions({ service, saved, link }: { service: ServiceDetail; saved: boolean; link: string }) {
  return (
    <aside className="app-service-actions" aria-label="Save, print or share">
      <h2 className="govuk-heading-s">Keep or share this</h2>
      <Form method="post" action="/services/shortlist" preventScrollReset>
        <input type="hidden" name="intent" value={saved ? "remove" : "add"} />
        <input type="hidden" name="serviceId" value={service.id} />
        <input type="hidden" name="returnTo" value={`/services/${service.id}`} />
        <Button variant="secondary">{saved ? "Remove from my list" : "Save to my list"}</Button>
      </Form>
      {saved ? (
        <p className="govuk-body-s">
          Saved.{" "}
          <a className="govuk-link" href="/services/shortlist">
            See my list
          </a>
        </p>
      ) : null}
      <PrintButton>Print this page</PrintButton>
      <p className="govuk-body">
        <a className="govuk-link" href={`/services/${service.id}/share`}>
          Send the details by email or text
        </a>
      </p>
      <CopyLink link={link} />
      <p className="govuk-body">
        <a className="govuk-link" href={`/services/${service.id}/report`}>
          Report a problem with this listing
        </a>
      </p>
    </aside>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.service.name} – Waymark` : "Page not found – Waymark" },
  ...(data ? [{ name: "description", content: data.service.description[0]?.slice(0, 160) ?? "" }] : []),
];
