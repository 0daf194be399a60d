import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { listAreas } from "~/accounts/areas.server";
import { requireAnyPermission } from "~/accounts/auth.server";
import { inviteUser } from "~/accounts/invitations.server";
import { organisationOptions } from "~/accounts/organisations.server";
import { assignableRoles, ROLE_LABELS, ROLES } from "~/accounts/policy";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { managesEveryone } from "~/accounts/user-scope";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { Select } from "~/components/select";
import { getDb } from "~/lib/db.server";
import { echoed, type FieldErrors, parseForm, readFormData } from "~/lib/forms";

const MANAGE = ["users:manage:area", "users:manage:all"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, MANAGE);
  const db = getDb();
  const [organisations, areas] = await Promise.all([organisationOptions(db), listAreas(db, managesEveryone(user) ? undefined : user.areaIds)]);
  return json({
    roles: assignableRoles(user.role).map((role) => ({ value: role, text: ROLE_LABELS[role] })),
    organisations,
    areas: areas.map(({ id, name, districts }) => ({ id, name, districts })),
    canAddOrganisation: managesEveryone(user),
  });
}

const inviteSchema = z.object({
  name: z.string().trim().min(1, "Enter the person’s full name").max(200, "Name must be 200 characters or fewer"),
  email: z
    .string()
    .trim()
    .min(1, "Enter their email address")
    .max(254, "Email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@example.org"),
  role: z.enum(ROLES, { errorMap: () => ({ message: "Select a role" }) }),
  organisationId: z.string().min(1, "Select an organisation"),
  areaIds: z.array(z.string()),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, MANAGE);
  const form = parseForm(inviteSchema, await readFormData(request), { arrays: ["areaIds"] });
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await inviteUser(getDb(), user, form.data, { baseUrl: publicBaseUrl(request), ip: context?.clientIp });
  if (!result.ok) return json({ errors: result.errors as FieldErrors, values: form.data as Record<string, string | string[]> }, { status: 400 });
  return redirect(`/admin/users/${result.userId}?invited=1`);
}

export default function InviteUser() {
  const { roles, organisations, areas, canAddOrganisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const chosenAreas = values?.areaIds;
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems({ name: errors.name, email: errors.email, role: errors.role, organisationId: errors.organisationId, areaIds: errors.areaIds })} />
          <h1 className="govuk-heading-l">Invite someone to Waymark</h1>
          <p className="govuk-body">We will email them a link to set their password. The link works once and expires after 7 days.</p>
          <Form method="post" noValidate>
            <Input name="name" label="Full name" autoComplete="off" spellCheck={false} defaultValue={echoed(values, "name")} error={errors.name} />
            <Input name="email" label="Email address" type="email" autoComplete="off" spellCheck={false} defaultValue={echoed(values, "email")} error={errors.email} />
            <Radios name="role" legend="Role" legendSize="m" items={roles} defaultValue={echoed(values, "role")} error={errors.role} />
            <Select
              name="organisationId"
              label="Organisation"
              labelSize="m"
              hint={canAddOrganisation ? <>Not listed? <a className="govuk-link" href="/admin/organisations/new">Add an organisation</a> first.</> : "The partner organisation they work or volunteer for."}
              items={[{ value: "", text: "Choose an organisation" }, ...organisations.map((o) => ({ value: o.id, text: o.name }))]}
              defaultValue={echoed(values, "organisationId")}
              error={errors.organisationId}
            />
            <Checkboxes
              name="areaIds"
              legend="Areas"
              legendSize="m"
              hint="They will see and work on people and services in these areas. Administrators do not need an area."
              items={areas.map((area) => ({ value: area.id, text: area.name, hint: area.districts.join(", ") || undefined }))}
              defaultValues={Array.isArray(chosenAreas) ? chosenAreas : []}
              error={errors.areaIds}
            />
            <Button preventDoubleClick>Send invitation</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Invite someone – Waymark" }];
