import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { commitSession, getSession } from "~/accounts/session.server";
import { safeRedirect } from "~/accounts/sign-in.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { PrintButton } from "~/directory/print-button";
import {
  SHORTLIST_MAX,
  addToShortlist,
  isListed,
  publicBaseUrl,
  readShortlist,
  removeFromShortlist,
  shortlistDetails,
} from "~/directory/shortlist.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  return json({ services: await shortlistDetails(getDb(), readShortlist(session)), base: publicBaseUrl(request) });
}

const shortlistSchema = z.object({
  intent: z.enum(["add", "remove", "clear"], {
    message: "Choose to save or remove a service",
  }),
  serviceId: z.string().trim().max(100).optional().default(""),
  returnTo: z.string().max(2000).optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(shortlistSchema, await readFormData(request));
  const session = await getSession(request);
  const services = await shortlistDetails(getDb(), readShortlist(session));
  if (!form.success)
    return json(
      { error: Object.values(form.errors)[0], services },
      { status: 400 }
    );
  const { intent, serviceId } = form.data;
  if (intent === "add") {
    if (!(await isListed(getDb(), serviceId))) {
      return json(
        {
          error:
            "We could not find that service. It may have been taken out of the directory.",
          services,
        },
        { status: 400 }
      );
    }
    if (!addToShortlist(session, serviceId)) {
      return json(
        {
          error: `Your list can hold ${SHORTLIST_MAX} services. Remove one to save another.`,
          services,
        },
        { status: 400 }
      );
    }
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
  return (
    <>
      <BackLink href="/services">Back to search</BackLink>
      {actionData?.error ? (
        <ErrorSummary
          errors={[{ href: "#saved-services", text: actionData.error }]}
        />
      ) : null}
      <h1 className="govuk-heading-l">Your saved services</h1>
      {services.length === 0 ? (
        <>
          <p className="govuk-body">You have not saved any services yet.</p>
          <p className="govuk-body">
            When you find a service that might help, choose “Save to my list”.
            You can then print the list or send it to yourself.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href="/services">
              Find help near you
            </a>
          </p>
        </>
      ) : (
        <>
          <p className="govuk-body app-no-print">
            We keep this list until you close your browser or leave it for 4
            hours. Print it or send it to yourself to keep it.
          </p>
          <div className="govuk-button-group app-no-print">
            <PrintButton>Print this list</PrintButton>
            <Button variant="secondary" href="/services/shortlist/send">
              Send by email or text
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
                    <a className="govuk-link" href={`/services/${service.id}`}>
                      {service.name}
                    </a>
                  </h2>
                  <p className="govuk-body-s app-result__organisation">
                    {service.organisation.name}
                  </p>
                  <dl className="app-result__facts govuk-body-s">
                    {service.howToAccessText ? (
                      <div>
                        <dt>How</dt>
                        <dd>{service.howToAccessText}</dd>
                      </div>
                    ) : null}
                    {when.length > 0 ? (
                      <div>
                        <dt>When</dt>
                        <dd>{when.join(". ")}</dd>
                      </div>
                    ) : null}
                    {service.places.length > 0 ? (
                      <div>
                        <dt>Where</dt>
                        <dd>
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
                        <dt>Phone</dt>
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
                      <dt>Cost</dt>
                      <dd>{service.cost}</dd>
                    </div>
                  </dl>
                  <p className="govuk-body-s app-only-print">More details: {`${loaded.base}/services/${service.id}`}</p>
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
                      Remove
                      <span className="govuk-visually-hidden">
                        {" "}
                        {service.name}
                      </span>{" "}
                      from my list
                    </Button>
                  </Form>
                </li>
              );
            })}
          </ol>
          <Form method="post" className="app-no-print">
            <input type="hidden" name="intent" value="clear" />
            <input type="hidden" name="returnTo" value="/services/shortlist" />
            <Button variant="warning">Remove everything from my list</Button>
          </Form>
        </>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [
  { title: "Your saved services – Waymark" },
];
