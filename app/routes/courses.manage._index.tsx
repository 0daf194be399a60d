import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { Button } from "~/components/button";
import { ScrollRegion } from "~/components/scroll-region";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { COURSE_MANAGE_PERMISSIONS } from "~/courses/access";
import { sessionLine } from "~/courses/courses";
import { listManagedCourses } from "~/courses/courses.server";
import { getDb } from "~/lib/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  const courses = await listManagedCourses(getDb(), user, new Date());
  return json({
    courses: courses.map((c) => ({
      id: c.id,
      title: c.title,
      serviceName: c.serviceName,
      status: c.status,
      sessionCount: c.sessionCount,
      booked: c.booked,
      next: c.next ? sessionLine(c.next) : null,
    })),
  });
}

export default function ManageCourses() {
  const { courses } = useLoaderData<typeof loader>();
  const caption = courses.length === 1 ? "1 course" : `${courses.length} courses`;
  return (
    <>
      <h1 className="govuk-heading-l">Courses</h1>
      <p className="govuk-body">Courses your organisation runs: a series of sessions people can be booked onto. Published courses show on their listing’s page.</p>
      <Button href="/courses/manage/new" variant="secondary">
        Add a course
      </Button>
      {courses.length === 0 ? (
        <p className="govuk-body">You have no courses yet.</p>
      ) : (
        <ScrollRegion label={caption}>
          <Table
            caption={caption}
            captionSize="m"
            head={[{ text: "Course" }, { text: "Next session" }, { text: "Booked", numeric: true }]}
            rows={courses.map((c) => [
              <>
                <a className="govuk-link" href={`/courses/manage/${c.id}`}>
                  {c.title}
                </a>
                <span className="govuk-hint govuk-!-margin-bottom-0">{c.serviceName}</span>
                {c.status === "draft" ? <Tag colour="grey">Draft</Tag> : null}
              </>,
              c.next ?? (c.sessionCount === 0 ? "No sessions yet" : "All sessions over"),
              c.booked,
            ])}
          />
        </ScrollRegion>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Courses – Waymark" }];
