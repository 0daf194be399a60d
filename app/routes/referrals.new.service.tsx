import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/accounts/auth.server";
import { commitSession } from "~/accounts/session.server";
import { Button } from "~/components/button";
import { Input } from "~/components/input";
import { NotificationBanner } from "~/components/notification-banner";
import { Radios } from "~/components/radios";
import { getDb } from "~/lib/db.server";
import { parseForm, readFormData } from "~/lib/forms";
import { ReturnToCheck, StepPage } from "~/referrals/components";
import { afterStep } from "~/referrals/draft";
import { readDraft, saveAndRedirect, takeNotice } from "~/referrals/draft.server";
import { serviceStepSchema } from "~/referrals/referral-form";
import { chooseService, findPublishedService, mayReferTo, searchReferrableServices } from "~/referrals/services.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "referral:create");
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").slice(0, 100);
  const db = getDb();
  const { session, draft } = await readDraft(request, "referral");
  const notice = takeNotice(session);
  const services = await searchReferrableServices(db, user, query);
  const chosen = draft.serviceId ? await findPublishedService(db, draft.serviceId) : null;
  if (chosen && mayReferTo(user, chosen) && !services.some((s) => s.id === chosen.id)) services.unshift(chosen);
  return json(
    {
      query,
      notice,
      selected: chosen?.id ?? "",
      returnToCheck: url.searchParams.get("return") === "check",
      services: services.map((s) => ({ id: s.id, name: s.name, organisationName: s.organisationName, where: s.isNational ? "National" : (s.areaName ?? "") })),
    },
    { headers: { "Set-Cookie": await commitSession(session) } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "referral:create");
  const formData = await readFormData(request);
  const form = parseForm(serviceStepSchema, formData);
  const { session, draft } = await readDraft(request, "referral");
  if (!form.success) return json({ errors: form.errors }, { status: 400 });
  const choice = await chooseService(getDb(), user, form.data.serviceId);
  if (!choice.ok) return json({ errors: { serviceId: choice.message } }, { status: 400 });
  const next = { ...draft, serviceId: choice.service.id };
  return saveAndRedirect(session, "referral", next, afterStep(next, "service", formData.get("returnTo") === "check"));
}

export default function ChooseService() {
  const { query, notice, selected, services, returnToCheck } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <StepPage back={returnToCheck ? "/referrals/new/check" : "/referrals"} errors={errors}>
      {notice ? <NotificationBanner title="Important">{notice}</NotificationBanner> : null}
      <span className="govuk-caption-l">Make a referral</span>
      <h1 className="govuk-heading-l">Which service are you referring them to?</h1>
      <form method="get" action="/referrals/new/service" className="app-referral-search">
        {returnToCheck ? <input type="hidden" name="return" value="check" /> : null}
        <Input name="q" label="Search by name or what the service does" defaultValue={query} width="two-thirds" spellCheck={false} />
        <Button variant="secondary">Search</Button>
      </form>
      {services.length > 0 ? (
        <Form method="post" reloadDocument noValidate>
          <ReturnToCheck on={returnToCheck} />
          <Radios
            name="serviceId"
            legend={query ? `Services matching “${query}”` : "Services you can refer to"}
            legendSize="m"
            hint="Services in your area and national services."
            error={errors.serviceId}
            defaultValue={selected}
            items={services.map((s) => ({ value: s.id, text: s.name, hint: [s.organisationName, s.where].filter(Boolean).join(" · ") }))}
          />
          <Button>Continue</Button>
        </Form>
      ) : (
        <>
          {errors.serviceId ? <p className="govuk-error-message">{errors.serviceId}</p> : null}
          <p className="govuk-body">No services match “{query}”. Try other words, or fewer of them.</p>
        </>
      )}
    </StepPage>
  );
}

export const meta: MetaFunction = () => [{ title: "Choose a service – Make a referral – Waymark" }];
