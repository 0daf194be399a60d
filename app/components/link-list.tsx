export interface ListedLink {
  href: string;
  text: string;
  /** The language of the linked page and its title, when it is not the page's own. */
  lang?: string;
}

interface LinkListProps {
  links: readonly ListedLink[];
  /** Words before each link, such as "Read:", so a printed list still says what each one is. */
  lead?: string;
  /** Rewrites each address, e.g. to a full URL for a page that may be printed. */
  toHref?: (href: string) => string;
}

/** A plain list of links, one to a line. */
export function LinkList({ links, lead, toHref = (href) => href }: LinkListProps) {
  return (
    <ul className="govuk-list">
      {links.map((link) => (
        <li key={link.href}>
          {lead ? `${lead} ` : null}
          <a className="govuk-link" href={toHref(link.href)} lang={link.lang} hrefLang={link.lang}>
            {link.text}
          </a>
        </li>
      ))}
    </ul>
  );
}
