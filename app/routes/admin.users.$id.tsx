import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { listAreas } from "~/accounts/areas.server";
import { requireAnyPermission, type CurrentUser } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { resendInvitation } from "~/accounts/invitations.server";
import { assignableRoles, ROLE_LABELS, ROLES } from "~/accounts/policy";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { changeManagedUser, findManagedUser, setManagedUserActive } from "~/accounts/user-admin.server";
import { managesEveryone } from "~/accounts/user-scope";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { SummaryList } from "~/components/summary-list";
import { getDb } from "~/lib/db.server";
import { echoed, type FieldErrors, parseForm, readFormData } from "~/lib/forms";

async function requireManagedUser(request: Request, id: string | undefined) {
  const { user: manager } = await requireAnyPermission(request, ["users:manage:area", "users:manage:all"]);
  const found = await findManagedUser(getDb(), manager, id ?? "");
  if (found.status === "not-found") throw new Response("Not found", { status: 404 });
  if (found.status === "forbidden") throw new Response("Coordinators cannot change administrators' accounts.", { status: 403 });
  return { manager, user: found.user };
}

async function areasInReach(manager: CurrentUser) {
  return listAreas(getDb(), managesEveryone(manager) ? undefined : manager.areaIds);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { manager, user } = await requireManagedUser(request, params.id);
  const reach = await areasInReach(manager);
  const reachIds = reach.map((a) => a.id);
  return json({
    user: { ...user, lastSignIn: formatDateTime(user.lastSignInAt) },
    isSelf: user.id === manager.id,
    roles: assignableRoles(manager.role).map((role) => ({ value: role, text: ROLE_LABELS[role] })),
    areas: reach.map(({ id, name }) => ({ id, name })),
    otherAreas: user.areas.filter((a) => !reachIds.includes(a.id)).map((a) => a.name),
  });
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("update"),
    role: z.enum(ROLES, { errorMap: () => ({ message: "Select a role" }) }),
    areaIds: z.array(z.string()),
  }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("resend-invitation") }),
]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { manager, user } = await requireManagedUser(request, params.id);
  const db = getDb();
  const options = { ip: context?.clientIp };
  const form = parseForm(actionSchema, await readFormData(request), { arrays: ["areaIds"] });
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const done = (what: string) => redirect(`/admin/users/${user.id}?done=${what}`);
  switch (form.data.intent) {
    case "update": {
      const result = await changeManagedUser(db, manager, user, form.data, options);
      if (!result.ok) return json({ errors: result.errors as FieldErrors, values: { role: form.data.role, areaIds: form.data.areaIds } as Record<string, string | string[]> }, { status: 400 });
      return done("updated");
    }
    case "deactivate":
    case "reactivate": {
      const result = await setManagedUserActive(db, manager, user, form.data.intent === "reactivate", options);
      if (!result.ok) return json({ errors: { status: result.error } as FieldErrors, values: {} as Record<string, string | string[]> }, { status: 400 });
      return done(`${form.data.intent}d`);
    }
    case "resend-invitation": {
      if (!user.active || !user.invitationPending) {
        return json({ errors: { status: "Only active accounts without a password can be sent a new invitation" } as FieldErrors, values: {} as Record<string, string | string[]> }, { status: 400 });
      }
      await resendInvitation(db, manager, user, { ...options, baseUrl: publicBaseUrl(request) });
      return done("invited");
    }
  }
}

const DONE_MESSAGES: Record<string, string> = {
  invited: "Invitation sent.",
  updated: "Changes saved.",
  deactivated: "Account deactivated. They have been signed out.",
  reactivated: "Account re-activated.",
};

export default function ManageUser() {
  const { user, isSelf, roles, areas, otherAreas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  const doneMessage = actionData ? undefined : DONE_MESSAGES[params.get("done") ?? ""];
  const chosenAreas = Array.isArray(values?.areaIds) ? values.areaIds : user.areas.map((a) => a.id);
  return (
    <>
      <BackLink href="/admin/users">Back to users</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {doneMessage ? <NotificationBanner type="success" heading={doneMessage} /> : null}
          <ErrorSummary errors={errorSummaryItems({ role: errors.role, areaIds: errors.areaIds, status: errors.status, intent: errors.intent })} />
          <span className="govuk-caption-l">{user.organisationName}</span>
          <h1 className="govuk-heading-l">{user.name}</h1>
          <SummaryList
            rows={[
              { key: "Email address", value: user.email },
              { key: "Organisation", value: user.organisationName },
              { key: "Role", value: ROLE_LABELS[user.role] },
              { key: "Areas", value: user.areas.map((a) => a.name).join(", ") || "None" },
              { key: "Status", value: !user.active ? "Deactivated" : user.invitationPending ? "Invited, has not set a password yet" : "Active" },
              { key: "Last signed in", value: user.lastSignIn },
            ]}
          />

          <h2 className="govuk-heading-m">Change role and areas</h2>
          <Form method="post" noValidate>
            <Radios
              name="role"
              legend="Role"
              legendSize="s"
              hint={isSelf ? "You cannot change your own role." : undefined}
              items={roles}
              defaultValue={echoed(values, "role") ?? user.role}
              error={errors.role}
            />
            <Checkboxes
              name="areaIds"
              legend="Areas"
              legendSize="s"
              hint={otherAreas.length > 0 ? `Also works in ${otherAreas.join(", ")}, which you do not coordinate; that stays as it is.` : undefined}
              items={areas.map((area) => ({ value: area.id, text: area.name }))}
              defaultValues={chosenAreas}
              error={errors.areaIds}
            />
            <Button name="intent" value="update" preventDoubleClick>
              Save changes
            </Button>
          </Form>

          <h2 className="govuk-heading-m" id="status">
            Account
          </h2>
          {errors.status ? (
            <p className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.status}
            </p>
          ) : null}
          <AccountActions active={user.active} invitationPending={user.invitationPending} isSelf={isSelf} />
        </div>
      </div>
    </>
  );
}

function AccountActions({ active, invitationPending, isSelf }: { active: boolean; invitationPending: boolean; isSelf: boolean }) {
  if (isSelf) return <p className="govuk-body">You cannot deactivate your own account. Ask another coordinator or an administrator.</p>;
  return (
    <Form method="post">
      {active ? (
        <p className="govuk-body">Deactivating signs them out at once and stops them signing in. You can re-activate the account later.</p>
      ) : (
        <p className="govuk-body">This account cannot sign in. Re-activating lets them sign in again with their password.</p>
      )}
      <div className="govuk-button-group">
        {active && invitationPending ? (
          <Button name="intent" value="resend-invitation" variant="secondary">
            Send a new invitation
          </Button>
        ) : null}
        {active ? (
          <Button name="intent" value="deactivate" variant="warning">
            Deactivate account
          </Button>
        ) : (
          <Button name="intent" value="reactivate" variant="secondary">
            Re-activate account
          </Button>
        )}
      </div>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? "User"} – Users – Admin – Waymark` }];
