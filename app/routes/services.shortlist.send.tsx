import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { commitSession, getSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Panel } from "~/components/panel";
import { listingName } from "~/directory/listing-language";
import { ShareFields } from "~/directory/share-fields";
import { shareFieldText, shareSchemaIn, type ShareErrorText } from "~/directory/share-form";
import { publicBaseUrl, readShortlist, sendServices, shortlistServices, takeSendAllowance } from "~/directory/shortlist.server";
import { pageText } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  const services = await shortlistServices(getDb(), readShortlist(await getSession(request)));
  if (!sent && services.length === 0) throw redirect("/services/shortlist");
  const { code, copy } = await pageText(request, "directory");
  return json({ sent, names: services.map((s) => ({ id: s.id, ...listingName(s, code) })), text: copy("sendList"), fields: shareFieldText(copy("share")) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { copy } = await pageText(request, "directory");
  const errorText = copy("share.errors") as ShareErrorText;
  const form = parseForm(shareSchemaIn(errorText), await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const values = { to: form.data.to, consent: form.data.consent };
  const session = await getSession(request);
  const db = getDb();
  const services = await shortlistServices(db, readShortlist(session));
  if (services.length === 0) throw redirect("/services/shortlist");
  if (!takeSendAllowance(session)) return json({ errors: { to: errorText.tooMany }, values }, { status: 429 });
  const base = publicBaseUrl(request);
  const result = await sendServices(db, form.data, services, (id) => `${base}/services/${id}`, errorText.sendFailed);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect("/services/shortlist/send?sent=1", { headers: { "Set-Cookie": await commitSession(session) } });
}

export default function SendShortlist() {
  const { sent, names, text, fields } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (sent) {
    return (
      <>
        <Panel title={text.sentTitle} />
        <p className="govuk-body">{text.sentText}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/services/shortlist">
            {text.back}
          </a>
        </p>
      </>
    );
  }
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href="/services/shortlist">{text.back}</BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <h1 className="govuk-heading-l">{text.title}</h1>
      <p className="govuk-body">{text.intro}</p>
      <ul className="govuk-list govuk-list--bullet">
        {names.map(({ id, name, nameLang }) => (
          <li key={id} lang={nameLang}>
            {name}
          </li>
        ))}
      </ul>
      <Form method="post" noValidate>
        <ShareFields errors={errors} values={actionData?.values ?? {}} text={fields} />
        <Button>{text.submit}</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.text.metaTitle ?? "Waymark" }];
