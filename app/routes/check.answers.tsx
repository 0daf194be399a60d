import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import type { Messages } from "~/i18n/catalogue";
import { bankIn, pageText } from "~/i18n/i18n.server";
import { getDb } from "~/lib/db.server";
import { recordFollowUp } from "~/outreach/follow-up.server";
import { isComplete, nextQuestion } from "~/triage/flow";
import { completeTriage } from "~/triage/outcome";
import { loadTriageContent } from "~/triage/question-bank.server";
import { answerSections, questionHref, type AnswerRow } from "~/triage/question-view";
import { saveTriageResult } from "~/triage/triage-results.server";
import { clearCheck, readCheck } from "~/triage/triage-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { code, t, copy } = await pageText(request, "check");
  const bank = bankIn(code);
  const { answers, lastReference } = readCheck(await getSession(request));
  if (Object.keys(answers).length === 0) throw redirect(lastReference ? `/check/result/${lastReference}` : "/check");
  if (!isComplete(bank, answers, "self")) throw redirect(questionHref("/check", nextQuestion(bank, answers, "self")!.id));
  const sections = answerSections("/check", bank, answers, "self", t("answers.outOf"));
  const last = sections.flatMap((s) => s.rows).filter((row) => row.changeHref).at(-1);
  const text: Messages = { ...copy("answers"), back: t("back"), errorSummaryTitle: t("errorSummaryTitle"), checkTitle: t("title") };
  return json({ sections, text, backHref: last ? questionHref("/check", last.questionId) : "/check" });
}

export async function action({ request }: ActionFunctionArgs) {
  const content = loadTriageContent();
  const session = await getSession(request);
  const { answers } = readCheck(session);
  const completed = completeTriage(content, answers, "self");
  if (!completed.ok) {
    const { t } = await pageText(request, "check");
    return json({ error: t("answers.notFinished"), href: questionHref("/check", completed.questionId) }, { status: 400 });
  }
  const db = getDb();
  const saved = await saveTriageResult(db, { outcome: completed.outcome });
  await recordFollowUp(db, session, "check");
  clearCheck(session, saved.reference);
  return redirectWithSession(session, `/check/result/${saved.reference}`);
}

export default function CheckAnswers() {
  const { sections, backHref, text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink href={backHref}>{text.back}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={text.errorSummaryTitle} errors={actionData ? [{ href: actionData.href, text: actionData.error }] : []} />
          <h1 className="govuk-heading-l">{text.title}</h1>
          <p className="govuk-body">{text.lead}</p>
          {sections.map((section) => (
            <section key={section.id} aria-labelledby={`answers-${section.id}`}>
              <h2 className="govuk-heading-m" id={`answers-${section.id}`}>
                {section.title}
              </h2>
              <SummaryList
                rows={section.rows.map((row) => ({
                  key: row.summary,
                  value: <AnswerValue row={row} inferredNote={text.inferred} />,
                  actions: row.changeHref ? [{ href: row.changeHref, text: text.change, visuallyHiddenText: row.summary.toLowerCase() }] : [],
                }))}
              />
            </section>
          ))}
          <h2 className="govuk-heading-m">{text.getPlanHeading}</h2>
          <p className="govuk-body">{text.privacy}</p>
          <Form method="post" noValidate>
            <Button preventDoubleClick>{text.getPlan}</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

function AnswerValue({ row, inferredNote }: { row: AnswerRow; inferredNote: string }) {
  const note = row.inferred ? <span className="app-meta"> {inferredNote}</span> : null;
  if (row.answer.length === 1) {
    return (
      <>
        {row.answer[0]}
        {note}
      </>
    );
  }
  return (
    <ul className="govuk-list">
      {row.answer.map((answer) => (
        <li key={answer}>{answer}</li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.text.title} – ${data?.text.checkTitle} – Waymark` }];
