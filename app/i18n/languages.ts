/**
 * The parts of the resident side that are translated as a whole, and which part each page
 * belongs to. A page is shown in the chosen language only when its part is fully translated in
 * that language; otherwise its main content stays in English, marked lang="en".
 */

export const NAMESPACES = ["common", "home", "check", "plan", "directory", "pages", "guides"] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const SOURCE_LANGUAGE = "en";

export interface LanguageOption {
  code: string;
  /** The language's name in itself, as the switcher shows it. */
  name: string;
  /** The value for lang and hreflang attributes. */
  htmlLang: string;
  /** Which parts can be shown in this language: every key present. */
  offered: Namespace[];
}

const PAGES: [RegExp, Namespace][] = [
  [/^\/$/, "home"],
  [/^\/check\/result\//, "plan"],
  [/^\/check(\/|$)/, "check"],
  // Search, a service's page and its share and report pages, and the saved list and sending it.
  [/^\/services(\/shortlist(\/send)?|\/[\w-]+(\/(share|report))?)?\/?$/, "directory"],
  [/^\/(accessibility|privacy|cookies)\/?$/, "pages"],
  [/^\/knowledge\/[\w-]+\/?$/, "guides"],
];

/** The translated part a resident page belongs to; null for pages only staff and champions use. */
export function namespaceForPath(pathname: string): Namespace | null {
  return PAGES.find(([pattern]) => pattern.test(pathname))?.[1] ?? null;
}

/** The language a page's main content is in: the chosen one if its part is offered, else English. */
export function pageLanguage(chosen: Pick<LanguageOption, "code" | "offered">, pathname: string): string {
  const namespace = namespaceForPath(pathname);
  return namespace && chosen.offered.includes(namespace) ? chosen.code : SOURCE_LANGUAGE;
}

/** A switcher link: the language route sets the cookie and comes back to the same page. */
export function switchHref(code: string, pathname: string, search: string): string {
  return `/language?${new URLSearchParams({ lang: code, to: `${pathname}${search}` })}`;
}

/** Only a path on this site, so the switcher cannot be used to send someone elsewhere. */
export function safeReturnPath(to: string | null): string {
  return to && to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/";
}

/** A language's name from its ISO code, in the language of the page, from the runtime's own data. */
export function languageName(code: string, inLanguage: string = SOURCE_LANGUAGE): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: "language", fallback: "code" }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return code;
  }
}
