import type { Db } from "~/lib/db.server";
import { PLAN_SEND_WINDOW_MS } from "./plan-send-limit";

/** When a saved plan was sent by text or email within the limit's window, from the outbox. */
export async function recentPlanSends(db: Db, triageResultId: string, now: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom("messages")
    .select("created_at")
    .where("purpose", "=", "plan")
    .where("related_type", "=", "triage_result")
    .where("related_id", "=", triageResultId)
    .where("created_at", ">", new Date(now.getTime() - PLAN_SEND_WINDOW_MS).toISOString())
    .execute();
  return rows.map((row) => new Date(row.created_at));
}
