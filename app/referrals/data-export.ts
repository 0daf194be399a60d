/**
 * Everything Waymark holds about the person on one referral, for a subject access request: the
 * referral's own fields, what they mean in words, its timeline, and the messages sent to the
 * person (their address or number and what was said). JSON for systems, CSV for
 * people who open it in a spreadsheet. Values are written as they are stored; the CSV neutralises
 * cells a spreadsheet would run as a formula.
 */
import { csvRow } from "~/lib/csv";
import type { Message } from "~db/schema/messaging";
import type { Referral, ReferralEvent } from "~db/schema/referrals";

export type MessageToPerson = Pick<Message, "created_at" | "channel" | "recipient" | "subject" | "body" | "status" | "sent_at">;

export interface ReferralExport {
  exportedAt: string;
  reference: string;
  service: string;
  organisation: string;
  area: string | null;
  referral: Record<string, string | number | null>;
  timeline: Array<Pick<ReferralEvent, "at" | "from_status" | "to_status" | "actor_label" | "note">>;
  messagesToPerson: MessageToPerson[];
}

export function buildReferralExport(
  input: {
    referral: Referral;
    serviceName: string;
    organisationName: string;
    areaName: string | null;
    events: ReferralEvent[];
    messagesToPerson: MessageToPerson[];
  },
  now: Date,
): ReferralExport {
  return {
    exportedAt: now.toISOString(),
    reference: input.referral.reference,
    service: input.serviceName,
    organisation: input.organisationName,
    area: input.areaName,
    referral: { ...input.referral },
    timeline: input.events.map(({ at, from_status, to_status, actor_label, note }) => ({ at, from_status, to_status, actor_label, note })),
    messagesToPerson: input.messagesToPerson.map(({ created_at, channel, recipient, subject, body, status, sent_at }) => ({
      created_at,
      channel,
      recipient,
      subject,
      body,
      status,
      sent_at,
    })),
  };
}

function row(cells: (string | number | null | undefined)[]): string {
  // Through the one CSV writer, so a value typed as "=HYPERLINK(…)" is written as text, as in every other file.
  return csvRow(cells);
}

/** Three sections in one sheet: field and value, the timeline, then the messages to the person. */
export function referralExportCsv(data: ReferralExport): string {
  const lines = [
    row(["section", "field", "value"]),
    row(["export", "exported_at", data.exportedAt]),
    row(["export", "service", data.service]),
    row(["export", "organisation", data.organisation]),
    row(["export", "area", data.area]),
    ...Object.entries(data.referral).map(([field, value]) => row(["referral", field, value])),
    "",
    row(["timeline_at", "from_status", "to_status", "by", "note"]),
    ...data.timeline.map((e) => row([e.at, e.from_status, e.to_status, e.actor_label, e.note])),
    "",
    row(["message_created_at", "channel", "recipient", "subject", "body", "status", "sent_at"]),
    ...data.messagesToPerson.map((m) => row([m.created_at, m.channel, m.recipient, m.subject, m.body, m.status, m.sent_at])),
  ];
  return `${lines.join("\r\n")}\r\n`;
}
