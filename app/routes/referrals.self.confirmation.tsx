import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getSession } from "~/accounts/session.server";
import { Panel } from "~/components/panel";
import { formatReferenceCode } from "~/lib/reference-code";
import { getConfirmed } from "~/referrals/draft.server";
import { OutreachOptIn } from "~/outreach/opt-in-link";

export async function loader({ request }: LoaderFunctionArgs) {
  const confirmed = getConfirmed(await getSession(request), "self");
  if (!confirmed) throw redirect("/referrals/self");
  return json({ ...confirmed, formatted: formatReferenceCode(confirmed.reference) });
}

export default function SelfConfirmation() {
  const c = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="We have your request">
          Your reference
          <br />
          <strong className="app-reference">{c.formatted}</strong>
        </Panel>
        <p className="govuk-body">Write this down. Give it if you need to ask about your request.</p>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">
          {c.organisationName} will contact you, usually within a week. {c.contactMethod === "text" ? "We will also send you a text with your reference." : ""}
          {c.contactMethod === "email" ? "We will also send you an email with your reference." : ""}
        </p>
        <p className="govuk-body">
          While you wait, you can{" "}
          <a className="govuk-link" href="/services">
            find help near you
          </a>
          .
        </p>
        <OutreachOptIn from="referral" reference={c.reference} />
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Request sent – Waymark" }];
