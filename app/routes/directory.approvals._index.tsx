import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/accounts/format";
import { requirePermission } from "~/accounts/auth.server";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { listPendingChanges } from "~/directory/listing-edit-changes.server";
import { getDb } from "~/lib/db.server";
import { ScrollRegion } from "~/components/scroll-region";

const DONE: Record<string, string> = {
  approved: "Change approved. The listing is live and the provider has been told.",
  rejected: "Change rejected. The listing is unchanged and the provider has been told why.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory:approve");
  const changes = await listPendingChanges(getDb(), user);
  return json({
    changes: changes.map((c) => ({ ...c, proposedAt: formatDateTime(c.proposedAt) })),
    done: DONE[new URL(request.url).searchParams.get("done") ?? ""] ?? null,
  });
}

export default function Approvals() {
  const { changes, done } = useLoaderData<typeof loader>();
  return (
    <>
      {done ? <NotificationBanner type="success" heading={done} /> : null}
      <h1 className="govuk-heading-l">Changes to approve</h1>
      <p className="govuk-body">Providers’ changes to their listings wait here until you approve them. Nothing changes in the directory until then.</p>
      {changes.length === 0 ? (
        <p className="govuk-body">There are no changes waiting.</p>
      ) : (
        <ScrollRegion label={changes.length === 1 ? "1 change waiting" : `${changes.length} changes waiting`}>
          <Table
            caption={changes.length === 1 ? "1 change waiting" : `${changes.length} changes waiting`}
            captionSize="m"
            head={[{ text: "Listing" }, { text: "From" }, { text: "Sent" }]}
            rows={changes.map((c) => [
              <>
                <a className="govuk-link" href={`/directory/approvals/${c.id}`}>
                  {c.name}
                </a>
                {c.serviceId ? null : <span className="govuk-hint govuk-!-margin-bottom-0">New listing</span>}
              </>,
              <>
                {c.proposedBy ?? "A former user"}
                <span className="govuk-hint govuk-!-margin-bottom-0">
                  {c.organisationName}
                  {c.areaName ? `, ${c.areaName}` : ", national"}
                </span>
              </>,
              c.proposedAt,
            ])}
          />
        </ScrollRegion>
      )}
      <p className="govuk-body">
        <a className="govuk-link" href="/directory/manage">Back to listings</a>
      </p>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Changes to approve – Waymark" }];
