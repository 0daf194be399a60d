import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { organisationSchema } from "~/accounts/admin-forms";
import { actorFor } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { ORGANISATION_KINDS } from "~/accounts/organisation-kinds";
import { createOrganisation } from "~/accounts/organisations.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { Textarea } from "~/components/textarea";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "organisations:manage");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "organisations:manage");
  const form = parseForm(organisationSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const id = await createOrganisation(getDb(), actorFor(user), form.data, context?.clientIp);
  return redirect(`/admin/organisations/${id}?done=created`);
}

export default function NewOrganisation() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <>
      <BackLink href="/admin/organisations">Back to organisations</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems({ name: errors.name, kind: errors.kind, description: errors.description, email: errors.email, website: errors.website, phone: errors.phone })} />
          <h1 className="govuk-heading-l">Add an organisation</h1>
          <Form method="post" noValidate>
            <Input name="name" label="Name" defaultValue={echoed(values, "name")} error={errors.name} />
            <Radios
              name="kind"
              legend="Kind of organisation"
              legendSize="s"
              items={Object.entries(ORGANISATION_KINDS).map(([value, text]) => ({ value, text }))}
              defaultValue={echoed(values, "kind")}
              error={errors.kind}
            />
            <Textarea name="description" label="Description (optional)" hint="What the organisation does, in a sentence or two." defaultValue={echoed(values, "description")} error={errors.description} />
            <Input name="email" label="Email address (optional)" type="email" autoComplete="off" spellCheck={false} defaultValue={echoed(values, "email")} error={errors.email} />
            <Input name="website" label="Website (optional)" type="url" spellCheck={false} hint="For example, https://example.org" defaultValue={echoed(values, "website")} error={errors.website} />
            <Input name="phone" label="Phone number (optional)" type="tel" width="20" defaultValue={echoed(values, "phone")} error={errors.phone} />
            <Button preventDoubleClick>Add organisation</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Add an organisation – Admin – Waymark" }];
