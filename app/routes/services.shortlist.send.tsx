import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { commitSession, getSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Panel } from "~/components/panel";
import { ShareFields } from "~/directory/share-fields";
import { shareSchema } from "~/directory/share-form";
import { publicBaseUrl, readShortlist, sendServices, shortlistServices, takeSendAllowance } from "~/directory/shortlist.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  const services = await shortlistServices(getDb(), readShortlist(await getSession(request)));
  if (!sent && services.length === 0) throw redirect("/services/shortlist");
  return json({ sent, names: services.map((s) => s.name) });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(shareSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const values = { to: form.data.to, consent: form.data.consent };
  const session = await getSession(request);
  const db = getDb();
  const services = await shortlistServices(db, readShortlist(session));
  if (services.length === 0) throw redirect("/services/shortlist");
  if (!takeSendAllowance(session)) {
    return json({ errors: { to: "You have sent a lot of messages in the last hour. Try again later." }, values }, { status: 429 });
  }
  const base = publicBaseUrl(request);
  const result = await sendServices(db, form.data, services, (id) => `${base}/services/${id}`);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect("/services/shortlist/send?sent=1", { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function SendShortlist() {
  const { sent, names } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (sent) {
    return (
      <>
        <Panel title="Your list is on its way" />
        <p className="govuk-body">It should arrive in the next few minutes. We have not kept your email address or phone number.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/services/shortlist">
            Back to your saved services
          </a>
        </p>
      </>
    );
  }
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href="/services/shortlist">Back to your saved services</BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <h1 className="govuk-heading-l">Send your saved services</h1>
      <p className="govuk-body">We will send the name of each service and a link to its details:</p>
      <ul className="govuk-list govuk-list--bullet">
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      <Form method="post" noValidate>
        <ShareFields errors={errors} values={actionData?.values ?? {}} />
        <Button>Send</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Send your saved services – Waymark" }];
