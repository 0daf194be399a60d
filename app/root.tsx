import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getCurrentUser } from "~/accounts/auth.server";
import { ERROR_PAGE_TEXT } from "~/components/error-text";
import { Footer } from "~/components/footer";
import { Header, SignOutForm } from "~/components/header";
import { LanguageSwitcher } from "~/components/language-switcher";
import { LinkedText } from "~/components/linked-text";
import { SkipLink } from "~/components/skip-link";
import { isTooManyPosts, TooManyPostsPage } from "~/components/too-many-posts";
import { layoutLanguage } from "~/i18n/i18n.server";
import { pageLanguage, switchHref } from "~/i18n/languages";
import { navigationFor } from "~/lib/navigation";
import { useNonce } from "~/lib/nonce";
import { useSubmitOnce } from "~/lib/submit-once";
import stylesheet from "~/styles/waymark.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/assets/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    user: user ? { name: user.name, role: user.role, organisationName: user.organisationName } : null,
    language: await layoutLanguage(request),
  };
}

export default function App() {
  return (
    <Document>
      <Outlet />
    </Document>
  );
}

/**
 * `content` says what language the main content is in: the page's own part's ("page", worked out
 * from the address), the chosen language ("translated", for error pages with their words sent by
 * the loader) or English ("english", for the error pages not yet translated).
 */
function Document({ children, title, content = "page" }: { children: ReactNode; title?: string; content?: "page" | "translated" | "english" }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const { pathname, search } = useLocation();
  const nonce = useNonce();
  useSubmitOnce();
  const language = data?.language;
  const text = language?.text ?? {};
  // The page's own content may not be translated yet: then it is English inside a translated frame.
  const inLanguage = content === "translated" || (content === "page" && language !== undefined && pageLanguage(language, pathname) === language.code);
  const untranslated = language !== undefined && language.code !== "en" && !inLanguage;
  return (
    <html lang={language?.htmlLang ?? "en-GB"} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body className="govuk-template__body">
        <SkipLink>{text.skipLink}</SkipLink>
        <Header navigation={translatedNavigation(navigationFor(user?.role ?? null, pathname), text, language?.code !== "en")} text={text}>
          {user ? (
            <span className="app-signed-in">
              <span>
                <span className="govuk-visually-hidden">{text.signedInAs ?? "Signed in as"} </span>
                {user.name}
              </span>
              <SignOutForm>{text.signOut}</SignOutForm>
            </span>
          ) : (
            <a className="govuk-service-navigation__link" href="/login">
              {text.signIn ?? "Sign in"}
            </a>
          )}
        </Header>
        <div className="govuk-width-container">
          {language && language.languages.length > 1 ? (
            <LanguageSwitcher
              label={text.languageLabel ?? "Language"}
              current={language.code}
              languages={language.languages.map((l) => ({ ...l, href: switchHref(l.code, pathname, search) }))}
            />
          ) : null}
          {untranslated ? <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">{text.notTranslated}</p> : null}
          <main className="govuk-main-wrapper" id="main-content" lang={untranslated ? "en-GB" : undefined}>
            {children}
          </main>
        </div>
        <Footer text={text} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <script type="module" src="/assets/init.js" nonce={nonce} />
      </body>
    </html>
  );
}

/** The public sections have translated names; any other section's name stays English, marked as such. */
function translatedNavigation(items: ReturnType<typeof navigationFor>, text: Record<string, string>, translated: boolean) {
  return items.map((item) => {
    const name = text[`nav${item.href.replaceAll("/", ".")}`];
    return { ...item, text: name ?? (translated ? <span lang="en-GB">{item.text}</span> : item.text) };
  });
}

export const meta: MetaFunction = () => [{ title: "Waymark" }];

export function ErrorBoundary() {
  const error = useRouteError();
  const errors = useRouteLoaderData<typeof loader>("root")?.language.errors;
  // The resident-facing error pages in the page's language when its words came with the layout.
  const text = errors ?? ERROR_PAGE_TEXT;
  const content = errors ? "translated" : "english";
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Document title={text["notFound.metaTitle"]} content={content}>
        <h1 className="govuk-heading-l">{text["notFound.title"]}</h1>
        <p className="govuk-body">{text["notFound.typed"]}</p>
        <p className="govuk-body">{text["notFound.pasted"]}</p>
        <p className="govuk-body">
          <LinkedText text={text["notFound.next"]} />
        </p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 403) {
    return (
      <Document title="You cannot see this page – Waymark" content="english">
        <h1 className="govuk-heading-l">You cannot see this page</h1>
        <p className="govuk-body">Your account does not give you access to this page.</p>
        <p className="govuk-body">
          If you think it should, ask your partnership coordinator. You can also go to the <a className="govuk-link" href="/">Waymark home page</a>.
        </p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 429 && isTooManyPosts(error.data)) {
    return (
      <Document title="You have sent this form too many times – Waymark" content="english">
        <TooManyPostsPage data={error.data} />
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && error.status === 503 && typeof error.data === "string" && error.data) {
    return (
      <Document title="Waymark cannot save anything at the moment – Waymark" content="english">
        <h1 className="govuk-heading-l">Waymark cannot save anything at the moment</h1>
        <p className="govuk-body">{error.data}</p>
        <p className="govuk-body">Nothing from this page was saved. Everything saved before this happened is safe.</p>
        <p className="govuk-body">
          Go back to keep what you typed, and send it again later. The people who run Waymark have been told.
        </p>
      </Document>
    );
  }
  if (isRouteErrorResponse(error) && error.status < 500) {
    return (
      <Document title="There is a problem – Waymark" content="english">
        <h1 className="govuk-heading-l">There is a problem with that request</h1>
        <p className="govuk-body">{typeof error.data === "string" && error.data ? error.data : "Check the address and try again."}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">Go to the Waymark home page</a>
        </p>
      </Document>
    );
  }
  return (
    <Document title={text["serverError.metaTitle"]} content={content}>
      <h1 className="govuk-heading-l">{text["serverError.title"]}</h1>
      <p className="govuk-body">{text["serverError.later"]}</p>
      <p className="govuk-body">
        <LinkedText text={text["serverError.next"]} />
      </p>
    </Document>
  );
}
