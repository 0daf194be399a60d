import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { pageText } from "~/i18n/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { copy } = await pageText(request, "home");
  return json({ text: copy("") });
}

export default function Home() {
  const { text } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">{text.title}</h1>
      <p className="govuk-body-l">{text.lead}</p>

      <div className="app-doors">
        <section className="app-door" aria-labelledby="door-check">
          <h2 className="govuk-heading-m" id="door-check">
            {text["check.heading"]}
          </h2>
          <p className="govuk-body">{text["check.text"]}</p>
          <a href="/check" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
            {text["check.start"]}
            <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
              <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
          </a>
        </section>

        <section className="app-door" aria-labelledby="door-find">
          <h2 className="govuk-heading-m" id="door-find">
            {text["find.heading"]}
          </h2>
          <p className="govuk-body">{text["find.text"]}</p>
          <form method="get" action="/services" className="govuk-!-margin-bottom-0">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="home-postcode">
                {text["find.postcode"]}
              </label>
              <input className="govuk-input govuk-input--width-10" id="home-postcode" name="postcode" type="text" autoComplete="postal-code" spellCheck={false} />
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {text["find.submit"]}
            </button>
          </form>
        </section>

        <section className="app-door" aria-labelledby="door-staff">
          <h2 className="govuk-heading-m" id="door-staff">
            {text["staff.heading"]}
          </h2>
          <p className="govuk-body">{text["staff.text"]}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/login">
              {text["staff.signIn"]}
            </a>
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/knowledge">
              {text["staff.guides"]}
            </a>
          </p>
        </section>
      </div>

      <h2 className="govuk-heading-m">{text["other.heading"]}</h2>
      <p className="govuk-body">
        {text["other.text"]} <a className="govuk-link" href="/services?attending=phone">{text["other.phoneLink"]}</a>.
      </p>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.text.metaTitle ?? "Waymark – get online and find help near you" },
  { name: "description", content: data?.text.metaDescription ?? "Check what would help you get online, and find free digital help near you." },
];
