import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { answerQuestion } from "~/triage/flow";
import { QuestionControl } from "~/triage/question-control";
import { loadTriageContent } from "~/triage/question-bank.server";
import {
  backHref,
  nextHref,
  postedAnswer,
  postedChoices,
  questionHref,
  questionStatus,
  questionView,
  withPostedChoices,
  type NavigationOptions,
} from "~/triage/question-view";
import { readCheck, writeCheck } from "~/triage/triage-session.server";
import { findQuestion } from "~/triage/types";
import { readFormData } from "~/lib/forms";

function navigation(request: Request): NavigationOptions {
  return { returnToAnswers: new URL(request.url).searchParams.get("return") === "answers" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { bank } = loadTriageContent();
  const { answers } = readCheck(await getSession(request));
  const id = params.questionId ?? "";
  const nav = navigation(request);
  const status = questionStatus(bank, answers, id);
  if (status === "unknown") throw new Response("Not found", { status: 404 });
  const back = backHref("/check", bank, answers, id, nav);
  if (status === "not-shown") {
    // Reached by an old bookmark or after changing an earlier answer: say so, and move on.
    return json({ kind: "not-shown" as const, backHref: back, continueHref: nextHref("/check", bank, answers, "self", nav) });
  }
  return json({
    kind: "question" as const,
    backHref: back,
    formAction: questionHref("/check", id, nav),
    question: questionView(bank, answers, findQuestion(bank, id)!, "self"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { bank } = loadTriageContent();
  const session = await getSession(request);
  const { answers } = readCheck(session);
  const id = params.questionId ?? "";
  const form = await readFormData(request);
  const posted = form.get("questionId");
  if (posted !== null && posted !== id) {
    return json({ error: "That answer was for a different question. Answer the question on this page.", chosen: null }, { status: 400 });
  }
  const result = answerQuestion(bank, answers, id, postedAnswer(form), "self");
  if (!result.ok) {
    // Shown again as it was sent (less anything made up), not as it was saved before.
    const question = findQuestion(bank, id);
    return json({ error: result.error, chosen: question ? postedChoices(question, form) : null }, { status: 400 });
  }
  writeCheck(session, { answers: result.answers });
  return redirectWithSession(session, nextHref("/check", bank, result.answers, "self", navigation(request)));
}

export default function CheckQuestion() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error;
  return (
    <>
      <BackLink href={data.backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={error ? [{ href: data.kind === "question" ? "#answer" : "#continue", text: error }] : []} />
          {data.kind === "question" ? (
            // Keyed by question, so a choice on one page is never carried over to the next.
            <Form method="post" action={data.formAction} noValidate key={data.question.id}>
              <input type="hidden" name="questionId" value={data.question.id} />
              <span className="govuk-caption-l">{data.question.sectionTitle}</span>
              <QuestionControl view={withPostedChoices(data.question, actionData?.chosen)} error={error} />
              <Button preventDoubleClick>Continue</Button>
            </Form>
          ) : (
            <>
              <h1 className="govuk-heading-l">You do not need to answer this question</h1>
              <p className="govuk-body">Your earlier answers mean this question does not apply to you.</p>
              <Button href={data.continueHref} id="continue">
                Continue
              </Button>
            </>
          )}
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.kind === "question" ? data.question.heading : "You do not need to answer this question"} – Check what help you might need – Waymark` },
];
