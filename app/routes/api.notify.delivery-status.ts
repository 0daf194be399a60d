import { json, type ActionFunctionArgs } from "@remix-run/node";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { applyDeliveryReceipt, checkCallbackAuth, deliveryReceiptSchema, readCallback } from "~/outreach/callbacks.server";

/** GOV.UK Notify's delivery receipts (its "callback for delivery receipts"), one notification per POST. */
export async function action({ request }: ActionFunctionArgs) {
  const refused = checkCallbackAuth(request, getConfig().NOTIFY_CALLBACK_TOKEN);
  if (refused) throw refused;
  const receipt = await readCallback(request, deliveryReceiptSchema);
  if (!receipt) return json({ error: "Expected a Notify delivery receipt" }, { status: 400 });
  return json({ updated: await applyDeliveryReceipt(getDb(), receipt) });
}
