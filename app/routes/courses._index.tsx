import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { BackLink } from "~/components/back-link";
import { NotificationBanner } from "~/components/notification-banner";
import { bookingSourceFor, sourceQuery } from "~/courses/bookings.server";
import { sessionLine } from "~/courses/courses";
import { listBookableCourses } from "~/courses/courses.server";
import { getDb } from "~/lib/db.server";
import { formatReferenceCode } from "~/lib/reference-code";

const DONE: Record<string, string> = {
  sent: "Booked. The dates are on their way to them.",
  booked: "Booked. Give them the dates, as none were sent.",
  unsent: "Booked, but the dates could not be sent to the number or address given. Give them the dates yourself.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "course:book");
  const url = new URL(request.url);
  const db = getDb();
  const wanted = { triage: url.searchParams.get("triage"), referral: url.searchParams.get("referral") };
  const from = await bookingSourceFor(db, user, wanted);
  if ((wanted.triage || wanted.referral) && !from) throw new Response("Not found", { status: 404 });
  const courses = await listBookableCourses(db, new Date());
  return json({
    from: from ? { label: `${from.source === "plan" ? "plan" : "referral"} ${formatReferenceCode(from.reference)}`, backHref: from.backHref, query: sourceQuery(from) } : null,
    courses: courses.map((c) => ({ id: c.id, title: c.title, where: `${c.serviceName}, ${c.organisationName}`, next: sessionLine(c.next[0]), sessionCount: c.sessionCount, placesLeft: c.placesLeft })),
    done: DONE[url.searchParams.get("done") ?? ""] ?? null,
  });
}

export default function Courses() {
  const { from, courses, done } = useLoaderData<typeof loader>();
  return (
    <div className="app-compact">
      {from ? <BackLink href={from.backHref}>Back to the {from.label.split(" ")[0]}</BackLink> : null}
      {done ? <NotificationBanner type="success" heading={done} /> : null}
      {from ? <span className="govuk-caption-m">For {from.label}</span> : null}
      <h1 className="govuk-heading-l">Courses to book onto</h1>
      {from ? null : <p className="govuk-body">To book someone on, open their plan or referral and choose “Book onto a course”.</p>}
      {courses.length === 0 ? (
        <p className="govuk-body">No courses have sessions coming up.</p>
      ) : (
        <ul className="govuk-list app-courses">
          {courses.map((c) => (
            <li key={c.id} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-s govuk-!-margin-bottom-1">{c.title}</h2>
              <p className="govuk-body govuk-!-margin-bottom-1">{c.where}</p>
              <p className="govuk-body govuk-!-margin-bottom-1">
                Next: {c.next}. {c.sessionCount === 1 ? "1 session" : `${c.sessionCount} sessions`} to come.
              </p>
              <p className="govuk-body govuk-!-margin-bottom-1">{c.placesLeft === 0 ? "Full." : c.placesLeft === 1 ? "1 place left." : `${c.placesLeft} places left.`}</p>
              {from && c.placesLeft > 0 ? (
                <a className="govuk-link" href={`/courses/${c.id}/book?${from.query}`}>
                  Book a place<span className="govuk-visually-hidden"> on {c.title}</span>
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Courses to book onto – Waymark" }];
