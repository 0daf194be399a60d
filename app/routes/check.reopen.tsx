import { json, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { normaliseReferenceCode } from "~/lib/reference-code";
import { findTriageResultByReference } from "~/triage/triage-results.server";

const SHAPE_MESSAGE = "Enter your reference. It has 8 letters and numbers, like 7KQ3 MXP2";

const reopenSchema = z.object({
  reference: z
    .string()
    .trim()
    .min(1, "Enter the reference from your plan")
    .max(40, SHAPE_MESSAGE)
    .transform((value, ctx) => {
      const code = normaliseReferenceCode(value);
      if (!code) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: SHAPE_MESSAGE });
        return z.NEVER;
      }
      return code;
    }),
});

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const form = parseForm(reopenSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: { reference: echoed(form.values, "reference") } }, { status: 400 });
  const saved = await findTriageResultByReference(getDb(), form.data.reference);
  if (!saved) {
    return json(
      { errors: { reference: "We cannot find a plan with that reference. Check it and try again" }, values: { reference: String(formData.get("reference") ?? "") } },
      { status: 400 },
    );
  }
  return redirect(`/check/result/${saved.reference}`);
}

export default function ReopenPlan() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href="/check">Back</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems(errors)} />
          <Form method="post" noValidate>
            <Input
              name="reference"
              label="Open your plan"
              labelSize="l"
              isPageHeading
              hint="Enter the reference from your plan. It has 8 letters and numbers, like 7KQ3 MXP2."
              width="10"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              defaultValue={actionData?.values.reference}
              error={errors.reference}
            />
            <Button>Open my plan</Button>
          </Form>
          <p className="govuk-body">
            Lost your reference? You can <a className="govuk-link" href="/check">do the check again</a>. It takes about 10 minutes.
          </p>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Open your plan – Waymark" }];
