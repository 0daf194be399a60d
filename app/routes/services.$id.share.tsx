import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { commitSession, getSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Panel } from "~/components/panel";
import { BackTo } from "~/directory/back-to";
import { listingName } from "~/directory/listing-language";
import { ShareFields } from "~/directory/share-fields";
import { shareSchemaIn, type ShareErrorText } from "~/directory/share-form";
import { publicBaseUrl, sendServices, shortlistServices, takeSendAllowance } from "~/directory/shortlist.server";
import { fill, omit } from "~/i18n/catalogue";
import { pageText } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

async function listed(id: string | undefined) {
  const [service] = await shortlistServices(getDb(), [id ?? ""]);
  if (!service) throw new Response("Not found", { status: 404 });
  return service;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = await listed(params.id);
  const { code, copy } = await pageText(request, "directory");
  return json({
    id: service.id,
    ...listingName(service, code),
    sent: new URL(request.url).searchParams.get("sent") === "1",
    text: omit(copy("share"), "errors"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const service = await listed(params.id);
  const { copy } = await pageText(request, "directory");
  const errorText = copy("share.errors") as ShareErrorText;
  const form = parseForm(shareSchemaIn(errorText), await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const values = { to: form.data.to, consent: form.data.consent };
  const session = await getSession(request);
  if (!takeSendAllowance(session)) return json({ errors: { to: errorText.tooMany }, values }, { status: 429 });
  const base = publicBaseUrl(request);
  const result = await sendServices(getDb(), form.data, [service], (id) => `${base}/services/${id}`, errorText.sendFailed);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect(`/services/${service.id}/share?sent=1`, { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function ShareService() {
  const { id, name, nameLang, sent, text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const backTo = <BackTo text={text.back} name={name} lang={nameLang} />;
  if (sent) {
    return (
      <>
        <Panel title={text.sentTitle} />
        <p className="govuk-body">{text.sentText}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/services/${id}`}>
            {backTo}
          </a>
        </p>
      </>
    );
  }
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href={`/services/${id}`}>{backTo}</BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <span className="govuk-caption-l" lang={nameLang}>
        {name}
      </span>
      <h1 className="govuk-heading-l">{text.title}</h1>
      <p className="govuk-body">{text.intro}</p>
      <Form method="post" noValidate>
        <ShareFields errors={errors} values={actionData?.values ?? {}} text={text} />
        <Button>{text.submit}</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? fill(data.text.metaTitle, { name: data.name }) : "Waymark" }];
