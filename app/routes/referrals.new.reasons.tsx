import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { commitSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { NotificationBanner } from "~/components/notification-banner";
import { Textarea } from "~/components/textarea";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { BARRIERS, GOALS } from "~/lib/frameworks";
import { ReturnToCheck, StepPage } from "~/referrals/components";
import { afterStep, redirectForStep } from "~/referrals/draft";
import { readDraft, saveAndRedirect, takeNotice } from "~/referrals/draft.server";
import { reasonsStepSchema } from "~/referrals/referral-form";
import { findPublishedService } from "~/referrals/services.server";
import { findTriageLink } from "~/referrals/triage-link.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "reasons");
  if (elsewhere) throw redirect(elsewhere);
  const db = getDb();
  const triage = draft.reasons ? null : await findTriageLink(db, draft.triageReference);
  const service = await findPublishedService(db, draft.serviceId ?? "");
  return json(
    {
      notice: takeNotice(session),
      serviceName: service?.name ?? "the service",
      fromTriage: Boolean(triage),
      barriers: draft.reasons?.barriers ?? triage?.barriers ?? [],
      goals: draft.reasons?.goals ?? triage?.goals ?? [],
      reasonNote: draft.reasons?.reasonNote ?? "",
      returnToCheck: new URL(request.url).searchParams.get("return") === "check",
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "reasons");
  if (elsewhere) throw redirect(elsewhere);
  const formData = await readFormData(request);
  const form = parseForm(reasonsStepSchema, formData, { arrays: ["barriers", "goals"] });
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const next = { ...draft, reasons: form.data };
  return saveAndRedirect(session, "referral", next, afterStep(next, "reasons", formData.get("returnTo") === "check"));
}

function listOf(values: Record<string, string | string[]> | undefined, key: string): string[] | undefined {
  const value = values?.[key];
  return Array.isArray(value) ? value : undefined;
}

export default function Reasons() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <StepPage back={data.returnToCheck ? "/referrals/new/check" : "/referrals/new/service"} errors={errors}>
      {data.notice ? <NotificationBanner title="Important">{data.notice}</NotificationBanner> : null}
      <span className="govuk-caption-l">Make a referral</span>
      <h1 className="govuk-heading-l">Why are you referring them to {data.serviceName}?</h1>
      {data.fromTriage ? <p className="govuk-body">We have ticked what the triage found. Change anything that is not right.</p> : null}
      <Form method="post" reloadDocument noValidate>
        <ReturnToCheck on={data.returnToCheck} />
        <Checkboxes
          name="barriers"
          legend="What is stopping them"
          legendSize="m"
          hint="Select all that apply."
          error={errors.barriers}
          defaultValues={listOf(values, "barriers") ?? data.barriers}
          items={BARRIERS.map((b) => ({ value: b.id, text: b.label }))}
        />
        <Checkboxes
          name="goals"
          legend="What they want to do"
          legendSize="m"
          hint="Select all that apply."
          error={errors.goals}
          defaultValues={listOf(values, "goals") ?? data.goals}
          items={GOALS.map((g) => ({ value: g.id, text: g.label }))}
        />
        <Textarea
          name="reasonNote"
          label="Anything else the service should know about why (optional)"
          labelSize="s"
          hint="Do not include their full name or address here."
          error={errors.reasonNote}
          defaultValue={echoed(values, "reasonNote") ?? data.reasonNote}
        />
        <Button>Continue</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Reasons – Make a referral – Waymark" }];
