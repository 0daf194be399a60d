import type { Session } from "@remix-run/node";
import { z } from "zod";
import type { SessionData } from "~/accounts/session.server";
import type { Db } from "~/lib/db.server";
import { type FollowUpKind, followUpToRecord } from "./follow-up";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The browser that followed an outreach link remembers which message it came from, so a check or
 * self-referral finished in that visit can be counted for the campaign without asking the person
 * who they are. Only the recipient row id is kept: it names no one and ends with the session.
 */
const SESSION_KEY = "outreachLink";
const remembered = z.object({ recipientId: z.string().regex(UUID) });

/**
 * Notes that someone followed the link in their message (the first time only), remembers it in
 * their session, and says where it leads: the service the campaign is about, or the self-check.
 * `remembered` says whether the session changed and so needs saving.
 */
export async function followLink(db: Db, session: Session<SessionData>, recipientId: string, now: Date = new Date()): Promise<{ to: string; remembered: boolean }> {
  if (!UUID.test(recipientId)) return { to: "/check", remembered: false };
  const row = await db
    .selectFrom("outreach_recipients as r")
    .innerJoin("outreach_campaigns as c", "c.id", "r.campaign_id")
    .select(["r.id", "c.service_id"])
    .where("r.id", "=", recipientId)
    .executeTakeFirst();
  if (!row) return { to: "/check", remembered: false };
  await db.updateTable("outreach_recipients").set({ clicked_at: now.toISOString() }).where("id", "=", row.id).where("clicked_at", "is", null).execute();
  session.set(SESSION_KEY, { recipientId: row.id });
  return { to: row.service_id ? `/services/${row.service_id}` : "/check", remembered: true };
}

/**
 * Counts a finished check or a self-referral for the outreach message this browser came from,
 * if it came within the follow-up window. The session forgets the link either way, so one click
 * is counted once. The caller commits the session.
 */
export async function recordFollowUp(db: Db, session: Session<SessionData>, kind: FollowUpKind, now: Date = new Date()): Promise<boolean> {
  const parsed = remembered.safeParse(session.get(SESSION_KEY));
  if (!parsed.success) return false;
  session.unset(SESSION_KEY);
  const recipient = await db.selectFrom("outreach_recipients").select(["id", "sent_at", "clicked_at", "followed_up"]).where("id", "=", parsed.data.recipientId).executeTakeFirst();
  if (!recipient) return false;
  const record = followUpToRecord({ sentAt: recipient.sent_at, clickedAt: recipient.clicked_at, followedUp: recipient.followed_up }, kind, now);
  if (!record) return false;
  const result = await db.updateTable("outreach_recipients").set({ followed_up: record }).where("id", "=", recipient.id).where("followed_up", "is", null).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
