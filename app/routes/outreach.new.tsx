import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireAnyPermission } from "~/accounts/auth.server";
import { publicBaseUrl } from "~/accounts/tokens.server";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Checkboxes } from "~/components/checkboxes";
import { ErrorSummary } from "~/components/error-summary";
import { errorSummaryItems } from "~/components/form-errors";
import { Input } from "~/components/input";
import { Radios } from "~/components/radios";
import { Select } from "~/components/select";
import { Textarea } from "~/components/textarea";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { BARRIERS, GOALS } from "~/lib/frameworks";
import { parseForm, readFormData } from "~/lib/forms";
import { CAMPAIGN_ARRAY_FIELDS, CAMPAIGN_BODY_MAX, campaignFormSchema } from "~/outreach/campaign-form";
import { composeOptions, previewCampaign, reachOf, scheduleCampaign } from "~/outreach/compose.server";
import { MIN_DAYS_BETWEEN_MESSAGES } from "~/outreach/outreach";
import { MessagePreview } from "~/outreach/message-preview";

async function requireSender(request: Request) {
  const { user } = await requireAnyPermission(request, ["outreach:send:area", "outreach:send:own-org"]);
  const reach = await reachOf(getDb(), user);
  if (reach.kind === "none") throw new Response("A coordinator has not yet allowed your organisation to send messages to residents.", { status: 403 });
  return { user, reach };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { reach } = await requireSender(request);
  return json({ ...(await composeOptions(getDb(), reach)), providerOnly: reach.kind === "own-org" });
}

type Values = Record<string, string | string[]>;

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, reach } = await requireSender(request);
  const formData = await readFormData(request);
  const form = parseForm(campaignFormSchema, formData, { arrays: CAMPAIGN_ARRAY_FIELDS });
  if (!form.success) return json({ errors: form.errors, values: form.values as Values, preview: null }, { status: 400 });
  // What was typed, as typed, so the form shows it again beside the preview.
  const echo: Values = Object.fromEntries([...new Set(formData.keys())].map((k) => [k, CAMPAIGN_ARRAY_FIELDS.some((a) => a === k) ? formData.getAll(k).map(String) : String(formData.get(k))]));
  for (const key of CAMPAIGN_ARRAY_FIELDS) echo[key] ??= [];
  const db = getDb();
  const config = getConfig();
  if (form.data.intent === "preview") {
    const preview = await previewCampaign(db, form.data, { baseUrl: publicBaseUrl(request), replyStop: config.OUTREACH_REPLY_STOP, pencePerFragment: config.OUTREACH_SMS_PENCE });
    return json({ errors: {}, values: echo, preview });
  }
  const scheduled = await scheduleCampaign(db, user, reach, form.data, { ip: context?.clientIp });
  if (!scheduled.ok) return json({ errors: scheduled.errors, values: echo, preview: null }, { status: 400 });
  throw redirect(`/outreach/campaigns/${scheduled.id}`);
}

export default function NewCampaign() {
  const { areas, services, providerOnly } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Values = actionData?.values ?? {};
  const text = (key: string) => (typeof values[key] === "string" ? (values[key] as string) : undefined);
  const list = (key: string) => (Array.isArray(values[key]) ? (values[key] as string[]) : []);
  const preview = actionData?.preview ?? null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/outreach">Back to outreach</BackLink>
        <ErrorSummary errors={errorSummaryItems(errors)} />
        <h1 className="govuk-heading-l">Write to residents who asked for news</h1>
        {preview ? <MessagePreview preview={preview} /> : null}
        <Form method="post" noValidate>
          <Input name="name" label="Campaign name" hint="Only staff see this, like “Digital bus in Park Wood, March”." defaultValue={text("name")} error={errors.name} />
          <Radios
            name="channel"
            legend="Send by"
            legendSize="s"
            error={errors.channel}
            defaultValue={text("channel") ?? "sms"}
            items={[
              { value: "sms", text: "Text message", hint: "No texts go between 8pm and 9am. A campaign started then waits until 9am." },
              { value: "email", text: "Email" },
            ]}
          />
          <Input name="subject" label="Email subject, if sending by email" defaultValue={text("subject")} error={errors.subject} />
          <Textarea
            name="body"
            label="Message"
            hint={`Up to ${CAMPAIGN_BODY_MAX} characters. A link to find out more and how to stop are added to every message. Preview it to see the length in text message parts.`}
            rows={5}
            defaultValue={text("body")}
            error={errors.body}
          />
          <Select
            name="serviceId"
            label={providerOnly ? "Which of your services is this about?" : "Link to a service (optional)"}
            hint="The “find out more” link opens this service’s page, with its sessions and opening times. Without one it opens the self-check."
            items={[{ value: "", text: providerOnly ? "Choose a service" : "No service, link to the self-check" }, ...services.map((s) => ({ value: s.id, text: s.name }))]}
            defaultValue={text("serviceId")}
            error={errors.serviceId}
          />
          <Checkboxes name="areaIds" legend="Areas" legendSize="s" error={errors.areaIds} defaultValues={list("areaIds")} items={areas.map((a) => ({ value: a.id, text: a.name }))} />
          <Input name="districts" label="Postcode districts (optional)" hint="Only people in these districts, like ME14, ME15. Leave empty for the whole of each area." width="20" defaultValue={text("districts")} error={errors.districts} />
          <Checkboxes name="barriers" legend="Only people whose answers showed (optional)" legendSize="s" hint="Leave all unticked for everyone." small error={errors.barriers} defaultValues={list("barriers")} items={BARRIERS.map((b) => ({ value: b.id, text: b.label }))} />
          <Checkboxes name="goals" legend="Only people who want to (optional)" legendSize="s" small error={errors.goals} defaultValues={list("goals")} items={GOALS.map((g) => ({ value: g.id, text: g.label }))} />
          <Radios
            name="when"
            legend="When to send"
            legendSize="s"
            error={errors.when}
            defaultValue={text("when") ?? "now"}
            items={[
              { value: "now", text: "Now" },
              { value: "later", text: "Later, on the date and time below" },
            ]}
          />
          <Input name="sendDate" label="Date to send, if later" hint="For example, 2027-03-14" width="10" type="date" defaultValue={text("sendDate")} error={errors.sendDate} />
          <Input name="sendTime" label="Time to send (UK), if later" hint="For example, 10:30" width="5" type="time" defaultValue={text("sendTime")} error={errors.sendTime} />
          <p className="govuk-body">Anyone sent an outreach message in the last {MIN_DAYS_BETWEEN_MESSAGES} days is left out, so nobody gets two in one week.</p>
          <div className="govuk-button-group">
            <Button variant="secondary" name="intent" value="preview">
              Preview and count
            </Button>
            <Button name="intent" value="send" preventDoubleClick>
              Send or schedule
            </Button>
          </div>
        </Form>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "New outreach campaign – Waymark" }];
