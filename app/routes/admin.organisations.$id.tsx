import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { organisationSchema } from "~/accounts/admin-forms";
import { actorFor } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { ORGANISATION_KINDS } from "~/accounts/organisation-kinds";
import { getOrganisation, updateOrganisation } from "~/accounts/organisations.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { Textarea } from "~/components/textarea";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";

async function requireOrganisation(request: Request, id: string | undefined) {
  const user = await requirePermission(request, "organisations:manage");
  const organisation = await getOrganisation(getDb(), id ?? "");
  if (!organisation) throw new Response("Not found", { status: 404 });
  return { user, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, params.id);
  const { id, name, kind, description, email, website, phone } = organisation;
  return json({ organisation: { id, name, kind, description, email: email ?? "", website: website ?? "", phone: phone ?? "" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, organisation } = await requireOrganisation(request, params.id);
  const form = parseForm(organisationSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  await updateOrganisation(getDb(), actorFor(user), organisation.id, form.data, context?.clientIp);
  return redirect(`/admin/organisations/${organisation.id}?done=updated`);
}

const DONE: Record<string, string> = { created: "Organisation added.", updated: "Changes saved." };

export default function EditOrganisation() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? organisation;
  const done = actionData ? undefined : DONE[params.get("done") ?? ""];
  return (
    <>
      <BackLink href="/admin/organisations">Back to organisations</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {done ? <NotificationBanner type="success" heading={done} /> : null}
          <ErrorSummary errors={errorSummaryItems({ name: errors.name, kind: errors.kind, description: errors.description, email: errors.email, website: errors.website, phone: errors.phone })} />
          <span className="govuk-caption-l">Organisation</span>
          <h1 className="govuk-heading-l">{organisation.name}</h1>
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
            <Button preventDoubleClick>Save changes</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.organisation.name ?? "Organisation"} – Admin – Waymark` }];
