import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { getCurrentUser } from "~/accounts/auth.server";
import { homeFor } from "~/accounts/home";
import { commitSession, destroySession, getSession } from "~/accounts/session.server";
import { safeRedirect, signIn } from "~/accounts/sign-in.server";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { getDb } from "~/lib/db.server";
import { echoed, type FieldErrors, parseForm, readFormData } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), homeFor(user.role)));
  return null;
}

const signInSchema = z.object({
  email: z.string().trim().min(1, "Enter your email address").max(254, "Email address must be 254 characters or fewer").email("Enter an email address in the correct format, like name@example.org"),
  password: z.string().min(1, "Enter your password").max(1000, "Password must be 1,000 characters or fewer"),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(signInSchema, await readFormData(request));
  if (!form.success) return json({ errors: form.errors, values: { email: echoed(form.values, "email") } }, { status: 400 });

  const result = await signIn(getDb(), { email: form.data.email, password: form.data.password, ip: context?.clientIp ?? "unknown" });
  if (!result.ok) {
    const message =
      result.reason === "throttled"
        ? `Too many attempts to sign in. Try again in ${result.minutes} minute${result.minutes === 1 ? "" : "s"}.`
        : "Email address or password is not right. Check them and try again.";
    return json({ errors: { email: message } as FieldErrors, values: { email: form.data.email } }, { status: result.reason === "throttled" ? 429 : 400 });
  }

  // A new session id at sign-in, so a session fixed before sign-in is worthless afterwards.
  const old = await getSession(request);
  const cleared = await destroySession(old);
  const session = await getSession(new Request(request.url));
  session.set("userId", result.userId);
  const headers = new Headers();
  headers.append("Set-Cookie", cleared);
  headers.append("Set-Cookie", await commitSession(session));
  const user = await getDb().selectFrom("users").select("role").where("id", "=", result.userId).executeTakeFirstOrThrow();
  return redirect(safeRedirect(form.data.redirectTo, homeFor(user.role)), { headers });
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get("signedOut") ? (
          <NotificationBanner type="success" heading="You have signed out." />
        ) : null}
        {params.get("passwordSet") ? (
          <NotificationBanner type="success" heading="Your password has been set. You can now sign in." />
        ) : null}
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Sign in to Waymark</h1>
        <p className="govuk-body">For Digital Champions, frontline staff, service providers and partnership coordinators.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <Input
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={actionData?.values.email}
            error={errors.email}
          />
          <Input name="password" label="Password" type="password" autoComplete="current-password" error={errors.password} />
          <Button>Sign in</Button>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href="/forgot-password">
            I have forgotten my password
          </a>
        </p>
        <h2 className="govuk-heading-m">If you are not a champion or member of staff</h2>
        <p className="govuk-body">
          You do not need an account to <a className="govuk-link" href="/check">check what help you might need</a> or to{" "}
          <a className="govuk-link" href="/services">find help near you</a>.
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in – Waymark" }];
