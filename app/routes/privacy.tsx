import type { MetaFunction } from "@remix-run/node";

export default function PrivacyNotice() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          This notice explains what information Waymark keeps about you, why, for how long, and what you can ask us to do
          with it.
        </p>

        <h2 className="govuk-heading-m">If you check yourself online</h2>
        <p className="govuk-body">
          You do not need to give your name. We keep your answers, your plan and the first half of your postcode (for
          example ME14) so you can come back to your plan with its reference code, and so the partnership can see what help
          people need in each area. We do not keep your full postcode.
        </p>
        <p className="govuk-body">
          If you ask us to send your plan by text message or email, we use your number or address only to send it. We do not
          keep it after the message has gone.
        </p>

        <h2 className="govuk-heading-m">If someone refers you to a service</h2>
        <p className="govuk-body">
          A Digital Champion or member of staff will only send your details to a service if you agree. They will tell you
          what will be shared and with whom. We keep only what the service needs to contact you: your first name or
          initials, how you would like to be contacted, and the first half of your postcode.
        </p>
        <p className="govuk-body">
          Six months after a referral is closed, we delete your name and contact details. We keep a record with no personal
          details so the partnership can count how many people were helped.
        </p>

        <h2 className="govuk-heading-m">If you have an account</h2>
        <p className="govuk-body">
          For champions, staff and partners we keep your name, work email address, organisation and role, and a record of
          what you do in Waymark. This record is used to keep personal information safe.
        </p>

        <h2 className="govuk-heading-m">Who can see your information</h2>
        <p className="govuk-body">
          Only the people who need it: the service you were referred to, the person who referred you, and the partnership
          coordinator for your area. Every time someone looks at your details, we record who looked and when.
        </p>

        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can ask to see the information we hold about you, to correct it, or to delete it. Ask the person who helped
          you, or email{" "}
          <a className="govuk-link" href="mailto:privacy@waymark.example.org">
            privacy@waymark.example.org
          </a>
          . If you are unhappy with how we have used your information, you can complain to the Information Commissioner's
          Office (ICO).
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Privacy notice – Waymark" }];
