import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { Radios } from "~/components/radios";
import { answerFieldName, PASS_MARK_PERCENT, readQuizSubmission, scoreQuiz } from "~/knowledge/training";
import { getTrainingModule, recordQuizAttempt } from "~/knowledge/training.server";
import { getDb } from "~/lib/db.server";
import { readFormData } from "~/lib/forms";

function findModule(moduleId: string | undefined) {
  const module = getTrainingModule(moduleId ?? "");
  if (!module) throw new Response("Not found", { status: 404 });
  return module;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "training:take");
  const module = findModule(params.moduleId);
  return {
    id: module.id,
    title: module.title,
    // Only the wording goes to the page: which option is right stays on the server.
    questions: module.quiz.questions.map((question) => ({
      id: question.id,
      field: answerFieldName(question.id),
      text: question.text,
      options: question.options.map((option) => ({ id: option.id, text: option.text })),
    })),
  };
}

// The quiz's zod schema is built per module (quizFormSchema): every question needs exactly one of
// its own option ids. The valid answers come back with the errors so none are lost.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "training:take");
  const module = findModule(params.moduleId);
  const submission = readQuizSubmission(module, await readFormData(request));
  if (!submission.ok) return json({ errors: submission.errors, answers: submission.answers }, { status: 400 });
  const result = scoreQuiz(module, submission.answers);
  const attempt = await recordQuizAttempt(getDb(), {
    userId: user.id,
    moduleId: module.id,
    score: result.percent,
    passed: result.passed,
    answers: submission.answers,
  });
  return redirect(`/training/${module.id}/quiz/results/${attempt.id}`);
}

export default function TrainingQuiz() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = new Map((actionData?.errors ?? []).map((error) => [error.field, error.message]));
  const answers: Record<string, string> = actionData?.answers ?? {};
  return (
    <>
      <BackLink href={`/training/${data.id}`}>{data.title}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={(actionData?.errors ?? []).map((error) => ({ href: `#${error.field}`, text: error.message }))} />
          <span className="govuk-caption-l">{data.title}</span>
          <h1 className="govuk-heading-l">Quiz</h1>
          <p className="govuk-body">
            Answer all {data.questions.length} questions, then check your answers. You need {PASS_MARK_PERCENT}% to pass. You will see why each
            answer is right or wrong, and you can try again.
          </p>
          <Form method="post" noValidate>
            {data.questions.map((question, index) => (
              <Radios
                key={question.id}
                name={question.field}
                legend={
                  <>
                    <span className="govuk-visually-hidden">Question </span>
                    {index + 1}. {question.text}
                  </>
                }
                legendSize="s"
                error={errors.get(question.field)}
                defaultValue={answers[question.id]}
                items={question.options.map((option) => ({ value: option.id, text: option.text }))}
              />
            ))}
            <Button preventDoubleClick>Check my answers</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Quiz: ${data.title} – Waymark` : "Page not found – Waymark" }];
