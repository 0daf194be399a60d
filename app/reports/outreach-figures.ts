/**
 * The outreach part of /reports: what became of the messages sent in campaigns started in the
 * period, what the people reached did next, and how many residents asked for (or stopped)
 * messages. Pure, like build-figures.ts, which adds these to the report so they are published
 * and suppressed with every other figure.
 */
import { FOLLOW_UP_DAYS, RECIPIENT_STATUS_LABELS, type RecipientStatus } from "~/outreach/outreach";
import type { Figure, KeyFigure, Terms } from "./figure";
import { formatCount } from "./stats";

export interface OutreachFacts {
  /** Campaigns started in the period that reached into the areas reported on. */
  campaigns: number;
  /** Recipients of those campaigns living in the areas, by where their message got to. */
  statuses: Record<RecipientStatus, number>;
  /** Of the people reached (sent or delivered): who followed the link, and who then did a check or asked for help. */
  clicked: number;
  followedUp: number;
  /** Consents given, and ended by the person (link or STOP reply), in the period, by channel. */
  joined: { sms: number; email: number };
  stopped: { sms: number; email: number };
}

export const NO_OUTREACH: OutreachFacts = {
  campaigns: 0,
  statuses: { queued: 0, sending: 0, sent: 0, delivered: 0, failed: 0, "opted-out": 0, skipped: 0 },
  clicked: 0,
  followedUp: 0,
  joined: { sms: 0, email: 0 },
  stopped: { sms: 0, email: 0 },
};

const atom = (name: string): Terms => ({ [name]: 1 });
const REACHED: Terms = { "outreach:delivered": 1, "outreach:sent": 1 };

/** Rows in the order a sender reads them: reached, not yet known, not reached, never sent. */
const RESULT_ROWS: Array<{ key: string; label: string; statuses: RecipientStatus[] }> = [
  { key: "delivered", label: RECIPIENT_STATUS_LABELS.delivered, statuses: ["delivered"] },
  { key: "sent", label: RECIPIENT_STATUS_LABELS.sent, statuses: ["sent"] },
  { key: "failed", label: RECIPIENT_STATUS_LABELS.failed, statuses: ["failed"] },
  { key: "opted-out", label: RECIPIENT_STATUS_LABELS["opted-out"], statuses: ["opted-out"] },
  { key: "skipped", label: RECIPIENT_STATUS_LABELS.skipped, statuses: ["skipped"] },
  { key: "waiting", label: RECIPIENT_STATUS_LABELS.queued, statuses: ["queued", "sending"] },
];

export function outreachFigures(facts: OutreachFacts): { figures: Figure[]; keys: KeyFigure[]; keyTerms: Record<string, { kind: "count"; terms: Terms }> } {
  const sum = (statuses: RecipientStatus[]) => statuses.reduce((s, status) => s + facts.statuses[status], 0);
  const termsOf = (statuses: RecipientStatus[]): Terms => Object.fromEntries(statuses.map((s) => [`outreach:${s}`, 1]));
  const reached = sum(["delivered", "sent"]);
  const handedToNotify = sum(["delivered", "sent", "failed"]);
  const people = [{ label: "People", kind: "count" as const }];
  const figures: Figure[] = [
    {
      id: "outreach-messages",
      title: "Outreach messages and what became of them",
      description:
        "Everyone chosen for an outreach campaign started in the period, by where their message got to: delivered, sent with no receipt yet, failed, stopped before it went, skipped because they had a message in the last week, or still waiting.",
      unit: "Message",
      columns: people,
      rows: RESULT_ROWS.map((r) => ({ key: r.key, label: r.label, values: [sum(r.statuses)], terms: [termsOf(r.statuses)] })),
      exclusive: true,
      base: null,
      aboutPeople: true,
    },
    {
      id: "outreach-follow-up",
      title: "What people did after an outreach message",
      description: `Of the people an outreach message reached, those who followed its link, and those who then finished a check or asked for help within ${FOLLOW_UP_DAYS} days. Only a check or request made in the same visit as following the link can be counted.`,
      unit: "Next step",
      columns: people,
      rows: [
        { key: "clicked", label: "Followed the link", values: [facts.clicked], terms: [atom("outreach:clicked")] },
        { key: "followed-up", label: `Did a check or asked for help within ${FOLLOW_UP_DAYS} days`, values: [facts.followedUp], terms: [atom("outreach:followed-up")] },
      ],
      exclusive: false,
      base: { label: "people reached", value: reached, terms: REACHED },
      aboutPeople: true,
    },
    {
      id: "outreach-consents",
      title: "Residents asking for outreach messages",
      description: "Residents who asked to hear about help near them in the period, and those who stopped the messages themselves, by a link or a STOP reply.",
      unit: "Consent",
      columns: [
        { label: "Text messages", kind: "count" },
        { label: "Emails", kind: "count" },
      ],
      rows: [
        { key: "joined", label: "Asked for messages", values: [facts.joined.sms, facts.joined.email], terms: [atom("outreach-joined:sms"), atom("outreach-joined:email")] },
        { key: "stopped", label: "Stopped them", values: [facts.stopped.sms, facts.stopped.email], terms: [atom("outreach-stopped:sms"), atom("outreach-stopped:email")] },
      ],
      exclusive: false,
      base: null,
      aboutPeople: true,
    },
  ];
  const keys: KeyFigure[] = [
    // Campaigns are the partnership's own actions, not people, so their number is never hidden.
    { id: "outreach-campaigns", label: "Outreach campaigns started", value: formatCount(facts.campaigns), basis: facts.campaigns, aboutPeople: false },
    { id: "outreach-sent", label: "Outreach messages sent", value: formatCount(handedToNotify), basis: handedToNotify, aboutPeople: true },
  ];
  return { figures, keys, keyTerms: { "outreach-sent": { kind: "count", terms: termsOf(["delivered", "sent", "failed"]) } } };
}
