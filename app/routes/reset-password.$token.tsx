import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { newPasswordSchema, PASSWORD_MIN_LENGTH } from "~/accounts/password-rules";
import { setPasswordWithToken } from "~/accounts/set-password.server";
import { checkUserToken } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { getDb } from "~/lib/db.server";
import { type FieldErrors, parseForm, readFormData } from "~/lib/forms";

type LinkProblem = "invalid" | "expired" | "used";

function linkProblem(reason: LinkProblem) {
  return json({ state: reason, errors: {} as FieldErrors }, { status: reason === "invalid" ? 404 : 410 });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkUserToken(getDb(), params.token ?? "", "reset");
  if (!check.ok) return linkProblem(check.reason);
  return json({ state: "ready" as const, email: check.user.email });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const check = await checkUserToken(db, token, "reset");
  if (!check.ok) return linkProblem(check.reason);
  // Passwords are not sent back to the page: re-entering them is safer than echoing them in HTML.
  const form = parseForm(newPasswordSchema(check.user.email), await readFormData(request));
  if (!form.success) return json({ state: "ready" as const, errors: form.errors }, { status: 400 });
  const result = await setPasswordWithToken(db, { token, purpose: "reset", password: form.data.password, ip: context?.clientIp });
  if (!result.ok) return linkProblem(result.reason);
  return redirect("/login?passwordSet=1");
}

export default function ResetPassword() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = actionData?.state ?? data.state;
  if (state !== "ready" || data.state !== "ready") return <ResetLinkProblem reason={state === "ready" ? "invalid" : state} />;
  const errors = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Choose a new password</h1>
        <p className="govuk-body">
          For <strong>{data.email}</strong>. When you save it, you will be signed out everywhere and can sign in with the new password.
        </p>
        <Form method="post" noValidate>
          <input type="email" name="username" autoComplete="username" value={data.email} readOnly hidden />
          <Input
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`Use ${PASSWORD_MIN_LENGTH} characters or more. A password manager or three random words work well.`}
            error={errors.password}
          />
          <Input name="confirmPassword" label="Confirm your new password" type="password" autoComplete="new-password" error={errors.confirmPassword} />
          <Button preventDoubleClick>Save new password</Button>
        </Form>
      </div>
    </div>
  );
}

function ResetLinkProblem({ reason }: { reason: LinkProblem }) {
  const heading = {
    invalid: "This reset link is not valid",
    expired: "This reset link has expired",
    used: "This reset link has already been used",
  }[reason];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">
          {reason === "invalid" ? "Check you copied the whole link from the email. " : null}
          {reason === "expired" ? "Reset links last 1 hour. " : null}
          You can <a className="govuk-link" href="/forgot-password">ask for a new link</a> or <a className="govuk-link" href="/login">sign in</a>.
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Choose a new password – Waymark" }];
