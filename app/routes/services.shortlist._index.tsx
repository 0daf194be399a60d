import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { commitSession, getSession } from "~/accounts/session.server";
import { safeRedirect } from "~/accounts/sign-in.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { englishIn, listingText } from "~/directory/listing-language";
import { PrintButton } from "~/directory/print-button";
import { listFullMessage, shortlistSchemaIn, type SavedErrorText } from "~/directory/shortlist-form";
import {
  SHORTLIST_MAX,
  addToShortlist,
  isListed,
  publicBaseUrl,
  readShortlist,
  removeFromShortlist,
  shortlistDetails,
} from "~/directory/shortlist.server";
import { fill, omit } from "~/i18n/catalogue";
import { pageText } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

/** The saved services as the page shows them, in its language; the provider's own words stay as written, marked. */
async function savedServices(request: Request, ids: string[]) {
  const { code, copy } = await pageText(request, "directory");
  const text = { ...omit(copy("saved"), "errors"), ...prefixed(copy("listing"), "listing.") };
  const services = (await shortlistDetails(getDb(), ids)).map((service) => ({
    ...service,
    ...listingText(service, false, code, text),
  }));
  return { text, english: englishIn(code), services, errorText: copy("saved.errors") as SavedErrorText };
}

const prefixed = (messages: Record<string, string>, prefix: string) => Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${prefix}${k}`, v]));

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const { text, english, services } = await savedServices(request, readShortlist(session));
  return json({ text, english, services, base: publicBaseUrl(request) });
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const { services, errorText } = await savedServices(request, readShortlist(session));
  const form = parseForm(shortlistSchemaIn(errorText), await readFormData(request));
  if (!form.success) return json({ error: Object.values(form.errors)[0], services }, { status: 400 });
  const { intent, serviceId } = form.data;
  if (intent === "add") {
    if (!(await isListed(getDb(), serviceId))) return json({ error: errorText.notListed, services }, { status: 400 });
    if (!addToShortlist(session, serviceId)) return json({ error: listFullMessage(errorText, SHORTLIST_MAX), services }, { status: 400 });
  } else if (intent === "remove") {
    removeFromShortlist(session, serviceId);
  } else {
    session.set("shortlist", []);
  }
  return redirect(safeRedirect(form.data.returnTo, "/services/shortlist"), {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

export default function Shortlist() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const services = actionData?.services ?? loaded.services;
  const { text, english } = loaded;
  return (
    <>
      <BackLink href="/services">{text.back}</BackLink>
      {actionData?.error ? (
        <ErrorSummary
          errors={[{ href: "#saved-services", text: actionData.error }]}
        />
      ) : null}
      <h1 className="govuk-heading-l">{text.title}</h1>
      {services.length === 0 ? (
        <>
          <p className="govuk-body">{text.empty}</p>
          <p className="govuk-body">{text.emptyHint}</p>
          <p className="govuk-body">
            <a className="govuk-link" href="/services">
              {text.find}
            </a>
          </p>
        </>
      ) : (
        <>
          <p className="govuk-body app-no-print">{text.kept}</p>
          <div className="govuk-button-group app-no-print">
            <PrintButton>{text.print}</PrintButton>
            <Button variant="secondary" href="/services/shortlist/send">
              {text.send}
            </Button>
          </div>
          <ol className="app-results" id="saved-services">
            {services.map((service) => {
              const when = [
                ...service.opening,
                ...service.places.flatMap((p) =>
                  p.opening.map((line) => `${line} at ${p.name}`)
                ),
              ];
              return (
                <li key={service.id} className="app-result">
                  <h2 className="govuk-heading-m app-result__title">
                    <a className="govuk-link" href={`/services/${service.id}`} lang={service.nameLang}>
                      {service.name}
                    </a>
                  </h2>
                  <p className="govuk-body-s app-result__organisation" lang={english}>
                    {service.organisation.name}
                  </p>
                  <dl className="app-result__facts govuk-body-s">
                    {service.howToAccessText ? (
                      <div>
                        <dt>{text.how}</dt>
                        <dd>{service.howToAccessText}</dd>
                      </div>
                    ) : null}
                    {when.length > 0 ? (
                      <div>
                        <dt>{text.when}</dt>
                        <dd lang={english}>{when.join(". ")}</dd>
                      </div>
                    ) : null}
                    {service.places.length > 0 ? (
                      <div>
                        <dt>{text.where}</dt>
                        <dd lang={english}>
                          {service.places
                            .map((p) =>
                              [p.name, ...p.addressLines, p.postcode]
                                .filter(Boolean)
                                .join(", ")
                            )
                            .join("; ")}
                        </dd>
                      </div>
                    ) : null}
                    {service.phones.length > 0 ? (
                      <div>
                        <dt>{text.phone}</dt>
                        <dd>
                          {service.phones.map((p, i) => (
                            <span key={p.number}>
                              {i > 0 ? ", " : null}
                              <a className="govuk-link" href={p.href}>
                                {p.number}
                              </a>
                            </span>
                          ))}
                        </dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{text.cost}</dt>
                      <dd lang={service.costLang}>{service.cost}</dd>
                    </div>
                  </dl>
                  <p className="govuk-body-s app-only-print">{fill(text.moreDetails, { link: `${loaded.base}/services/${service.id}` })}</p>
                  <Form method="post" className="app-no-print">
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="serviceId" value={service.id} />
                    <input
                      type="hidden"
                      name="returnTo"
                      value="/services/shortlist"
                    />
                    <Button
                      variant="secondary"
                      className="govuk-!-margin-bottom-0"
                    >
                      {text.remove}
                      <span className="govuk-visually-hidden" lang={service.nameLang}>
                        {" "}
                        {service.name}
                      </span>{" "}
                      {text.removeFrom}
                    </Button>
                  </Form>
                </li>
              );
            })}
          </ol>
          <Form method="post" className="app-no-print">
            <input type="hidden" name="intent" value="clear" />
            <input type="hidden" name="returnTo" value="/services/shortlist" />
            <Button variant="warning">{text.removeAll}</Button>
          </Form>
        </>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.text.metaTitle ?? "Waymark" }];
