import { actorFor, recordAudit } from "~/accounts/audit.server";
import type { CurrentUser } from "~/accounts/auth.server";
import type { Db } from "~/lib/db.server";
import { enqueueMessage } from "~/messaging/outbox.server";
import type { JoinForm } from "./join-form";
import { CHANNEL_LABELS } from "./outreach";
import { areaForDistrict, type SourceFacts } from "./sources.server";
import { createSubscription } from "./subscriptions.server";

/**
 * Records a consent and sends one message at once saying what was agreed and how to stop, so
 * the person (or anyone whose number was given by mistake) can stop straight away.
 */
export async function joinOutreach(
  db: Db,
  input: { form: JoinForm; facts: SourceFacts | null; user: CurrentUser | null; baseUrl: string; ip?: string | null },
  now: Date = new Date(),
): Promise<void> {
  const { form, facts } = input;
  const outwardCode = facts?.outwardCode ?? form.outwardCode;
  const areaId = facts?.areaId ?? (outwardCode ? await areaForDistrict(db, outwardCode) : null);
  const { id, token } = await createSubscription(
    db,
    {
      channel: form.channel,
      contact: form.contact,
      source: facts?.source ?? "check",
      sourceId: facts?.sourceId ?? null,
      areaId,
      outwardCode,
      barriers: facts?.barriers ?? [],
      goals: facts?.goals ?? [],
      recordedByUserId: input.user?.id ?? null,
    },
    now,
  );
  const stop = `${input.baseUrl}/outreach/stop/${token}`;
  const body =
    form.channel === "sms"
      ? `Waymark: you asked for texts about free help near you to get online. At most 2 a month. To stop, go to ${stop}`
      : `You asked Waymark to email you about free help near you to get online, like courses, free devices and drop-in sessions. We send no more than 2 a month.\n\nTo stop at any time, go to ${stop}`;
  await enqueueMessage(
    db,
    { channel: form.channel, to: form.contact, subject: "You asked to hear about help near you", body, purpose: "outreach", related: { type: "outreach_subscription", id }, forgetRecipient: true },
    now,
  );
  await recordAudit(
    db,
    { actor: actorFor(input.user), action: "outreach-consent-given", recordType: "outreach_subscription", recordId: id, areaId, detail: { channel: CHANNEL_LABELS[form.channel], source: facts?.source ?? "direct" }, ip: input.ip },
    now,
  );
}
