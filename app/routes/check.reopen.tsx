import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import type { Messages } from "~/i18n/catalogue";
import { pageText } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { normaliseReferenceCode } from "~/lib/reference-code";
import { findTriageResultByReference } from "~/triage/triage-results.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, copy } = await pageText(request, "check");
  const text: Messages = { ...copy("reopen"), back: t("back"), errorSummaryTitle: t("errorSummaryTitle") };
  return json({ text });
}

/** The messages are in the resident's language, so the schema is made per request. */
function reopenSchema(text: Messages) {
  return z.object({
    reference: z
      .string()
      .trim()
      .min(1, text.errorEmpty)
      .max(40, text.errorShape)
      .transform((value, ctx) => {
        const code = normaliseReferenceCode(value);
        if (!code) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, message: text.errorShape });
          return z.NEVER;
        }
        return code;
      }),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { copy } = await pageText(request, "check");
  const text = copy("reopen");
  const formData = await readFormData(request);
  const form = parseForm(reopenSchema(text), formData);
  if (!form.success) return json({ errors: form.errors, values: { reference: echoed(form.values, "reference") } }, { status: 400 });
  const saved = await findTriageResultByReference(getDb(), form.data.reference);
  if (!saved) {
    return json(
      { errors: { reference: text.errorNotFound }, values: { reference: String(formData.get("reference") ?? "") } },
      { status: 400 },
    );
  }
  return redirect(`/check/result/${saved.reference}`);
}

export default function ReopenPlan() {
  const { text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink href="/check">{text.back}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={text.errorSummaryTitle} errors={errorSummaryItems(errors)} />
          <Form method="post" noValidate>
            <Input
              name="reference"
              label={text.title}
              labelSize="l"
              isPageHeading
              hint={text.hint}
              width="10"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              defaultValue={actionData?.values.reference}
              error={errors.reference}
            />
            <Button>{text.submit}</Button>
          </Form>
          <p className="govuk-body">
            {text.lost} <a className="govuk-link" href="/check">{text.lostLink}</a>. {text.lostRest}
          </p>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.text.title ?? "Open your plan"} – Waymark` }];
