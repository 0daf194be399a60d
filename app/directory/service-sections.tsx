/** The contact and further-detail sections of a service's page, in the page's language. */
import type { ServiceDetail } from "./service-detail.server";
import type { ListingText } from "./listing-language";

export interface SectionProps {
  service: Omit<ServiceDetail, keyof ListingText> & ListingText;
  text: Record<string, string>;
  english: string | undefined;
}

export function Contact({ service, text, english }: SectionProps) {
  const hasContact = service.phones.length > 0 || service.email || service.website || service.contacts.length > 0;
  if (!hasContact) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{text.contact}</h2>
      <ul className="govuk-list">
        {service.phones.map((phone) => (
          <li key={phone.number}>
            {text.phone}{" "}
            <a className="govuk-link" href={phone.href}>
              {phone.number}
            </a>
            {phone.description ? <span lang={english}>{` (${phone.description})`}</span> : null}
          </li>
        ))}
        {service.email ? (
          <li>
            {text.email}{" "}
            <a className="govuk-link" href={`mailto:${service.email}`}>
              {service.email}
            </a>
          </li>
        ) : null}
        {service.website ? (
          <li>
            {text.website}{" "}
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

export function MoreDetails({ service, text, english }: SectionProps) {
  return (
    <>
      {service.languages.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{text.languages}</h2>
          <p className="govuk-body">{service.languages.join(", ")}</p>
        </>
      ) : null}
      {service.serviceAreas.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{text.areas}</h2>
          <p className="govuk-body" lang={english}>
            {service.serviceAreas.join(", ")}
          </p>
        </>
      ) : null}
      {service.categories.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">{text.types}</h2>
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
