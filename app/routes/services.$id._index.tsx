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
import { englishIn, listingText } from "~/directory/listing-language";
import { Contact, MoreDetails } from "~/directory/service-sections";
import { PrintButton } from "~/directory/print-button";
import { getServiceDetail } from "~/directory/service-detail.server";
import { publicBaseUrl, readShortlist } from "~/directory/shortlist.server";
import { fill } from "~/i18n/catalogue";
import { categoryNameIn, pageText } from "~/i18n/i18n.server";
import { languageName } from "~/i18n/languages";
import { getDb } from "~/lib/db.server";
import { sessionLine } from "~/courses/courses";
import { listBookableCourses } from "~/courses/courses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = await getServiceDetail(getDb(), params.id ?? "");
  if (!service) throw new Response("Not found", { status: 404 });
  const [user, session, { code, copy }, courses] = await Promise.all([
    getCurrentUser(request),
    getSession(request),
    pageText(request, "directory"),
    listBookableCourses(getDb(), new Date(), { serviceId: service.id, nextCount: 2 }),
  ]);
  const text = { ...copy("service"), ...prefixed(copy("listing"), "listing.") };
  const welsh = code === "cy" && service.descriptionCy.length > 0;
  return json({
    text,
    english: englishIn(code),
    service: {
      ...service,
      ...listingText(service, welsh, code, text),
      description: welsh ? service.descriptionCy : service.description,
      categories: service.categories.map((c) => ({ ...c, name: categoryNameIn(code, c.id) })),
      // The listing's languages are stored as names in English; the page names them in its own language.
      languages: code === "en" ? service.languages : service.languageEntries.map((l) => (l.code ? languageName(l.code, code) : l.name)),
    },
    courses: courses.map((c) => ({ id: c.id, title: c.title, next: c.next.map(sessionLine) })),
    saved: readShortlist(session).includes(service.id),
    canRefer: user !== null && can(user.role, "referral:create"),
    link: `${publicBaseUrl(request)}/services/${service.id}`,
  });
}

const prefixed = (messages: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${prefix}${k}`, v]));

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
type Text = Data["text"];
type Service = Data["service"];
interface Props {
  service: Service;
  text: Text;
  english: string | undefined;
}

export default function ServicePage() {
  const { service, courses, saved, canRefer, link, text, english } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/services">{text.back}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{service.organisation.name}</span>
          <h1 className="govuk-heading-l" lang={service.nameLang}>
            {service.name}
          </h1>
          {service.alert ? (
            <div className="govuk-inset-text app-alert" lang={english}>
              {service.alert}
            </div>
          ) : null}
          <p className="app-result__badges">
            {service.reachLabels.map((label) => (
              <Tag key={label} colour="blue">
                {label}
              </Tag>
            ))}
            {service.openNow ? <Tag colour="green">{text["listing.openNow"]}</Tag> : null}
            {service.isFree ? <Tag colour="grey">{text["listing.free"]}</Tag> : null}
            {service.isDemo ? <Tag colour="grey">{text["listing.demoTag"]}</Tag> : null}
          </p>
          {service.isDemo ? <div className="govuk-inset-text">{text["listing.demoNote"]}</div> : null}
          {service.stale ? (
            <WarningText iconFallbackText={text["listing.checkFirst"]}>
              {service.lastVerified ? fill(text.staleChecked, { date: service.lastVerified }) : text.staleNever} {text.staleCall}
            </WarningText>
          ) : null}
          <div lang={service.descriptionLang}>
            {service.description.map((paragraph, i) => (
              <p key={i} className="govuk-body">
                {paragraph}
              </p>
            ))}
          </div>
          <HowToGetHelp service={service} text={text} english={english} canRefer={canRefer} />
          <WhenAndWhere service={service} text={text} english={english} />
          <Courses courses={courses} text={text} english={english} />
          <Contact service={service} text={text} english={english} />
          <MoreDetails service={service} text={text} english={english} />
          <p className="govuk-body-s app-verified">
            {service.lastVerified ? fill(text.verified, { date: service.lastVerified }) : text.notVerified} {fill(text.listedBy, { organisation: service.organisation.name })}
          </p>
        </div>
        <div className="govuk-grid-column-one-third app-no-print">
          <ServiceActions service={service} text={text} saved={saved} link={link} />
        </div>
      </div>
    </>
  );
}

function HowToGetHelp({ service, text, english, canRefer }: Props & { canRefer: boolean }) {
  return (
    <>
      <h2 className="govuk-heading-m">{text.howHeading}</h2>
      {service.howToAccessText ? <p className="govuk-body govuk-!-font-weight-bold">{service.howToAccessText}</p> : null}
      {service.applicationProcess ? (
        <p className="govuk-body" lang={english}>
          {service.applicationProcess}
        </p>
      ) : null}
      {canRefer ? (
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={`/referrals/new?service=${service.id}`}>
            {text.refer}
          </a>
        </p>
      ) : null}
      <h3 className="govuk-heading-s">{text.whoFor}</h3>
      {service.eligibility.length > 0 ? (
        service.eligibility.map((line) => (
          <p key={line} className="govuk-body" lang={english}>
            {line}
          </p>
        ))
      ) : (
        <p className="govuk-body">{text.anyone}</p>
      )}
      <h3 className="govuk-heading-s">{text.cost}</h3>
      <p className="govuk-body" lang={service.costLang}>
        {service.cost}
      </p>
      {service.costOptions.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet" lang={english}>
          {service.costOptions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function WhenAndWhere({ service, text, english }: Props) {
  if (service.opening.length === 0 && service.places.length === 0 && service.nextSessions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{text.whenWhere}</h2>
      {service.openingText ? (
        <p className="govuk-body govuk-!-font-weight-bold" lang={english}>
          {service.openingText}
        </p>
      ) : null}
      {service.opening.length > 0 ? (
        <ul className="govuk-list" lang={english}>
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
                {fill(text.map, { place: place.name })}
                <span className="govuk-visually-hidden"> (OpenStreetMap)</span>
              </a>
            </p>
          ) : null}
          {place.opening.length > 0 ? (
            <ul className="govuk-list" lang={english}>
              {place.opening.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
          {place.transportation ? (
            <p className="govuk-body">
              {text.gettingThere} <span lang={english}>{place.transportation}</span>
            </p>
          ) : null}
          {place.accessibility.length > 0 ? (
            <>
              <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{text.access}</h4>
              <ul className="govuk-list govuk-list--bullet" lang={english}>
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
          <h3 className="govuk-heading-s">{text.nextDates}</h3>
          <ul className="govuk-list govuk-list--bullet" lang={english}>
            {service.nextSessions.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Courses({ courses, text, english }: { courses: Data["courses"]; text: Text; english: string | undefined }) {
  if (courses.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{text.courses}</h2>
      {courses.map((course) => (
        <div key={course.id} className="app-place">
          <h3 className="govuk-heading-s" lang={english}>
            {course.title}
          </h3>
          <p className="govuk-body govuk-!-margin-bottom-1">{text.courseNext}</p>
          <ul className="govuk-list govuk-list--bullet" lang={english}>
            {course.next.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
      <p className="govuk-body">{text.courseBook}</p>
    </>
  );
}

function ServiceActions({ service, text, saved, link }: { service: Service; text: Text; saved: boolean; link: string }) {
  return (
    <aside className="app-service-actions" aria-label={text.actionsLabel}>
      <h2 className="govuk-heading-s">{text.keep}</h2>
      <Form method="post" action="/services/shortlist" preventScrollReset>
        <input type="hidden" name="intent" value={saved ? "remove" : "add"} />
        <input type="hidden" name="serviceId" value={service.id} />
        <input type="hidden" name="returnTo" value={`/services/${service.id}`} />
        <Button variant="secondary">{saved ? text["listing.remove"] : text["listing.save"]}</Button>
      </Form>
      {saved ? (
        <p className="govuk-body-s">
          {text.saved}{" "}
          <a className="govuk-link" href="/services/shortlist">
            {text.seeList}
          </a>
        </p>
      ) : null}
      <PrintButton hint={text.printHint}>{text.print}</PrintButton>
      <p className="govuk-body">
        <a className="govuk-link" href={`/services/${service.id}/share`}>
          {text.send}
        </a>
      </p>
      <CopyLink link={link} words={{ label: text.copyLabel, copy: text.copy, copied: text.copied }} />
      <p className="govuk-body">
        <a className="govuk-link" href={`/services/${service.id}/report`}>
          {text.report}
        </a>
      </p>
    </aside>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.service.name} – Waymark` : "Page not found – Waymark" },
  ...(data ? [{ name: "description", content: data.service.description[0]?.slice(0, 160) ?? "" }] : []),
];
