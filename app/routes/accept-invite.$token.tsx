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
  const check = await checkUserToken(getDb(), params.token ?? "", "invite");
  if (!check.ok) return linkProblem(check.reason);
  return json({ state: "ready" as const, name: check.user.name, email: check.user.email });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const check = await checkUserToken(db, token, "invite");
  if (!check.ok) return linkProblem(check.reason);
  // Passwords are not sent back to the page: re-entering them is safer than echoing them in HTML.
  const form = parseForm(newPasswordSchema(check.user.email), await readFormData(request));
  if (!form.success) return json({ state: "ready" as const, errors: form.errors }, { status: 400 });
  const result = await setPasswordWithToken(db, { token, purpose: "invite", password: form.data.password, ip: context?.clientIp });
  if (!result.ok) return linkProblem(result.reason);
  return redirect("/login?passwordSet=1");
}

export default function AcceptInvite() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = actionData?.state ?? data.state;
  if (state !== "ready" || data.state !== "ready") return <InvitationProblem reason={state === "ready" ? "invalid" : state} />;
  const errors = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Set your password</h1>
        <p className="govuk-body">
          Welcome to Waymark, {data.name}. Choose a password to finish setting up your account for <strong>{data.email}</strong>.
        </p>
        <Form method="post" noValidate>
          <input type="email" name="username" autoComplete="username" value={data.email} readOnly hidden />
          <Input
            name="password"
            label="Create a password"
            type="password"
            autoComplete="new-password"
            hint={`Use ${PASSWORD_MIN_LENGTH} characters or more. A password manager or three random words work well.`}
            error={errors.password}
          />
          <Input name="confirmPassword" label="Confirm your password" type="password" autoComplete="new-password" error={errors.confirmPassword} />
          <Button preventDoubleClick>Set password</Button>
        </Form>
      </div>
    </div>
  );
}

function InvitationProblem({ reason }: { reason: LinkProblem }) {
  const heading = {
    invalid: "This invitation link is not valid",
    expired: "This invitation has expired",
    used: "This invitation has already been used",
  }[reason];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        {reason === "invalid" ? (
          <p className="govuk-body">Check you copied the whole link from the email. If it still does not work, ask the person who invited you to send a new invitation.</p>
        ) : null}
        {reason === "expired" ? <p className="govuk-body">Invitations last 7 days. Ask the person who invited you, or your partnership coordinator, to send a new one.</p> : null}
        {reason === "used" ? (
          <p className="govuk-body">
            If you have already set your password, <a className="govuk-link" href="/login">sign in</a>. If you have forgotten it,{" "}
            <a className="govuk-link" href="/forgot-password">reset your password</a>.
          </p>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Set your password – Waymark" }];
