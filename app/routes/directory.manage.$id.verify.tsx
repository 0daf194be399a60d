import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { verifiedBy, verifyListing } from "~/directory/listing-edit-list.server";
import { EDIT_PERMISSIONS, requireListingInReach } from "~/directory/listing-edit-scope.server";
import { formatVerifiedDate } from "~/directory/listing-edit-verified";
import { getDb } from "~/lib/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, EDIT_PERMISSIONS);
  const service = await requireListingInReach(getDb(), user, params.id);
  return json({ id: service.id, name: service.name, lastVerified: formatVerifiedDate(service.assured_date) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, EDIT_PERMISSIONS);
  const service = await requireListingInReach(getDb(), user, params.id);
  await verifyListing(getDb(), service.id, verifiedBy(user), { ip: context?.clientIp });
  return redirect("/directory/manage?done=verified");
}

export default function VerifyListing() {
  const { id, name, lastVerified } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href="/directory/manage">Back to listings</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">{name}</span>
          <h1 className="govuk-heading-l">Is this listing still correct?</h1>
          <p className="govuk-body">Last verified: {lastVerified}.</p>
          <p className="govuk-body">
            Check the <a className="govuk-link" href={`/services/${id}`}>public page for this service</a>. If everything on it is still right, confirm below and it will show as checked today.
          </p>
          <Form method="post" noValidate>
            <Button preventDoubleClick>Yes, this is still correct</Button>
          </Form>
          <p className="govuk-body">
            <a className="govuk-link" href={`/directory/manage/${id}/edit`}>Something has changed: edit the listing</a>
          </p>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Is ${data?.name ?? "this listing"} still correct? – Waymark` }];
