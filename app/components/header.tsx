import type { ReactNode } from "react";

export interface NavigationItem {
  href: string;
  text: ReactNode;
  /** The section the current page belongs to. */
  active?: boolean;
}

export interface HeaderProps {
  navigation?: NavigationItem[];
  /** Shown in the service navigation; the wordmark already names Waymark, so usually omitted. */
  serviceName?: string;
  /** Right-hand end of the service navigation, e.g. "Signed in as …" and a SignOutForm. */
  children?: ReactNode;
  /** The header's own words in the page's language; English when not given. */
  text?: { serviceInformation?: string; menu?: string };
}

/** Our own wordmark: a signpost and the word Waymark, drawn in the header's text colour. */
function Wordmark() {
  return (
    <svg
      className="govuk-header__logotype"
      xmlns="http://www.w3.org/2000/svg"
      role="img"
      aria-label="Waymark"
      focusable="false"
      viewBox="0 0 136 30"
      height="30"
      width="136"
    >
      <title>Waymark</title>
      <path fill="currentColor" d="M12 2h3v28h-3zM3 5h17l5 4.5-5 4.5H3zM24 16H7l-5 4.5L7 25h17z" />
      <text x="32" y="23" fill="currentColor" fontSize="22" fontWeight="700" textLength="102" lengthAdjust="spacingAndGlyphs">
        Waymark
      </text>
    </svg>
  );
}

/**
 * The site header without GOV.UK branding: the Waymark wordmark linking home, then GOV.UK
 * service navigation with the sections and an optional account area at the end.
 */
export function Header({ navigation = [], serviceName, children, text = {} }: HeaderProps) {
  const menu = text.menu ?? "Menu";
  const hasNavigation = navigation.length > 0 || Boolean(children);
  return (
    <>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <a href="/" className="govuk-header__link govuk-header__link--homepage">
              <Wordmark />
            </a>
          </div>
        </div>
      </header>
      <section aria-label={text.serviceInformation ?? "Service information"} className="govuk-service-navigation" data-module="govuk-service-navigation">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            {serviceName ? (
              <span className="govuk-service-navigation__service-name">
                <span className="govuk-service-navigation__text">{serviceName}</span>
              </span>
            ) : null}
            {hasNavigation ? (
              <nav aria-label={menu} className="govuk-service-navigation__wrapper">
                {navigation.length > 1 ? (
                  <button
                    type="button"
                    className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
                    aria-controls="navigation"
                    hidden
                    aria-hidden="true"
                  >
                    {menu}
                  </button>
                ) : null}
                <ul className="govuk-service-navigation__list" id="navigation">
                  {navigation.map((item) => (
                    <NavigationLink key={item.href} item={item} />
                  ))}
                  {children ? (
                    <li className="govuk-service-navigation__item app-service-navigation__account">{children}</li>
                  ) : null}
                </ul>
              </nav>
            ) : null}
          </div>
        </div>
      </section>
    </>
  );
}

function NavigationLink({ item }: { item: NavigationItem }) {
  return (
    <li className={item.active ? "govuk-service-navigation__item govuk-service-navigation__item--active" : "govuk-service-navigation__item"}>
      <a className="govuk-service-navigation__link" href={item.href} aria-current={item.active ? "true" : undefined}>
        {item.active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
      </a>
    </li>
  );
}

/**
 * Signing out changes state, so it is a POST form rather than a link; the button carries
 * link styling (`app-link-button`) so it reads as part of the navigation.
 */
export function SignOutForm({ children = "Sign out" }: { children?: ReactNode }) {
  return (
    <form method="post" action="/logout" className="app-sign-out-form">
      <button type="submit" className="govuk-service-navigation__link app-link-button">
        {children}
      </button>
    </form>
  );
}
