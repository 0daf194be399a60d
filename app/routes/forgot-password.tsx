import { json, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { requestPasswordReset } from "~/accounts/password-reset.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { getDb } from "~/lib/db.server";
import { echoed, type FieldErrors, parseForm, readFormData } from "~/lib/forms";

const forgotSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(254, "Email address must be 254 characters or fewer")
    .email("Enter an email address in the correct format, like name@example.org"),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(forgotSchema, await readFormData(request));
  if (!form.success) return json({ sent: false, errors: form.errors, email: echoed(form.values, "email") }, { status: 400 });
  const result = await requestPasswordReset(getDb(), { email: form.data.email, ip: context?.clientIp ?? "unknown", baseUrl: publicBaseUrl(request) });
  if (!result.ok) {
    const message = `Too many requests from this connection. Try again in ${result.minutes} minute${result.minutes === 1 ? "" : "s"}.`;
    return json({ sent: false, errors: { email: message } as FieldErrors, email: form.data.email }, { status: 429 });
  }
  return json({ sent: true, errors: {} as FieldErrors, email: form.data.email });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  if (actionData?.sent) return <CheckYourEmail />;
  const errors = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Reset your password</h1>
        <p className="govuk-body">Enter the email address you use to sign in to Waymark. We will send you a link to choose a new password.</p>
        <Form method="post" noValidate>
          <Input name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} defaultValue={actionData?.email} error={errors.email} />
          <Button preventDoubleClick>Send reset link</Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href="/login">Back to sign in</a>
        </p>
      </div>
    </div>
  );
}

function CheckYourEmail() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">If there is an account with that email, we have sent a link to reset its password. The link works once and expires in 1 hour.</p>
        <p className="govuk-body">If nothing arrives in a few minutes, check your spam folder, or ask your partnership coordinator for help.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/login">Back to sign in</a>
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Reset your password – Waymark" }];
