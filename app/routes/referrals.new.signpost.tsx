import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { redirectWithSession } from "~/accounts/session.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { getDb } from "~/lib/db.server";
import { StepPage } from "~/referrals/components";
import { clearDraft, getConfirmed, readDraft, setConfirmed } from "~/referrals/draft.server";
import { findPublishedService } from "~/referrals/services.server";
import { submitReferral } from "~/referrals/submit.server";

/** The stop page when the person does not agree: nothing about them is sent or kept. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  if (!draft.serviceId && getConfirmed(session, "referral")) throw redirect("/referrals/new/confirmation");
  if (draft.consent?.consentGiven !== false) throw redirect("/referrals/new/consent");
  const service = await findPublishedService(getDb(), draft.serviceId ?? "");
  if (!service) throw redirect("/referrals/new/service");
  return json({ serviceId: service.id, serviceName: service.name, organisationName: service.organisationName, safeguarding: draft.needs?.safeguarding === true });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  if (!draft.serviceId && getConfirmed(session, "referral")) throw redirect("/referrals/new/confirmation");
  if (draft.consent?.consentGiven !== false) throw redirect("/referrals/new/consent");
  const result = await submitReferral(getDb(), user, draft, { now: new Date(), baseUrl: publicBaseUrl(request), logged: true });
  if (!result.ok) throw redirect(result.redirectTo);
  clearDraft(session, "referral");
  setConfirmed(session, "referral", result.confirmed);
  return redirectWithSession(session, "/referrals/new/confirmation");
}

export default function Signpost() {
  const d = useLoaderData<typeof loader>();
  return (
    <StepPage back="/referrals/new/consent">
      <h1 className="govuk-heading-l">We will not send a referral</h1>
      <p className="govuk-body">They have not agreed, so nothing about them will be sent to {d.organisationName} or kept by Waymark.</p>
      <p className="govuk-body">
        You can still give them the details of{" "}
        <a className="govuk-link" href={`/services/${d.serviceId}`}>
          {d.serviceName}
        </a>{" "}
        so they can get in touch themselves, when they are ready.
      </p>
      <h2 className="govuk-heading-m">Record that you signposted them</h2>
      <p className="govuk-body">
        This keeps only the service, the reasons you chose and the first part of the postcode, so the partnership can see where help is
        needed. No name or contact details are kept.
      </p>
      {d.safeguarding ? (
        <p className="govuk-body">
          You said you have a safeguarding concern. A concern does not need their agreement: when you record the signpost, we will tell
          your area&apos;s coordinators that you raised one, with no details about the person.
        </p>
      ) : null}
      <Form method="post" reloadDocument noValidate>
        <div className="govuk-button-group">
          <Button preventDoubleClick>Record the signpost</Button>
          <a className="govuk-link" href="/referrals/new/consent">
            Change their answer
          </a>
        </div>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "No referral sent – Make a referral – Waymark" }];
