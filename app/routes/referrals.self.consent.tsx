import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { commitSession, redirectWithSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { StepPage } from "~/referrals/components";
import { retentionWording, selfConsentSchema, sharedDetails } from "~/referrals/consent";
import { selfRedirectForStep } from "~/referrals/draft";
import { readDraft, takeNotice, writeDraft } from "~/referrals/draft.server";
import { routeSelfReferral } from "~/referrals/submit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, draft } = await readDraft(request, "self");
  const elsewhere = selfRedirectForStep(draft, "consent");
  if (elsewhere) throw redirect(elsewhere);
  const route = await routeSelfReferral(getDb(), draft, draft.person?.outwardCode ?? null, new Date());
  if (!route.ok) throw redirect("/referrals/self/contact");
  const declined = new URL(request.url).searchParams.get("answer") === "no";
  return json(
    {
      declined,
      notice: takeNotice(session),
      helper: route.toCoordinators ? `the digital help team for ${route.areaName ?? "your area"}` : `${route.service.organisationName}, who run ${route.service.name}`,
      shared: sharedDetails({ byChampion: false }),
      keptFor: retentionWording(getConfig().RETENTION_MONTHS),
      consent: draft.consent ? (draft.consent.consentGiven ? "yes" : "no") : "",
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, draft } = await readDraft(request, "self");
  const elsewhere = selfRedirectForStep(draft, "consent");
  if (elsewhere) throw redirect(elsewhere);
  const form = parseForm(selfConsentSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const consentGiven = form.data.consent === "yes";
  writeDraft(session, "self", { ...draft, consent: { consentGiven, consentMethod: consentGiven ? "online" : null, at: new Date().toISOString() } });
  return redirectWithSession(session, consentGiven ? "/referrals/self/check" : "/referrals/self/consent?answer=no");
}

export default function SelfConsent() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  if (d.declined) {
    return (
      <StepPage back="/referrals/self/consent">
        <h1 className="govuk-heading-l">We will not pass on your details</h1>
        <p className="govuk-body">Nothing has been sent and we have not kept your details.</p>
        <p className="govuk-body">You can still get help:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <a className="govuk-link" href="/services">
              find help near you
            </a>{" "}
            and contact them yourself
          </li>
          <li>visit your local library and ask about help to get online</li>
        </ul>
        <p className="govuk-body">
          <a className="govuk-link" href="/referrals/self/consent">
            I have changed my mind
          </a>
        </p>
      </StepPage>
    );
  }
  return (
    <StepPage back="/referrals/self/contact" errors={errors}>
      {d.notice ? <NotificationBanner title="Important">{d.notice}</NotificationBanner> : null}
      <h1 className="govuk-heading-l">Can we share your details?</h1>
      <p className="govuk-body">To help you, we need to send some details to {d.helper}. We will share:</p>
      <ul className="govuk-list govuk-list--bullet">
        {d.shared.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="govuk-body">
        We keep them until you have had help, and then for {d.keptFor}. Then we delete them. You can ask us to delete them sooner.
      </p>
      <Form method="post" reloadDocument noValidate>
        <Radios
          name="consent"
          legend="Do you agree?"
          legendSize="m"
          error={errors.consent}
          defaultValue={echoed(actionData?.values, "consent") ?? d.consent}
          items={[
            { value: "yes", text: "Yes, share my details" },
            { value: "no", text: "No" },
          ]}
        />
        <Button>Continue</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Can we share your details – Ask someone to contact you – Waymark" }];
