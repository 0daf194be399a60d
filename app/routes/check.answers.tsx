import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/summary-list";
import { getDb } from "~/lib/db.server";
import { isComplete, nextQuestion } from "~/triage/flow";
import { completeTriage } from "~/triage/outcome";
import { loadTriageContent } from "~/triage/question-bank.server";
import { answerSections, questionHref, type AnswerRow } from "~/triage/question-view";
import { saveTriageResult } from "~/triage/triage-results.server";
import { clearCheck, readCheck } from "~/triage/triage-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { bank } = loadTriageContent();
  const { answers, lastReference } = readCheck(await getSession(request));
  if (Object.keys(answers).length === 0) throw redirect(lastReference ? `/check/result/${lastReference}` : "/check");
  if (!isComplete(bank, answers, "self")) throw redirect(questionHref("/check", nextQuestion(bank, answers, "self")!.id));
  const sections = answerSections("/check", bank, answers, "self");
  const last = sections.flatMap((s) => s.rows).filter((row) => row.changeHref).at(-1);
  return json({ sections, backHref: last ? questionHref("/check", last.questionId) : "/check" });
}

export async function action({ request }: ActionFunctionArgs) {
  const content = loadTriageContent();
  const session = await getSession(request);
  const { answers } = readCheck(session);
  const completed = completeTriage(content, answers, "self");
  if (!completed.ok) {
    return json({ error: "You have not answered every question yet. Answer this one to carry on.", href: questionHref("/check", completed.questionId) }, { status: 400 });
  }
  const saved = await saveTriageResult(getDb(), { outcome: completed.outcome });
  clearCheck(session, saved.reference);
  return redirectWithSession(session, `/check/result/${saved.reference}`);
}

export default function CheckAnswers() {
  const { sections, backHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink href={backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData ? [{ href: actionData.href, text: actionData.error }] : []} />
          <h1 className="govuk-heading-l">Check your answers</h1>
          <p className="govuk-body">Change anything that is not right. Then get your plan.</p>
          {sections.map((section) => (
            <section key={section.id} aria-labelledby={`answers-${section.id}`}>
              <h2 className="govuk-heading-m" id={`answers-${section.id}`}>
                {section.title}
              </h2>
              <SummaryList
                rows={section.rows.map((row) => ({
                  key: row.summary,
                  value: <AnswerValue row={row} />,
                  actions: row.changeHref ? [{ href: row.changeHref, text: "Change", visuallyHiddenText: row.summary.toLowerCase() }] : [],
                }))}
              />
            </section>
          ))}
          <h2 className="govuk-heading-m">Get your plan</h2>
          <p className="govuk-body">We keep your answers without your name, so nobody can tell they are yours. You get a reference to open your plan again.</p>
          <Form method="post" noValidate>
            <Button preventDoubleClick>Get my plan</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

function AnswerValue({ row }: { row: AnswerRow }) {
  const note = row.inferred ? <span className="app-meta"> (from an earlier answer)</span> : null;
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

export const meta: MetaFunction = () => [{ title: "Check your answers – Check what help you might need – Waymark" }];
