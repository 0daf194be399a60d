import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import type { Messages } from "~/i18n/catalogue";
import { bankIn, pageText } from "~/i18n/i18n.server";
import { answerQuestion } from "~/triage/flow";
import { QuestionControl } from "~/triage/question-control";
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
  const { code, t, copy } = await pageText(request, "check");
  const bank = bankIn(code);
  const { answers } = readCheck(await getSession(request));
  const text: Messages = { ...copy("question"), back: t("back"), continue: t("continue"), errorSummaryTitle: t("errorSummaryTitle"), title: t("title") };
  const id = params.questionId ?? "";
  const nav = navigation(request);
  const status = questionStatus(bank, answers, id);
  if (status === "unknown") throw new Response("Not found", { status: 404 });
  const back = backHref("/check", bank, answers, id, nav);
  if (status === "not-shown") {
    // Reached by an old bookmark or after changing an earlier answer: say so, and move on.
    return json({ kind: "not-shown" as const, text, backHref: back, continueHref: nextHref("/check", bank, answers, "self", nav) });
  }
  return json({
    kind: "question" as const,
    text,
    backHref: back,
    formAction: questionHref("/check", id, nav),
    question: questionView(bank, answers, findQuestion(bank, id)!, "self"),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { code, t } = await pageText(request, "check");
  const bank = bankIn(code);
  const session = await getSession(request);
  const { answers } = readCheck(session);
  const id = params.questionId ?? "";
  const form = await readFormData(request);
  const posted = form.get("questionId");
  if (posted !== null && posted !== id) {
    return json({ error: t("question.wrongQuestion"), chosen: null }, { status: 400 });
  }
  const result = answerQuestion(bank, answers, id, postedAnswer(form), "self");
  if (!result.ok) {
    // Shown again as it was sent (less anything made up), not as it was saved before.
    const question = findQuestion(bank, id);
    return json({ error: t(`errors.${result.code}`, result.values), chosen: question ? postedChoices(question, form) : null }, { status: 400 });
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
      <BackLink href={data.backHref}>{data.text.back}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary title={data.text.errorSummaryTitle} errors={error ? [{ href: data.kind === "question" ? "#answer" : "#continue", text: error }] : []} />
          {data.kind === "question" ? (
            // Keyed by question, so a choice on one page is never carried over to the next.
            <Form method="post" action={data.formAction} noValidate key={data.question.id}>
              <input type="hidden" name="questionId" value={data.question.id} />
              <span className="govuk-caption-l">{data.question.sectionTitle}</span>
              <QuestionControl view={withPostedChoices(data.question, actionData?.chosen)} error={error} text={data.text} />
              <Button preventDoubleClick>{data.text.continue}</Button>
            </Form>
          ) : (
            <>
              <h1 className="govuk-heading-l">{data.text.notShownTitle}</h1>
              <p className="govuk-body">{data.text.notShownText}</p>
              <Button href={data.continueHref} id="continue">
                {data.text.continue}
              </Button>
            </>
          )}
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.kind === "question" ? data.question.heading : data?.text.notShownTitle} – ${data?.text.title} – Waymark` },
];
