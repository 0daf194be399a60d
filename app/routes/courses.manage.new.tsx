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
import { createCourse, listingsForCourses } from "~/courses/courses.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData, submittedValues } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  return json({ listings: await listingsForCourses(getDb(), user) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  const formData = await readFormData(request);
  const form = parseForm(courseFormSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const id = await createCourse(getDb(), user, form.data, new Date());
  if (!id) return json({ errors: { serviceId: "Choose one of your listings" }, values: submittedValues(formData) }, { status: 400 });
  throw redirect(`/courses/manage/${id}`);
}

export default function NewCourse() {
  const { listings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/courses/manage">Back to courses</BackLink>
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Add a course</h1>
        <p className="govuk-body">Next you add its sessions, then check it and publish it.</p>
        <Form method="post" noValidate>
          <CourseFields listings={listings} values={actionData?.values ?? {}} errors={errors} />
          <Button preventDoubleClick>Continue</Button>
        </Form>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Add a course – Waymark" }];
