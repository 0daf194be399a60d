import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
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
import { REPORT_KIND_TEXT, createListingReport } from "~/directory/listing-reports.server";
import { getServiceDetail } from "~/directory/service-detail.server";
import { publicBaseUrl } from "~/directory/shortlist.server";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";

const REPORT_DETAILS_MAX = 1000;

async function listing(id: string | undefined) {
  const service = await getServiceDetail(getDb(), id ?? "");
  if (!service) throw new Response("Not found", { status: 404 });
  return service;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const service = await listing(params.id);
  return json({ id: service.id, name: service.name, sent: new URL(request.url).searchParams.get("sent") === "1" });
}

const reportSchema = z
  .object({
    kind: z.enum(LISTING_REPORT_KINDS, { message: "Choose what is wrong with the listing" }),
    details: z.string().trim().max(REPORT_DETAILS_MAX, `Tell us in ${REPORT_DETAILS_MAX.toLocaleString("en-GB")} characters or fewer`).default(""),
    email: z
      .string()
      .trim()
      .max(320, "Email address must be 320 characters or fewer")
      .refine((v) => v === "" || z.string().email().safeParse(v).success, "Enter an email address in the correct format, like name@example.com")
      .default(""),
  })
  .superRefine((form, ctx) => {
    if (form.kind === "something-else" && !form.details) {
      ctx.addIssue({ code: "custom", path: ["details"], message: "Tell us what is wrong" });
    }
  });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const service = await listing(params.id);
  const form = parseForm(reportSchema, await readFormData(request));
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
  const { id, name, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (sent) {
    return (
      <>
        <Panel title="Thank you for telling us" />
        <p className="govuk-body">We have passed your report to the people who look after this listing. They will check it and put it right.</p>
        <p className="govuk-body">
          <a className="govuk-link" href={`/services/${id}`}>
            Back to {name}
          </a>
        </p>
      </>
    );
  }
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  return (
    <>
      <BackLink href={`/services/${id}`}>Back to {name}</BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <span className="govuk-caption-l">{name}</span>
      <h1 className="govuk-heading-l">Report a problem with this listing</h1>
      <p className="govuk-body">Tell us if something here is wrong. This is not for asking the service for help: contact them directly.</p>
      <Form method="post" noValidate>
        <Radios
          name="kind"
          legend="What is wrong?"
          legendSize="m"
          error={errors.kind}
          defaultValue={values.kind}
          items={LISTING_REPORT_KINDS.map((kind) => ({ value: kind, text: REPORT_KIND_TEXT[kind] }))}
        />
        <Textarea
          name="details"
          label="Tell us more"
          hint="For example, the new opening times or phone number. Do not include personal details about you or anyone else."
          rows={5}
          defaultValue={values.details}
          error={errors.details}
        />
        <Input
          name="email"
          type="email"
          label="Your email address (optional)"
          hint="Only if you would like a reply. We use it for nothing else."
          autoComplete="email"
          spellCheck={false}
          defaultValue={values.email}
          error={errors.email}
        />
        <Button>Send report</Button>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.sent ? "Report sent – Waymark" : `Report a problem${data ? `: ${data.name}` : ""} – Waymark` },
];
