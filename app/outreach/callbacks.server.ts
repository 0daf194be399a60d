import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Db } from "~/lib/db.server";
import { normaliseUkMobile } from "~/messaging/message";
import { endSubscriptionsForMobile, isStopReply } from "./subscriptions.server";

/**
 * Notify calls back with the bearer token set on its callbacks page. Off (404) until a token is
 * configured; a wrong or missing token is refused (401) before the body is read.
 */
export function checkCallbackAuth(request: Request, token: string | undefined): Response | null {
  if (!token) return new Response("Not found", { status: 404 });
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return new Response("Unauthorised", { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  return null;
}

export const deliveryReceiptSchema = z.object({
  id: z.string().max(100),
  reference: z.string().max(100).nullable().optional(),
  status: z.string().max(40),
  notification_type: z.string().max(20).optional(),
});

const FAILED = new Set(["permanent-failure", "temporary-failure", "technical-failure"]);

/** Moves a recipient to delivered or failed from Notify's receipt; other statuses change nothing. */
export async function applyDeliveryReceipt(db: Db, receipt: z.infer<typeof deliveryReceiptSchema>, now: Date = new Date()): Promise<boolean> {
  const outcome = receipt.status === "delivered" ? "delivered" : FAILED.has(receipt.status) ? "failed" : null;
  if (!outcome || !receipt.reference) return false;
  const result = await db
    .updateTable("outreach_recipients")
    .set({ status: outcome, reason: outcome === "failed" ? receipt.status : null, updated_at: now.toISOString() })
    .where("message_id", "=", receipt.reference)
    .where("status", "in", ["sending", "sent"])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export const inboundSmsSchema = z.object({
  id: z.string().max(100),
  source_number: z.string().max(40),
  message: z.string().max(2_000),
});

/** A reply of STOP (or the like) ends every text consent for that number; anything else is ignored. */
export async function applyInboundSms(db: Db, sms: z.infer<typeof inboundSmsSchema>, now: Date = new Date()): Promise<number> {
  if (!isStopReply(sms.message)) return 0;
  const mobile = normaliseUkMobile(sms.source_number);
  if (!mobile) return 0;
  return endSubscriptionsForMobile(db, mobile, now);
}

/** Reads a JSON callback body, or null when it is not JSON of the expected shape. */
export async function readCallback<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<z.output<S> | null> {
  try {
    const parsed = schema.safeParse(await request.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
