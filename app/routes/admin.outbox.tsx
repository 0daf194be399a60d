import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/accounts/auth.server";
import { formatDateTime } from "~/accounts/format";
import { BackLink } from "~/components/back-link";
import { Button } from "~/components/button";
import { Details } from "~/components/details";
import { Pagination } from "~/components/pagination";
import { Select } from "~/components/select";
import { Table } from "~/components/table";
import { Tag, type TagColour } from "~/components/tag";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { MESSAGE_PURPOSES, MESSAGE_STATUSES, type MessageStatus } from "~/messaging/message";
import { listOutbox } from "~/messaging/outbox.server";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

// Filters come from links people share or edit, so a bad value is ignored rather than an error.
const filtersSchema = z.object({
  purpose: z.preprocess(blankToUndefined, z.enum(MESSAGE_PURPOSES).optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(MESSAGE_STATUSES).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

/** Only the last three digits of a mobile number, which is enough to tell messages apart. */
function maskMobile(recipient: string): string {
  return recipient ? `••••••••${recipient.slice(-3)}` : "";
}

/** A resident's email address as little as a mobile shows: its first letter and the end of the domain. */
function maskEmail(recipient: string): string {
  const ending = /\.[^.@]+$/.exec(recipient.slice(recipient.lastIndexOf("@") + 1))?.[0] ?? "";
  return `${recipient.slice(0, 1)}••••••••@••••${ending}`;
}

/**
 * Mobiles are only ever residents', so always masked. Emails to staff (invitations, referral
 * notices) are shown, so an admin can see who was sent what; emails to residents (the person on
 * a referral, or a plan or shortlist sent once) are masked like their mobiles.
 */
function shownRecipient(m: { recipient: string; channel: string; related_type: string | null; forget_recipient: number }): string {
  if (m.recipient === "") return "Removed after sending";
  if (m.channel === "sms") return maskMobile(m.recipient);
  return m.related_type === "referral-person" || m.forget_recipient === 1 ? maskEmail(m.recipient) : m.recipient;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "messages:read");
  const filters = filtersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await listOutbox(getDb(), filters);
  // Bodies hold invitation and reset links, so they are shown only on a developer's own machine.
  const showBodies = getConfig().NODE_ENV === "development";
  return json({
    filters: { purpose: filters.purpose ?? "", status: filters.status ?? "" },
    page: result.page,
    totalPages: result.totalPages,
    total: result.total,
    messages: result.messages.map((m) => ({
      id: m.id,
      channel: m.channel,
      to: shownRecipient(m),
      subject: m.subject,
      purpose: m.purpose,
      status: m.status,
      attempts: m.attempts,
      lastError: m.last_error,
      created: formatDateTime(m.created_at),
      sent: formatDateTime(m.sent_at, "Not yet"),
      // Outreach is one text sent to many, so an admin may read what residents were told; its only
      // personal part is the stop link, which does no more than stop that person's messages.
      body: showBodies || m.purpose === "outreach" ? m.body : null,
    })),
  });
}

const STATUS_COLOURS: Record<MessageStatus, TagColour> = { queued: "blue", sending: "yellow", sent: "green", failed: "red" };

export default function Outbox() {
  const { filters, messages, page, totalPages, total } = useLoaderData<typeof loader>();
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    if (filters.purpose) params.set("purpose", filters.purpose);
    if (filters.status) params.set("status", filters.status);
    if (p > 1) params.set("page", String(p));
    const search = params.toString();
    return search ? `/admin/outbox?${search}` : "/admin/outbox";
  };
  return (
    <>
      <BackLink href="/admin">Back to admin</BackLink>
      <h1 className="govuk-heading-l">Outbox</h1>
      <p className="govuk-body">Emails and text messages, newest first. Messages that fail for a passing reason are tried again automatically.</p>
      <form method="get" action="/admin/outbox">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select name="purpose" label="Purpose" items={[{ value: "", text: "Any purpose" }, ...MESSAGE_PURPOSES.map((p) => ({ value: p, text: p }))]} defaultValue={filters.purpose} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select name="status" label="Status" items={[{ value: "", text: "Any status" }, ...MESSAGE_STATUSES.map((s) => ({ value: s, text: s }))]} defaultValue={filters.status} />
          </div>
        </div>
        <Button variant="secondary">Apply filters</Button>
      </form>
      <p className="govuk-body" role="status">
        {total === 1 ? "1 message" : `${total} messages`}
      </p>
      {messages.length > 0 ? (
        <Table
          caption="Messages"
          captionSize="m"
          head={[{ text: "Created" }, { text: "To" }, { text: "Message" }, { text: "Status" }, { text: "Attempts", numeric: true }, { text: "Last error" }, { text: "Sent" }]}
          rows={messages.map((m) => [
            m.created,
            <>
              {m.to}
              <br />
              <span className="govuk-hint govuk-!-margin-bottom-0">{m.channel === "sms" ? "Text message" : "Email"}</span>
            </>,
            <>
              {m.subject || m.purpose}
              <br />
              <span className="govuk-hint govuk-!-margin-bottom-0">{m.purpose}</span>
              {m.body !== null ? (
                <Details summary="Message">
                  {m.body.split(/\n{2,}/).map((paragraph, index) => (
                    <p key={index} className="govuk-body-s">
                      {paragraph}
                    </p>
                  ))}
                </Details>
              ) : null}
            </>,
            <Tag key="status" colour={STATUS_COLOURS[m.status]}>
              {m.status}
            </Tag>,
            m.attempts,
            m.lastError ?? "None",
            m.sent,
          ])}
        />
      ) : (
        <p className="govuk-body">No messages match these filters.</p>
      )}
      <Pagination currentPage={page} totalPages={totalPages} hrefFor={hrefFor} landmarkLabel="Pages of messages" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Outbox – Admin – Waymark" }];
