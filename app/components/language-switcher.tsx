export interface SwitcherLanguage {
  code: string;
  /** The language's name in itself. */
  name: string;
  htmlLang: string;
  href: string;
}

/**
 * The language links at the top of every page, after the HMRC language toggle pattern: each
 * language is named in itself and marked with its own lang and hreflang, the current one is
 * plain text. Links, not a form, so it works without JavaScript.
 */
export function LanguageSwitcher({ current, languages, label }: { current: string; languages: SwitcherLanguage[]; label: string }) {
  return (
    <nav className="app-language-switcher" aria-label={label}>
      <ul className="app-language-switcher__list">
        {languages.map((language) => (
          <li key={language.code} className="app-language-switcher__item">
            {language.code === current ? (
              <span aria-current="true" lang={language.htmlLang}>
                {language.name}
              </span>
            ) : (
              <a className="govuk-link" href={language.href} lang={language.htmlLang} hrefLang={language.htmlLang}>
                {language.name}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
