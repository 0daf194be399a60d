import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requireAnyPermission } from "~/accounts/auth.server";
import { can } from "~/accounts/policy";
import { formatDateTime } from "~/accounts/format";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { InsetText } from "~/components/inset-text";
import { Tag } from "~/components/tag";
import { findHelpNearby } from "~/directory/service-search.server";
import { getDb } from "~/lib/db.server";
import { formatReferenceCode } from "~/lib/reference-code";
import { canReadTriageResult } from "~/triage/assisted-triage";
import { planLookups } from "~/triage/plan-lookups.server";
import { planView } from "~/triage/plan-view";
import { findTriageResultById } from "~/triage/triage-results.server";
import { LinkList } from "~/components/link-list";
import { OutreachOptIn } from "~/outreach/opt-in-link";

const SUGGESTED_SERVICES = 5;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, ["triage:read:own", "triage:read:area"]);
  const db = getDb();
  const saved = await findTriageResultById(db, params.id ?? "");
  // Someone else's result is "not found", never "forbidden", so ids cannot be probed.
  if (!saved || saved.mode !== "assisted" || !canReadTriageResult(user, saved)) throw new Response("Not found", { status: 404 });
  await recordAudit(db, { actor: actorFor(user), action: "triage-viewed", recordType: "triage_result", recordId: saved.id, areaId: saved.areaId, ip: context?.clientIp });

  const plan = planView(saved, "champion", planLookups("en"));
  const services = await findHelpNearby(db, { categoryIds: plan.categoryIds, postcode: saved.outwardPostcode ?? undefined, limit: SUGGESTED_SERVICES });
  return json({
    canBook: can(user.role, "course:book"),
    reference: saved.reference,
    referenceText: formatReferenceCode(saved.reference),
    completedAt: formatDateTime(saved.completedAt),
    outwardPostcode: saved.outwardPostcode,
    observations: saved.observations,
    skipped: saved.snapshot.filter((a) => a.skipped).map((a) => a.summary),
    plan,
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      organisation: s.organisation,
      distanceText: s.distanceText,
      categories: s.categories.map((c) => c.name),
      referHref: `/referrals/new?${new URLSearchParams({ service: s.id, triage: saved.reference })}`,
    })),
  });
}

export default function TriageResult() {
  const data = useLoaderData<typeof loader>();
  const { plan } = data;
  return (
    <div className="app-compact app-plan">
      <span className="govuk-caption-m">
        Reference {data.referenceText}, {data.completedAt}
        {data.outwardPostcode ? `, ${data.outwardPostcode}` : ""}
      </span>
      <h1 className="govuk-heading-l">Plan</h1>
      <InsetText>
        The person can open their own copy of this plan, in plain English, at <a className="govuk-link" href={`/check/result/${data.reference}`}>their plan page</a> with
        reference <strong>{data.referenceText}</strong>. They can print it or have it sent by text or email there.
      </InsetText>

      <h2 className="govuk-heading-m">Barriers</h2>
      {plan.barriers.length > 0 ? (
        <ul className="govuk-list">
          {plan.barriers.map((b) => (
            <li key={b.id}>
              <Tag colour={b.severity === "high" ? "red" : "yellow"}>{b.severityText}</Tag> {b.label}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No barriers found.</p>
      )}
      {data.skipped.length > 0 ? <p className="govuk-body app-meta">Skipped, so not counted: {data.skipped.join(", ")}.</p> : null}

      <h2 className="govuk-heading-m">Essential Digital Skills</h2>
      <p className="govuk-body">
        <strong>{plan.level.title}.</strong> {plan.level.explanation}
      </p>
      <p className="govuk-body">Digital inclusion scale: {plan.inclusion}.</p>

      <h2 className="govuk-heading-m">Next steps</h2>
      {plan.steps.length > 0 ? (
        <ol className="govuk-list govuk-list--number app-steps">
          {plan.steps.map((step) => (
            <li key={step.id}>
              <h3 className="govuk-heading-s">{step.title}</h3>
              <p className="govuk-body">{step.text}</p>
              <p className="govuk-body app-meta">
                Look for:{" "}
                {step.categories.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 ? ", " : ""}
                    <a className="govuk-link" href={c.href}>
                      {c.text}
                    </a>
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="govuk-body">Nothing to do next.</p>
      )}

      <h2 className="govuk-heading-m">Suggested services</h2>
      {data.services.length > 0 ? (
        <ul className="govuk-list app-nearby">
          {data.services.map((s) => (
            <li key={s.id}>
              <a className="govuk-link govuk-!-font-weight-bold" href={`/services/${s.id}`}>
                {s.name}
              </a>
              <br />
              <span className="app-meta">{[s.organisation, s.distanceText, s.categories.join(", ")].filter(Boolean).join(". ")}</span>
              <br />
              <a className="govuk-link" href={s.referHref}>
                Make a referral<span className="govuk-visually-hidden"> to {s.name}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No services in the directory match this plan yet. Use the links in the next steps to search more widely.</p>
      )}

      {data.canBook ? (
        <>
          <h2 className="govuk-heading-m">Courses</h2>
          <p className="govuk-body">
            <a className="govuk-link" href={`/courses?triage=${data.reference}`}>
              Book them onto a course
            </a>
          </p>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Guides for these barriers</h2>
      {plan.guides.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">For the next steps</h3>
          <LinkList links={plan.guides} />
        </>
      ) : null}
      {plan.barrierGuides.map((group) => (
        <Fragment key={group.id}>
          <h3 className="govuk-heading-s">{group.label}</h3>
          <LinkList links={group.guides} />
        </Fragment>
      ))}
      {plan.guides.length === 0 && plan.barrierGuides.length === 0 ? <p className="govuk-body">No guides for this plan.</p> : null}

      {data.observations ? (
        <Details summary="Your notes">
          <p className="govuk-body app-pre-line">{data.observations}</p>
        </Details>
      ) : null}
      <OutreachOptIn from="triage" reference={data.reference} forSomeoneElse />
      <Button href="/triage">Start another conversation</Button>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Plan – Triage conversation – Waymark" }];
