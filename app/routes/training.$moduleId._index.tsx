import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Tag } from "~/components/tag";
import { getArticle } from "~/knowledge/articles.server";
import { ModuleStatusTag } from "~/knowledge/module-status-tag";
import { PASS_MARK_PERCENT } from "~/knowledge/training";
import { getLearningRecord, getTrainingModule } from "~/knowledge/training.server";
import { bestScoreText, lessonsReadText, moduleStatus } from "~/knowledge/training-view";
import { getDb } from "~/lib/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "training:take");
  const module = getTrainingModule(params.moduleId ?? "");
  if (!module) throw new Response("Not found", { status: 404 });
  const [record] = await getLearningRecord(getDb(), user.id, [module]);
  const read = new Set(record.lessonsRead);
  return {
    id: module.id,
    title: module.title,
    summary: module.summary,
    core: module.core,
    minutes: module.estimatedMinutes,
    outcomes: module.learningOutcomes,
    questions: module.quiz.questions.length,
    lessons: module.lessons.map((lesson) => ({ id: lesson.id, title: lesson.title, read: read.has(lesson.id) })),
    status: moduleStatus(record),
    lessonsRead: lessonsReadText(record),
    bestScore: bestScoreText(record),
    related: module.relatedArticles.flatMap((slug) => {
      const article = getArticle(slug);
      return article ? [{ slug, title: article.title }] : [];
    }),
  };
}

export default function TrainingModule() {
  const data = useLoaderData<typeof loader>();
  const firstUnread = data.lessons.find((lesson) => !lesson.read) ?? data.lessons[0];
  return (
    <>
      <BackLink href="/training">All training</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">Training module</span>
          <h1 className="govuk-heading-l">{data.title}</h1>
          <p className="govuk-body">
            {data.core ? (
              <>
                <Tag colour="blue">Core</Tag>{" "}
              </>
            ) : null}
            <ModuleStatusTag status={data.status} />
          </p>
          <p className="govuk-body-l">{data.summary}</p>
          <p className="app-meta">
            About {data.minutes} minutes · {data.lessonsRead} · {data.bestScore}
          </p>

          <h2 className="govuk-heading-m">What you will learn</h2>
          <ul className="govuk-list govuk-list--bullet">
            {data.outcomes.map((outcome) => (
              <li key={outcome}>{outcome}</li>
            ))}
          </ul>

          <h2 className="govuk-heading-m">Lessons</h2>
          <ol className="govuk-list govuk-list--number app-link-list">
            {data.lessons.map((lesson) => (
              <li key={lesson.id}>
                <a className="govuk-link" href={`/training/${data.id}/lessons/${lesson.id}`}>
                  {lesson.title}
                </a>
                {lesson.read ? <span className="app-meta"> (read)</span> : null}
              </li>
            ))}
          </ol>
          <Button href={`/training/${data.id}/lessons/${firstUnread.id}`}>
            {data.lessons.some((lesson) => lesson.read) ? "Continue the lessons" : "Start the lessons"}
          </Button>

          <h2 className="govuk-heading-m">Quiz</h2>
          <p className="govuk-body">
            {data.questions} multiple-choice questions. You need {PASS_MARK_PERCENT}% to pass, and you can try again as often as you like.
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={`/training/${data.id}/quiz`}>
              Take the quiz
            </a>
          </p>

          {data.related.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">Related guides</h2>
              <ul className="govuk-list app-link-list">
                {data.related.map((article) => (
                  <li key={article.slug}>
                    <a className="govuk-link" href={`/knowledge/${article.slug}`}>
                      {article.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – Training – Waymark` : "Page not found – Waymark" }];
