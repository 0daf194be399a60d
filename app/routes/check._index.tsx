import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { InsetText } from "~/components/inset-text";
import { NotificationBanner } from "~/components/notification-banner";
import type { Messages } from "~/i18n/catalogue";
import { pageText } from "~/i18n/i18n.server";
import { formatReferenceCode } from "~/lib/reference-code";
import { isComplete } from "~/triage/flow";
import { loadTriageContent } from "~/triage/question-bank.server";
import { nextHref } from "~/triage/question-view";
import { clearCheck, readCheck } from "~/triage/triage-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { bank } = loadTriageContent();
  const { answers, lastReference } = readCheck(await getSession(request));
  const started = Object.keys(answers).length > 0;
  const { t, copy } = await pageText(request, "check");
  const text: Messages = { ...copy("start"), title: t("title") };
  return json({
    started,
    text,
    lastPlan: lastReference ? { href: `/check/result/${lastReference}`, heading: t("start.lastPlan", { reference: formatReferenceCode(lastReference) }) } : null,
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
  const { started, lastPlan, continueHref, complete, text } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {lastPlan ? (
          <NotificationBanner heading={lastPlan.heading}>
            <p className="govuk-body">
              <a className="govuk-notification-banner__link" href={lastPlan.href}>
                {text.seePlan}
              </a>
            </p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-xl">{text.title}</h1>
        <p className="govuk-body-l">{text.lead}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{text["points.time"]}</li>
          <li>{text["points.private"]}</li>
          <li>{text["points.noWrong"]}</li>
          <li>{text["points.change"]}</li>
        </ul>
        {started ? (
          <>
            <InsetText>{text.started}</InsetText>
            <Button href={continueHref} isStartButton>
              {complete ? text.checkAnswers : text.carryOn}
            </Button>
            <Form method="post" noValidate>
              <Button variant="secondary">{text.startAgain}</Button>
            </Form>
          </>
        ) : (
          <Button href={continueHref} isStartButton>
            {text.startNow}
          </Button>
        )}
        <p className="govuk-body">
          {text.havePlan} <a className="govuk-link" href="/check/reopen">{text.reopenLink}</a>.
        </p>

        <h2 className="govuk-heading-m">{text.otherWays}</h2>
        <p className="govuk-body">{text.notAlone}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{text.library}</li>
          <li>
            <a className="govuk-link" href="/services?category=one-to-one-support">
              {text.championLink}
            </a>{" "}
            {text.championRest}
          </li>
          <li>
            <a className="govuk-link" href="/services?attending=phone">
              {text.phoneLink}
            </a>
            .
          </li>
        </ul>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.text.title ?? "Check what help you might need"} – Waymark` }];
