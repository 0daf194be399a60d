import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requireAnyPermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { COURSE_MANAGE_PERMISSIONS } from "~/courses/access";
import { NOTE_MAX, registerFormSchema, walkInFormSchema } from "~/courses/booking-form";
import { ConsentCheck } from "~/courses/consent-check";
import { attendanceState, sessionLine } from "~/courses/courses";
import { personConsentText } from "~/courses/people";
import { addWalkIn, registerFor, requireManagedSession, saveRegister } from "~/courses/register.server";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";

const DONE: Record<string, string> = { saved: "Register saved.", "walk-in": "Walk-in added and marked as here." };

async function requireRegister(request: Request, sessionId: string | undefined) {
  const { user } = await requireAnyPermission(request, COURSE_MANAGE_PERMISSIONS);
  const db = getDb();
  const { session, course } = await requireManagedSession(db, user, sessionId);
  const entries = await registerFor(db, session);
  return { user, db, session, course, entries, state: attendanceState(session, new Date(), entries.filter((e) => e.attended !== null).length) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, db, session, course, entries, state } = await requireRegister(request, params.sessionId);
  await recordAudit(db, { actor: actorFor(user), action: "register-viewed", recordType: "course_session", recordId: session.id, areaId: course.areaId, ip: context?.clientIp });
  return json({
    courseId: course.id,
    title: course.title,
    line: sessionLine(session),
    open: state !== "upcoming",
    consentText: personConsentText(getConfig().RETENTION_MONTHS),
    entries: entries.map((e) => ({ ...e, name: e.name ?? "Details erased" })),
    done: DONE[new URL(request.url).searchParams.get("done") ?? ""] ?? null,
  });
}

const intentSchema = z.object({ intent: z.enum(["save", "walk-in"]).catch("save") });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, session, course, entries, state } = await requireRegister(request, params.sessionId);
  const formData = await readFormData(request);
  if (state === "upcoming") return json({ errors: { attended: "You can mark the register once the session has started" }, values: {} }, { status: 400 });
  const { intent } = intentSchema.parse(Object.fromEntries(formData));
  const now = new Date();
  if (intent === "walk-in") {
    const form = parseForm(walkInFormSchema, formData);
    if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
    await addWalkIn(db, user, session, course, form.data, { retentionMonths: getConfig().RETENTION_MONTHS, now });
    throw redirect(`/courses/register/${session.id}?done=walk-in`);
  }
  const form = parseForm(registerFormSchema(entries.map((e) => e.personId)), formData, { arrays: ["attended"] });
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  await saveRegister(db, user, session, form.data, now);
  throw redirect(`/courses/register/${session.id}?done=saved`);
}

export default function Register() {
  const { courseId, title, line, open, consentText, entries, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string | string[]> = actionData?.values ?? {};
  const typed = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const ticked = Array.isArray(values.attended) ? values.attended : entries.filter((e) => e.attended).map((e) => e.personId);
  return (
    <div className="app-compact">
      <BackLink href={`/courses/manage/${courseId}`}>Back to the course</BackLink>
      {done ? <NotificationBanner type="success" heading={done} /> : null}
      <ErrorSummary errors={errorSummaryItems(errors)} />
      <span className="govuk-caption-m">{title}</span>
      <h1 className="govuk-heading-l">Register</h1>
      <p className="govuk-body">{line}</p>
      {!open ? (
        <p className="govuk-body">You can mark the register once the session has started.</p>
      ) : (
        <>
          {entries.length === 0 ? (
            <p className="govuk-body">Nobody is booked yet. Add walk-ins below.</p>
          ) : (
            <Form method="post" noValidate>
              <Checkboxes
                name="attended"
                legend="Who came"
                legendSize="m"
                hint="Tick everyone who is here."
                error={errors.attended}
                defaultValues={ticked}
                items={entries.map((e) => ({ value: e.personId, text: e.name, hint: e.walkIn ? "Walked in" : undefined }))}
              />
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">What they did (optional)</h2>
              <p className="govuk-hint">For example, set up an email account. Up to {NOTE_MAX} characters each.</p>
              {entries.map((e) => (
                <Input
                  key={e.personId}
                  name={`note-${e.personId}`}
                  label={`What ${e.name} did`}
                  defaultValue={typed(`note-${e.personId}`) ?? e.note ?? ""}
                  error={errors[`note-${e.personId}`]}
                />
              ))}
              <Button name="intent" value="save" preventDoubleClick>
                Save register
              </Button>
            </Form>
          )}
          <h2 className="govuk-heading-m">Add a walk-in</h2>
          <Form method="post" noValidate>
            <Input name="name" label="Name" autoComplete="off" defaultValue={typed("name")} error={errors.name} />
            <Input name="contact" label="Mobile number or email (optional)" hint="So they can be sent the dates of later sessions." autoComplete="off" defaultValue={typed("contact")} error={errors.contact} />
            <ConsentCheck consentText={consentText} error={errors.consent} checked={typed("consent") === "yes"} />
            <Button name="intent" value="walk-in" variant="secondary" preventDoubleClick>
              Add walk-in
            </Button>
          </Form>
        </>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Register – Courses – Waymark" }];
