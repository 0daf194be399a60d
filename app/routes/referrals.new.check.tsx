import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { redirectWithSession } from "~/accounts/session.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { SummaryList } from "~/components/summary-list";
import { getDb } from "~/lib/db.server";
import { BARRIERS, GOALS, labelFor } from "~/lib/frameworks";
import { StepPage } from "~/referrals/components";
import { redirectForStep } from "~/referrals/draft";
import { clearDraft, getConfirmed, readDraft, setConfirmed } from "~/referrals/draft.server";
import { CONSENT_METHOD_LABELS, CONTACT_METHOD_LABELS } from "~/referrals/referral-form";
import { findPublishedService } from "~/referrals/services.server";
import { submitReferral } from "~/referrals/submit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  if (!draft.serviceId && getConfirmed(session, "referral")) throw redirect("/referrals/new/confirmation");
  const elsewhere = redirectForStep(draft, "check");
  if (elsewhere) throw redirect(elsewhere);
  const service = await findPublishedService(getDb(), draft.serviceId ?? "");
  if (!service) throw redirect("/referrals/new/service");
  const { reasons, person, needs, consent } = draft;
  return json({
    service: `${service.name} (${service.organisationName})`,
    barriers: reasons!.barriers.map((id) => labelFor(BARRIERS, id)),
    goals: reasons!.goals.map((id) => labelFor(GOALS, id)),
    reasonNote: reasons!.reasonNote,
    personName: person!.personName,
    contact: [CONTACT_METHOD_LABELS[person!.contactMethod], person!.contactDetail].filter(Boolean).join(": "),
    bestTimes: person!.bestTimes,
    outwardCode: person!.outwardCode,
    accessNeeds: needs!.accessNeeds,
    language: needs!.language,
    safeguarding: needs!.safeguarding ? `Yes: ${needs!.safeguardingNote}` : "No",
    consent: `Yes, ${CONSENT_METHOD_LABELS[consent!.consentMethod!].toLowerCase()}, confirmed by ${user.name}`,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  if (!draft.serviceId && getConfirmed(session, "referral")) throw redirect("/referrals/new/confirmation");
  const elsewhere = redirectForStep(draft, "check");
  if (elsewhere) throw redirect(elsewhere);
  const result = await submitReferral(getDb(), user, draft, { now: new Date(), baseUrl: publicBaseUrl(request), logged: false });
  if (!result.ok) throw redirect(result.redirectTo);
  clearDraft(session, "referral");
  setConfirmed(session, "referral", result.confirmed);
  return redirectWithSession(session, "/referrals/new/confirmation");
}

const change = (step: string, what: string) => [{ href: `/referrals/new/${step}?return=check`, text: "Change", visuallyHiddenText: what }];

export default function CheckAnswers() {
  const d = useLoaderData<typeof loader>();
  const none = "Not given";
  return (
    <StepPage back="/referrals/new/consent">
      <span className="govuk-caption-l">Make a referral</span>
      <h1 className="govuk-heading-l">Check the referral before you send it</h1>
      <h2 className="govuk-heading-m">The service</h2>
      <SummaryList rows={[{ key: "Service", value: d.service, actions: change("service", "service") }]} />
      <h2 className="govuk-heading-m">Why</h2>
      <SummaryList
        rows={[
          { key: "What is stopping them", value: d.barriers.join(", ") || "None chosen", actions: change("reasons", "what is stopping them") },
          { key: "What they want to do", value: d.goals.join(", ") || "None chosen", actions: change("reasons", "what they want to do") },
          { key: "More about why", value: d.reasonNote ?? none, actions: change("reasons", "more about why") },
        ]}
      />
      <h2 className="govuk-heading-m">The person</h2>
      <SummaryList
        rows={[
          { key: "Name or initials", value: d.personName, actions: change("person", "name or initials") },
          { key: "How to contact them", value: d.contact, actions: change("person", "how to contact them") },
          { key: "Best times", value: d.bestTimes ?? none, actions: change("person", "best times") },
          { key: "Postcode area", value: d.outwardCode ?? none, actions: change("person", "postcode area") },
          { key: "Access needs", value: d.accessNeeds ?? "None", actions: change("needs", "access needs") },
          { key: "Language", value: d.language ?? "English", actions: change("needs", "language") },
          { key: "Safeguarding concern", value: d.safeguarding, actions: change("needs", "safeguarding concern") },
          { key: "Consent", value: d.consent, actions: change("consent", "consent") },
        ]}
      />
      <Form method="post" reloadDocument noValidate>
        <Button preventDoubleClick>Send the referral</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Check the referral – Make a referral – Waymark" }];
