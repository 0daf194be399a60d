import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { getSession } from "~/accounts/session.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Tag } from "~/components/tag";
import { isComplete, nextQuestion, sectionProgress, skippedQuestions, type SectionStatus } from "~/triage/flow";
import { loadTriageContent } from "~/triage/question-bank.server";
import { nextHref, questionHref } from "~/triage/question-view";
import { readAssisted } from "~/triage/triage-session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "triage:create");
  const { bank } = loadTriageContent();
  const state = readAssisted(await getSession(request), user.id);
  if (!state) throw redirect("/triage");
  const { answers } = state;
  const skipped = skippedQuestions(bank, answers);
  const sections = sectionProgress(bank, answers).map((p) => {
    const open = nextQuestion(bank, answers, "assisted", { sectionId: p.section.id });
    const first = bank.questions.find((q) => q.sectionId === p.section.id);
    // An open question to go to, else (all answered) the first to look over; skipped ones are listed apart.
    const target = open ?? (p.status === "completed" ? first : undefined) ?? skipped.find((q) => q.sectionId === p.section.id);
    return {
      id: p.section.id,
      title: p.section.title,
      description: p.section.description,
      status: p.status,
      skipped: skipped.filter((q) => q.sectionId === p.section.id).map((q) => ({ summary: q.summary, href: questionHref("/triage", q.id, { sectionId: p.section.id }) })),
      href: p.status === "not-needed" || !target ? null : questionHref("/triage", target.id, { sectionId: p.section.id }),
    };
  });
  const complete = isComplete(bank, answers, "assisted");
  return json({ sections, complete, continueHref: complete ? "/triage/answers" : nextHref("/triage", bank, answers, "assisted") });
}

const STATUS: Record<SectionStatus, { text: string; colour?: "blue" | "light-blue" | "grey" }> = {
  "not-started": { text: "Not started", colour: "blue" },
  "in-progress": { text: "In progress", colour: "light-blue" },
  completed: { text: "Completed" },
  // Branching may still bring these in, since their conditions can rest on questions not yet answered.
  "not-needed": { text: "Not needed so far", colour: "grey" },
};

export default function TriageSections() {
  const { sections, complete, continueHref } = useLoaderData<typeof loader>();
  return (
    <div className="app-compact">
      <BackLink href="/triage">Back</BackLink>
      <h1 className="govuk-heading-l">Sections</h1>
      <p className="govuk-body">Go to any section in the order the conversation takes. Skipped questions are listed so you can come back to them.</p>
      <ul className="govuk-task-list">
        {sections.map((s) => {
          const status = STATUS[s.status];
          return (
            <li key={s.id} className={`govuk-task-list__item${s.href ? " govuk-task-list__item--with-link" : ""}`}>
              <div className="govuk-task-list__name-and-hint">
                {s.href ? (
                  <a className="govuk-link govuk-task-list__link" href={s.href} aria-describedby={`${s.id}-status`}>
                    {s.title}
                  </a>
                ) : (
                  <div>{s.title}</div>
                )}
                <div className="govuk-task-list__hint">{s.description}</div>
              </div>
              <div className="govuk-task-list__status" id={`${s.id}-status`}>
                {status.colour ? <Tag colour={status.colour}>{status.text}</Tag> : status.text}
              </div>
            </li>
          );
        })}
      </ul>
      {sections.some((s) => s.skipped.length > 0) ? (
        <>
          <h2 className="govuk-heading-m">Skipped questions</h2>
          <ul className="govuk-list">
            {sections.flatMap((s) =>
              s.skipped.map((q) => (
                <li key={q.href}>
                  <a className="govuk-link" href={q.href}>
                    {q.summary}
                  </a>{" "}
                  <span className="app-meta">({s.title})</span>
                </li>
              )),
            )}
          </ul>
        </>
      ) : null}
      <Button href={continueHref}>{complete ? "Check answers and finish" : "Carry on with the next question"}</Button>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sections – Triage conversation – Waymark" }];
