import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Panel } from "~/components/panel";
import { Tag } from "~/components/tag";
import { PASS_MARK_PERCENT, scoreQuiz } from "~/knowledge/training";
import { getTrainingModule } from "~/knowledge/training.server";
import { findOwnAttempt } from "~/knowledge/training-people.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "training:take");
  const module = getTrainingModule(params.moduleId ?? "");
  // Someone else's attempt is treated as not existing, like any record out of reach.
  const attempt = module ? await findOwnAttempt(getDb(), { id: params.attemptId ?? "", userId: user.id, moduleId: module.id }) : null;
  if (!module || !attempt) throw new Response("Not found", { status: 404 });
  const result = scoreQuiz(module, attempt.answers);
  return {
    moduleId: module.id,
    title: module.title,
    // The stored score is the record; it stays as it was even if the quiz is later reworded.
    score: attempt.score,
    passed: attempt.passed,
    correct: result.correct,
    total: result.total,
    questions: module.quiz.questions.map((question, index) => {
      const marked = result.perQuestion[index];
      const optionText = (id: string | null) => question.options.find((option) => option.id === id)?.text ?? null;
      return {
        id: question.id,
        text: question.text,
        chosen: optionText(marked.chosen),
        right: optionText(marked.correctOptionId),
        correct: marked.correct,
        feedback: marked.feedback,
      };
    }),
  };
}

export default function QuizResults() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/training/${data.moduleId}`}>{data.title}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {data.passed ? (
            <Panel title="You passed">
              You scored {data.score}%
              <br />
              {data.correct} out of {data.total} correct
            </Panel>
          ) : (
            <>
              <h1 className="govuk-heading-l">You have not passed yet</h1>
              <p className="govuk-body-l">
                You scored {data.score}% ({data.correct} out of {data.total} correct). You need {PASS_MARK_PERCENT}% to pass.
              </p>
              <p className="govuk-body">Read the feedback below, then try the quiz again. Going back over the lessons can help.</p>
            </>
          )}
          <p className="govuk-body">
            {data.passed ? "This module is now marked as passed in your learning record." : "Your score is saved in your learning record."}
          </p>
          <h2 className="govuk-heading-m">Your answers</h2>
          <ol className="govuk-list app-quiz-feedback">
            {data.questions.map((question, index) => (
              <li key={question.id} className="app-quiz-feedback__item">
                <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
                  {index + 1}. {question.text}
                </h3>
                <p className="govuk-body govuk-!-margin-bottom-2">
                  {question.correct ? <Tag colour="green">Correct</Tag> : <Tag colour="red">Not right</Tag>}
                </p>
                <p className="govuk-body govuk-!-margin-bottom-1">Your answer: {question.chosen ?? "No answer"}</p>
                {question.correct ? null : <p className="govuk-body govuk-!-margin-bottom-1">Right answer: {question.right}</p>}
                <p className="govuk-body">{question.feedback}</p>
              </li>
            ))}
          </ol>
          <Button href={`/training/${data.moduleId}/quiz`} variant={data.passed ? "secondary" : "primary"}>
            {data.passed ? "Take the quiz again" : "Try the quiz again"}
          </Button>
          <p className="govuk-body">
            <a className="govuk-link" href="/training">
              Back to all training
            </a>
          </p>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.passed ? "You passed" : "Quiz result"}: ${data.title} – Waymark` : "Page not found – Waymark" },
];
