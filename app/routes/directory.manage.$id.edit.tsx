import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { NotificationBanner } from "~/components/notification-banner";
import { summariseSchedules } from "~/directory/opening-times";
import { diffListings } from "~/directory/listing-edit";
import { pendingChangeFor, proposeChange, saveListing } from "~/directory/listing-edit-changes.server";
import { ListingFields } from "~/directory/listing-edit-fields";
import { listingFormValues } from "~/directory/listing-edit-form";
import { EDIT_PERMISSIONS, editsNeedApproval, requireListingInReach } from "~/directory/listing-edit-scope.server";
import { loadEditableListing, readListingForm } from "~/directory/listing-edit.server";
import { formatVerifiedDate } from "~/directory/listing-edit-verified";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { formatDateTime } from "~/accounts/format";
import { getDb } from "~/lib/db.server";
import { readFormData } from "~/lib/forms";

async function requireEditable(request: Request, id: string | undefined) {
  const { user } = await requireAnyPermission(request, EDIT_PERMISSIONS);
  const service = await requireListingInReach(getDb(), user, id);
  const editable = await loadEditableListing(getDb(), service.id);
  if (!editable) throw new Response("Not found", { status: 404 });
  return { user, service, editable };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, service, editable } = await requireEditable(request, params.id);
  const pending = await pendingChangeFor(getDb(), service.id);
  const needsApproval = editsNeedApproval(user);
  return json({
    id: service.id,
    name: service.name,
    lastVerified: formatVerifiedDate(service.assured_date),
    needsApproval,
    // A provider carries on from what they proposed; a coordinator edits what is live.
    values: listingFormValues(needsApproval && pending ? pending.proposed : editable.snapshot),
    pending: pending ? { id: pending.id, since: formatDateTime(pending.updatedAt) } : null,
    categories: getCategoryTaxonomy().terms.map((t) => ({ id: t.id, name: t.name })),
    otherSessions: summariseSchedules(editable.otherSchedules, new Date()),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, service, editable } = await requireEditable(request, params.id);
  const db = getDb();
  const outcome = await readListingForm(db, await readFormData(request), editable.snapshot);
  if (!outcome.ok) return json({ errors: outcome.errors, values: outcome.values, unchanged: false }, { status: 400 });
  const notice = outcome.notice ? "&notice=postcode" : "";
  if (editsNeedApproval(user)) {
    const pending = await pendingChangeFor(db, service.id);
    if (!pending && diffListings(editable.snapshot, outcome.snapshot).length === 0) {
      return json({ errors: {}, values: listingFormValues(outcome.snapshot), unchanged: true }, { status: 400 });
    }
    await proposeChange(db, user, service.id, outcome.snapshot, { ip: context?.clientIp });
    return redirect(`/directory/manage/${service.id}/edit?done=proposed${notice}`);
  }
  await saveListing(db, user, service.id, outcome.snapshot, { ip: context?.clientIp });
  return redirect(`/directory/manage/${service.id}/edit?done=saved${notice}`);
}

const POSTCODE_NOTICE = "We could not look up the new postcode just now, so the map position has not changed. It is looked up again when the listing is next saved.";

export default function EditListing() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? data.values;
  const done = actionData ? null : params.get("done");
  return (
    <>
      <BackLink href="/directory/manage">Back to listings</BackLink>
      {done === "saved" ? <NotificationBanner type="success" heading="Changes saved. They are live now." /> : null}
      {done === "proposed" ? <NotificationBanner type="success" heading="Thank you. Your changes have been sent for approval." /> : null}
      {!actionData && params.get("notice") === "postcode" ? <NotificationBanner titleId="postcode-notice-title" heading={POSTCODE_NOTICE} /> : null}
      {actionData?.unchanged ? (
        <NotificationBanner titleId="unchanged-title" heading="You have not changed anything.">
          <p className="govuk-body">
            If the listing is still right, <a className="govuk-notification-banner__link" href={`/directory/manage/${data.id}/verify`}>confirm it is still correct</a> instead.
          </p>
        </NotificationBanner>
      ) : null}
      {data.pending && data.needsApproval ? (
        <NotificationBanner title="Waiting for approval" titleId="pending-title" heading="Your changes are waiting for a coordinator to approve them.">
          <p className="govuk-body">Sent {data.pending.since}. The form shows your changes; the public listing stays as it was until they are approved. Saving again replaces what you sent.</p>
        </NotificationBanner>
      ) : null}
      {data.pending && !data.needsApproval ? (
        <NotificationBanner title="Waiting for approval" titleId="pending-title" heading="A provider has proposed changes to this listing.">
          <p className="govuk-body">
            <a className="govuk-notification-banner__link" href={`/directory/approvals/${data.pending.id}`}>See the proposed changes</a> before editing, so they are not lost.
          </p>
        </NotificationBanner>
      ) : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems(errors)} />
          <span className="govuk-caption-l">Last verified: {data.lastVerified}</span>
          <h1 className="govuk-heading-l">Edit {data.name}</h1>
          <p className="govuk-body">
            {data.needsApproval ? "A coordinator checks your changes before they go live. " : "Your changes go live as soon as you save them. "}
            Saving also marks the listing as checked today.
          </p>
          <Form method="post" noValidate>
            <ListingFields values={values} errors={errors} categories={data.categories} otherSessions={data.otherSessions} />
            <Button preventDoubleClick>{data.needsApproval ? "Send changes for approval" : "Save changes"}</Button>
          </Form>
          <p className="govuk-body">
            <a className="govuk-link" href={`/services/${data.id}`}>See the public page for this service</a>
          </p>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.name ?? "listing"} – Waymark` }];
