import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { renderArticle } from "~/knowledge/render";
import { SafeHtml } from "~/knowledge/safe-html";
import { getLearningRecord, getTrainingModule, markLessonRead } from "~/knowledge/training.server";
import { afterLesson } from "~/knowledge/training-view";
import { getDb } from "~/lib/db.server";

function findLesson(params: LoaderFunctionArgs["params"]) {
  const module = getTrainingModule(params.moduleId ?? "");
  const index = module?.lessons.findIndex((lesson) => lesson.id === params.lessonId) ?? -1;
  if (!module || index < 0) throw new Response("Not found", { status: 404 });
  return { module, lesson: module.lessons[index], index };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "training:take");
  const { module, lesson, index } = findLesson(params);
  const [record] = await getLearningRecord(getDb(), user.id, [module]);
  const previous = module.lessons[index - 1];
  return {
    moduleId: module.id,
    moduleTitle: module.title,
    title: lesson.title,
    html: renderArticle(lesson.body).html,
    position: index + 1,
    count: module.lessons.length,
    read: record.lessonsRead.includes(lesson.id),
    isLast: index === module.lessons.length - 1,
    next: afterLesson(module, lesson.id),
    previousHref: previous ? `/training/${module.id}/lessons/${previous.id}` : null,
  };
}

// Reading is recorded by a POST, not on viewing, so a link preview or a prefetch never marks a
// lesson read and GET requests stay free of side effects.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "training:take");
  const { module, lesson } = findLesson(params);
  await markLessonRead(getDb(), { userId: user.id, moduleId: module.id, lessonId: lesson.id });
  return redirect(afterLesson(module, lesson.id));
}

export default function TrainingLesson() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink href={`/training/${data.moduleId}`}>{data.moduleTitle}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            Lesson {data.position} of {data.count}
            {data.read ? " · read" : ""}
          </span>
          <h1 className="govuk-heading-l">{data.title}</h1>
          <SafeHtml html={data.html} className="app-article__body" />
          <Form method="post" noValidate>
            <Button>{data.isLast ? "Mark as read and go to the quiz" : "Mark as read and continue"}</Button>
          </Form>
          <ul className="govuk-list app-link-list">
            {data.previousHref ? (
              <li>
                <a className="govuk-link" href={data.previousHref}>
                  Previous lesson
                </a>
              </li>
            ) : null}
            <li>
              <a className="govuk-link" href={data.next}>
                {data.isLast ? "Skip to the quiz" : "Skip to the next lesson"}
              </a>
            </li>
          </ul>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} – ${data.moduleTitle} – Waymark` : "Page not found – Waymark" }];
