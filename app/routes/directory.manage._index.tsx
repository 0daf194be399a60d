import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Tag, type TagColour } from "~/components/tag";
import { listManagedListings, LISTING_FILTERS, type ListingFilter } from "~/directory/listing-edit-list.server";
import { EDIT_PERMISSIONS, editsNeedApproval } from "~/directory/listing-edit-scope.server";
import { formatVerifiedDate, VERIFICATION_LABELS, type VerificationState } from "~/directory/listing-edit-verified";
import { getDb } from "~/lib/db.server";
import { ScrollRegion } from "~/components/scroll-region";

const DONE: Record<string, string> = {
  verified: "Thank you. The listing is marked as checked today.",
  saved: "Changes saved. They are live now.",
  proposed: "Thank you. Your changes are waiting for a coordinator to approve them.",
  created: "Listing added. It is live now.",
  "proposed-new": "Thank you. Your new listing is waiting for a coordinator to approve it.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, EDIT_PERMISSIONS);
  const url = new URL(request.url);
  const show = url.searchParams.get("show");
  const filter: ListingFilter = LISTING_FILTERS.includes(show as ListingFilter) ? (show as ListingFilter) : "all";
  const listings = await listManagedListings(getDb(), user, new Date(), filter);
  return json({
    listings,
    filter,
    done: DONE[url.searchParams.get("done") ?? ""] ?? null,
    needsApproval: editsNeedApproval(user),
    isApprover: can(user.role, "directory:approve"),
    showOrganisation: !editsNeedApproval(user),
  });
}

const STATE_COLOUR: Record<VerificationState, TagColour> = { verified: "green", "needs-review": "yellow", "out-of-date": "red" };

export default function ManageListings() {
  const { listings, filter, done, needsApproval, isApprover, showOrganisation } = useLoaderData<typeof loader>();
  const stale = listings.filter((l) => l.state !== "verified").length;
  return (
    <>
      {done ? <NotificationBanner type="success" heading={done} /> : null}
      <h1 className="govuk-heading-l">Listings</h1>
      <p className="govuk-body">
        {needsApproval
          ? "Your organisation’s services in the directory. A coordinator checks your changes before they go live."
          : "Services in the directory that you look after. Your changes go live straight away."}{" "}
        Check each listing at least every six months: after a year unchecked it drops down search results and shows a warning.
      </p>
      <div className="app-listing-actions govuk-!-margin-bottom-6">
        <Button href="/directory/manage/new" variant="secondary">
          {needsApproval ? "Propose a new listing" : "Add a listing"}
        </Button>
        {isApprover ? (
          <>
            <a className="govuk-link" href="/directory/approvals">Changes to approve</a>
            <a className="govuk-link" href="/directory/reports">Problems reported</a>
            <a className="govuk-link" href="/directory/import">Import from a spreadsheet</a>
          </>
        ) : null}
      </div>
      <p className="govuk-body">
        {filter === "attention" ? (
          <>
            Showing listings that need attention. <a className="govuk-link" href="/directory/manage">Show all listings</a>
          </>
        ) : (
          <>
            {stale === 1 ? "1 listing has" : `${stale} listings have`} not been checked for six months or more.{" "}
            <a className="govuk-link" href="/directory/manage?show=attention">Show only listings that need attention</a>
          </>
        )}
      </p>
      {listings.length === 0 ? (
        <p className="govuk-body">There are no listings to show.</p>
      ) : (
        <ScrollRegion label={listings.length === 1 ? "1 listing" : `${listings.length} listings`}>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {listings.length === 1 ? "1 listing" : `${listings.length} listings`}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Service</th>
                <th scope="col" className="govuk-table__header">Last verified</th>
                <th scope="col" className="govuk-table__header">Actions</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {listings.map((l) => (
                <tr className="govuk-table__row" key={l.id}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`/directory/manage/${l.id}/edit`}>
                      {l.name}
                    </a>
                    {showOrganisation ? <span className="govuk-hint govuk-!-margin-bottom-0">{l.organisationName}{l.areaName ? `, ${l.areaName}` : ", national"}</span> : null}
                    {l.pendingChange ? (
                      <div>
                        <Tag colour="blue">Waiting for approval</Tag>
                      </div>
                    ) : null}
                    {!l.published || l.status !== "active" ? (
                      <div>
                        <Tag colour="grey">{l.published ? l.status : "Not published"}</Tag>
                      </div>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {formatVerifiedDate(l.assuredDate)}
                    <div>
                      <Tag colour={STATE_COLOUR[l.state]}>{VERIFICATION_LABELS[l.state]}</Tag>
                    </div>
                  </td>
                  <td className="govuk-table__cell">
                    <div className="app-listing-actions">
                      <a className="govuk-link" href={`/directory/manage/${l.id}/edit`}>
                        Edit<span className="govuk-visually-hidden"> {l.name}</span>
                      </a>
                      <Form method="post" action={`/directory/manage/${l.id}/verify`}>
                        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                          Still correct<span className="govuk-visually-hidden">: {l.name}</span>
                        </button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Listings – Waymark" }];
