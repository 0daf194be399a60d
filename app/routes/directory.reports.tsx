import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { formatDateTime } from "~/accounts/format";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { ErrorSummary } from "~/components/error-summary";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { listOpenReports, resolveReport } from "~/directory/listing-edit-reports.server";
import { REPORT_KIND_TEXT } from "~/directory/listing-reports.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory:approve");
  const reports = await listOpenReports(getDb(), user, { ip: context?.clientIp });
  return json({
    reports: reports.map((r) => ({ ...r, kind: REPORT_KIND_TEXT[r.kind], createdAt: formatDateTime(r.createdAt) })),
  });
}

const resolveSchema = z.object({ report: z.string().trim().min(1, "Choose a report").max(100, "Choose a report") });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "directory:approve");
  const form = parseForm(resolveSchema, await readFormData(request));
  const resolved = form.success && (await resolveReport(getDb(), user, form.data.report, { ip: context?.clientIp }));
  if (!resolved) return json({ error: "That report has already been resolved, or is not one of yours." }, { status: 400 });
  return redirect("/directory/reports?done=resolved");
}

export default function ListingReports() {
  const { reports } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <BackLink href="/directory/manage">Back to listings</BackLink>
      {!actionData && params.get("done") === "resolved" ? <NotificationBanner type="success" heading="Report marked as resolved." /> : null}
      <ErrorSummary errors={actionData?.error ? [{ href: "#reports", text: actionData.error }] : []} />
      <h1 className="govuk-heading-l">Problems reported</h1>
      <p className="govuk-body">
        What members of the public have told us is wrong with listings in your areas. Check the listing, edit it or confirm it is still correct, then mark the report resolved. If they left an email address, reply first: it is deleted when you mark the report resolved.
      </p>
      <div id="reports" tabIndex={-1}>
        {reports.length === 0 ? <p className="govuk-body">There are no open reports.</p> : null}
        {reports.map((r) => (
          <div className="govuk-summary-card" key={r.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">{r.serviceName}</h2>
              <ul className="govuk-summary-card__actions">
                <li className="govuk-summary-card__action">
                  <a className="govuk-link" href={`/directory/manage/${r.serviceId}/edit`}>
                    Edit listing<span className="govuk-visually-hidden"> {r.serviceName}</span>
                  </a>
                </li>
              </ul>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: "Problem", value: r.kind },
                  { key: "Details", value: r.details || "None given" },
                  { key: "Reply to", value: r.reporterEmail ?? "No email address given" },
                  { key: "Reported", value: r.createdAt },
                  ...(r.areaName ? [{ key: "Area", value: r.areaName }] : []),
                ]}
              />
              <Form method="post" noValidate>
                <input type="hidden" name="report" value={r.id} />
                <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                  Mark as resolved<span className="govuk-visually-hidden">: {r.serviceName}</span>
                </button>
              </Form>
            </div>
          </div>
        ))}
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Problems reported – Waymark" }];
