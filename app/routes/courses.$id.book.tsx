import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { bookingFormSchema } from "~/courses/booking-form";
import { bookingSourceFor, bookOntoCourse, sourceQuery } from "~/courses/bookings.server";
import { ConsentCheck } from "~/courses/consent-check";
import { sessionLine } from "~/courses/courses";
import { listBookableCourses } from "~/courses/courses.server";
import { personConsentText } from "~/courses/people";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData, submittedValues } from "~/lib/forms";
import { formatReferenceCode } from "~/lib/reference-code";

async function requireBooking(request: Request, courseId: string | undefined) {
  const user = await requirePermission(request, "course:book");
  const db = getDb();
  const url = new URL(request.url);
  const from = await bookingSourceFor(db, user, { triage: url.searchParams.get("triage"), referral: url.searchParams.get("referral") });
  const course = (await listBookableCourses(db, new Date(), { nextCount: Infinity })).find((c) => c.id === courseId);
  if (!from || !course) throw new Response("Not found", { status: 404 });
  return { user, db, from, course };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { from, course } = await requireBooking(request, params.id);
  return json({
    course: { title: course.title, where: `${course.serviceName}, ${course.organisationName}`, sessions: course.next.map(sessionLine), placesLeft: course.placesLeft },
    from: { label: `${from.source === "plan" ? "plan" : "referral"} ${formatReferenceCode(from.reference)}`, query: sourceQuery(from) },
    prefill: from.prefill,
    consentText: personConsentText(getConfig().RETENTION_MONTHS),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, db, from, course } = await requireBooking(request, params.id);
  const formData = await readFormData(request);
  const form = parseForm(bookingFormSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const booked = await bookOntoCourse(db, user, { courseId: course.id, form: form.data, from, retentionMonths: getConfig().RETENTION_MONTHS, now: new Date(), ip: context?.clientIp ?? null });
  if (!booked.ok) return json({ errors: booked.errors, values: submittedValues(formData) }, { status: 400 });
  const done = form.data.sendBy === "none" ? "booked" : booked.messageQueued ? "sent" : "unsent";
  throw redirect(`/courses?${sourceQuery(from)}&done=${done}`);
}

export default function BookPlace() {
  const { course, from, prefill, consentText } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string | string[]> = actionData?.values ?? prefill;
  const typed = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  return (
    <div className="app-compact">
      <BackLink href={`/courses?${from.query}`}>Back to courses</BackLink>
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <span className="govuk-caption-m">For {from.label}</span>
      <h1 className="govuk-heading-l">Book a place on {course.title}</h1>
      <div id="course">
        <p className="govuk-body">{course.where}. {course.placesLeft === 1 ? "1 place left." : `${course.placesLeft} places left.`}</p>
        <h2 className="govuk-heading-s">Dates</h2>
        <ul className="govuk-list govuk-list--bullet">
          {course.sessions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      {course.placesLeft === 0 ? (
        <p className="govuk-body">This course is full. Choose another course, or ask the provider if a place comes free.</p>
      ) : (
        <BookingFields consentText={consentText} errors={errors} typed={typed} />
      )}
    </div>
  );
}

function BookingFields({ consentText, errors, typed }: { consentText: string; errors: Record<string, string>; typed: (key: string) => string | undefined }) {
  return (
    <Form method="post" noValidate>
      <Input name="name" label="Their name" autoComplete="off" defaultValue={typed("name")} error={errors.name} />
      <Input name="phone" label="Mobile number (optional)" type="tel" autoComplete="off" width="20" defaultValue={typed("phone") ?? ""} error={errors.phone} />
      <Input name="email" label="Email address (optional)" type="email" autoComplete="off" spellCheck={false} defaultValue={typed("email") ?? ""} error={errors.email} />
      <Radios
        name="sendBy"
        legend="Send them the dates"
        legendSize="s"
        error={errors.sendBy}
        defaultValue={typed("sendBy")}
        items={[
          { value: "sms", text: "By text message" },
          { value: "email", text: "By email" },
          { value: "none", text: "Do not send, I will give them the dates" },
        ]}
      />
      <ConsentCheck consentText={consentText} error={errors.consent} checked={typed("consent") === "yes"} />
      <Button preventDoubleClick>Book the place</Button>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "Book a place – Courses – Waymark" }];
