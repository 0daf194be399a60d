import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { getSession, redirectWithSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { ErrorSummary } from "~/components/error-summary";
import { answerQuestion } from "~/triage/flow";
import { residentQuestion } from "~/i18n/i18n.server";
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
import { readAssisted, writeAssisted } from "~/triage/triage-session.server";
import { findQuestion } from "~/triage/types";
import { readFormData } from "~/lib/forms";

function navigation(request: Request, sectionIds: string[]): NavigationOptions {
  const params = new URL(request.url).searchParams;
  const section = params.get("section");
  return { returnToAnswers: params.get("return") === "answers", sectionId: section && sectionIds.includes(section) ? section : undefined };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "triage:create");
  const { bank } = loadTriageContent();
  const state = readAssisted(await getSession(request), user.id);
  if (!state) throw redirect("/triage");
  const id = params.questionId ?? "";
  const nav = navigation(request, bank.sections.map((s) => s.id));
  const status = questionStatus(bank, state.answers, id);
  if (status === "unknown") throw new Response("Not found", { status: 404 });
  const back = backHref("/triage", bank, state.answers, id, nav);
  if (status === "not-shown") {
    return json({ kind: "not-shown" as const, backHref: back, continueHref: nextHref("/triage", bank, state.answers, "assisted", nav) });
  }
  return json({
    kind: "question" as const,
    backHref: back,
    formAction: questionHref("/triage", id, nav),
    question: questionView(bank, state.answers, findQuestion(bank, id)!, "assisted"),
    resident: residentQuestion(state.residentLanguage, id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "triage:create");
  const { bank } = loadTriageContent();
  const session = await getSession(request);
  const state = readAssisted(session, user.id);
  if (!state) return json({ error: "This conversation has ended or timed out. Start a new one from the triage page.", chosen: null }, { status: 400 });
  const id = params.questionId ?? "";
  const form = await readFormData(request);
  const posted = form.get("questionId");
  if (posted !== null && posted !== id) {
    return json({ error: "That answer was for a different question. Answer the question on this page.", chosen: null }, { status: 400 });
  }
  const result = answerQuestion(bank, state.answers, id, postedAnswer(form), "assisted");
  if (!result.ok) {
    // Shown again as it was sent (less anything made up), not as it was saved before.
    const question = findQuestion(bank, id);
    return json({ error: result.error, chosen: question ? postedChoices(question, form) : null }, { status: 400 });
  }
  writeAssisted(session, { ...state, answers: result.answers });
  return redirectWithSession(session, nextHref("/triage", bank, result.answers, "assisted", navigation(request, bank.sections.map((s) => s.id))));
}

export default function TriageQuestion() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error;
  return (
    <div className="app-compact">
      <BackLink href={data.backHref} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={error ? [{ href: data.kind === "question" ? "#answer" : "#continue", text: error }] : []} />
          {data.kind === "question" ? (
            <Form method="post" action={data.formAction} noValidate key={data.question.id}>
              <input type="hidden" name="questionId" value={data.question.id} />
              <span className="govuk-caption-m">
                {data.question.sectionTitle}
                {data.question.skipped ? " (skipped earlier)" : ""}
              </span>
              {data.resident ? <ResidentWording wording={data.resident} /> : null}
              <QuestionControl view={withPostedChoices(data.question, actionData?.chosen)} error={error} compact />
              <Details summary="What to look out for">
                <ul className="govuk-list govuk-list--bullet">
                  {data.question.lookOutFor.map((cue) => (
                    <li key={cue}>{cue}</li>
                  ))}
                </ul>
              </Details>
              <Details summary="Why we ask">
                <p className="govuk-body">{data.question.why}</p>
              </Details>
              <div className="app-button-row">
                <Button preventDoubleClick>Continue</Button>
                <Button variant="secondary" name="intent" value="skip">
                  Skip for now
                </Button>
              </div>
            </Form>
          ) : (
            <>
              <h1 className="govuk-heading-l">This question is not needed</h1>
              <p className="govuk-body">The answers so far mean this question does not apply, or its answer is already known.</p>
              <Button href={data.continueHref} id="continue">
                Continue
              </Button>
            </>
          )}
          <p className="govuk-body">
            <a className="govuk-link" href="/triage/sections">
              See all sections
            </a>
          </p>
        </div>
      </div>
    </div>
  );
}

/** The question as the resident check asks it, in their language, for them to read alongside. */
function ResidentWording({ wording }: { wording: { lang: string; languageName: string; heading: string; hint: string | null; options: string[] } }) {
  return (
    <div className="govuk-inset-text app-resident-wording" lang={wording.lang}>
      <p className="govuk-body govuk-!-font-weight-bold">{wording.heading}</p>
      {wording.hint ? <p className="govuk-hint">{wording.hint}</p> : null}
      <ul className="govuk-list govuk-list--bullet">
        {wording.options.map((option) => (
          <li key={option}>{option}</li>
        ))}
      </ul>
      <p className="govuk-body-s" lang="en-GB">
        Shown in {wording.languageName} for the person to read.
      </p>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.kind === "question" ? data.question.heading : "This question is not needed"} – Triage conversation – Waymark` },
];
