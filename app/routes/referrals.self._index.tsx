import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { commitSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { getDb } from "~/lib/db.server";
import { StepPage } from "~/referrals/components";
import type { SelfReferralDraft } from "~/referrals/draft";
import { readDraft, writeDraft } from "~/referrals/draft.server";
import { findPublishedService } from "~/referrals/services.server";
import { findTriageLink } from "~/referrals/triage-link.server";

/** "Ask someone to contact me", from a resident's check result (?triage=) or a service (?service=). */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const db = getDb();
  const { session } = await readDraft(request, "self");
  const draft: SelfReferralDraft = {};
  const triage = await findTriageLink(db, url.searchParams.get("triage"));
  if (triage) draft.triageReference = triage.reference;
  const serviceId = url.searchParams.get("service");
  const service = serviceId ? await findPublishedService(db, serviceId.slice(0, 100)) : null;
  if (service?.acceptsSelfReferral) draft.serviceId = service.id;
  writeDraft(session, "self", draft);
  return json(
    {
      serviceName: service?.acceptsSelfReferral ? service.name : null,
      serviceRefused: Boolean(serviceId) && !service?.acceptsSelfReferral,
      fromCheck: Boolean(triage),
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

export default function SelfReferralStart() {
  const d = useLoaderData<typeof loader>();
  return (
    <StepPage back={d.fromCheck ? "/check" : "/services"}>
      <h1 className="govuk-heading-l">Ask someone to contact you</h1>
      <p className="govuk-body">
        {d.serviceName
          ? `We will pass your request to ${d.serviceName}. Someone from there will get in touch.`
          : "We will pass your request to the digital help team where you live. Someone will get in touch to help you find the right support."}
      </p>
      {d.serviceRefused ? (
        <p className="govuk-body">That service does not take requests straight from residents, so we will pass it to the local team instead.</p>
      ) : null}
      <p className="govuk-body">It takes about 2 minutes. We will ask:</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>your first name</li>
        <li>how you would like us to contact you</li>
        <li>the first part of your postcode</li>
      </ul>
      {d.fromCheck ? <p className="govuk-body">We will also pass on what you told us in your check, so you do not have to say it again.</p> : null}
      <Button href="/referrals/self/contact" isStartButton>
        Start now
      </Button>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Ask someone to contact you – Waymark" }];
