import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { areaSchema } from "~/accounts/admin-forms";
import { createArea, listAreas } from "~/accounts/areas.server";
import { actorFor } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { Textarea } from "~/components/textarea";
import { getDb } from "~/lib/db.server";
import { echoed, type FieldErrors, parseForm, readFormData } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "organisations:manage");
  return json({ areas: await listAreas(getDb()) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "organisations:manage");
  const form = parseForm(areaSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await createArea(getDb(), actorFor(user), form.data, context?.clientIp);
  if (!result.ok) return json({ errors: result.errors as FieldErrors, values: { name: form.data.name, districts: form.data.districts.join(", ") } }, { status: 400 });
  return redirect("/admin/areas?done=created");
}

export default function Areas() {
  const { areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href="/admin">Back to admin</BackLink>
      {!actionData && params.get("done") === "created" ? <NotificationBanner type="success" heading="Area added." /> : null}
      <ErrorSummary errors={errorSummaryItems({ name: errors.name, districts: errors.districts })} />
      <h1 className="govuk-heading-l">Areas</h1>
      <p className="govuk-body">The places the partnership covers. Each is a name and the postcode districts in it; coordinators look after people and services in their areas.</p>
      {areas.length > 0 ? (
        <Table
          caption={`${areas.length} area${areas.length === 1 ? "" : "s"}`}
          captionSize="m"
          firstCellIsHeader
          head={[{ text: "Area" }, { text: "Postcode districts" }]}
          rows={areas.map((area) => [
            <a key="name" className="govuk-link" href={`/admin/areas/${area.id}`}>
              {area.name}
            </a>,
            area.districts.join(", ") || "None",
          ])}
        />
      ) : (
        <p className="govuk-body">There are no areas yet.</p>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Add an area</h2>
          <Form method="post" noValidate>
            <Input name="name" label="Name" hint="For example, a borough: Maidstone" defaultValue={echoed(actionData?.values, "name")} error={errors.name} />
            <Textarea
              name="districts"
              label="Postcode districts"
              hint="The first part of the postcode, separated by commas. For example, ME14, ME15, ME16"
              rows={3}
              spellCheck={false}
              defaultValue={echoed(actionData?.values, "districts")}
              error={errors.districts}
            />
            <Button preventDoubleClick>Add area</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Areas – Admin – Waymark" }];
