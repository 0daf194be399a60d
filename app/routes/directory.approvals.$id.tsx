import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { formatDateTime } from "~/accounts/format";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { SummaryList } from "~/components/summary-list";
import { Textarea } from "~/components/textarea";
import { WarningText } from "~/components/warning-text";
import { approveChange, getChangeInReach, rejectChange } from "~/directory/listing-edit-changes.server";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { ScrollRegion } from "~/components/scroll-region";

async function requireChange(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "directory:approve");
  const detail = id ? await getChangeInReach(getDb(), user, id) : undefined;
  if (!detail) throw new Response("Not found", { status: 404 });
  return { user, detail };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { detail } = await requireChange(request, params.id);
  const { change } = detail;
  return json({
    id: change.id,
    serviceId: change.service_id,
    isNew: change.previous === null,
    status: change.status,
    name: detail.proposed.name,
    organisationName: detail.organisationName,
    proposer: detail.proposer?.name ?? "A former user",
    proposedAt: formatDateTime(change.updated_at),
    decidedAt: change.decided_at ? formatDateTime(change.decided_at) : null,
    decisionNote: change.decision_note,
    diff: detail.diff,
    changedSince: detail.changedSince.map((d) => d.label),
  });
}

const decisionSchema = z
  .object({
    intent: z.enum(["approve", "reject"], { errorMap: () => ({ message: "Choose to approve or reject the change" }) }),
    note: z.string().trim().max(1000, "The note must be 1,000 characters or fewer"),
  })
  .refine((d) => d.intent === "approve" || d.note.length > 0, { path: ["note"], message: "Say why you are not approving it, so the provider can put it right" });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, detail } = await requireChange(request, params.id);
  const form = parseForm(decisionSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: { note: echoed(form.values, "note") ?? "" } }, { status: 400 });
  if (detail.change.status !== "pending") {
    return json({ errors: { note: "This change has already been decided." }, values: { note: form.data.note } }, { status: 409 });
  }
  const ctx = { ip: context?.clientIp };
  if (form.data.intent === "approve") {
    await approveChange(getDb(), user, detail, form.data.note || null, ctx);
    return redirect("/directory/approvals?done=approved");
  }
  await rejectChange(getDb(), user, detail, form.data.note, ctx);
  return redirect("/directory/approvals?done=rejected");
}

export default function ReviewChange() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href="/directory/approvals">Back to changes to approve</BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <span className="govuk-caption-l">{data.isNew ? "Proposed new listing" : "Proposed change"}</span>
      <h1 className="govuk-heading-l">{data.name}</h1>
      <SummaryList
        rows={[
          { key: "Organisation", value: data.organisationName },
          { key: "Sent by", value: data.proposer },
          { key: "Sent", value: data.proposedAt },
          ...(data.status !== "pending" ? [{ key: data.status === "approved" ? "Approved" : "Rejected", value: `${data.decidedAt ?? ""}${data.decisionNote ? `: ${data.decisionNote}` : ""}` }] : []),
        ]}
      />
      {data.changedSince.length > 0 ? (
        <WarningText>
          Someone has changed this listing since this was sent ({data.changedSince.join(", ")}). Approving replaces those changes with the ones below.
        </WarningText>
      ) : null}
      {data.diff.length === 0 ? (
        <p className="govuk-body">This change does not alter anything on the listing.</p>
      ) : (
        <ScrollRegion label={data.isNew ? "What the new listing says" : "What changes"}>
          <table className="govuk-table app-diff">
            <caption className="govuk-table__caption govuk-table__caption--m">What {data.isNew ? "the new listing says" : "changes"}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Field</th>
                {data.isNew ? null : <th scope="col" className="govuk-table__header">Before</th>}
                <th scope="col" className="govuk-table__header">{data.isNew ? "Value" : "After"}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.diff.map((row) => (
                <tr className="govuk-table__row" key={row.field}>
                  <th scope="row" className="govuk-table__header">{row.label}</th>
                  {data.isNew ? null : <td className="govuk-table__cell app-diff__before">{row.before || "(blank)"}</td>}
                  <td className="govuk-table__cell">{row.after || "(blank)"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {data.status === "pending" ? (
        <Form method="post" noValidate>
          <Textarea
            name="note"
            label="Note to the provider"
            hint="Needed if you reject the change: say what to put right. Optional if you approve it."
            rows={3}
            defaultValue={actionData?.values.note}
            error={errors.note}
          />
          <div className="govuk-button-group">
            <Button name="intent" value="approve" preventDoubleClick>
              Approve and publish
            </Button>
            <Button name="intent" value="reject" variant="warning" preventDoubleClick>
              Reject
            </Button>
          </div>
        </Form>
      ) : null}
      {data.serviceId ? (
        <p className="govuk-body">
          <a className="govuk-link" href={`/services/${data.serviceId}`}>See the public page for this service</a>
        </p>
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Change to ${data?.name ?? "a listing"} – Waymark` }];
