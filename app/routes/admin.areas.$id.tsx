import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { areaSchema } from "~/accounts/admin-forms";
import { getArea, updateArea } from "~/accounts/areas.server";
import { actorFor } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Textarea } from "~/components/textarea";
import { getDb } from "~/lib/db.server";
import { echoed, type FieldErrors, parseForm, readFormData } from "~/lib/forms";

async function requireArea(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "organisations:manage");
  const area = await getArea(getDb(), id ?? "");
  if (!area) throw new Response("Not found", { status: 404 });
  return { user, area };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { area } = await requireArea(request, params.id);
  return json({ area });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, area } = await requireArea(request, params.id);
  const form = parseForm(areaSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await updateArea(getDb(), actorFor(user), area.id, form.data, context?.clientIp);
  if (!result.ok) return json({ errors: result.errors as FieldErrors, values: { name: form.data.name, districts: form.data.districts.join(", ") } }, { status: 400 });
  return redirect(`/admin/areas/${area.id}?done=updated`);
}

export default function EditArea() {
  const { area } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? { name: area.name, districts: area.districts.join(", ") };
  return (
    <>
      <BackLink href="/admin/areas">Back to areas</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {!actionData && params.get("done") === "updated" ? <NotificationBanner type="success" heading="Changes saved." /> : null}
          <ErrorSummary errors={errorSummaryItems({ name: errors.name, districts: errors.districts })} />
          <span className="govuk-caption-l">Area</span>
          <h1 className="govuk-heading-l">{area.name}</h1>
          <Form method="post" noValidate>
            <Input name="name" label="Name" defaultValue={echoed(values, "name")} error={errors.name} />
            <Textarea
              name="districts"
              label="Postcode districts"
              hint="The first part of the postcode, separated by commas. For example, ME14, ME15, ME16"
              rows={3}
              spellCheck={false}
              defaultValue={echoed(values, "districts")}
              error={errors.districts}
            />
            <Button preventDoubleClick>Save changes</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.area.name ?? "Area"} – Admin – Waymark` }];
