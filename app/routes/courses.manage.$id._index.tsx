import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requireAnyPermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { Tag } from "~/components/tag";
import { COURSE_MANAGE_PERMISSIONS } from "~/courses/access";
import { SessionFields } from "~/courses/course-fields";
import { sessionFormSchema } from "~/courses/course-form";
import { ATTENDANCE_LABELS, attendanceState, sessionLine } from "~/courses/courses";
import { addSessions, publishCourse, removeSession, requireManagedCourse } from "~/courses/courses.server";
import { courseBookings, markedCounts } from "~/courses/course-page.server";
import { mayManagePerson } from "~/courses/person-record.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData, submittedValues } from "~/lib/forms";

const DONE: Record<string, string> = {
  changed: "Course details saved.",
  sessions: "Sessions added.",
  removed: "Session removed.",
  published: "Course published. Its next sessions now show on its listing, and champions can book people onto it.",
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  const db = getDb();
  const course = await requireManagedCourse(db, user, params.id);
  const now = new Date();
  const [sessions, bookings] = await Promise.all([markedCounts(db, course.id), courseBookings(db, course.id)]);
  if (bookings.length > 0) await recordAudit(db, { actor: actorFor(user), action: "course-bookings-viewed", recordType: "course", recordId: course.id, areaId: course.areaId, ip: context?.clientIp });
  return json({
    course: { id: course.id, title: course.title, description: course.description, status: course.status, serviceName: course.serviceName, organisationName: course.organisationName },
    sessions: sessions.map((s) => ({ id: s.id, line: sessionLine(s), capacity: s.capacity, marked: s.marked, state: attendanceState(s, now, s.marked) })),
    bookings: bookings.map((b) => ({ name: b.name ?? "Details erased", source: b.source, href: mayManagePerson(user, b) ? `/people/${b.person_id}` : null })),
    done: DONE[new URL(request.url).searchParams.get("done") ?? ""] ?? null,
  });
}

const intentSchema = z.object({ intent: z.enum(["add-sessions", "publish", "remove-session"]).catch("add-sessions"), sessionId: z.string().max(100).optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  const db = getDb();
  const course = await requireManagedCourse(db, user, params.id);
  const formData = await readFormData(request);
  const { intent, sessionId } = intentSchema.parse(Object.fromEntries(formData));
  const now = new Date();
  if (intent === "publish") {
    if (await publishCourse(db, course, now)) throw redirect(`/courses/manage/${course.id}?done=published`);
    return json({ errors: { date: "Add at least one session still to come before you publish the course" }, values: {} }, { status: 400 });
  }
  if (intent === "remove-session") {
    if (sessionId && (await removeSession(db, course, sessionId))) throw redirect(`/courses/manage/${course.id}?done=removed`);
    return json({ errors: { sessions: "This session has a register marked, so it cannot be removed" }, values: {} }, { status: 400 });
  }
  const form = parseForm(sessionFormSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const added = await addSessions(db, course, form.data, now);
  if (!added.ok) return json({ errors: added.errors, values: submittedValues(formData) }, { status: 400 });
  throw redirect(`/courses/manage/${course.id}?done=sessions`);
}

export default function ManageCourse() {
  const { course, sessions, bookings, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/courses/manage">Back to courses</BackLink>
        {done ? <NotificationBanner type="success" heading={done} /> : null}
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <span className="govuk-caption-l">{course.serviceName}</span>
        <h1 className="govuk-heading-l">{course.title}</h1>
        <p className="govuk-body">{course.status === "draft" ? <Tag colour="grey">Draft: not yet published</Tag> : <Tag colour="green">Published</Tag>}</p>
        <SummaryList
          rows={[
            { key: "Listing", value: course.serviceName, actions: [{ href: `/courses/manage/${course.id}/edit`, text: "Change", visuallyHiddenText: "listing" }] },
            { key: "Title", value: course.title, actions: [{ href: `/courses/manage/${course.id}/edit`, text: "Change", visuallyHiddenText: "title" }] },
            { key: "What it covers", value: <span className="app-pre-line">{course.description}</span>, actions: [{ href: `/courses/manage/${course.id}/edit`, text: "Change", visuallyHiddenText: "what it covers" }] },
          ]}
        />
        <h2 className="govuk-heading-m" id="sessions">
          Sessions
        </h2>
        {sessions.length === 0 ? <p className="govuk-body">No sessions yet. Add them below.</p> : <SessionList sessions={sessions} />}
        <h2 className="govuk-heading-m">Add sessions</h2>
        <Form method="post" noValidate>
          <SessionFields values={actionData?.values ?? {}} errors={errors} />
          <Button name="intent" value="add-sessions" variant="secondary" preventDoubleClick>
            Add sessions
          </Button>
        </Form>
        {course.status === "draft" ? (
          <>
            <h2 className="govuk-heading-m">Publish the course</h2>
            <p className="govuk-body">Check the details and sessions above. Once published, the next sessions show on the listing and people can be booked on.</p>
            <Form method="post">
              <Button name="intent" value="publish" preventDoubleClick>
                Publish course
              </Button>
            </Form>
          </>
        ) : null}
        <h2 className="govuk-heading-m">People booked ({bookings.length})</h2>
        {bookings.length === 0 ? (
          <p className="govuk-body">Nobody is booked yet.</p>
        ) : (
          <ul className="govuk-list">
            {bookings.map((b, i) => (
              <li key={i}>
                {b.href ? (
                  <a className="govuk-link" href={b.href}>
                    {b.name}
                  </a>
                ) : (
                  b.name
                )}
                {b.source === "walk-in" ? " (walked in)" : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

type Sessions = ReturnType<typeof useLoaderData<typeof loader>>["sessions"];

/** Each Remove form has no action on purpose: Remix then posts to this index route (adding ?index), not to its parent. */
function SessionList({ sessions }: { sessions: Sessions }) {
  return (
    <ul className="govuk-list app-sessions">
      {sessions.map((s) => (
        <li key={s.id} className="app-sessions__item">
          <p className="govuk-body govuk-!-margin-bottom-1">
            {s.line}. Up to {s.capacity} people. <Tag colour={s.state === "marked" ? "green" : s.state === "to-mark" ? "yellow" : "grey"}>{ATTENDANCE_LABELS[s.state]}</Tag>
          </p>
          <div className="govuk-button-group">
            {s.state === "upcoming" ? null : (
              <a className="govuk-link" href={`/courses/register/${s.id}`}>
                Register<span className="govuk-visually-hidden"> for {s.line}</span>
              </a>
            )}
            {s.marked === 0 ? (
              <Form method="post">
                <input type="hidden" name="sessionId" value={s.id} />
                <button type="submit" name="intent" value="remove-session" className="govuk-button govuk-button--secondary" data-module="govuk-button">
                  Remove<span className="govuk-visually-hidden"> {s.line}</span>
                </button>
              </Form>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.course.title} – Courses – Waymark` : "Course – Waymark" }];
