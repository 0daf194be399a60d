export interface FooterLink {
  href: string;
  text: string;
}

const defaultLinks: FooterLink[] = [
  { href: "/accessibility", text: "Accessibility statement" },
  { href: "/privacy", text: "Privacy" },
  { href: "/cookies", text: "Cookies" },
];

/** The site footer: support links and a line about Waymark, with no crown, licence logo or Crown copyright. */
export function Footer({ links = defaultLinks, text = {} }: { links?: FooterLink[]; text?: Record<string, string> }) {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{text.footerHeading ?? "Support links"}</h2>
            <ul className="govuk-footer__inline-list">
              {links.map((link) => (
                <li key={link.href} className="govuk-footer__inline-list-item">
                  <a className="govuk-footer__link" href={link.href}>
                    {text[`footer${link.href.replaceAll("/", ".")}`] ?? link.text}
                  </a>
                </li>
              ))}
            </ul>
            <div className="govuk-footer__meta-custom">{text.footerAbout ?? "Waymark helps people get online and find local support."}</div>
          </div>
        </div>
      </div>
    </footer>
  );
}
