import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnyPermission } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { ROLE_LABELS, ROLES } from "~/accounts/policy";
import { listManagedUsers } from "~/accounts/user-admin.server";
import { managesEveryone } from "~/accounts/user-scope";
import { Button } from "~/components/button";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { getDb } from "~/lib/db.server";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

// Filters come from links people share or edit, so a bad value is ignored rather than an error.
const filtersSchema = z.object({
  role: z.preprocess(blankToUndefined, z.enum(ROLES).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(["active", "inactive"]).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, ["users:manage:area", "users:manage:all"]);
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listManagedUsers(getDb(), user, {
    role: filters.role,
    active: filters.status === undefined ? undefined : filters.status === "active",
    page: filters.page,
  });
  return json({
    filters: { role: filters.role ?? "", status: filters.status ?? "" },
    everyone: managesEveryone(user),
    ...result,
    users: result.users.map((u) => ({ ...u, lastSignIn: formatDateTime(u.lastSignInAt) })),
  });
}

export default function Users() {
  const { filters, everyone, users, page, totalPages, total } = useLoaderData<typeof loader>();
  const query = (p: number) => {
    const params = new URLSearchParams();
    if (filters.role) params.set("role", filters.role);
    if (filters.status) params.set("status", filters.status);
    if (p > 1) params.set("page", String(p));
    const search = params.toString();
    return search ? `/admin/users?${search}` : "/admin/users";
  };
  return (
    <>
      <h1 className="govuk-heading-l">Users</h1>
      <p className="govuk-body">{everyone ? "Everyone with a Waymark account." : "People with an account in the areas you coordinate."}</p>
      <Button href="/admin/users/invite">Invite someone</Button>
      <form method="get" action="/admin/users">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="role"
              label="Role"
              items={[{ value: "", text: "Any role" }, ...ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role] }))]}
              defaultValue={filters.role}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              label="Status"
              items={[
                { value: "", text: "Active or deactivated" },
                { value: "active", text: "Active" },
                { value: "inactive", text: "Deactivated" },
              ]}
              defaultValue={filters.status}
            />
          </div>
        </div>
        <Button variant="secondary">Apply filters</Button>
      </form>
      <p className="govuk-body" role="status">
        {total === 1 ? "1 user" : `${total} users`}
      </p>
      {users.length > 0 ? (
        <Table
          caption="Users"
          captionSize="m"
          firstCellIsHeader
          head={[{ text: "Name" }, { text: "Email" }, { text: "Organisation" }, { text: "Role" }, { text: "Areas" }, { text: "Status" }, { text: "Last signed in" }]}
          rows={users.map((u) => [
            <a key="name" className="govuk-link" href={`/admin/users/${u.id}`}>
              {u.name}
            </a>,
            u.email,
            u.organisationName,
            ROLE_LABELS[u.role],
            u.areas.map((a) => a.name).join(", ") || "None",
            <AccountStatus key="status" active={u.active} invitationPending={u.invitationPending} />,
            u.lastSignIn,
          ])}
        />
      ) : (
        <p className="govuk-body">No users match these filters.</p>
      )}
      <Pagination currentPage={page} totalPages={totalPages} hrefFor={query} landmarkLabel="Pages of users" />
    </>
  );
}

function AccountStatus({ active, invitationPending }: { active: boolean; invitationPending: boolean }) {
  if (!active) return <Tag colour="grey">Deactivated</Tag>;
  if (invitationPending) return <Tag colour="blue">Invited</Tag>;
  return <Tag colour="green">Active</Tag>;
}

export const meta: MetaFunction = () => [{ title: "Users – Admin – Waymark" }];
