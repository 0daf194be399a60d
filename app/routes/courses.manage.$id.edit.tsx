import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { COURSE_MANAGE_PERMISSIONS } from "~/courses/access";
import { CourseFields } from "~/courses/course-fields";
import { courseFormSchema } from "~/courses/course-form";
import { listingsForCourses, requireManagedCourse, updateCourse } from "~/courses/courses.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData, submittedValues } from "~/lib/forms";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  const db = getDb();
  const course = await requireManagedCourse(db, user, params.id);
  return json({
    id: course.id,
    values: { serviceId: course.serviceId, title: course.title, description: course.description },
    listings: await listingsForCourses(db, user),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  const db = getDb();
  const course = await requireManagedCourse(db, user, params.id);
  const formData = await readFormData(request);
  const form = parseForm(courseFormSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  if (!(await updateCourse(db, user, course, form.data, new Date()))) {
    return json({ errors: { serviceId: "Choose one of your listings" }, values: submittedValues(formData) }, { status: 400 });
  }
  throw redirect(`/courses/manage/${course.id}?done=changed`);
}

export default function EditCourse() {
  const { id, values, listings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href={`/courses/manage/${id}`}>Back to the course</BackLink>
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Change the course details</h1>
        <Form method="post" noValidate>
          <CourseFields listings={listings} values={actionData?.values ?? values} errors={errors} />
          <Button preventDoubleClick>Save changes</Button>
        </Form>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Change course – Waymark" }];
