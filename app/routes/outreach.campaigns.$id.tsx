import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { actorFor } from "~/accounts/audit.server";
import { requireAnyPermission } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { SummaryList } from "~/components/summary-list";
import { Table } from "~/components/table";
import { getDb } from "~/lib/db.server";
import { readFormData } from "~/lib/forms";
import { campaignResults, cancelCampaign, findCampaign, parseAudience } from "~/outreach/campaigns.server";
import { reachOf } from "~/outreach/compose.server";
import { CHANNEL_LABELS, FOLLOW_UP_DAYS } from "~/outreach/outreach";
import { publishResults } from "~/outreach/results";

async function campaignFor(request: Request, id: string | undefined) {
  const { user } = await requireAnyPermission(request, ["outreach:send:area", "outreach:send:own-org"]);
  const db = getDb();
  // Outside the sender's reach a campaign is "not found", so ids cannot be probed.
  const campaign = await findCampaign(db, await reachOf(db, user), id ?? "");
  if (!campaign) throw new Response("Not found", { status: 404 });
  return { user, campaign };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { campaign } = await campaignFor(request, params.id);
  const db = getDb();
  const audience = parseAudience(campaign);
  const [areas, service, raw] = await Promise.all([
    db.selectFrom("areas").select("name").where("id", "in", audience.areaIds.length > 0 ? audience.areaIds : [""]).orderBy("name").execute(),
    campaign.service_id ? db.selectFrom("services").select("name").where("id", "=", campaign.service_id).executeTakeFirst() : undefined,
    campaignResults(db, [campaign.id]),
  ]);
  return json({
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    channel: CHANNEL_LABELS[campaign.channel],
    subject: campaign.subject,
    body: campaign.body,
    sendAfter: formatDateTime(campaign.send_after),
    finishedAt: campaign.finished_at ? formatDateTime(campaign.finished_at) : null,
    audience: { areas: areas.map((a) => a.name), districts: audience.districts, barriers: audience.barriers, goals: audience.goals },
    service: service?.name ?? null,
    results: publishResults(raw),
  });
}

const intentSchema = z.object({ intent: z.literal("cancel") });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, campaign } = await campaignFor(request, params.id);
  const form = intentSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!form.success) throw new Response("Choose what to do with this campaign.", { status: 400 });
  const cancelled = await cancelCampaign(getDb(), campaign.id, { actor: actorFor(user), ip: context?.clientIp });
  if (!cancelled) throw new Response("This campaign has already started, so it cannot be cancelled.", { status: 400 });
  throw redirect(`/outreach/campaigns/${campaign.id}`);
}

const STATUS_TEXT: Record<string, string> = { scheduled: "Scheduled", sending: "Sending", sent: "All handed to GOV.UK Notify", cancelled: "Cancelled" };

export default function Campaign() {
  const c = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink href="/outreach">Back to outreach</BackLink>
        <h1 className="govuk-heading-l">{c.name}</h1>
        <SummaryList
          rows={[
            { key: "Status", value: STATUS_TEXT[c.status] ?? c.status },
            { key: "Sent by", value: c.channel },
            { key: c.status === "scheduled" ? "Sends from" : "Started", value: c.sendAfter },
            { key: "Areas", value: c.audience.areas.join(", ") },
            { key: "Postcode districts", value: c.audience.districts.join(", ") || "All" },
            { key: "Barriers and goals", value: [...c.audience.barriers, ...c.audience.goals].join(", ") || "Anyone" },
            { key: "Service", value: c.service ?? "None, links to the self-check" },
            ...(c.subject ? [{ key: "Subject", value: c.subject }] : []),
            { key: "Message", value: <span className="app-referral-note">{c.body}</span> },
          ]}
        />
        {c.status === "scheduled" ? (
          <Form method="post">
            <Button variant="warning" name="intent" value="cancel">
              Cancel this campaign
            </Button>
          </Form>
        ) : null}
        <Table
          caption="What happened"
          captionSize="m"
          firstCellIsHeader
          head={[{ text: "Outcome" }, { text: "People", numeric: true }]}
          rows={[...c.results.rows.map((r) => [r.label, String(r.value)]), ["Total", String(c.results.total)]]}
        />
        <p className="govuk-body">
          Followed the link: <strong>{String(c.results.clicked)}</strong>. Then did a check or asked for help within {FOLLOW_UP_DAYS} days: <strong>{String(c.results.followedUp)}</strong>.
        </p>
        <p className="govuk-body">Counts from 1 to 4 show as “&lt;5”, and a count that would give one away as “[c]”, so nobody can be picked out.</p>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Outreach campaign – Waymark" }];
