import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { getSession } from "~/accounts/session.server";
import { Panel } from "~/components/panel";
import { WarningText } from "~/components/warning-text";
import { formatReferenceCode } from "~/lib/reference-code";
import { REMINDER_AFTER_WORKING_DAYS } from "~/referrals/chasers";
import { getConfirmed } from "~/referrals/draft.server";
import { OutreachOptIn } from "~/outreach/opt-in-link";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "referral:create");
  const confirmed = getConfirmed(await getSession(request), "referral");
  if (!confirmed) throw redirect("/referrals");
  return json({ ...confirmed, formatted: formatReferenceCode(confirmed.reference) });
}

export default function Confirmation() {
  const c = useLoaderData<typeof loader>();
  if (c.kind === "logged") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Panel title="Signpost recorded">
            Record number
            <br />
            <strong className="app-reference">{c.formatted}</strong>
          </Panel>
          <p className="govuk-body">No referral was sent and no personal details were kept. The signpost to {c.serviceName} counts in the partnership's reports.</p>
          {c.signpostSafeguarding ? (
            <>
              <WarningText iconFallbackText="Safeguarding">
                Contact your coordinator or safeguarding lead now about your safeguarding concern. Do not wait for them to contact you.
              </WarningText>
              <p className="govuk-body">
                We have told your area&apos;s coordinators that you raised a concern, with this record number and your name, but no details
                about the person. Tell your coordinator or safeguarding lead what you know. If someone is in immediate danger, call 999.
              </p>
            </>
          ) : null}
          <NextLinks />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title={c.sent ? "Referral sent" : "Referral made"}>
          Their reference
          <br />
          <strong className="app-reference">{c.formatted}</strong>
        </Panel>
        <p className="govuk-body">Give them this reference. They can quote it if they need to ask about the referral.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        {c.sent ? (
          <p className="govuk-body">
            We have told {c.organisationName} about the referral to {c.serviceName}. They should accept it within {REMINDER_AFTER_WORKING_DAYS}{" "}
            working days and then contact the person. If they do not, we remind them, and then tell a coordinator.
          </p>
        ) : (
          <p className="govuk-body">
            We could not reach anyone at {c.organisationName} straight away, so a partnership coordinator has been told and will pass the
            referral on.
          </p>
        )}
        {c.contactMethod === "text" || c.contactMethod === "email" ? (
          <p className="govuk-body">We will also send them a {c.contactMethod === "text" ? "text message" : "email"} with their reference.</p>
        ) : null}
        <p className="govuk-body">You will get an email each time the service updates the referral.</p>
        <OutreachOptIn from="referral" reference={c.reference} forSomeoneElse />
        <NextLinks reference={c.reference} />
      </div>
    </div>
  );
}

function NextLinks({ reference }: { reference?: string }) {
  return (
    <ul className="govuk-list">
      {reference ? (
        <li>
          <a className="govuk-link" href={`/referrals/${reference}`}>
            See this referral
          </a>
        </li>
      ) : null}
      <li>
        <a className="govuk-link" href="/referrals">
          Your referrals
        </a>
      </li>
      <li>
        <a className="govuk-link" href="/referrals/new">
          Make another referral
        </a>
      </li>
    </ul>
  );
}

export const meta: MetaFunction = () => [{ title: "Referral sent – Waymark" }];
