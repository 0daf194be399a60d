import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/accounts/auth.server";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Panel } from "~/components/panel";
import { Radios } from "~/components/radios";
import { Textarea } from "~/components/textarea";
import { LISTING_REPORT_KINDS } from "~db/schema/directory-reports";
import { BackTo } from "~/directory/back-to";
import { listingName } from "~/directory/listing-language";
import { createListingReport } from "~/directory/listing-reports.server";
import { reportSchemaIn, type ReportErrorText } from "~/directory/report-form";
import { getServiceDetail } from "~/directory/service-detail.server";
import { publicBaseUrl } from "~/directory/shortlist.server";
import { fill, omit } from "~/i18n/catalogue";
import { pageText } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";

async function listing(id: string | undefined) {
  const service = await getServiceDetail(getDb(), id ?? "");
  if (!service) throw new Response("Not found", { status: 404 });
  return service;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = await listing(params.id);
  const { code, copy } = await pageText(request, "directory");
  return json({ id: service.id, ...listingName(service, code), sent: new URL(request.url).searchParams.get("sent") === "1", text: omit(copy("report"), "errors") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const service = await listing(params.id);
  const { chosen, code, copy } = await pageText(request, "directory");
  const form = parseForm(reportSchemaIn(copy("report.errors") as ReportErrorText, code === "en" ? "en-GB" : chosen.htmlLang), await readFormData(request));
  if (!form.success) {
    const values = { kind: echoed(form.values, "kind"), details: echoed(form.values, "details"), email: echoed(form.values, "email") };
    return json({ errors: form.errors, values }, { status: 400 });
  }
  const db = getDb();
  const report = await createListingReport(
    db,
    { serviceId: service.id, kind: form.data.kind, details: form.data.details, email: form.data.email || null },
    { name: service.name, areaId: service.areaId, url: `${publicBaseUrl(request)}/services/${service.id}` },
  );
  if (form.data.email) {
    await recordAudit(db, {
      actor: actorFor(await getCurrentUser(request)),
      action: "listing-report.create",
      recordType: "listing_report",
      recordId: report.id,
      areaId: service.areaId,
      detail: { serviceId: service.id, kind: form.data.kind, emailGiven: true },
      ip: context?.clientIp ?? null,
    });
  }
  return redirect(`/services/${service.id}/report?sent=1`);
}

export default function ReportProblem() {
  const { id, name, nameLang, sent, text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (sent) {
    return (
      <>
        <Panel title={text.sentTitle} />
        <p className="govuk-body">{text.sentText}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/services/${id}`}>
            <BackTo text={text.back} name={name} lang={nameLang} />
          </a>
        </p>
      </>
    );
  }
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <BackLink href={`/services/${id}`}>
        <BackTo text={text.back} name={name} lang={nameLang} />
      </BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <span className="govuk-caption-l" lang={nameLang}>
        {name}
      </span>
      <h1 className="govuk-heading-l">{text.title}</h1>
      <p className="govuk-body">{text.intro}</p>
      <Form method="post" noValidate>
        <Radios
          name="kind"
          legend={text.kindLegend}
          legendSize="m"
          error={errors.kind}
          defaultValue={values.kind}
          items={LISTING_REPORT_KINDS.map((kind) => ({ value: kind, text: text[`kinds.${kind}`] }))}
        />
        <Textarea
          name="details"
          label={text["details.label"]}
          hint={text["details.hint"]}
          rows={5}
          defaultValue={values.details}
          error={errors.details}
        />
        <Input
          name="email"
          type="email"
          label={text["email.label"]}
          hint={text["email.hint"]}
          autoComplete="email"
          spellCheck={false}
          defaultValue={values.email}
          error={errors.email}
        />
        <Button>{text.submit}</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: !data ? "Waymark" : data.sent ? data.text.sentMetaTitle : fill(data.text.metaTitle, { name: data.name }) },
];
