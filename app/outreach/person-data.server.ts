import { BARRIERS, GOALS } from "~/lib/frameworks";
import type { Db } from "~/lib/db.server";
import type { OutreachSubscription } from "~db/schema/outreach";
import { CHANNEL_LABELS } from "./outreach";
import { interestsOf } from "./subscriptions.server";

/** What Waymark holds about one person who signed up, in plain words: their copy of it (subject access). */
export interface PersonData {
  channel: string;
  contact: string | null;
  agreedOn: string;
  words: string;
  area: string | null;
  district: string | null;
  barriers: string[];
  goals: string[];
  status: "active" | "ended";
  endedOn: string | null;
  messages: Array<{ campaign: string; status: string; sentOn: string | null }>;
}

const label = (list: ReadonlyArray<{ id: string; label: string }>, id: string) => list.find((x) => x.id === id)?.label ?? id;

export async function personData(db: Db, subscription: OutreachSubscription): Promise<PersonData> {
  const [interests, area, messages] = await Promise.all([
    interestsOf(db, subscription.id),
    subscription.area_id ? db.selectFrom("areas").select("name").where("id", "=", subscription.area_id).executeTakeFirst() : undefined,
    db
      .selectFrom("outreach_recipients as r")
      .innerJoin("outreach_campaigns as c", "c.id", "r.campaign_id")
      .select(["c.name", "r.status", "r.sent_at"])
      .where("r.subscription_id", "=", subscription.id)
      .orderBy("r.updated_at", "desc")
      .execute(),
  ]);
  return {
    channel: CHANNEL_LABELS[subscription.channel],
    contact: subscription.contact,
    agreedOn: subscription.consented_at,
    words: subscription.consent_text,
    area: area?.name ?? null,
    district: subscription.outward_code,
    barriers: interests.barriers.map((id) => label(BARRIERS, id)),
    goals: interests.goals.map((id) => label(GOALS, id)),
    status: subscription.status,
    endedOn: subscription.ended_at,
    messages: messages.map((m) => ({ campaign: m.name, status: m.status, sentOn: m.sent_at })),
  };
}
