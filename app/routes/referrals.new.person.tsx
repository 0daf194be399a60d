import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { Button } from "~/components/button";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";
import { ReturnToCheck, StepPage } from "~/referrals/components";
import { ContactFields, contactDefaults } from "~/referrals/contact-fields";
import { afterStep, redirectForStep } from "~/referrals/draft";
import { readDraft, saveAndRedirect, setNotice } from "~/referrals/draft.server";
import { personStepSchema, postcodeShortenedMessage } from "~/referrals/referral-form";
import { findTriageLink } from "~/referrals/triage-link.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "person");
  if (elsewhere) throw redirect(elsewhere);
  const triage = draft.person ? null : await findTriageLink(getDb(), draft.triageReference);
  return json({
    defaults: contactDefaults(draft.person, triage?.outwardPostcode ?? null),
    returnToCheck: new URL(request.url).searchParams.get("return") === "check",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "person");
  if (elsewhere) throw redirect(elsewhere);
  const formData = await readFormData(request);
  const form = parseForm(personStepSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const { postcodeShortened, ...person } = form.data;
  if (postcodeShortened && person.outwardCode) setNotice(session, postcodeShortenedMessage(person.outwardCode));
  const next = { ...draft, person };
  return saveAndRedirect(session, "referral", next, afterStep(next, "person", formData.get("returnTo") === "check"));
}

export default function Person() {
  const { defaults, returnToCheck } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <StepPage back={returnToCheck ? "/referrals/new/check" : "/referrals/new/reasons"} errors={errors}>
      <span className="govuk-caption-l">Make a referral</span>
      <h1 className="govuk-heading-l">The person you are referring</h1>
      <p className="govuk-body">Only ask for what the service needs to get in touch.</p>
      <Form method="post" reloadDocument noValidate>
        <ReturnToCheck on={returnToCheck} />
        <ContactFields who="them" errors={errors} values={actionData?.values ?? defaults} allowThroughChampion />
        <Button>Continue</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "The person – Make a referral – Waymark" }];
