import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Select } from "~/components/select";
import { addListing, proposeNewListing } from "~/directory/listing-edit-changes.server";
import { ListingFields } from "~/directory/listing-edit-fields";
import { listingFormValues } from "~/directory/listing-edit-form";
import { areasForNewListing, EDIT_PERMISSIONS, editsNeedApproval, organisationsForNewListing, type ListingEditor } from "~/directory/listing-edit-scope.server";
import { readListingForm } from "~/directory/listing-edit.server";
import { getCategoryTaxonomy } from "~/directory/taxonomy.server";
import { getDb } from "~/lib/db.server";
import { type FieldErrors, readFormData } from "~/lib/forms";

const NATIONAL = "national";

async function choices(user: ListingEditor) {
  const db = getDb();
  const [organisations, places] = await Promise.all([organisationsForNewListing(db, user), areasForNewListing(db, user)]);
  // A provider may suggest a national listing too; only an admin can approve one.
  const nationalAllowed = places.nationalAllowed || editsNeedApproval(user);
  return { organisations, areas: places.areas, nationalAllowed };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, EDIT_PERMISSIONS);
  return json({
    ...(await choices(user)),
    needsApproval: editsNeedApproval(user),
    categories: getCategoryTaxonomy().terms.map((t) => ({ id: t.id, name: t.name })),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, EDIT_PERMISSIONS);
  const db = getDb();
  const formData = await readFormData(request);
  const { organisations, areas, nationalAllowed } = await choices(user);
  const organisationId = String(formData.get("organisation") ?? "");
  const area = String(formData.get("area") ?? "");
  const placementErrors: FieldErrors = {};
  if (!organisations.some((o) => o.id === organisationId)) placementErrors.organisation = "Choose the organisation that runs the service";
  if (!(areas.some((a) => a.id === area) || (nationalAllowed && area === NATIONAL))) placementErrors.area = "Choose the area the service is in";

  const outcome = await readListingForm(db, formData, null);
  if (!outcome.ok || Object.keys(placementErrors).length > 0) {
    return json(
      {
        errors: { ...placementErrors, ...(outcome.ok ? {} : outcome.errors) },
        values: outcome.ok ? listingFormValues(outcome.snapshot) : outcome.values,
        placement: { organisation: organisationId, area },
      },
      { status: 400 },
    );
  }
  const placement = { organisationId, areaId: area === NATIONAL ? null : area };
  if (editsNeedApproval(user)) {
    await proposeNewListing(db, user, placement, outcome.snapshot, { ip: context?.clientIp });
    return redirect("/directory/manage?done=proposed-new");
  }
  await addListing(db, user, placement, outcome.snapshot, { ip: context?.clientIp });
  return redirect("/directory/manage?done=created");
}

export default function NewListing() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? { accepts_self_referral: "yes", free: "yes" };
  const placement = actionData?.placement ?? { organisation: data.organisations.length === 1 ? data.organisations[0].id : "", area: data.areas.length === 1 ? data.areas[0].id : "" };
  return (
    <>
      <BackLink href="/directory/manage">Back to listings</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems(errors)} />
          <h1 className="govuk-heading-l">{data.needsApproval ? "Propose a new listing" : "Add a listing"}</h1>
          <p className="govuk-body">
            {data.needsApproval ? "A coordinator checks new listings before they appear in the directory." : "The listing appears in the directory as soon as you add it."}
          </p>
          <Form method="post" noValidate>
            <Select
              name="organisation"
              label="Organisation that runs it"
              items={[...(data.organisations.length === 1 ? [] : [{ value: "", text: "Choose an organisation" }]), ...data.organisations.map((o) => ({ value: o.id, text: o.name }))]}
              defaultValue={placement.organisation}
              error={errors.organisation}
            />
            <Select
              name="area"
              label="Area"
              hint="The coordinators of this area look after the listing."
              items={[
                { value: "", text: "Choose an area" },
                ...data.areas.map((a) => ({ value: a.id, text: a.name })),
                ...(data.nationalAllowed ? [{ value: NATIONAL, text: "National or online (no one area)" }] : []),
              ]}
              defaultValue={placement.area}
              error={errors.area}
            />
            <ListingFields values={values} errors={errors} categories={data.categories} />
            <Button preventDoubleClick>{data.needsApproval ? "Send for approval" : "Add listing"}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.needsApproval ? "Propose a new listing" : "Add a listing"} – Waymark` }];
