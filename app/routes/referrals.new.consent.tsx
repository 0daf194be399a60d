import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { Button } from "~/components/button";
import { InsetText } from "~/components/inset-text";
import { Radios } from "~/components/radios";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { ReturnToCheck, StepPage } from "~/referrals/components";
import { consentAnswerSchema, retentionWording, sharedDetails } from "~/referrals/consent";
import { afterStep, redirectForStep } from "~/referrals/draft";
import { readDraft, saveAndRedirect } from "~/referrals/draft.server";
import { CONSENT_METHOD_IDS, CONSENT_METHOD_LABELS } from "~/referrals/referral-form";
import { findPublishedService } from "~/referrals/services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "consent");
  if (elsewhere) throw redirect(elsewhere);
  const service = await findPublishedService(getDb(), draft.serviceId ?? "");
  if (!service) throw redirect("/referrals/new/service");
  return json({
    personName: draft.person?.personName ?? "the person",
    serviceName: service.name,
    organisationName: service.organisationName,
    shared: sharedDetails({ byChampion: true }),
    keptFor: retentionWording(getConfig().RETENTION_MONTHS),
    values: {
      consent: draft.consent ? (draft.consent.consentGiven ? "yes" : "no") : "",
      consentMethod: draft.consent?.consentMethod ?? "",
    } as Record<string, string>,
    returnToCheck: new URL(request.url).searchParams.get("return") === "check",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "consent");
  if (elsewhere) throw redirect(elsewhere);
  const formData = await readFormData(request);
  const form = parseForm(consentAnswerSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const next = { ...draft, consent: { ...form.data, at: new Date().toISOString() } };
  if (!form.data.consentGiven) return saveAndRedirect(session, "referral", next, "/referrals/new/signpost");
  return saveAndRedirect(session, "referral", next, afterStep(next, "consent", formData.get("returnTo") === "check"));
}

export default function Consent() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? data.values;
  return (
    <StepPage back={data.returnToCheck ? "/referrals/new/check" : "/referrals/new/needs"} errors={errors}>
      <span className="govuk-caption-l">Make a referral</span>
      <h1 className="govuk-heading-l">Ask {data.personName} if they agree</h1>
      <p className="govuk-body">Read this to them, or show them this screen.</p>
      <InsetText>
        <p className="govuk-body">
          We would like to send some details about you to <strong>{data.organisationName}</strong>, who run {data.serviceName}, so they
          can contact you and help. We will share:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          {data.shared.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="govuk-body">
          The partnership's coordinators can see it too, to check you get help. We keep these details until the referral is finished, and
          then for {data.keptFor}. After that we delete them. You can ask us to delete them sooner.
        </p>
      </InsetText>
      <Form method="post" reloadDocument noValidate>
        <ReturnToCheck on={data.returnToCheck} />
        <Radios
          name="consent"
          legend="Do they agree to the referral?"
          legendSize="m"
          error={errors.consent}
          defaultValue={echoed(values, "consent")}
          items={[
            { value: "yes", text: "Yes, they agree" },
            { value: "no", text: "No, they do not agree" },
          ]}
        />
        <Radios
          name="consentMethod"
          legend="If they agree, how did they tell you?"
          legendSize="s"
          error={errors.consentMethod}
          defaultValue={echoed(values, "consentMethod")}
          items={CONSENT_METHOD_IDS.map((id) => ({ value: id, text: CONSENT_METHOD_LABELS[id] }))}
        />
        <p className="govuk-body">We will record that you asked them, and when.</p>
        <Button>Continue</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Consent – Make a referral – Waymark" }];
