import { json, type ActionFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/accounts/audit.server";
import { getConfig } from "~/lib/config.server";
import { getDb } from "~/lib/db.server";
import { applyInboundSms, checkCallbackAuth, inboundSmsSchema, readCallback } from "~/outreach/callbacks.server";

/** GOV.UK Notify's "callback for received text messages": a reply of STOP ends that number's consent at once. */
export async function action({ request }: ActionFunctionArgs) {
  const refused = checkCallbackAuth(request, getConfig().NOTIFY_CALLBACK_TOKEN);
  if (refused) throw refused;
  const sms = await readCallback(request, inboundSmsSchema);
  if (!sms) return json({ error: "Expected a Notify received text message" }, { status: 400 });
  const db = getDb();
  const ended = await applyInboundSms(db, sms);
  if (ended > 0) await recordAudit(db, { actor: { userId: null, label: "Text reply STOP" }, action: "outreach-consent-withdrawn", recordType: "outreach_subscription", detail: { consents: ended, by: "reply" } });
  return json({ ended });
}
