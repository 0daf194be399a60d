import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requirePermission } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { NotificationBanner } from "~/components/notification-banner";
import { SummaryList } from "~/components/summary-list";
import { formatClock, formatSessionDate } from "~/courses/courses";
import { personHistory, requirePersonFor } from "~/courses/person-record.server";
import { getDb } from "~/lib/db.server";
import { formatReferenceCode } from "~/lib/reference-code";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "learner:data:area");
  const db = getDb();
  const person = await requirePersonFor(db, user, params.id);
  const history = await personHistory(db, person.id);
  await recordAudit(db, { actor: actorFor(user), action: "person-viewed", recordType: "person", recordId: person.id, areaId: person.area_id, ip: context?.clientIp });
  return json({
    person: {
      id: person.id,
      name: person.name,
      phone: person.phone,
      email: person.email,
      reference: person.triage_reference ? formatReferenceCode(person.triage_reference) : null,
      consentedAt: formatDateTime(person.consented_at),
      consentText: person.consent_text,
      erasedAt: person.personal_data_erased_at ? formatDateTime(person.personal_data_erased_at) : null,
    },
    courses: history.bookings.map((b) => ({ title: b.title, service: b.service, bookedAt: formatDateTime(b.booked_at) })),
    attendance: history.attendance.map((a) => ({ title: a.title, when: `${formatSessionDate(a.date)}, ${formatClock(a.starts_at)}`, attended: a.attended === 1, note: a.note })),
    erased: new URL(request.url).searchParams.get("done") === "erased",
  });
}

export default function PersonRecord() {
  const { person, courses, attendance, erased } = useLoaderData<typeof loader>();
  return (
    <div className="app-compact">
      {erased ? <NotificationBanner type="success" heading="Their details are erased." /> : null}
      <h1 className="govuk-heading-l">{person.name ?? "Details erased"}</h1>
      <SummaryList
        rows={[
          { key: "Mobile", value: person.phone ?? "None" },
          { key: "Email", value: person.email ?? "None" },
          { key: "Plan reference", value: person.reference ?? "None" },
          { key: "Agreed on", value: person.consentedAt },
          { key: "What they agreed to", value: person.consentText },
          ...(person.erasedAt ? [{ key: "Details erased on", value: person.erasedAt }] : []),
        ]}
      />
      <h2 className="govuk-heading-m">Courses</h2>
      {courses.length === 0 ? (
        <p className="govuk-body">None.</p>
      ) : (
        <ul className="govuk-list">
          {courses.map((c, i) => (
            <li key={i}>
              <strong>{c.title}</strong>, {c.service}. Booked {c.bookedAt}.
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Sessions</h2>
      {attendance.length === 0 ? (
        <p className="govuk-body">No registers marked yet.</p>
      ) : (
        <ul className="govuk-list">
          {attendance.map((a, i) => (
            <li key={i}>
              {a.title}, {a.when}: {a.attended ? "came" : "did not come"}
              {a.note ? `. ${a.note}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h2 className="govuk-heading-m">Their data</h2>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={`/people/${person.id}/export.json`} download>
            Download everything held about them (JSON)
          </a>
        </li>
        {person.erasedAt ? null : (
          <li>
            <a className="govuk-link" href={`/people/${person.id}/erase`}>
              Erase their details
            </a>
          </li>
        )}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Person – Waymark" }];
