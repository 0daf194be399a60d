import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { redirectWithSession } from "~/accounts/session.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { Button } from "~/components/button";
import { SummaryList } from "~/components/summary-list";
import { getDb } from "~/lib/db.server";
import { recordFollowUp } from "~/outreach/follow-up.server";
import { StepPage } from "~/referrals/components";
import { selfRedirectForStep } from "~/referrals/draft";
import { clearDraft, getConfirmed, readDraft, setConfirmed } from "~/referrals/draft.server";
import { CONTACT_METHOD_LABELS } from "~/referrals/referral-form";
import { routeSelfReferral, submitSelfReferral } from "~/referrals/submit.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, draft } = await readDraft(request, "self");
  if (!draft.person && getConfirmed(session, "self")) throw redirect("/referrals/self/confirmation");
  const elsewhere = selfRedirectForStep(draft, "check");
  if (elsewhere) throw redirect(elsewhere);
  const route = await routeSelfReferral(getDb(), draft, draft.person!.outwardCode, new Date());
  if (!route.ok) throw redirect("/referrals/self/contact");
  const p = draft.person!;
  return json({
    helper: route.toCoordinators ? `Digital help team, ${route.areaName ?? "your area"}` : route.service.name,
    name: p.personName,
    contact: [CONTACT_METHOD_LABELS[p.contactMethod], p.contactDetail].filter(Boolean).join(": "),
    bestTimes: p.bestTimes,
    outwardCode: p.outwardCode,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, draft } = await readDraft(request, "self");
  if (!draft.person && getConfirmed(session, "self")) throw redirect("/referrals/self/confirmation");
  const elsewhere = selfRedirectForStep(draft, "check");
  if (elsewhere) throw redirect(elsewhere);
  const db = getDb();
  const result = await submitSelfReferral(db, draft, { now: new Date(), baseUrl: publicBaseUrl(request) });
  if (!result.ok) throw redirect(result.redirectTo);
  await recordFollowUp(db, session, "referral");
  clearDraft(session, "self");
  setConfirmed(session, "self", result.confirmed);
  return redirectWithSession(session, "/referrals/self/confirmation");
}

const change = (what: string) => [{ href: "/referrals/self/contact?return=check", text: "Change", visuallyHiddenText: what }];

export default function SelfCheck() {
  const d = useLoaderData<typeof loader>();
  return (
    <StepPage back="/referrals/self/consent">
      <h1 className="govuk-heading-l">Check your answers</h1>
      <SummaryList
        rows={[
          { key: "Who will contact you", value: d.helper },
          { key: "Your name", value: d.name, actions: change("your name") },
          { key: "How to contact you", value: d.contact, actions: change("how to contact you") },
          { key: "Best times", value: d.bestTimes ?? "Any time", actions: change("best times") },
          { key: "Postcode area", value: d.outwardCode ?? "Not given", actions: change("postcode area") },
          { key: "You agreed to share your details", value: "Yes", actions: [{ href: "/referrals/self/consent", text: "Change", visuallyHiddenText: "whether you agree" }] },
        ]}
      />
      <Form method="post" reloadDocument noValidate>
        <Button preventDoubleClick>Send my request</Button>
      </Form>
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Check your answers – Ask someone to contact you – Waymark" }];
