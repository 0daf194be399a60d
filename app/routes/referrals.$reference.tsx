import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnyPermission } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { formatDateTime } from "~/accounts/format";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { SummaryList } from "~/components/summary-list";
import { Textarea } from "~/components/textarea";
import { WarningText } from "~/components/warning-text";
import { getDb } from "~/lib/db.server";
import { echoed, parseForm, readFormData } from "~/lib/forms";
import { BARRIERS, GOALS, labelFor } from "~/lib/frameworks";
import { formatReferenceCode } from "~/lib/reference-code";
import { chaserDates } from "~/referrals/chasers";
import { StatusTag, Timeline } from "~/referrals/components";
import { DECLINE_REASON_IDS, DECLINE_REASON_LABELS, OUTCOME_IDS, OUTCOME_LABELS } from "~/referrals/reasons";
import { findReferralFor, hasPersonalData, listEvents, mayManageData, moveReferral, rolesOn } from "~/referrals/record.server";
import { CONSENT_METHOD_LABELS, CONTACT_METHOD_LABELS } from "~/referrals/referral-form";
import { allowedMoves, STATUS_LABELS } from "~/referrals/status-machine";
import type { ReferralReasons } from "~db/schema/referrals";

const READ = ["referral:read:own", "referral:read:own-org", "referral:read:area", "referral:read:all"] as const;

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, READ);
  const db = getDb();
  const record = await findReferralFor(db, user, params.reference ?? "");
  if (!record) throw notFound();
  const { referral: r } = record;
  const personal = hasPersonalData(r);
  if (personal) {
    await recordAudit(db, {
      actor: actorFor(user),
      action: "referral-viewed",
      recordType: "referral",
      recordId: r.id,
      areaId: r.area_id,
      detail: { reference: r.reference },
      ip: context?.clientIp ?? null,
    });
  }
  const reasons = JSON.parse(r.reasons) as ReferralReasons;
  const events = await listEvents(db, r.id);
  const roles = rolesOn(user, r);
  return json({
    reference: r.reference,
    formatted: formatReferenceCode(r.reference),
    kind: r.kind,
    status: r.status,
    done: new URL(request.url).searchParams.get("done"),
    summary: [
      { key: "Service", value: `${record.serviceName} (${record.organisationName})` },
      { key: "Area", value: record.areaName ?? "No area" },
      { key: "Made by", value: r.self_referral ? "The person themselves, online" : [record.referrerName, record.referrerOrganisationName].filter(Boolean).join(", ") || "Unknown" },
      { key: "Made on", value: formatDateTime(r.created_at) },
      { key: "What is stopping them", value: reasons.barriers.map((id) => labelFor(BARRIERS, id)).join(", ") || "None given" },
      { key: "What they want to do", value: reasons.goals.map((id) => labelFor(GOALS, id)).join(", ") || "None given" },
      ...(r.decline_reason ? [{ key: "Declined because", value: DECLINE_REASON_LABELS[r.decline_reason] }] : []),
      ...(r.outcome ? [{ key: "Outcome", value: OUTCOME_LABELS[r.outcome] }] : []),
      ...(r.status === "sent" && r.sent_at
        ? [{ key: "Chasers", value: `Reminder to the service on ${chaserDates(r.sent_at).remindOn}, then a coordinator is told on ${chaserDates(r.sent_at).flagOn}` }]
        : []),
    ],
    person: personal
      ? [
          { key: "Name or initials", value: r.person_name ?? "" },
          { key: "Contact", value: [r.contact_method ? CONTACT_METHOD_LABELS[r.contact_method] : null, r.contact_detail].filter(Boolean).join(": ") },
          { key: "Best times", value: r.best_times ?? "Not given" },
          { key: "Postcode area", value: r.outward_code ?? "Not given" },
          { key: "More about why", value: r.reason_note ?? "Nothing more" },
          { key: "Access needs", value: r.access_needs ?? "None given" },
          { key: "Language", value: r.language ?? "English" },
          { key: "Safeguarding concern", value: r.safeguarding ? `Yes: ${r.safeguarding_note ?? ""}` : "No" },
          {
            key: "Consent",
            value: r.consent_method ? `${CONSENT_METHOD_LABELS[r.consent_method]}, confirmed by ${r.consent_confirmed_by ?? "unknown"} on ${formatDateTime(r.consent_at)}` : "Not recorded",
          },
        ]
      : null,
    erasedAt: r.personal_data_erased_at ? formatDateTime(r.personal_data_erased_at) : null,
    safeguarding: r.safeguarding === 1,
    timeline: events.map((e) => ({ id: e.id, at: e.at, from: e.from_status, to: e.to_status, by: e.actor_label, note: e.note })),
    moves: allowedMoves(r.status, roles, r.kind).map((t) => ({ to: t.to, label: t.label })),
    manageData: personal && mayManageData(user, r),
    canBook: personal && can(user.role, "course:book"),
  }, { headers: { "Cache-Control": "private, no-store" } });
}

const moveSchema = z.object({
  intent: z.literal("move", { errorMap: () => ({ message: "Choose what has happened from the list" }) }),
  to: z.string().max(40, "Choose what has happened from the list").default(""),
  declineReason: z.string().max(40, "Choose why the referral is being declined").default(""),
  outcome: z.string().max(40, "Choose the outcome for the person").default(""),
  note: z.string().max(10_000, "The note must be 1,000 characters or fewer").default(""),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireAnyPermission(request, READ);
  const db = getDb();
  const record = await findReferralFor(db, user, params.reference ?? "");
  if (!record) throw notFound();
  const formData = await readFormData(request);
  const form = parseForm(moveSchema, formData);
  if (!form.success) return json({ errors: form.errors, values: form.values }, { status: 400 });
  const result = await moveReferral(
    db,
    record,
    { to: form.data.to, declineReason: form.data.declineReason || null, outcome: form.data.outcome || null, note: form.data.note },
    { id: user.id, name: user.name, organisationName: user.organisationName, roles: rolesOn(user, record.referral) },
    { now: new Date(), baseUrl: publicBaseUrl(request) },
  );
  if (!result.ok) {
    const values = Object.fromEntries([...formData].map(([key, value]) => [key, typeof value === "string" ? value : ""]));
    return json({ errors: { [result.field ?? "to"]: result.message }, values }, { status: 400 });
  }
  return redirect(`/referrals/${record.referral.reference}?done=${result.status}`);
}

export default function ReferralPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <>
      <a href="/referrals" className="govuk-back-link">
        All referrals
      </a>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errorSummaryItems(errors)} />
          {d.done && d.done in STATUS_LABELS ? (
            <NotificationBanner type="success" heading={`Updated: ${STATUS_LABELS[d.done as keyof typeof STATUS_LABELS]}`} />
          ) : null}
          {d.done === "erased" ? <NotificationBanner type="success" heading="The person's details have been erased" /> : null}
          <span className="govuk-caption-l">{d.kind === "logged" ? "Signpost" : "Referral"}</span>
          <h1 className="govuk-heading-l app-reference">{d.formatted}</h1>
          <p className="govuk-body">
            {d.kind === "logged" ? "Signpost only: the person did not agree to a referral." : <StatusTag status={d.status} />}
          </p>
          {d.safeguarding ? (
            <WarningText>
              {d.kind === "logged"
                ? "The person who made this record raised a safeguarding concern. Waymark holds no details about the person: contact them."
                : "There is a safeguarding concern about this person."}
            </WarningText>
          ) : null}
          <SummaryList rows={d.summary} />
          {d.person ? (
            <>
              <h2 className="govuk-heading-m">The person</h2>
              <p className="govuk-body-s">Your viewing of these details is recorded.</p>
              <SummaryList rows={d.person} />
            </>
          ) : d.erasedAt ? (
            <p className="govuk-body">The person's details were erased on {d.erasedAt}. The rest is kept, without them, for reports.</p>
          ) : null}
          {d.canBook ? (
            <p className="govuk-body">
              <a className="govuk-link" href={`/courses?referral=${d.reference}`}>
                Book them onto a course
              </a>
            </p>
          ) : null}
          {d.moves.length > 0 ? <MoveForm moves={d.moves} errors={errors} values={values} /> : null}
          <h2 className="govuk-heading-m">What has happened</h2>
          <Timeline entries={d.timeline} />
          {d.manageData ? (
            <>
              <h2 className="govuk-heading-m">The person's data</h2>
              <ul className="govuk-list">
                <li>
                  <a className="govuk-link" href={`/referrals/${d.reference}/export.json`}>
                    Download everything held about them (JSON)
                  </a>
                </li>
                <li>
                  <a className="govuk-link" href={`/referrals/${d.reference}/export.csv`}>
                    Download everything held about them (CSV, for a spreadsheet)
                  </a>
                </li>
                <li>
                  <a className="govuk-link" href={`/referrals/${d.reference}/erase`}>
                    Erase their details
                  </a>
                </li>
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

function MoveForm({
  moves,
  errors,
  values,
}: {
  moves: { to: string; label: string }[];
  errors: Record<string, string>;
  values: Record<string, string | string[]> | undefined;
}) {
  return (
    <Form method="post" reloadDocument noValidate className="app-referral-update">
      <input type="hidden" name="intent" value="move" />
      <Radios
        name="to"
        legend="Update the referral"
        legendSize="m"
        error={errors.to}
        defaultValue={echoed(values, "to")}
        items={moves.map((move) => ({ value: move.to, text: move.label }))}
      />
      {moves.some((move) => move.to === "declined") ? (
        <Radios
          name="declineReason"
          legend="If you are declining it, why?"
          legendSize="s"
          error={errors.declineReason}
          defaultValue={echoed(values, "declineReason")}
          items={DECLINE_REASON_IDS.map((id) => ({ value: id, text: DECLINE_REASON_LABELS[id] }))}
        />
      ) : null}
      {moves.some((move) => move.to === "outcome") ? (
        <Radios
          name="outcome"
          legend="If you are recording the outcome, what was it?"
          legendSize="s"
          error={errors.outcome}
          defaultValue={echoed(values, "outcome")}
          items={OUTCOME_IDS.map((id) => ({ value: id, text: OUTCOME_LABELS[id] }))}
        />
      ) : null}
      <Textarea
        name="note"
        label="Note (optional)"
        labelSize="s"
        hint="Shown on the timeline to the service, the person who made the referral and coordinators. Needed if you choose another reason or outcome."
        error={errors.note}
        defaultValue={echoed(values, "note")}
        rows={3}
      />
      <Button>Save the update</Button>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `Referral ${data.formatted}` : "Referral"} – Waymark` }];
