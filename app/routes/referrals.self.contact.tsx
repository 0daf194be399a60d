import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { redirectWithSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";
import { StepPage } from "~/referrals/components";
import { ContactFields, contactDefaults } from "~/referrals/contact-fields";
import { readDraft, setNotice, writeDraft } from "~/referrals/draft.server";
import { personStepSchema, postcodeShortenedMessage } from "~/referrals/referral-form";
import { routeSelfReferral } from "~/referrals/submit.server";
import { findTriageLink } from "~/referrals/triage-link.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { draft } = await readDraft(request, "self");
  const triage = draft.person ? null : await findTriageLink(getDb(), draft.triageReference);
  return json({
    defaults: contactDefaults(draft.person, triage?.outwardPostcode ?? null),
    returnToCheck: new URL(request.url).searchParams.get("return") === "check",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, draft } = await readDraft(request, "self");
  const formData = await readFormData(request);
  const form = parseForm(personStepSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const values = Object.fromEntries([...formData].map(([key, value]) => [key, typeof value === "string" ? value : ""]));
  if (form.data.contactMethod === "through-champion") {
    return json({ errors: { contactMethod: "Choose how you would like us to contact you" }, values }, { status: 400 });
  }
  const { postcodeShortened, ...person } = form.data;
  const route = await routeSelfReferral(getDb(), draft, person.outwardCode, new Date());
  if (!route.ok) {
    const message = person.outwardCode ? route.message : "Enter the first part of your postcode, like ME14, so we know who can help";
    return json({ errors: { postcode: message }, values }, { status: 400 });
  }
  if (postcodeShortened && person.outwardCode) setNotice(session, postcodeShortenedMessage(person.outwardCode).replace("their address", "your address"));
  writeDraft(session, "self", { ...draft, person });
  return redirectWithSession(session, formData.get("returnTo") === "check" && draft.consent?.consentGiven ? "/referrals/self/check" : "/referrals/self/consent");
}

export default function SelfContact() {
  const { defaults, returnToCheck } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <StepPage back={returnToCheck ? "/referrals/self/check" : "/referrals/self"} errors={errors}>
      <h1 className="govuk-heading-l">How can we contact you?</h1>
      <Form method="post" reloadDocument noValidate>
        {returnToCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        <ContactFields who="you" errors={errors} values={actionData?.values ?? defaults} allowThroughChampion={false} />
        <Button>Continue</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "How can we contact you – Ask someone to contact you – Waymark" }];
