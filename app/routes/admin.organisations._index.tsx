import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { ORGANISATION_KINDS } from "~/accounts/organisation-kinds";
import { listOrganisations } from "~/accounts/organisations.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Table } from "~/components/table";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "organisations:manage");
  return json({ organisations: await listOrganisations(getDb()) });
}

export default function Organisations() {
  const { organisations } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <BackLink href="/admin">Back to admin</BackLink>
      {params.get("done") === "created" ? <NotificationBanner type="success" heading="Organisation added." /> : null}
      <h1 className="govuk-heading-l">Organisations</h1>
      <p className="govuk-body">Partner organisations that people’s accounts belong to, and the service providers in the directory.</p>
      <Button href="/admin/organisations/new">Add an organisation</Button>
      {organisations.length > 0 ? (
        <Table
          caption={`${organisations.length} organisation${organisations.length === 1 ? "" : "s"}`}
          captionSize="m"
          firstCellIsHeader
          head={[{ text: "Name" }, { text: "Kind" }, { text: "Accounts", numeric: true }]}
          rows={organisations.map((o) => [
            <a key="name" className="govuk-link" href={`/admin/organisations/${o.id}`}>
              {o.name}
            </a>,
            ORGANISATION_KINDS[o.kind] ?? o.kind,
            o.users,
          ])}
        />
      ) : (
        <p className="govuk-body">There are no organisations yet.</p>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Organisations – Admin – Waymark" }];
