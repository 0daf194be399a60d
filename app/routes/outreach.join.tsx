import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/accounts/auth.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Panel } from "~/components/panel";
import { Radios } from "~/components/radios";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { joinFormSchema } from "~/outreach/join-form";
import { joinOutreach } from "~/outreach/join.server";
import { consentWords, MESSAGES_PER_MONTH_AT_MOST, type OutreachChannel } from "~/outreach/outreach";
import { findSourceFacts } from "~/outreach/sources.server";

/** The link names where the person asked from (?from=check|triage|referral&ref=…); without one, a postcode is asked. */
async function sourceOf(request: Request) {
  const url = new URL(request.url);
  const from = url.searchParams.get("from") ?? "";
  const ref = url.searchParams.get("ref") ?? "";
  const facts = from && ref ? await findSourceFacts(getDb(), from, ref) : null;
  return { from, ref, facts };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { from, ref, facts } = await sourceOf(request);
  const joined = new URL(request.url).searchParams.get("joined");
  return json({
    from,
    ref,
    askPostcode: !facts?.outwardCode,
    joined: joined === "sms" || joined === "email" ? (joined as OutreachChannel) : null,
    words: { sms: consentWords("sms"), email: consentWords("email") },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readFormData(request);
  const { from, ref, facts } = await sourceOf(request);
  const form = parseForm(joinFormSchema, formData);
  if (!form.success) {
    return json({ errors: form.errors, values: { channel: echoed(form.values, "channel"), mobile: echoed(form.values, "mobile"), email: echoed(form.values, "email"), postcode: echoed(form.values, "postcode") } }, { status: 400 });
  }
  const user = await getCurrentUser(request);
  await joinOutreach(getDb(), { form: form.data, facts, user, baseUrl: publicBaseUrl(request), ip: context?.clientIp });
  const params = new URLSearchParams({ ...(from ? { from } : {}), ...(ref ? { ref } : {}), joined: form.data.channel });
  return redirect(`/outreach/join?${params}`);
}

export default function JoinOutreach() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values;
  if (data.joined) return <Joined channel={data.joined} />;
  const query = new URLSearchParams({ ...(data.from ? { from: data.from } : {}), ...(data.ref ? { ref: data.ref } : {}) });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Hear about help near you</h1>
        <p className="govuk-body">
          We can tell you when there is free help near you to get online: a new course, free phones, laptops or data, or a drop-in session. You choose text or email.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>No more than {MESSAGES_PER_MONTH_AT_MOST} messages a month, and never two in one week.</li>
          <li>You can stop at any time. Every message tells you how.</li>
          <li>We keep your number or email address only until you stop, or for 12 months at most.</li>
          <li>We also keep your postcode area and what your answers showed you want help with, so messages are about help that fits.</li>
        </ul>
        <Form method="post" action={`/outreach/join?${query}`} noValidate>
          <Radios
            name="channel"
            legend="How should we tell you?"
            legendSize="m"
            error={errors.channel}
            defaultValue={values?.channel}
            items={[
              { value: "sms", text: "Text message", hint: data.words.sms },
              { value: "email", text: "Email", hint: data.words.email },
            ]}
          />
          <Input name="mobile" label="UK mobile phone number, if you chose text" type="tel" autoComplete="tel" width="20" defaultValue={values?.mobile} error={errors.mobile} />
          <Input name="email" label="Email address, if you chose email" type="email" autoComplete="email" spellCheck={false} defaultValue={values?.email} error={errors.email} />
          {data.askPostcode ? (
            <Input name="postcode" label="Your postcode (optional)" hint="So we only tell you about help near you. We keep only the first half, like ME14." width="10" autoComplete="postal-code" defaultValue={values?.postcode} error={errors.postcode} />
          ) : null}
          <Checkboxes name="agree" error={errors.agree} items={[{ value: "yes", text: "Yes, send me these messages. I agree to the words shown for the way I chose." }]} />
          <Button preventDoubleClick>Send me news about help</Button>
        </Form>
      </div>
    </div>
  );
}

function Joined({ channel }: { channel: OutreachChannel }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title="You will hear about help near you">We have sent you a {channel === "sms" ? "text" : "email"} now, to check it reaches you.</Panel>
        <p className="govuk-body">That first message, and every one after it, has a link to stop.</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/services">
            Find help near you now
          </a>
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Hear about help near you – Waymark" }];
