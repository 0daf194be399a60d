import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { InsetText } from "~/components/inset-text";
import { NotificationBanner } from "~/components/notification-banner";
import { formatReferenceCode } from "~/lib/reference-code";
import { isComplete } from "~/triage/flow";
import { loadTriageContent } from "~/triage/question-bank.server";
import { nextHref } from "~/triage/question-view";
import { clearCheck, readCheck } from "~/triage/triage-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { bank } = loadTriageContent();
  const { answers, lastReference } = readCheck(await getSession(request));
  const started = Object.keys(answers).length > 0;
  return json({
    started,
    lastPlan: lastReference ? { href: `/check/result/${lastReference}`, reference: formatReferenceCode(lastReference) } : null,
    continueHref: nextHref("/check", bank, answers, "self"),
    complete: started && isComplete(bank, answers, "self"),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  // The only thing to do here is start again, so no intent is needed.
  const session = await getSession(request);
  clearCheck(session);
  return redirectWithSession(session, "/check");
}

export default function CheckStart() {
  const { started, lastPlan, continueHref, complete } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {lastPlan ? (
          <NotificationBanner heading={`You made a plan with reference ${lastPlan.reference}.`}>
            <p className="govuk-body">
              <a className="govuk-notification-banner__link" href={lastPlan.href}>
                See your plan
              </a>
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-xl">Check what help you might need</h1>
        <p className="govuk-body-l">Answer some short questions about you and the internet. At the end you get a plan: what to do next, and help near you.</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>It takes about 10 minutes.</li>
          <li>You do not need to give your name, email or phone number.</li>
          <li>There are no right or wrong answers.</li>
          <li>You can go back and change an answer at any time.</li>
        </ul>
        {started ? (
          <>
            <InsetText>You have already started. Your answers are kept for 4 hours after your last answer.</InsetText>
            <Button href={continueHref} isStartButton>
              {complete ? "Check your answers" : "Carry on"}
            </Button>
            <Form method="post" noValidate>
              <Button variant="secondary">Start again</Button>
            </Form>
          </>
        ) : (
          <Button href={continueHref} isStartButton>
            Start now
          </Button>
        )}
        <p className="govuk-body">
          Already have a plan? <a className="govuk-link" href="/check/reopen">Open your plan with your reference</a>.
        </p>

        <h2 className="govuk-heading-m">Other ways to get help</h2>
        <p className="govuk-body">You do not have to do this on your own or online.</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>Go to your local library. Most have free computers, free Wi-Fi and staff who can help.</li>
          <li>
            <a className="govuk-link" href="/services?category=one-to-one-support">
              Find a Digital Champion
            </a>{" "}
            who can go through this with you, in person.
          </li>
          <li>
            <a className="govuk-link" href="/services?attending=phone">
              Find help you can get by phone
            </a>
            .
          </li>
        </ul>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Check what help you might need – Waymark" }];
