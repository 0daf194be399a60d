import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { actorFor, recordAudit } from "~/accounts/audit.server";
import { requireAnyPermission, requirePermission } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { can } from "~/accounts/policy";
import { Button } from "~/components/button";
import { Table } from "~/components/table";
import { Tag } from "~/components/tag";
import { getDb } from "~/lib/db.server";
import { readFormData } from "~/lib/forms";
import { reachableAreas } from "~/outreach/access";
import { allowSender, listCampaigns, revokeSender, senderCandidates } from "~/outreach/campaigns.server";
import { reachOf } from "~/outreach/compose.server";
import { CHANNEL_LABELS } from "~/outreach/outreach";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAnyPermission(request, ["outreach:send:area", "outreach:send:own-org"]);
  const db = getDb();
  const reach = await reachOf(db, user);
  const campaigns = await listCampaigns(db, reach);
  const managesSenders = can(user.role, "outreach:senders:manage");
  return json({
    maySend: reach.kind !== "none",
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, channel: CHANNEL_LABELS[c.channel], status: c.status, sendAfter: formatDateTime(c.send_after) })),
    senders: managesSenders ? await senderCandidates(db, reachableAreas(reach)) : null,
  });
}

const senderSchema = z.object({ intent: z.enum(["allow", "revoke"]), organisationId: z.string().min(1).max(100) });

/** Coordinators choose which provider organisations may write to residents about their own services. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outreach:senders:manage");
  const form = senderSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!form.success) throw new Response("Choose an organisation to allow or stop.", { status: 400 });
  const db = getDb();
  const candidates = await senderCandidates(db, reachableAreas(await reachOf(db, user)));
  if (!candidates.some((c) => c.id === form.data.organisationId)) throw new Response("Not found", { status: 404 });
  if (form.data.intent === "allow") await allowSender(db, form.data.organisationId, user.id);
  else await revokeSender(db, form.data.organisationId);
  await recordAudit(db, { actor: actorFor(user), action: form.data.intent === "allow" ? "outreach-sender-allowed" : "outreach-sender-stopped", recordType: "organisation", recordId: form.data.organisationId, ip: context?.clientIp });
  throw redirect("/outreach");
}

const STATUS: Record<string, { text: string; colour?: "blue" | "green" | "grey" | "yellow" }> = {
  scheduled: { text: "Scheduled", colour: "blue" },
  sending: { text: "Sending", colour: "yellow" },
  sent: { text: "Sent", colour: "green" },
  cancelled: { text: "Cancelled", colour: "grey" },
};

export default function Outreach() {
  const { maySend, campaigns, senders } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Outreach</h1>
        <p className="govuk-body">Tell residents who asked for news about help near them: a new course, a device giveaway, the digital bus.</p>
        {maySend ? (
          <Button href="/outreach/new">Write a new message</Button>
        ) : (
          <p className="govuk-body">A coordinator has not yet allowed your organisation to send messages to residents. Ask your partnership coordinator.</p>
        )}
        {campaigns.length > 0 ? (
          <Table
            caption="Campaigns"
            captionSize="m"
            head={[{ text: "Name" }, { text: "By" }, { text: "Sends from" }, { text: "Status" }]}
            rows={campaigns.map((c) => [
              <a key="name" className="govuk-link" href={`/outreach/campaigns/${c.id}`}>
                {c.name}
              </a>,
              c.channel,
              c.sendAfter,
              <Tag key="status" colour={STATUS[c.status]?.colour}>
                {STATUS[c.status]?.text ?? c.status}
              </Tag>,
            ])}
          />
        ) : (
          <p className="govuk-body">No campaigns yet.</p>
        )}
        {senders ? <Senders senders={senders} /> : null}
      </div>
    </div>
  );
}

function Senders({ senders }: { senders: Array<{ id: string; name: string; allowed: boolean }> }) {
  return (
    <section aria-labelledby="senders">
      <h2 className="govuk-heading-m" id="senders">
        Providers who may send
      </h2>
      <p className="govuk-body">A provider you allow can write to residents in its areas about its own services only.</p>
      <Table
        caption="Organisations with services in your areas"
        captionSize="m"
        head={[{ text: "Organisation" }, { text: "May send" }, { text: "Change" }]}
        rows={senders.map((s) => [
          s.name,
          s.allowed ? "Yes" : "No",
          <Form key="change" method="post">
            <input type="hidden" name="organisationId" value={s.id} />
            <Button variant="secondary" name="intent" value={s.allowed ? "revoke" : "allow"} className="govuk-!-margin-bottom-0">
              {s.allowed ? `Stop ${s.name}` : `Allow ${s.name}`}
            </Button>
          </Form>,
        ])}
      />
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Outreach – Waymark" }];
