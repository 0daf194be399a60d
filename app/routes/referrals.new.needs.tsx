import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { commitSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { Textarea } from "~/components/textarea";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { ReturnToCheck, StepPage } from "~/referrals/components";
import { afterStep, redirectForStep } from "~/referrals/draft";
import { readDraft, saveAndRedirect, takeNotice } from "~/referrals/draft.server";
import { needsStepSchema } from "~/referrals/referral-form";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "needs");
  if (elsewhere) throw redirect(elsewhere);
  const needs = draft.needs;
  return json(
    {
      notice: takeNotice(session),
      values: {
        accessNeeds: needs?.accessNeeds ?? "",
        language: needs?.language ?? "",
        safeguarding: needs ? (needs.safeguarding ? "yes" : "no") : "",
        safeguardingNote: needs?.safeguardingNote ?? "",
      } as Record<string, string>,
      returnToCheck: new URL(request.url).searchParams.get("return") === "check",
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "referral:create");
  const { session, draft } = await readDraft(request, "referral");
  const elsewhere = redirectForStep(draft, "needs");
  if (elsewhere) throw redirect(elsewhere);
  const formData = await readFormData(request);
  const form = parseForm(needsStepSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const next = { ...draft, needs: form.data };
  return saveAndRedirect(session, "referral", next, afterStep(next, "needs", formData.get("returnTo") === "check"));
}

export default function Needs() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? data.values;
  return (
    <StepPage back={data.returnToCheck ? "/referrals/new/check" : "/referrals/new/person"} errors={errors}>
      {data.notice ? <NotificationBanner title="Important">{data.notice}</NotificationBanner> : null}
      <span className="govuk-caption-l">Make a referral</span>
      <h1 className="govuk-heading-l">Anything the service should know</h1>
      <Form method="post" reloadDocument noValidate>
        <ReturnToCheck on={data.returnToCheck} />
        <Textarea
          name="accessNeeds"
          label="Access needs (optional)"
          labelSize="s"
          hint="For example, uses a wheelchair, needs large print, or is Deaf and uses BSL."
          error={errors.accessNeeds}
          defaultValue={echoed(values, "accessNeeds")}
        />
        <Input
          name="language"
          label="Language they prefer, if not English (optional)"
          hint="For example, Polish or British Sign Language (BSL)."
          width="20"
          defaultValue={echoed(values, "language")}
          error={errors.language}
        />
        <Radios
          name="safeguarding"
          legend="Do you have a safeguarding concern about this person?"
          legendSize="m"
          hint="If yes, a partnership coordinator will be told straight away as well as the service. If someone is in danger now, call 999."
          error={errors.safeguarding}
          defaultValue={echoed(values, "safeguarding")}
          items={[
            { value: "yes", text: "Yes" },
            { value: "no", text: "No" },
          ]}
        />
        <Textarea
          name="safeguardingNote"
          label="If yes, describe the concern"
          labelSize="s"
          error={errors.safeguardingNote}
          defaultValue={echoed(values, "safeguardingNote")}
        />
        <Button>Continue</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Anything to know – Make a referral – Waymark" }];
