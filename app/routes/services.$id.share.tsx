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
import { publicBaseUrl, sendServices, shortlistServices, takeSendAllowance } from "~/directory/shortlist.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

async function listed(id: string | undefined) {
  const [service] = await shortlistServices(getDb(), [id ?? ""]);
  if (!service) throw new Response("Not found", { status: 404 });
  return service;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = await listed(params.id);
  return json({ id: service.id, name: service.name, sent: new URL(request.url).searchParams.get("sent") === "1" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const service = await listed(params.id);
  const form = parseForm(shareSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const values = { to: form.data.to, consent: form.data.consent };
  const session = await getSession(request);
  if (!takeSendAllowance(session)) {
    return json({ errors: { to: "You have sent a lot of messages in the last hour. Try again later." }, values }, { status: 429 });
  }
  const base = publicBaseUrl(request);
  const result = await sendServices(getDb(), form.data, [service], (id) => `${base}/services/${id}`);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect(`/services/${service.id}/share?sent=1`, { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function ShareService() {
  const { id, name, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (sent) {
    return (
      <>
        <Panel title="The details are on their way" />
        <p className="govuk-body">They should arrive in the next few minutes. We have not kept the email address or phone number.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/services/${id}`}>
            Back to {name}
          </a>
        </p>
      </>
    );
  }
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href={`/services/${id}`}>Back to {name}</BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Send the details by email or text</h1>
      <p className="govuk-body">We will send the name of the service and a link to this page, to you or to someone you are helping.</p>
      <Form method="post" noValidate>
        <ShareFields errors={errors} values={actionData?.values ?? {}} />
        <Button>Send</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Send the details${data ? `: ${data.name}` : ""} – Waymark` }];
