import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/button";
import { Panel } from "~/components/panel";
import { SummaryList } from "~/components/summary-list";
import { formatListingField, type ListingField } from "~/directory/listing-edit";
import { categoryName } from "~/directory/listing-edit-changes.server";
import { verifyListing } from "~/directory/listing-edit-list.server";
import { formatVerifiedDate } from "~/directory/listing-edit-verified";
import { loadEditableListing } from "~/directory/listing-edit.server";
import { summariseSchedules } from "~/directory/opening-times";
import { checkReviewToken, consumeReviewToken } from "~/directory/review-jobs.server";
import { getDb } from "~/lib/db.server";

const SHOWN: Array<[ListingField, string]> = [
  ["description", "What it is"],
  ["categories", "Categories"],
  ["how_to_access", "How people get it"],
  ["eligibility", "Who it is for"],
  ["fees", "Cost"],
  ["phone", "Phone"],
  ["email", "Email"],
  ["url", "Website"],
];

async function listingSummary(serviceId: string) {
  const db = getDb();
  const [service, listing] = await Promise.all([
    db.selectFrom("services").innerJoin("organisations", "organisations.id", "services.organisation_id").select(["services.name", "services.assured_date", "organisations.name as organisation"]).where("services.id", "=", serviceId).executeTakeFirstOrThrow(),
    loadEditableListing(db, serviceId),
  ]);
  const s = listing!.snapshot;
  const address = [s.address_1, s.address_2, s.city, s.postcode].filter(Boolean).join(", ");
  const hours = [formatListingField(s, "hours"), s.sessions_note ?? "", ...summariseSchedules(listing!.otherSchedules, new Date())].filter(Boolean).join("\n");
  return {
    name: service.name,
    organisation: service.organisation,
    lastVerified: formatVerifiedDate(service.assured_date),
    rows: [
      ...SHOWN.map(([field, label]) => ({ key: label, value: formatListingField(s, field, { categoryName }) })),
      { key: "Opening times", value: hours },
      { key: "Address", value: address },
    ].filter((row) => row.value !== ""),
  };
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const check = await checkReviewToken(getDb(), params.token ?? "");
  const serviceId = check.serviceId;
  const summary = serviceId ? await listingSummary(serviceId) : null;
  const confirmed = new URL(request.url).searchParams.get("confirmed") === "1";
  if (check.ok) return json({ state: "open" as const, serviceId, summary, usedOn: null });
  return json(
    { state: check.reason === "used" && confirmed ? ("confirmed" as const) : check.reason, serviceId: serviceId ?? null, summary, usedOn: check.usedAt ? formatVerifiedDate(check.usedAt) : null },
    { status: check.reason === "invalid" ? 404 : check.reason === "used" && confirmed ? 200 : 410 },
  );
}

export async function action({ params, context }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const check = await checkReviewToken(db, token);
  // A used, expired or unknown link falls through to the page that explains it.
  if (check.ok && (await consumeReviewToken(db, check.reviewId))) {
    await verifyListing(db, check.serviceId, { actor: { userId: null, label: "Still-correct link in a review email" }, email: null, via: "email-link", reviewId: check.reviewId }, { ip: context?.clientIp });
    return redirect(`/directory/still-correct/${encodeURIComponent(token)}?confirmed=1`);
  }
  return redirect(`/directory/still-correct/${encodeURIComponent(token)}`);
}

export default function StillCorrect() {
  const { state, serviceId, summary, usedOn } = useLoaderData<typeof loader>();
  const editLink = serviceId ? `/directory/manage/${serviceId}/edit` : "/directory/manage";
  if (state === "confirmed") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel title="Thank you">The listing{summary ? ` for ${summary.name}` : ""} is marked as checked today.</Panel>
          <p className="govuk-body">We will ask again in six months. If anything changes before then, <a className="govuk-link" href={editLink}>sign in and edit the listing</a>.</p>
        </div>
      </div>
    );
  }
  if (state !== "open") {
    const heading = state === "used" ? "This link has already been used" : state === "expired" ? "This link has expired" : "This link does not work";
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{heading}</h1>
          {state === "used" ? <p className="govuk-body">Someone confirmed the listing{summary ? ` for ${summary.name}` : ""} was still correct on {usedOn}. You do not need to do anything else.</p> : null}
          {state === "expired" ? <p className="govuk-body">Links in review emails work for 30 days. You can still confirm the listing is correct, or edit it, once you sign in.</p> : null}
          {state === "invalid" ? <p className="govuk-body">Check you copied the whole link from the email. You can also sign in to check your listings.</p> : null}
          <p className="govuk-body">
            <a className="govuk-link" href={serviceId && state === "expired" ? `/directory/manage/${serviceId}/verify` : "/directory/manage"}>
              Sign in to check your listings
            </a>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{summary?.organisation}</span>
        <h1 className="govuk-heading-l">Is this listing still correct?</h1>
        <h2 className="govuk-heading-m">{summary?.name}</h2>
        <p className="govuk-body">Last checked: {summary?.lastVerified}.</p>
        <SummaryList rows={summary?.rows.map((r) => ({ key: r.key, value: <span className="app-pre-line">{r.value}</span> })) ?? []} />
        <Form method="post" noValidate>
          <Button preventDoubleClick>Yes, this is still correct</Button>
        </Form>
        <h2 className="govuk-heading-m">Something has changed</h2>
        <p className="govuk-body">
          <a className="govuk-link" href={editLink}>Sign in to edit the listing</a>
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Is this listing still correct? – Waymark" }, { name: "robots", content: "noindex" }];
