/**
 * The outreach counts for /reports, read straight from the outreach tables: a partnership runs
 * a handful of campaigns a month, so grouping their recipient rows is cheap, and each query
 * starts from an indexed time (db/migrations/016-outreach-reporting.ts).
 */
import type { Db } from "~/lib/db.server";
import { RECIPIENT_STATUSES, type RecipientStatus } from "~/outreach/outreach";
import type { FigureScope } from "./figures.server";
import { NO_OUTREACH, type OutreachFacts } from "./outreach-figures";
import { periodInstants } from "./period";

const REACHED: readonly RecipientStatus[] = ["sent", "delivered"];

export async function outreachFactsFor(db: Db, scope: FigureScope): Promise<OutreachFacts> {
  const { fromInstant, toInstantExclusive } = periodInstants(scope.period);
  const areaIds = scope.areaIds === "all" ? null : [...scope.areaIds];
  if (areaIds && areaIds.length === 0) return NO_OUTREACH;

  let campaigns = db
    .selectFrom("outreach_campaigns")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("started_at", ">=", fromInstant)
    .where("started_at", "<", toInstantExclusive);
  if (areaIds) campaigns = campaigns.where("id", "in", db.selectFrom("outreach_campaign_areas").select("campaign_id").where("area_id", "in", areaIds));

  // A recipient counts in the area they live in, which may be one of several a campaign covered.
  let recipients = db
    .selectFrom("outreach_recipients as r")
    .innerJoin("outreach_campaigns as c", "c.id", "r.campaign_id")
    .innerJoin("outreach_subscriptions as s", "s.id", "r.subscription_id")
    .select((eb) => ["r.status", eb.fn.countAll<number>().as("n"), eb.fn.count<number>("r.clicked_at").as("clicked"), eb.fn.count<number>("r.followed_up").as("followed")])
    .where("c.started_at", ">=", fromInstant)
    .where("c.started_at", "<", toInstantExclusive)
    .groupBy("r.status");
  if (areaIds) recipients = recipients.where("s.area_id", "in", areaIds);

  const byChannel = async (column: "consented_at" | "ended_at", stoppedOnly: boolean) => {
    let query = db
      .selectFrom("outreach_subscriptions")
      .select((eb) => ["channel", eb.fn.countAll<number>().as("n")])
      .where(column, ">=", fromInstant)
      .where(column, "<", toInstantExclusive)
      .groupBy("channel");
    if (stoppedOnly) query = query.where("ended_by", "in", ["link", "reply"]);
    if (areaIds) query = query.where("area_id", "in", areaIds);
    const rows = await query.execute();
    const count = (channel: string) => Number(rows.find((r) => r.channel === channel)?.n ?? 0);
    return { sms: count("sms"), email: count("email") };
  };

  const [campaignRow, recipientRows, joined, stopped] = await Promise.all([campaigns.executeTakeFirstOrThrow(), recipients.execute(), byChannel("consented_at", false), byChannel("ended_at", true)]);
  const statuses = Object.fromEntries(RECIPIENT_STATUSES.map((s) => [s, 0])) as Record<RecipientStatus, number>;
  let clicked = 0;
  let followedUp = 0;
  for (const row of recipientRows) {
    statuses[row.status] = Number(row.n);
    // Only people the message reached count as following it up, so the follow-up figure is a part of its base.
    if (REACHED.includes(row.status)) {
      clicked += Number(row.clicked);
      followedUp += Number(row.followed);
    }
  }
  return { campaigns: Number(campaignRow.n), statuses, clicked, followedUp, joined, stopped };
}
